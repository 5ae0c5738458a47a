import assert from "node:assert/strict";
import { user } from "./fake_bot_api.ts";
import {
  type Harness,
  ManualClock,
  startHarness,
  testConfig,
} from "./helpers.ts";
import { upcomingMeeting } from "../src/domain/meeting.ts";
import { enqueueJob } from "../src/usecases/jobs.ts";

// Meeting Wednesday 2026-11-25 11:00 Moscow (08:00Z); invitation Monday 10:00 (07:00Z),
// reminders Wednesday 09:00 (06:00Z) and 10:40 (07:40Z).
const MEETING = "2026-11-25";
const anna = user(3001, { first_name: "Анна" });
const boris = user(3002, { first_name: "Борис" });

/** Anna and Boris registered on Sunday; Anna said yes to this meeting's invitation. */
async function arrange(h: Harness, options: { annaSaysYes: boolean }) {
  for (const u of [anna, boris]) {
    await h.say(u, "/start");
    await h.press(u, "reg:yes");
  }
  if (options.annaSaysYes) {
    const annaId = h.store.users.byTgId(anna.id)!.id;
    h.store.meetings.ensure({
      id: MEETING,
      startsAt: new Date("2026-11-25T08:00:00Z"),
    }, h.clock.now());
    h.store.answers.record(
      { meetingId: MEETING, userId: annaId, answer: "yes" },
      h.clock.now(),
    );
  }
}

function texts(h: Harness, u: { id: number }) {
  return h.fake.sent(u.id).slice(1).map((m) => m.text!.split("\n")[0]!);
}

Deno.test("tick() after downtime sends the missed invitation while the meeting is ahead", async () => {
  await using h = await startHarness({
    clock: new ManualClock("2026-11-22T09:00:00Z"),
  });
  await arrange(h, { annaSaysYes: false });
  h.clock.set("2026-11-24T15:00:00Z"); // down from Sunday to Tuesday
  await h.jobs.tick();
  assert.deepEqual(texts(h, anna), [
    "Приглашаю на встречу «Живой эфир» в среду, 25 ноября, в 11:00 (мск). Она продлится 1 час.",
  ]);
  assert.deepEqual(texts(h, boris), [
    "Приглашаю на встречу «Живой эфир» в среду, 25 ноября, в 11:00 (мск). Она продлится 1 час.",
  ]);
  assert.equal(h.store.jobRuns.get(MEETING, "invitation")?.status, "done");
  assert.ok(
    h.logs.some((l) =>
      l.includes("job.catch_up") && l.includes("job=invitation")
    ),
  );
  await h.jobs.tick();
  assert.equal(
    h.fake.deliveredCount(anna.id),
    2,
    "greeting and one invitation",
  );
});

Deno.test("tick() after downtime sends the first reminder until the second one is due", async () => {
  await using h = await startHarness({
    clock: new ManualClock("2026-11-23T07:00:00Z"),
  });
  await arrange(h, { annaSaysYes: false });
  await h.jobs.tick(); // the invitation went out on time
  const annaId = h.store.users.byTgId(anna.id)!.id;
  h.store.answers.record(
    { meetingId: MEETING, userId: annaId, answer: "yes" },
    h.clock.now(),
  );
  h.clock.set("2026-11-25T07:39:00Z"); // down over 09:00, up at 10:39
  await h.jobs.tick();
  assert.deepEqual(texts(h, anna).slice(1), [
    "Напоминаю: сегодня в 11:00 (мск) — встреча «Живой эфир».",
  ]);
  assert.deepEqual(
    texts(h, boris).slice(1),
    [
      "Вы ещё не ответили: придёте на встречу «Живой эфир» в среду, 25 ноября, в 11:00 (мск)?",
    ],
    "no reminder for who did not say yes; the missed nudge, still useful",
  );
});

Deno.test("tick() records a first reminder missed past its deadline as skipped and sends the second", async () => {
  await using h = await startHarness({
    clock: new ManualClock("2026-11-22T09:00:00Z"),
  });
  await arrange(h, { annaSaysYes: true });
  h.clock.set("2026-11-25T07:45:00Z"); // down from Sunday to Wednesday 10:45
  await h.jobs.tick();
  assert.deepEqual(texts(h, anna), [
    // Anna answered before it went out: the invitation shows her answer.
    "Встреча «Живой эфир» в среду, 25 ноября, в 11:00 (мск).",
    "Через несколько минут, в 11:00 (мск), начинаем «Живой эфир»!",
  ]);
  const first = h.store.jobRuns.get(MEETING, "first_reminder");
  assert.equal(first?.status, "skipped");
  assert.ok(
    h.logs.some((l) =>
      l.includes("WARN job.skipped") && l.includes("job=first_reminder")
    ),
  );
  await h.jobs.tick();
  assert.equal(
    h.store.jobRuns.get(MEETING, "first_reminder")?.status,
    "skipped",
    "never run later",
  );
  assert.equal(h.fake.deliveredCount(anna.id), 3);
});

Deno.test("tick() after the meeting started sends nothing for it", async () => {
  await using h = await startHarness({
    clock: new ManualClock("2026-11-22T09:00:00Z"),
  });
  await arrange(h, { annaSaysYes: true });
  h.clock.set("2026-11-25T08:30:00Z"); // down until the meeting had begun
  await h.jobs.tick();
  assert.equal(h.fake.deliveredCount(anna.id), 1, "only the greeting");
  assert.equal(h.store.jobRuns.get(MEETING, "second_reminder"), undefined);
});

Deno.test("tick() resumes a job whose process died mid-broadcast, sending only the rest", async () => {
  await using h = await startHarness({
    clock: new ManualClock("2026-11-23T07:00:00Z"),
  });
  await arrange(h, { annaSaysYes: false });
  // A process died after delivering to Anna: the run is still marked running.
  h.store.transaction(() => {
    enqueueJob(h.store, {
      job: "invitation",
      meeting: upcomingMeeting(h.config, h.clock.now()),
      now: h.clock.now(),
    });
    const row = h.store.outbox.byKey(
      `invitation/${MEETING}/u${h.store.users.byTgId(anna.id)!.id}`,
    )!;
    h.store.outbox.claim(row.id, { by: "dead", now: h.clock.now() });
    h.store.outbox.finish(row.id, {
      status: "sent",
      messageId: 1,
      now: h.clock.now(),
    });
  });
  h.clock.set("2026-11-23T07:05:00Z");
  await h.jobs.tick();
  assert.equal(h.fake.deliveredCount(anna.id), 1, "Anna is not sent it again");
  assert.equal(h.fake.deliveredCount(boris.id), 2);
  assert.equal(h.store.jobRuns.get(MEETING, "invitation")?.status, "done");
});

Deno.test("tick() never starts a finished job again: no second enqueue, no second report", async () => {
  const admin = user(3999, { first_name: "Хост" });
  await using h = await startHarness({
    config: testConfig({ admins: [admin.id] }),
    clock: new ManualClock("2026-11-23T07:00:00Z"),
  });
  await arrange(h, { annaSaysYes: false });
  await h.say(admin, "/start");
  await h.jobs.tick();
  assert.equal(h.store.jobRuns.get(MEETING, "invitation")?.status, "done");
  for (const minutes of [1, 60, 600]) {
    h.clock.set(
      new Date(Date.parse("2026-11-23T07:00:00Z") + minutes * 60_000),
    );
    await h.jobs.tick();
  }
  const enqueued = h.logs.filter((l) =>
    l.includes("job.enqueued") && l.includes("job=invitation")
  );
  assert.equal(enqueued.length, 1, "enqueued once");
  const reports = h.fake.messagesTo(admin.id).filter((m) =>
    m.startsWith("Встреча в среду, 25 ноября: разослал приглашения.")
  );
  assert.equal(reports.length, 1, "one report to the admin");
});
