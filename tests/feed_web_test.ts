/**
 * The calendar subscription from outside, as a person and their calendar app meet it:
 * `/calendar` and its buttons through the fake Bot API, the feed over real HTTP from the
 * public listener. ETag and Last-Modified with 304 on a repeat, a change seen in the very
 * next fetch, a reset address that answers 404, a stopped person's 404, the rate limit,
 * the address outliving the retention of personal links, and logs without a token.
 */
import assert from "node:assert/strict";
import { createLogger } from "../src/log.ts";
import { JOIN, personalLink } from "../src/usecases/links.ts";
import { cancelMeeting } from "../src/usecases/meetings.ts";
import { pruneOld } from "../src/usecases/retention.ts";
import { weekById } from "../src/usecases/weeks.ts";
import { startWebServer } from "../src/web/server.ts";
import { user } from "./fake_bot_api.ts";
import { type Harness, ManualClock, startHarness } from "./helpers.ts";
import { addressOf, FEED_LINK } from "./support/feed.ts";
import { PUBLIC_URL, publicConfig, startWeb } from "./support/web.ts";

const anna = user(1, { first_name: "Анна" });

/** Anna gets the invitations, Monday 23 November 2026. */
async function subscribed(
  config = publicConfig(),
): Promise<Harness> {
  const h = await startHarness({
    config,
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  return h;
}

const tokensOf = (h: Harness, purpose: string) =>
  Number(
    (h.db.prepare("SELECT count(*) AS n FROM web_tokens WHERE purpose = ?")
      .get(purpose) as { n: number }).n,
  );

Deno.test("the feed answers with ETag and Last-Modified, 304 to a repeat, and a change at the very next fetch", async (t) => {
  await using h = await subscribed();
  await using web = startWeb(h);
  const { url } = await addressOf(h, anna);
  const first = await web.get(url);
  const etag = first.headers.get("etag")!;
  const modified = first.headers.get("last-modified")!;

  await t.step(
    "200: a calendar, with its validators, asked for again each time",
    () => {
      assert.equal(first.status, 200);
      assert.equal(
        first.headers.get("content-type"),
        "text/calendar; charset=utf-8",
      );
      assert.match(etag, /^"[A-Za-z0-9_-]{22}"$/);
      assert.equal(modified, "Mon, 23 Nov 2026 06:00:00 GMT");
      assert.equal(first.headers.get("cache-control"), "private, no-cache");
      assert.match(
        first.headers.get("content-security-policy")!,
        /^default-src 'none'/,
      );
      assert.match(first.body, /^BEGIN:VCALENDAR\r\n/);
      assert.match(first.body, /\r\nRRULE:FREQ=WEEKLY;BYDAY=WE\r\n/);
      assert.equal(tokensOf(h, JOIN), 0, "a feed never makes a join link");
    },
  );

  await t.step(
    "304 to If-None-Match (strong, weak, in a list) and to If-Modified-Since",
    async () => {
      h.clock.advance(3_600_000);
      for (
        const headers of <Record<string, string>[]> [
          { "if-none-match": etag },
          { "if-none-match": `W/${etag}` },
          { "if-none-match": `"other", ${etag}` },
          { "if-modified-since": modified },
        ]
      ) {
        const again = await web.get(url, { headers });
        assert.equal(again.status, 304, JSON.stringify(headers));
        assert.equal(again.body, "");
        assert.equal(again.headers.get("etag"), etag);
        assert.equal(again.headers.get("last-modified"), modified);
      }
      const older = await web.get(url, {
        headers: { "if-modified-since": "Sun, 22 Nov 2026 06:00:00 GMT" },
      });
      assert.equal(older.status, 200);
      const other = await web.get(url, { headers: { "if-none-match": '"x"' } });
      assert.equal(other.status, 200);
      assert.equal(other.body, first.body);
    },
  );

  await t.step(
    "a cancelled week: a new feed at the next fetch, changed as of then",
    async () => {
      h.clock.set("2026-11-23T09:30:00Z");
      const config = h.config;
      await h.store.write(() =>
        cancelMeeting(h.store, {
          week: weekById(h.store, { config, id: "2026-11-25" })!,
          now: h.clock.now(),
        })
      );
      h.clock.set("2026-11-23T09:31:00Z");
      const changed = await web.get(url, {
        headers: { "if-none-match": etag, "if-modified-since": modified },
      });
      assert.equal(changed.status, 200);
      assert.notEqual(changed.headers.get("etag"), etag);
      assert.equal(
        changed.headers.get("last-modified"),
        "Mon, 23 Nov 2026 09:31:00 GMT",
      );
      assert.match(
        changed.body,
        /\r\nEXDATE;TZID=Europe\/Moscow:20261125T110000\r\n/,
      );
      assert.equal(tokensOf(h, JOIN), 0, "nor for a week it has a row of");
    },
  );

  await t.step("HEAD: the headers without the body", async () => {
    const head = await web.get(url, { method: "HEAD" });
    assert.equal(head.status, 200);
    assert.equal(head.body, "");
    assert.ok(head.headers.get("etag"));
  });
});

Deno.test("/calendar gives both forms of one address; a reset, once confirmed, makes the old one answer 404", async (t) => {
  await using h = await subscribed();
  await using web = startWeb(h);
  const old = await addressOf(h, anna);

  await t.step(
    "both forms, the how-to, the same address each time",
    async () => {
      assert.ok(
        old.text.includes(`webcal://bot.example.org/cal/${old.token}.ics`),
      );
      for (const app of ["Google", "iPhone", "Outlook"]) {
        assert.ok(old.text.includes(app), app);
      }
      const reply = h.fake.sent(anna.id).at(-1)!;
      assert.deepEqual(reply.params.link_preview_options, {
        is_disabled: true,
      });
      assert.equal((await addressOf(h, anna)).token, old.token);
    },
  );

  await t.step("the button asks first; «no» keeps the address", async () => {
    await h.press(anna, "feed:reset");
    assert.match(
      h.fake.edits(anna.id).at(-1)!.text!,
      /Сменить адрес подписки\?/,
    );
    await h.press(anna, "feed:keep");
    assert.ok(h.fake.edits(anna.id).at(-1)!.text!.includes(old.url));
    assert.equal((await web.get(old.url)).status, 200);
  });

  await t.step("«yes»: a new address; the old one answers 404", async () => {
    await h.press(anna, "feed:reset");
    const answer = await h.press(anna, "feed:reset:yes");
    assert.match(answer.text!, /Адрес сменён/);
    const edit = h.fake.edits(anna.id).at(-1)!;
    const renewed = FEED_LINK.exec(edit.text!)!;
    assert.notEqual(renewed[1], old.token);
    assert.deepEqual(edit.params.link_preview_options, { is_disabled: true });
    const gone = await web.get(old.url);
    assert.equal(gone.status, 404);
    assert.match(gone.headers.get("content-type")!, /^text\/html/);
    assert.equal((await web.get(renewed[0])).status, 200);
    assert.equal((await addressOf(h, anna)).token, renewed[1]);
  });
});

Deno.test("a stopped person's address answers 404, and again the feed after their /start", async () => {
  await using h = await subscribed();
  await using web = startWeb(h);
  const { url } = await addressOf(h, anna);
  await h.say(anna, "/stop");
  assert.equal((await web.get(url)).status, 404);
  await h.say(anna, "/start");
  assert.equal((await web.get(url)).status, 200);
});

Deno.test("the feed is rate-limited per client address", async () => {
  const base = publicConfig();
  const config = publicConfig({
    http: {
      ...base.http!,
      public: {
        ...base.http!.public!,
        rate_limit: { burst: 2, per_minute: 1 },
      },
    },
  });
  await using h = await subscribed(config);
  let ms = 0;
  await using web = startWeb(h, { clock: () => ms });
  const { url } = await addressOf(h, anna);
  assert.equal((await web.get(url)).status, 200);
  assert.equal((await web.get(url)).status, 200);
  const limited = await web.get(url);
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get("retry-after"), "60");
  ms += 60_000;
  assert.equal((await web.get(url)).status, 200);
});

Deno.test("no log line holds a feed token whole, only its first characters", async () => {
  await using h = await subscribed();
  await using web = startWeb(h);
  const { url, token } = await addressOf(h, anna);
  const served = await web.get(url);
  await web.get(url, {
    headers: { "if-none-match": served.headers.get("etag")! },
  });
  await h.press(anna, "feed:reset");
  await h.press(anna, "feed:reset:yes");
  await web.get(url); // revoked now
  const lines = [...h.logs, ...web.logs];
  for (const kind of ["feed.served", "feed.not_modified", "feed.unknown"]) {
    assert.ok(
      lines.some((l) => l.includes(kind) && l.includes(token.slice(0, 4))),
      kind,
    );
  }
  for (const line of lines) assert.ok(!line.includes(token), line);
});

Deno.test("a feed's address outlives the retention that prunes personal links", async () => {
  await using h = await subscribed();
  await using web = startWeb(h);
  const { url } = await addressOf(h, anna);
  h.store.transaction(() =>
    personalLink(h.store, {
      publicUrl: PUBLIC_URL,
      key: h.linkKey,
      userId: h.store.users.byTgId(anna.id)!.id,
      meeting: weekById(h.store, { config: h.config, id: "2026-11-25" })!,
      now: h.clock.now(),
    })
  );
  h.clock.set("2027-06-01T06:00:00Z");
  const pruned = await pruneOld(h.store, { keepDays: 30, now: h.clock.now() });
  assert.equal(pruned.tokens, 1, "the join link's hash is gone");
  assert.equal(tokensOf(h, JOIN), 0);
  assert.equal((await web.get(url)).status, 200);
});

Deno.test("the feed answers 503 until the bot's username is known (its UIDs' domain)", async () => {
  await using h = await subscribed();
  const { url } = await addressOf(h, anna);
  const log = createLogger({ level: "error", write: () => {} });
  await using server = {
    ...startWebServer({ ...h.config.http!.public!, port: 0 }, {
      config: h.config,
      store: h.store,
      log,
      now: h.clock.now,
      feed: { key: h.linkKey, botUsername: () => undefined },
    }),
    async [Symbol.asyncDispose]() {
      await this.shutdown();
    },
  };
  const response = await fetch(
    `http://127.0.0.1:${server.port}${new URL(url).pathname}`,
  );
  await response.body?.cancel();
  assert.equal(response.status, 503);
  assert.equal(response.headers.get("retry-after"), "10");
});
