/**
 * Moves across weeks: each meeting is planned on its own, whatever its neighbours do.
 * A fake clock walks two or three weeks through the real job runner, waking it at each
 * cron firing and at each wake-up it asks for (`nextDue`), as `run` does.
 * Meetings on Wednesdays 11:00 Moscow (08:00Z): W1 2026-11-25, W2 2026-12-02, W3
 * 2026-12-09; invitation Monday 10:00 (07:00Z), reminders Wednesday 09:00 and 10:40.
 */
import assert from "node:assert/strict";
import { openDatabase } from "../src/db/database.ts";
import type { Database } from "../src/db/sqlite.ts";
import { Store } from "../src/db/store.ts";
import { createJobRunner, type JobRunner } from "../src/jobs/runner.ts";
import { silentLogger } from "../src/log.ts";
import { healthReport } from "../src/app/health.ts";
import { moveMeeting } from "../src/usecases/meetings.ts";
import { weekById } from "../src/usecases/weeks.ts";
import { inlineButtons, user } from "./fake_bot_api.ts";
import {
  type Harness,
  ManualClock,
  startHarness,
  testConfig,
} from "./helpers.ts";
import { cronFirings } from "./support/cron.ts";

const config = testConfig();
const W1 = "2026-11-25";
const W2 = "2026-12-02";
const W3 = "2026-12-09";

/** The store, the real runner and a clock, from Sunday 2026-11-22. */
function world() {
  const db = openDatabase(":memory:");
  const store = new Store(db);
  const clock = new ManualClock("2026-11-22T09:00:00Z");
  const runner = createJobRunner({
    config,
    store,
    log: silentLogger,
    now: clock.now,
    kick: () => {},
  });
  return { db, store, clock, runner, [Symbol.dispose]: () => db.close() };
}

/**
 * Walks the clock to `to`, ticking at every cron firing and every `nextDue()` the runner
 * names, as `run` does; while `down` the bot is off, and ticks once when it comes back.
 */
async function walk(
  { clock, runner }: { clock: ManualClock; runner: JobRunner },
  to: string,
  down?: { from: string; until: string },
) {
  const end = new Date(to);
  const firings = cronFirings(config, clock.now(), end).map((d) => d.getTime());
  for (;;) {
    const now = clock.now().getTime();
    const wake = runner.nextDue()?.getTime();
    const candidates = [firings.find((t) => t > now), wake]
      .filter((t): t is number =>
        t !== undefined && t > now && t < end.getTime()
      );
    if (candidates.length === 0) break;
    let next = Math.min(...candidates);
    if (
      down && next >= Date.parse(down.from) && next < Date.parse(down.until)
    ) {
      next = Date.parse(down.until);
    }
    clock.set(new Date(next));
    assert.ok(await runner.tick());
  }
  clock.set(end);
}

/** When each job of each meeting started (`skipped` when it was recorded as missed). */
function starts(db: Database): Record<string, string> {
  const rows = db.prepare(
    "SELECT meeting_id, job, status, started_at FROM job_runs ORDER BY meeting_id, job",
  ).all() as {
    meeting_id: string;
    job: string;
    status: string;
    started_at: string;
  }[];
  return Object.fromEntries(
    rows.map((r) => [
      `${r.meeting_id} ${r.job}`,
      r.status === "skipped" ? "skipped" : r.started_at,
    ]),
  );
}

/** Moves the meeting `id` to `to` and ticks, as a confirmed `/move` does. */
async function move(
  { store, clock, runner }: {
    store: Store;
    clock: ManualClock;
    runner: JobRunner;
  },
  { id, to }: { id: string; to: string },
) {
  const week = weekById(store, { config, id })!;
  moveMeeting(store, { week, to: new Date(to), now: clock.now() });
  assert.ok(await runner.tick());
}

/**
 * The jobs after meeting `id`, held on `day` at 08:00Z: the question 15 minutes after its
 * hour's end, and (on `next`) the report when the feedback closes a day later.
 */
const AFTER = (id: string, day: string, next?: string) => ({
  [`${id} feedback`]: `${day}T09:15:00.000Z`,
  ...(next === undefined
    ? {}
    : { [`${id} meeting_report`]: `${next}T09:15:00.000Z` }),
});

/** The shipped nudge is Tuesday 18:00 Moscow (15:00Z), the day before a Wednesday meeting. */
const REGULAR = (id: string, monday: string, tuesday: string) => ({
  [`${id} invitation`]: `${monday}T07:00:00.000Z`,
  [`${id} nudge`]: `${tuesday}T15:00:00.000Z`,
  [`${id} first_reminder`]: `${id}T06:00:00.000Z`,
  [`${id} second_reminder`]: `${id}T07:40:00.000Z`,
});

Deno.test("a meeting moved to the day before next week's keeps its reminders, and next week's keeps its Monday invitation", async () => {
  using w = world();
  await walk(w, "2026-11-23T08:00:00Z"); // Monday: W1's invitation went out
  await move(w, { id: W1, to: "2026-12-01T08:00:00Z" }); // Tuesday of next week
  await walk(w, "2026-12-10T00:00:00Z");
  assert.deepEqual(starts(w.db), {
    [`${W1} invitation`]: "2026-11-23T07:00:00.000Z",
    [`${W1} nudge`]: "2026-11-30T15:00:00.000Z", // moved with the meeting
    [`${W1} first_reminder`]: "2026-12-01T06:00:00.000Z",
    [`${W1} second_reminder`]: "2026-12-01T07:40:00.000Z",
    ...AFTER(W1, "2026-12-01", "2026-12-02"), // after its own end
    ...REGULAR(W2, "2026-11-30", "2026-12-01"),
    ...AFTER(W2, "2026-12-02", "2026-12-03"),
    ...REGULAR(W3, "2026-12-07", "2026-12-08"),
    ...AFTER(W3, "2026-12-09"),
  });
});

Deno.test("a meeting moved past next week's is not lost: both get their invitation and reminders at their own times", async () => {
  using w = world();
  await walk(w, "2026-11-23T08:00:00Z");
  await move(w, { id: W1, to: "2026-12-03T08:00:00Z" }); // Thursday after W2
  await walk(w, "2026-12-10T00:00:00Z");
  assert.deepEqual(starts(w.db), {
    [`${W1} invitation`]: "2026-11-23T07:00:00.000Z",
    [`${W1} nudge`]: "2026-12-02T15:00:00.000Z", // moved with the meeting
    [`${W1} first_reminder`]: "2026-12-03T06:00:00.000Z",
    [`${W1} second_reminder`]: "2026-12-03T07:40:00.000Z",
    ...AFTER(W1, "2026-12-03", "2026-12-04"), // after its own end
    ...REGULAR(W2, "2026-11-30", "2026-12-01"),
    ...AFTER(W2, "2026-12-02", "2026-12-03"),
    ...REGULAR(W3, "2026-12-07", "2026-12-08"),
    ...AFTER(W3, "2026-12-09"),
  });
});

Deno.test("nextDue() names the moved meeting's reminder after next week's meeting has started", async () => {
  using w = world();
  await walk(w, "2026-11-23T08:00:00Z");
  await move(w, { id: W1, to: "2026-12-03T08:00:00Z" });
  await walk(w, "2026-12-02T09:00:00Z"); // W2 is on
  // W2's question after its end, then the moved meeting's nudge (it moved with the
  // meeting), then its first reminder.
  assert.equal(
    w.runner.nextDue()?.toISOString(),
    "2026-12-02T09:15:00.000Z",
  );
  await walk(w, "2026-12-02T09:16:00Z");
  assert.equal(
    w.runner.nextDue()?.toISOString(),
    "2026-12-02T15:00:00.000Z",
  );
  await walk(w, "2026-12-02T15:01:00Z");
  assert.equal(
    w.runner.nextDue()?.toISOString(),
    "2026-12-03T06:00:00.000Z",
  );
});

Deno.test("catch-up at start sends the moved meeting's missed reminder once next week's meeting is over", async () => {
  using w = world();
  await walk(w, "2026-11-23T08:00:00Z");
  await move(w, { id: W1, to: "2026-12-03T08:00:00Z" });
  // Down from Wednesday after W2's reminders until Thursday 10:00, after 09:00.
  await walk(w, "2026-12-03T07:10:00Z", {
    from: "2026-12-02T08:00:00Z",
    until: "2026-12-03T07:00:00Z",
  });
  assert.equal(
    starts(w.db)[`${W1} first_reminder`],
    "2026-12-03T07:00:00.000Z",
  );
});

Deno.test("a meeting moved a week earlier than planned (next week's, this week) gets its invitation at once, its reminders before its new time", async () => {
  using w = world();
  await walk(w, "2026-11-26T09:00:00Z"); // W1 is over
  await move(w, { id: W2, to: "2026-11-27T12:00:00Z" }); // Friday 15:00 Moscow
  await walk(w, "2026-12-10T00:00:00Z");
  const s = starts(w.db);
  assert.equal(s[`${W2} invitation`], "2026-11-26T09:00:00.000Z", "at once");
  assert.equal(s[`${W2} first_reminder`], "2026-11-27T10:00:00.000Z");
  assert.equal(s[`${W2} second_reminder`], "2026-11-27T11:40:00.000Z");
  assert.equal(s[`${W3} invitation`], "2026-12-07T07:00:00.000Z");
});

// Through the bot: the admin's /move, /status, answers and latecomers.

const admin = user(9001, { first_name: "Хост" });
const anna = user(1, { first_name: "Анна" });

/** Monday 2026-11-23 after the invitation; Anna said yes to W1. */
async function botWeek(): Promise<Harness> {
  const h = await startHarness({
    config: testConfig({ admins: [admin.id] }),
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  await h.say(admin, "/start");
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  await h.press(anna, `rsvp:${W1}:yes`);
  await h.idle();
  return h;
}

/** Presses "Да, подтверждаю" under the admin's last question; resolves to the result. */
async function confirm(h: Harness): Promise<string> {
  const question = h.fake.sent(admin.id).at(-1)!;
  const button = inlineButtons(question.reply_markup)[0]!;
  await h.press(admin, "callback_data" in button ? button.callback_data : "");
  const done = await h.fake.waitFor((f) =>
    f.edits(admin.id).find((m) => m.message_id === question.message_id)
  );
  await h.idle();
  return done.text!;
}

Deno.test("/status shows the moved meeting after next week's is over, and a latecomer is invited to it", async () => {
  await using h = await botWeek();
  await h.say(admin, "/move 03.12 11:00");
  assert.equal(
    await confirm(h),
    "Встреча перенесена со среды, 25 ноября, 11:00, на четверг, 3 декабря, 11:00 (мск). Сообщаю 1 приглашённому и поправляю время в уже отправленных сообщениях о встрече.",
  );
  h.clock.set("2026-11-30T07:00:00Z");
  await h.jobs.tick(); // W2's invitation
  assert.match(await h.say(anna, "/status"), /среда, 2 декабря/);
  h.clock.set("2026-12-02T09:00:00Z"); // W2 is on; W1 is tomorrow
  assert.match(
    await h.say(anna, "/status"),
    /Ближайшая встреча: четверг, 3 декабря, 11:00 \(мск\)/,
  );
  const boris = user(2, { first_name: "Борис" });
  await h.say(boris, "/start");
  await h.press(boris, "reg:yes");
  await h.idle();
  const invitations = h.fake.sent(boris.id).filter((m) =>
    m.text?.startsWith("Приглашаю")
  );
  assert.equal(invitations.length, 1, "W1's invitation");
  assert.match(invitations[0]!.text!, /3 декабря/);
  assert.equal(
    (await h.press(boris, `rsvp:${W1}:yes`)).text,
    "Ответ сохранён",
  );
});

Deno.test("/move onto next week's meeting is refused with the reason", async () => {
  await using h = await botWeek();
  const reply = await h.say(admin, "/move 02.12 11:30");
  assert.equal(
    reply,
    "Не переношу: встречи пересеклись бы — другая встреча начинается в среду, 2 декабря, в 11:00 (мск), и длится 1 час. Выберите другое время.",
  );
  assert.equal(draftCount(h), 0, "no draft");
});

Deno.test("/move of next week's meeting onto the moved one before it is refused with the reason", async () => {
  await using h = await botWeek();
  await h.say(admin, "/move 03.12 11:00");
  await confirm(h);
  h.clock.set("2026-11-26T09:00:00Z"); // W2 is the nearest now
  const reply = await h.say(admin, "/move 03.12 10:30");
  assert.equal(
    reply,
    "Не переношу: встречи пересеклись бы — другая встреча начинается в четверг, 3 декабря, в 11:00 (мск), и длится 1 час. Выберите другое время.",
  );
});

Deno.test("/move just after next week's meeting ends keeps both whole", async () => {
  await using h = await botWeek();
  await h.say(admin, "/move 02.12 12:00"); // W2 ends at 12:00
  assert.equal(
    await confirm(h),
    "Встреча перенесена со среды, 25 ноября, 11:00, на среду, 2 декабря, 12:00 (мск). Сообщаю 1 приглашённому и поправляю время в уже отправленных сообщениях о встрече.",
  );
  h.clock.set("2026-11-30T07:00:00Z");
  await h.jobs.tick();
  assert.equal(
    h.store.jobRuns.get(W2, "invitation")?.started_at,
    "2026-11-30T07:00:00.000Z",
  );
});

function draftCount(h: Harness): number {
  return Number(
    (h.db.prepare("SELECT count(*) AS n FROM drafts").get() as { n: number })
      .n,
  );
}

Deno.test("/healthz names the jobs of the meeting that really comes next after a move past next week's", async () => {
  using w = world();
  await walk(w, "2026-11-23T08:00:00Z"); // Monday: W1's invitation went out
  await move(w, { id: W1, to: "2026-12-03T08:00:00Z" }); // Thursday after W2
  const report = await healthReport(config, {
    store: w.store,
    polling: () => ({ ok: true }),
    now: w.clock.now(),
  });
  assert.equal((report.lastJobs as { meeting?: string }).meeting, W2);
});
