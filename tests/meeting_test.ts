import assert from "node:assert/strict";
import {
  answersOpen,
  jobTiming,
  meetingById,
  planJobs,
  slotsAround,
  upcomingMeeting,
} from "../src/domain/meeting.ts";
import { testConfig } from "./helpers.ts";

// Wednesday 11:00 Moscow; Monday 10:00, Tuesday 18:00 (the nudge), Wednesday 09:00 and 10:40
const config = testConfig();

Deno.test("upcomingMeeting() is the next Wednesday 11:00 Moscow, strictly after now", () => {
  const monday = upcomingMeeting(config, new Date("2026-11-23T07:00:00Z"));
  assert.deepEqual(monday, {
    id: "2026-11-25",
    startsAt: new Date("2026-11-25T08:00:00Z"),
  });
  // At the start instant the meeting is no longer upcoming: next week's is.
  assert.equal(
    upcomingMeeting(config, new Date("2026-11-25T08:00:00Z")).id,
    "2026-12-02",
  );
  assert.equal(
    upcomingMeeting(config, new Date("2026-11-25T07:59:59Z")).id,
    "2026-11-25",
  );
});

Deno.test("slotsAround() gives six weeks before and after the upcoming meeting around each instant, kept only until the meeting starts", () => {
  const ids = (at: string) => {
    const slots = slotsAround(config, new Date(at));
    assert.equal(slots.length, 13);
    return [slots[0]!.id, slots[6]!.id, slots[12]!.id];
  };
  const expected = ["2026-10-14", "2026-11-25", "2027-01-06"];
  assert.deepEqual(ids("2026-11-23T07:00:00Z"), expected);
  assert.deepEqual(ids("2026-11-25T07:59:59Z"), expected, "the kept answer");
  assert.deepEqual(ids("2026-11-25T08:00:00Z"), [
    "2026-10-21",
    "2026-12-02",
    "2027-01-13",
  ]);
  assert.deepEqual(ids("2026-12-20T12:00:00Z"), [
    "2026-11-11",
    "2026-12-23",
    "2027-02-03",
  ]);
  assert.deepEqual(ids("2026-11-19T12:00:00Z"), expected, "and back in time");
});

Deno.test("planJobs() moves the reminders with a moved meeting; the invitation keeps its day unless the meeting moved earlier", () => {
  const scheduledAt = new Date("2026-12-02T08:00:00Z");
  const plan = (startsAt: string) =>
    Object.fromEntries(
      planJobs(config, {
        id: "2026-12-02",
        scheduledAt,
        startsAt: new Date(startsAt),
      })
        .map((p) => [p.job, p.due.toISOString()]),
    );
  assert.deepEqual(plan("2026-12-03T12:00:00Z"), {
    invitation: "2026-11-30T07:00:00.000Z",
    nudge: "2026-12-02T19:00:00.000Z",
    first_reminder: "2026-12-03T10:00:00.000Z",
    second_reminder: "2026-12-03T11:40:00.000Z",
  });
  assert.deepEqual(plan("2026-11-27T08:00:00Z"), {
    invitation: "2026-11-25T07:00:00.000Z",
    nudge: "2026-11-26T15:00:00.000Z",
    first_reminder: "2026-11-27T06:00:00.000Z",
    second_reminder: "2026-11-27T07:40:00.000Z",
  });
});

Deno.test("planJobs() puts each job before its meeting with the documented deadlines", () => {
  const meeting = upcomingMeeting(config, new Date("2026-11-20T00:00:00Z"));
  const plans = planJobs(config, meeting);
  assert.deepEqual(
    plans.map((p) => [p.job, p.due.toISOString(), p.deadline.toISOString()]),
    [
      ["invitation", "2026-11-23T07:00:00.000Z", "2026-11-25T08:00:00.000Z"],
      ["nudge", "2026-11-24T15:00:00.000Z", "2026-11-25T08:00:00.000Z"],
      [
        "first_reminder",
        "2026-11-25T06:00:00.000Z",
        "2026-11-25T07:40:00.000Z",
      ],
      [
        "second_reminder",
        "2026-11-25T07:40:00.000Z",
        "2026-11-25T08:00:00.000Z",
      ],
    ],
  );
});

Deno.test("jobTiming() is early before the due time, due until the deadline, late after", () => {
  const meeting = upcomingMeeting(config, new Date("2026-11-20T00:00:00Z"));
  const [invitation, _nudge, first] = planJobs(config, meeting);
  assert.equal(
    jobTiming(invitation!, new Date("2026-11-23T06:59:59Z")),
    "early",
  );
  assert.equal(jobTiming(invitation!, new Date("2026-11-23T07:00:00Z")), "due");
  assert.equal(jobTiming(invitation!, new Date("2026-11-25T07:59:00Z")), "due");
  assert.equal(
    jobTiming(invitation!, new Date("2026-11-25T08:00:00Z")),
    "late",
  );
  assert.equal(jobTiming(first!, new Date("2026-11-25T07:39:00Z")), "due");
  assert.equal(jobTiming(first!, new Date("2026-11-25T07:40:00Z")), "late");
});

Deno.test("meetingById() accepts only the dates of real meetings", () => {
  assert.deepEqual(meetingById(config, "2026-11-25"), {
    id: "2026-11-25",
    startsAt: new Date("2026-11-25T08:00:00Z"),
  });
  assert.equal(meetingById(config, "2026-11-24"), undefined); // a Tuesday
  assert.equal(meetingById(config, "2026-13-01"), undefined);
  assert.equal(meetingById(config, "25.11.2026"), undefined);
  assert.equal(meetingById(config, "2026-02-31"), undefined);
});

Deno.test("answersOpen() closes when the meeting starts", () => {
  const meeting = {
    id: "2026-11-25",
    startsAt: new Date("2026-11-25T08:00:00Z"),
  };
  assert.equal(answersOpen(meeting, new Date("2026-11-25T07:59:59Z")), true);
  assert.equal(answersOpen(meeting, new Date("2026-11-25T08:00:00Z")), false);
});

Deno.test("planJobs() works for a meeting early on Monday in a zone west of UTC", () => {
  const ny = testConfig({
    timezone: "America/New_York",
    meeting: {
      ...config.meeting,
      weekday: "monday",
      time: { hour: 0, minute: 30 },
    },
    schedule: {
      invitation: { weekday: "saturday", time: { hour: 12, minute: 0 } },
      first_reminder: { weekday: "sunday", time: { hour: 23, minute: 0 } },
      second_reminder: { weekday: "monday", time: { hour: 0, minute: 15 } },
      nudge: null,
    },
  });
  const meeting = upcomingMeeting(ny, new Date("2026-11-25T12:00:00Z"));
  assert.equal(meeting.id, "2026-11-30");
  assert.deepEqual(planJobs(ny, meeting).map((p) => p.due.toISOString()), [
    "2026-11-28T17:00:00.000Z",
    "2026-11-30T04:00:00.000Z",
    "2026-11-30T05:15:00.000Z",
  ]);
});
