/**
 * What the panel's pages say, over HTTP and as functions: the chart drawn from numbers,
 * the trends' unknowns, the next meeting as it really is, escaping, the CSV of
 * `/export`, a running job's counts, and a panel under a `public_url` with a path.
 */
import assert from "node:assert/strict";
import { lineChart } from "../src/web/panel/chart.ts";
import { trendPoints } from "../src/web/panel/trends.ts";
import { inlineButtons } from "./fake_bot_api.ts";
import { HALF_YEAR_NOW, seedHalfYear } from "./support/half_year.ts";
import { HOST, panelHarness, signIn } from "./support/panel.ts";
import { publicConfig, startWeb } from "./support/web.ts";

Deno.test("lineChart() draws a point per known value, lines between known neighbours, a gap where one is unknown", () => {
  const { markup } = lineChart({
    title: "Кто приходит",
    labels: ["01.07", "08.07", "15.07", "22.07"],
    series: [
      { key: "yes", label: "записались", values: [10, null, 30, 40] },
      { key: "joined", label: "пришли", values: [8, 9, null, null] },
    ],
  });
  const points = (series: string) =>
    markup.match(new RegExp(`<circle class="dot s-${series}"`, "g"))?.length;
  assert.equal(points("yes"), 3);
  assert.equal(points("joined"), 2);
  const paths = [...markup.matchAll(/<path class="line s-(\w+)" d="([^"]+)"/g)]
    .map((m) => [m[1], m[2]!.match(/[ML]/g)!.join("")]);
  assert.deepEqual(paths, [["yes", "MML"], ["joined", "ML"]]);
  assert.match(markup, /<title>15\.07: записались — 30<\/title>/);
  assert.match(markup, /aria-label="Кто приходит"/);
  // 0 to 40 in steps of 10: five grid lines, the top one labelled 40.
  assert.equal(markup.match(/<line class="grid"/g)?.length, 5);
  assert.match(markup, />40<\/text>/);
});

Deno.test("trendPoints(): a cancelled meeting and a missing invitation are unknown, never 0; at most 26 weeks back", async () => {
  await using h = await panelHarness();
  seedHalfYear(h.store);
  const points = trendPoints(h.config, {
    store: h.store,
    now: HALF_YEAR_NOW,
  });
  assert.equal(points.length, 26);
  assert.equal(points[0]!.id, "2026-05-27");
  assert.equal(points.at(-1)!.id, "2026-11-18");
  const cancelled = points.find((p) => p.id === "2026-08-05")!;
  assert.deepEqual(
    [cancelled.subscribers, cancelled.yes, cancelled.joined, cancelled.rating],
    [null, null, null, null],
  );
  const later = trendPoints(h.config, {
    store: h.store,
    now: new Date(HALF_YEAR_NOW.getTime() + 10 * 7 * 86_400_000),
  });
  assert.equal(later[0]!.id, "2026-08-05", "26 weeks back, not 26 meetings");
  h.db.exec("UPDATE meetings SET tracked = 0 WHERE id = '2026-11-18'");
  const untracked = trendPoints(h.config, {
    store: h.store,
    now: HALF_YEAR_NOW,
  })
    .at(-1)!;
  assert.equal(untracked.joined, null);
  assert.notEqual(untracked.yes, null);
});

Deno.test("the next meeting shows its move, its topic and a link, and names escaped as text", async () => {
  await using h = await panelHarness({ at: "2026-11-23T08:00:00Z" });
  await using web = startWeb(h);
  const mallory = { id: 66, first_name: "<b>Мэл</b>", is_bot: false };
  await h.say(mallory, "/start");
  await h.press(mallory, "reg:yes");
  await h.jobs.tick();
  await h.press(mallory, "rsvp:2026-11-25:yes");
  await h.say(HOST, "/topic <script>alert(1)</script>");
  const cookie = await signIn(h, { web });
  const { body } = await web.get("/panel", { headers: { cookie } });
  assert.match(body, /<dd>среда, 25 ноября<\/dd>/);
  assert.match(body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(body, /<li>&lt;b&gt;Мэл&lt;\/b&gt;<\/li>/);
  assert.doesNotMatch(body, /<script|<b>/);
  assert.match(
    body,
    /<a href="https:\/\/example\.com\/live" rel="noreferrer">/,
  );
  assert.match(body, /по плану/);
  assert.doesNotMatch(body, /<dt>Места|id="waitlist"/, "no limit, no seats");
  await h.say(HOST, "/move 26.11 15:00");
  const question = h.fake.sent(HOST.id).at(-1)!;
  const button = inlineButtons(question.reply_markup)[0]!;
  await h.press(HOST, "callback_data" in button ? button.callback_data : "");
  await h.idle();
  const moved = await web.get("/panel", { headers: { cookie } });
  assert.match(moved.body, /<dd>четверг, 26 ноября<\/dd>/);
  assert.match(moved.body, /перенесена со среды, 25 ноября \(11:00\)/);
});

Deno.test("the panel's CSV is the very file /export sends", async () => {
  await using h = await panelHarness();
  seedHalfYear(h.store);
  await using web = startWeb(h);
  h.fake.sendText(HOST, "/export");
  const exported = await h.fake.waitFor((f) =>
    f.sent(HOST.id).find((r) => r.document?.filename === "attendance.csv")
  );
  const cookie = await signIn(h, { web });
  const response = await fetch(`${web.base}/panel/export.csv`, {
    headers: { cookie },
  });
  assert.equal(
    response.headers.get("content-disposition"),
    'attachment; filename="attendance.csv"',
  );
  assert.equal(response.headers.get("content-type"), "text/csv; charset=utf-8");
  assert.deepEqual(
    new Uint8Array(await response.arrayBuffer()),
    exported.document!.bytes,
  );
});

Deno.test("a past meeting's page, and 404 for a day without one or a meeting still ahead", async () => {
  await using h = await panelHarness();
  seedHalfYear(h.store);
  await using web = startWeb(h);
  const cookie = await signIn(h, { web });
  const get = (path: string) => web.get(path, { headers: { cookie } });
  const moved = await get("/panel/history/2026-09-30");
  assert.equal(moved.status, 200);
  assert.match(moved.body, /<h1>Встреча в четверг, 1 октября<\/h1>/);
  assert.match(moved.body, /15:00 \(мск\)/);
  assert.equal((await get("/panel/history/2026-11-25")).status, 404);
  assert.equal((await get("/panel/history/2026-11-19")).status, 404);
  assert.equal((await get("/panel/history/nonsense")).status, 404);
  const cancelled = await get("/panel/history/2026-08-05");
  assert.match(cancelled.body, /отменена/);
});

Deno.test("the deliveries show a running job's messages so far, and each broadcast", async () => {
  await using h = await panelHarness({ at: "2026-11-23T07:00:00Z" });
  await using web = startWeb(h);
  const anna = { id: 1, first_name: "Анна", is_bot: false };
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  await h.store.write(() =>
    h.store.jobRuns.start(
      { meetingId: "2026-11-25", job: "invitation" },
      h.clock.now(),
    )
  );
  await h.store.write(() =>
    h.store.outbox.add({
      key: "invitation/2026-11-25/u1",
      batch: "invitation/2026-11-25",
      kind: "invitation",
      ref: "2026-11-25",
      chatId: anna.id,
      lane: 2,
    }, h.clock.now())
  );
  const row = h.store.outbox.byKey("invitation/2026-11-25/u1")!;
  await h.store.write(() => {
    h.store.outbox.claim(row.id, { by: "test", now: h.clock.now() });
    h.store.outbox.finish(row.id, { status: "sent", now: h.clock.now() });
  });
  const cookie = await signIn(h, { web });
  const { body } = await web.get("/panel/deliveries", { headers: { cookie } });
  assert.match(body, /25 ноября: доставлено 1, заблокировали 0/);
  assert.match(body, /приглашение<\/td>\s*<td data-label="Статус">идёт<\/td>/);
  assert.match(body, /Рассылок ещё не было/);
});

Deno.test("under a public_url with a path, links, the cookie and the way on carry it", async () => {
  const config = publicConfig({ admins: [HOST.id] });
  config.http!.public!.url = "https://example.org/meet";
  await using h = await panelHarness({ config });
  await using web = startWeb(h);
  const reply = await h.say(HOST, "/panel");
  const link = /https:\/\/example\.org\/meet\/panel\/login\/([\w-]{32})/.exec(
    reply,
  );
  assert.notEqual(link, null);
  // The proxy strips /meet before the listener.
  const opened = await web.get(`/panel/login/${link![1]}`);
  assert.match(opened.headers.get("set-cookie")!, /; Path=\/meet\/panel;/);
  assert.match(opened.body, /url=\/meet\/panel">/);
  const cookie = opened.headers.get("set-cookie")!.split(";")[0]!;
  const page = await web.get("/panel/trends", { headers: { cookie } });
  assert.match(page.body, /href="\/meet\/panel\/style\.css"/);
  assert.match(page.body, /<a href="\/meet\/panel\/history"/);
});
