/**
 * dueTimes(): when each weekly job is next due, as the alert MeetingBotJobLate reads it
 * from `/metrics`. The shipped times, the nudge on: invitation Monday 10:00, nudge
 * Tuesday 18:00, reminders Wednesday 09:00 and 10:40, the meeting Wednesday 11:00
 * (Moscow, UTC+3).
 */
import assert from "node:assert/strict";
import { openDatabase } from "../src/db/database.ts";
import { Store } from "../src/db/store.ts";
import { dueTimes } from "../src/usecases/job_plans.ts";
import { SCHEDULE_WITH_NUDGE, testConfig } from "./helpers.ts";

const config = testConfig({ schedule: SCHEDULE_WITH_NUDGE });
const WEDNESDAY = "2026-11-25";

function freshStore(): Store {
  return new Store(openDatabase(":memory:"));
}

/** Each job's next time at `now`, as ISO instants. */
function due(store: Store, now: string): Record<string, string> {
  return Object.fromEntries(
    [...dueTimes(store, { schedule: config, now: new Date(now) })].map((
      [job, at],
    ) => [job, at.toISOString()]),
  );
}

Deno.test("dueTimes(): each job's time this week, and once it has run, next week's", () => {
  const store = freshStore();
  assert.deepEqual(due(store, "2026-11-23T06:30:00Z"), {
    invitation: "2026-11-23T07:00:00.000Z",
    nudge: "2026-11-24T15:00:00.000Z",
    first_reminder: "2026-11-25T06:00:00.000Z",
    second_reminder: "2026-11-25T07:40:00.000Z",
  });
  store.jobRuns.start(
    { meetingId: WEDNESDAY, job: "invitation" },
    new Date("2026-11-23T07:00:00Z"),
  );
  assert.equal(
    due(store, "2026-11-23T07:00:01Z").invitation,
    "2026-11-30T07:00:00.000Z",
  );
});

Deno.test("dueTimes(): a job sent by hand before its time (send) is next due next week", () => {
  const store = freshStore();
  store.jobRuns.start(
    { meetingId: WEDNESDAY, job: "invitation" },
    new Date("2026-11-22T12:00:00Z"),
  );
  assert.equal(
    due(store, "2026-11-23T06:30:00Z").invitation,
    "2026-11-30T07:00:00.000Z",
  );
});

Deno.test("dueTimes(): a job that did not run stays at its time, in the past, until an hour after its deadline", async (t) => {
  const store = freshStore();
  await t.step(
    "the invitation, missed on Monday, all the way to Wednesday",
    () => {
      assert.equal(
        due(store, "2026-11-23T07:20:00Z").invitation,
        "2026-11-23T07:00:00.000Z",
      );
      assert.equal(
        due(store, "2026-11-25T08:59:59Z").invitation,
        "2026-11-23T07:00:00.000Z",
      );
    },
  );
  await t.step(
    "the second reminder, twenty minutes before the meeting: until 12:00",
    () => {
      assert.equal(
        due(store, "2026-11-25T08:30:00Z").second_reminder,
        "2026-11-25T07:40:00.000Z",
      );
      assert.deepEqual(due(store, "2026-11-25T09:00:00Z"), {
        invitation: "2026-11-30T07:00:00.000Z",
        nudge: "2026-12-01T15:00:00.000Z",
        first_reminder: "2026-12-02T06:00:00.000Z",
        second_reminder: "2026-12-02T07:40:00.000Z",
      });
    },
  );
});

Deno.test("dueTimes(): a job recorded as skipped (too late when the bot came back) is not late", () => {
  const store = freshStore();
  store.jobRuns.skip({ meetingId: WEDNESDAY, job: "first_reminder" }, {
    note: "missed: past its deadline",
    now: new Date("2026-11-25T07:45:00Z"),
  });
  assert.equal(
    due(store, "2026-11-25T07:45:00Z").first_reminder,
    "2026-12-02T06:00:00.000Z",
  );
});

Deno.test("dueTimes(): a moved meeting moves its reminders and nudge; a cancelled week gives way to the next", () => {
  const store = freshStore();
  const now = new Date("2026-11-23T06:30:00Z");
  store.meetings.ensure({
    id: WEDNESDAY,
    startsAt: new Date("2026-11-25T08:00:00Z"),
  }, now);
  store.meetings.change(WEDNESDAY, {
    movedTo: new Date("2026-11-26T08:00:00Z"),
  }, now);
  assert.deepEqual(due(store, "2026-11-23T06:30:00Z"), {
    invitation: "2026-11-23T07:00:00.000Z",
    nudge: "2026-11-25T15:00:00.000Z",
    first_reminder: "2026-11-26T06:00:00.000Z",
    second_reminder: "2026-11-26T07:40:00.000Z",
  });
  store.meetings.setStatus({ id: WEDNESDAY, status: "cancelled" }, now);
  assert.deepEqual(due(store, "2026-11-23T06:30:00Z"), {
    invitation: "2026-11-30T07:00:00.000Z",
    nudge: "2026-12-01T15:00:00.000Z",
    first_reminder: "2026-12-02T06:00:00.000Z",
    second_reminder: "2026-12-02T07:40:00.000Z",
  });
});
