/**
 * The public side from outside: links that a HEAD or a link preview follows without
 * counting a join, a cancelled meeting's page, the rate limit per address (and
 * whose address it is behind a proxy), the headers of every answer, escaped pages, and
 * logs that never hold a whole token.
 */
import assert from "node:assert/strict";
import { newKey } from "../src/domain/tokens.ts";
import { clientAddress } from "../src/web/client.ts";
import { escapeHtml, html, page } from "../src/web/html.ts";
import { RateLimiter } from "../src/web/limit.ts";
import { personalLink } from "../src/usecases/links.ts";
import { user } from "./fake_bot_api.ts";
import { type Harness, ManualClock, startHarness } from "./helpers.ts";
import {
  JOIN_LINK,
  PUBLIC_URL,
  publicConfig,
  startWeb,
} from "./support/web.ts";

const MEETING = "2026-11-25";
const NEXT = "2026-12-02";
const anna = user(1, { first_name: "Анна" });
const admin = user(9001, { first_name: "Хост" });

/** Anna signed up and said yes for this week's meeting, Monday after the invitation. */
async function yesWeek(
  config = publicConfig({ admins: [admin.id] }),
): Promise<Harness> {
  const h = await startHarness({
    config,
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  await h.say(admin, "/start");
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  await h.press(anna, `rsvp:${MEETING}:yes`);
  await h.idle();
  return h;
}

/** Anna's link for `meeting`, as /status or a reminder would give it. */
function linkOf(h: Harness, meeting: string): string {
  const userId = h.store.users.byTgId(anna.id)!.id;
  const week = { id: meeting, startsAt: new Date(`${meeting}T08:00:00Z`) };
  return h.store.transaction(() =>
    personalLink(h.store, {
      publicUrl: PUBLIC_URL,
      key: KEY,
      userId,
      meeting: week,
      now: h.clock.now(),
    })
  );
}
const KEY = newKey();

Deno.test("a HEAD and a link preview's fetch lead on but never count as joining", async () => {
  await using h = await yesWeek();
  await using web = startWeb(h);
  const link = linkOf(h, MEETING);
  h.clock.set("2026-11-25T07:50:00Z"); // 10:50, in the window
  const userId = h.store.users.byTgId(anna.id)!.id;
  const head = await web.get(link, { method: "HEAD" });
  assert.equal(head.status, 302);
  for (
    const agent of [
      "TelegramBot (like TwitterBot)",
      "WhatsApp/2.23.20.0",
      "facebookexternalhit/1.1",
      "Mozilla/5.0 (compatible; Googlebot/2.1)",
    ]
  ) {
    const preview = await web.get(link, { headers: { "user-agent": agent } });
    assert.equal(preview.status, 302, agent);
  }
  assert.equal(h.store.attendance.joinedAt(MEETING, userId), undefined);
  assert.equal((await web.get(link)).status, 302);
  assert.equal(
    h.store.attendance.joinedAt(MEETING, userId),
    "2026-11-25T07:50:00.000Z",
  );
});

Deno.test("a cancelled meeting's link shows a page saying so, never the old link", async () => {
  await using h = await yesWeek();
  await using web = startWeb(h);
  const link = linkOf(h, NEXT);
  await h.say(admin, "/skip 02.12");
  const question = h.fake.sent(admin.id).at(-1)!;
  await h.press(
    admin,
    (question.reply_markup as {
      inline_keyboard: { callback_data: string }[][];
    })
      .inline_keyboard[0]![0]!.callback_data,
  );
  await h.idle();
  assert.equal(h.store.meetings.get(NEXT)?.status, "cancelled");
  const response = await web.get(link);
  assert.equal(response.status, 200);
  assert.equal(response.location, null);
  assert.match(
    response.body,
    /Встреча «Живой эфир» в среду, 2 декабря, отменена/,
  );
  assert.doesNotMatch(response.body, /example\.com/);
  assert.match(response.headers.get("content-type")!, /^text\/html/);
});

Deno.test("every answer carries a strict CSP, no caching, no referrer, no framing", async () => {
  await using h = await yesWeek();
  await using web = startWeb(h);
  for (const path of [linkOf(h, MEETING), "/j/unknown", "/", "/metrics"]) {
    const { headers } = await web.get(path);
    const csp = headers.get("content-security-policy")!;
    assert.match(csp, /^default-src 'none'; style-src 'sha256-[^']+'/, path);
    assert.doesNotMatch(csp, /unsafe|script-src/);
    assert.equal(headers.get("cache-control"), "no-store");
    assert.equal(headers.get("referrer-policy"), "no-referrer");
    assert.equal(headers.get("x-content-type-options"), "nosniff");
    assert.equal(headers.get("x-frame-options"), "DENY");
  }
  const post = await web.get(linkOf(h, MEETING), { method: "POST" });
  assert.equal(post.status, 405);
});

Deno.test("pages escape every value: a title with markup shows as text", async () => {
  assert.equal(
    escapeHtml(`<a href="x">'&'</a>`),
    "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
  );
  assert.equal(
    html`<p>${"<script>"}</p>${html`<b>${"&"}</b>`}`.markup,
    "<p>&lt;script&gt;</p><b>&amp;</b>",
  );
  const shown =
    page({ lang: "ru", title: "<script>alert(1)</script>", text: "" })
      .markup;
  assert.match(
    shown,
    /<title>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/title>/,
  );
  assert.doesNotMatch(shown, /<script>/);
  const base = publicConfig();
  await using h = await yesWeek(
    publicConfig({
      meeting: { ...base.meeting, title: `<img src=x onerror="1">` },
    }),
  );
  await using web = startWeb(h);
  h.clock.set("2026-11-25T10:00:00Z"); // over
  const { body } = await web.get(linkOf(h, MEETING));
  assert.doesNotMatch(body, /<img/);
  assert.match(body, /&lt;img src=x onerror=&quot;1&quot;&gt;/);
});

Deno.test("the rate limit lets a burst through, then answers 429 with Retry-After, per address", async () => {
  let now = 0;
  const limiter = new RateLimiter({
    burst: 3,
    perMinute: 60,
    maxClients: 100,
    clock: () => now,
  });
  assert.deepEqual([1, 2, 3].map(() => limiter.take("a")), [0, 0, 0]);
  assert.equal(limiter.take("a"), 1000, "one a second after the burst");
  assert.equal(limiter.take("b"), 0, "another address has its own");
  now += 1000;
  assert.equal(limiter.take("a"), 0);
  for (let i = 0; i < 1000; i++) limiter.take(`client-${i}`);
  assert.equal(limiter.size, 100, "bounded memory");

  const config = publicConfig();
  const settings = config.http!.public!;
  await using h = await yesWeek(
    publicConfig({
      http: {
        ...config.http!,
        public: { ...settings, rate_limit: { burst: 2, per_minute: 1 } },
      },
    }),
  );
  await using web = startWeb(h);
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await web.get("/j/x")).status);
  assert.deepEqual(statuses, [404, 404, 429, 429]);
  const limited = await web.get("/j/x");
  assert.equal(limited.headers.get("retry-after"), "60");
  assert.match(limited.body, /Слишком много запросов/);
});

Deno.test("the client's address comes from a header only when the config names one, its last entry", () => {
  const peer = { transport: "tcp" as const, hostname: "127.0.0.1", port: 5 };
  const request = new Request("http://x/j/a", {
    headers: { "x-forwarded-for": "6.6.6.6, 203.0.113.7" },
  });
  assert.equal(clientAddress(request, { peer, header: null }), "127.0.0.1");
  assert.equal(
    clientAddress(request, { peer, header: "x-forwarded-for" }),
    "203.0.113.7",
    "the entry the proxy added, not what the client wrote",
  );
  assert.equal(
    clientAddress(new Request("http://x/"), { peer, header: "x-real-ip" }),
    "127.0.0.1",
  );
});

Deno.test("no log line holds a whole token, the bot's or the public side's", async () => {
  await using h = await yesWeek();
  await using web = startWeb(h);
  const status = await h.say(anna, "/status");
  const token = JOIN_LINK.exec(status)![1]!;
  h.clock.set("2026-11-25T07:50:00Z");
  await web.get(`/j/${token}`);
  await web.get(`/j/${token}`, { method: "HEAD" });
  await web.get(`/j/${token.slice(0, 31)}Z`);
  const logs = [...h.logs, ...web.logs].join("\n");
  assert.match(logs, new RegExp(`path=/j/${token.slice(0, 4)}…`));
  assert.ok(!logs.includes(token), "never the whole token");
  assert.ok(!logs.includes(token.slice(0, 8)), "at most 4 characters of it");
});

Deno.test("every notice of a change carries the person's own link where its text shows one", async () => {
  const base = publicConfig({ admins: [admin.id] });
  await using h = await yesWeek({
    ...base,
    texts: {
      ...base.texts,
      meeting_moved: base.texts.meeting_moved + "\n{link}",
      answer_yes: base.texts.answer_yes + "\n{link}",
    },
  });
  const own = JOIN_LINK.exec(await h.say(anna, "/status"))![0];
  await h.say(admin, "/move 26.11 15:00");
  const question = h.fake.sent(admin.id).at(-1)!;
  await h.press(
    admin,
    (question.reply_markup as {
      inline_keyboard: { callback_data: string }[][];
    })
      .inline_keyboard[0]![0]!.callback_data,
  );
  await h.idle();
  const moved = h.fake.messagesTo(anna.id).findLast((m) =>
    m.includes("переносится")
  )!;
  assert.equal(JOIN_LINK.exec(moved)?.[0], own, moved);
  const answered = h.fake.edits(anna.id).findLast((m) =>
    m.text?.includes("Вы придёте")
  )!;
  assert.equal(JOIN_LINK.exec(answered.text!)?.[0], own);
});
