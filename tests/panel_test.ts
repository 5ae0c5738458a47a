/**
 * Who gets into the host's panel, from outside over HTTP: `/panel` and its one-time
 * link, the session cookie, the admins of the config of the moment, no page without a
 * session, the sign-in's own rate limit, the panel's Content-Security-Policy, and the
 * tokens, hashed in the database and cut in the logs.
 */
import assert from "node:assert/strict";
import { user } from "./fake_bot_api.ts";
import { testConfig } from "./helpers.ts";
import {
  askForLink,
  COHOST,
  HOST,
  panelHarness,
  signIn,
} from "./support/panel.ts";
import { seedHalfYear } from "./support/half_year.ts";
import { publicConfig, startWeb } from "./support/web.ts";

const PAGES = [
  "/panel",
  "/panel/",
  "/panel/trends",
  "/panel/history",
  "/panel/history/2026-11-18",
  "/panel/deliveries",
  "/panel/export.csv",
  "/panel/anything",
];

Deno.test("/panel sends an admin a one-time sign-in link without a preview; anyone else gets the unknown-command reply", async () => {
  await using h = await panelHarness();
  const { reply } = await askForLink(h);
  assert.match(
    reply,
    /^Вход в панель: https:\/\/bot\.example\.org\/panel\/login\/[\w-]{32}\n/,
  );
  assert.match(reply, /работает 10 минут и только один раз/);
  assert.match(reply, /Вход действует 12 часов/);
  const sent = h.fake.sent(HOST.id).at(-1)!;
  assert.deepEqual(sent.params.link_preview_options, { is_disabled: true });
  const stranger = user(77, { first_name: "Чужой" });
  assert.equal(
    await h.say(stranger, "/panel"),
    h.config.texts.unknown_command,
  );
  assert.equal(
    h.db.prepare("SELECT count(*) AS n FROM web_tokens").get()!.n,
    1,
    "nothing made for a stranger",
  );
});

Deno.test("/panel says the panel is off without http.public_url", async () => {
  await using h = await panelHarness({
    config: testConfig({ admins: [HOST.id] }),
  });
  assert.equal(await h.say(HOST, "/panel"), h.config.texts.panel_off);
});

Deno.test("a sign-in link opens once: a session cookie (HttpOnly, Secure, SameSite=Strict, 12 h), then refused", async (t) => {
  await using h = await panelHarness();
  await using web = startWeb(h);
  const { path } = await askForLink(h);
  const first = await web.get(path);
  await t.step(
    "the first opening sets the cookie and goes on to the panel",
    () => {
      assert.equal(first.status, 200);
      const cookie = first.headers.get("set-cookie")!;
      assert.match(
        cookie,
        /^meeting_bot_panel=[\w-]{32}; Path=\/panel; Max-Age=43200; HttpOnly; SameSite=Strict; Secure$/,
      );
      assert.match(
        first.body,
        /<meta http-equiv="refresh" content="0; url=\/panel">/,
      );
      assert.match(first.body, /<a href="\/panel">Открыть панель<\/a>/);
    },
  );
  await t.step("the cookie opens the panel", async () => {
    const cookie = first.headers.get("set-cookie")!.split(";")[0]!;
    const page = await web.get("/panel", { headers: { cookie } });
    assert.equal(page.status, 200);
    assert.match(page.body, /<h1>Ближайшая встреча<\/h1>/);
  });
  await t.step("a second opening is refused and sets nothing", async () => {
    const second = await web.get(path);
    assert.equal(second.status, 403);
    assert.equal(second.headers.get("set-cookie"), null);
    assert.match(second.body, /уже использована или устарела/);
  });
});

Deno.test("a sign-in link expires after 10 minutes", async () => {
  await using h = await panelHarness();
  await using web = startWeb(h);
  const { path } = await askForLink(h);
  h.clock.advance(10 * 60_000);
  const late = await web.get(path);
  assert.equal(late.status, 403);
  assert.equal(late.headers.get("set-cookie"), null);
});

Deno.test("a link preview's fetch or a HEAD never uses a sign-in link up", async () => {
  await using h = await panelHarness();
  await using web = startWeb(h);
  const { path } = await askForLink(h);
  const preview = await web.get(path, {
    headers: { "user-agent": "TelegramBot (like TwitterBot)" },
  });
  assert.equal(preview.status, 200);
  assert.equal(preview.headers.get("set-cookie"), null);
  assert.match(preview.body, /откройте её в браузере/);
  assert.equal((await web.get(path, { method: "HEAD" })).status, 200);
  const opened = await web.get(path);
  assert.notEqual(opened.headers.get("set-cookie"), null);
});

Deno.test("no panel page without a session: each path under /panel answers 401 with how to get a link", async () => {
  await using h = await panelHarness();
  await using web = startWeb(h);
  for (const cookie of [undefined, "meeting_bot_panel=forged", "other=1"]) {
    for (const path of PAGES) {
      const response = await web.get(path, {
        headers: cookie === undefined ? {} : { cookie },
      });
      assert.equal(response.status, 401, `${path} ${cookie}`);
      assert.match(response.body, /отправьте боту \/panel в Telegram/);
      assert.doesNotMatch(response.body, /Ближайшая встреча|Подписчики|csv/i);
    }
  }
});

Deno.test("a session ends after 12 hours, and at once for an admin taken out of the config", async (t) => {
  await using h = await panelHarness();
  await using web = startWeb(h);
  const host = await signIn(h, { web });
  const cohost = await signIn(h, { web, admin: COHOST });
  await t.step("an admin removed from the config is refused", async () => {
    const without = publicConfig({ admins: [HOST.id] });
    await using after = startWeb({ ...h, config: without });
    assert.equal(
      (await after.get("/panel", { headers: { cookie: cohost } })).status,
      401,
    );
    assert.equal(
      (await after.get("/panel", { headers: { cookie: host } })).status,
      200,
    );
  });
  await t.step("a removed admin's sign-in link is refused too", async () => {
    const { path } = await askForLink(h, COHOST);
    await using after = startWeb({
      ...h,
      config: publicConfig({ admins: [HOST.id] }),
    });
    assert.equal((await after.get(path)).status, 403);
  });
  await t.step("12 hours later the session is over", async () => {
    h.clock.advance(12 * 3_600_000 - 1000);
    assert.equal(
      (await web.get("/panel", { headers: { cookie: host } })).status,
      200,
    );
    h.clock.advance(1000);
    assert.equal(
      (await web.get("/panel", { headers: { cookie: host } })).status,
      401,
    );
  });
});

Deno.test("sign-in attempts are rate-limited per address: 10 at once, then 10 a minute", async () => {
  await using h = await panelHarness();
  let now = 0;
  await using web = startWeb(h, { clock: () => now });
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) {
    statuses.push((await web.get(`/panel/login/${"x".repeat(32)}`)).status);
  }
  assert.deepEqual(statuses, [...Array(10).fill(403), 429]);
  const limited = await web.get("/panel/login/y");
  assert.equal(limited.headers.get("retry-after"), "6");
  assert.equal(
    (await web.get("/panel")).status,
    401,
    "pages keep the common limit",
  );
  now += 6_000;
  assert.equal((await web.get(`/panel/login/${"z".repeat(32)}`)).status, 403);
});

Deno.test("panel pages allow the bot's own stylesheet and nothing else: no script, no inline style", async () => {
  await using h = await panelHarness();
  seedHalfYear(h.store);
  await using web = startWeb(h);
  const cookie = await signIn(h, { web });
  const policy =
    "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  for (const path of PAGES.slice(0, 6)) {
    const response = await web.get(path, { headers: { cookie } });
    assert.equal(response.status, 200, path);
    assert.equal(response.headers.get("content-security-policy"), policy);
    assert.equal(response.headers.get("cache-control"), "no-store");
    assert.equal(response.headers.get("x-frame-options"), "DENY");
    assert.doesNotMatch(
      response.body,
      /<script|style=|<style|https?:\/\/(?!example\.com)/i,
    );
  }
  const css = await web.get("/panel/style.css");
  assert.equal(css.headers.get("content-type"), "text/css; charset=utf-8");
  const join = await web.get("/j/unknown");
  assert.match(
    join.headers.get("content-security-policy")!,
    /style-src 'sha256-/,
  );
});

Deno.test("the database keeps sign-in and session tokens hashed only, and logs show 4 characters", async () => {
  await using h = await panelHarness();
  await using web = startWeb(h);
  const { path, token } = await askForLink(h);
  const cookie = (await web.get(path)).headers.get("set-cookie")!;
  const session = /=([\w-]{32});/.exec(cookie)![1]!;
  const rows = h.db.prepare(
    "SELECT hash, purpose, user_id, ref, expires_at, used_at FROM web_tokens ORDER BY purpose",
  ).all();
  assert.deepEqual(rows.map((r) => [r.purpose, r.user_id, r.ref]), [
    ["panel_session", null, String(HOST.id)],
    ["panel_sign_in", null, String(HOST.id)],
  ]);
  assert.equal(rows[0]!.expires_at, "2026-11-24T21:00:00.000Z");
  assert.equal(rows[1]!.expires_at, "2026-11-24T09:10:00.000Z");
  assert.equal(rows[1]!.used_at, "2026-11-24T09:00:00.000Z");
  const dump = JSON.stringify(
    rows.map((r) => Array.from(r.hash as Uint8Array)),
  );
  const everything = [...h.logs, ...web.logs].join("\n") + dump;
  for (const secret of [token, session]) {
    assert(!everything.includes(secret), "never whole");
    assert(!everything.includes(secret.slice(0, 8)));
  }
  assert(
    web.logs.some((l) =>
      l.includes(`panel.signed_in admin=${HOST.id} token=${token.slice(0, 4)}…`)
    ),
  );
  assert(
    h.logs.some((l) =>
      l.includes(
        `panel.link_issued admin=${HOST.id} token=${token.slice(0, 4)}…`,
      )
    ),
  );
});
