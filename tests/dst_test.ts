import assert from "node:assert/strict";
import type { JobName } from "../src/core/jobs.ts";
import type { WeeklyTime } from "../src/core/week.ts";
import { upcomingMeeting } from "../src/domain/meeting.ts";
import { localParts } from "../src/domain/time.ts";
import { user } from "./fake_bot_api.ts";
import {
  type Harness,
  ManualClock,
  startHarness,
  testConfig,
} from "./helpers.ts";
import { cronFirings } from "./support/cron.ts";

const participant = user(4001, { first_name: "Анна" });

/** Runs the bot's jobs at every cron firing from `from` to `to`; the participant says yes weekly. */
async function liveThrough(h: Harness, from: string, to: string) {
  await h.say(participant, "/start");
  await h.press(participant, "reg:yes");
  const userId = h.store.users.byTgId(participant.id)!.id;
  for (const at of cronFirings(h.config, new Date(from), new Date(to))) {
    h.clock.set(at);
    await h.jobs.tick();
    const meeting = upcomingMeeting(h.config, at);
    if (h.store.jobRuns.get(meeting.id, "invitation")?.status === "done") {
      h.store.answers.record({
        meetingId: meeting.id,
        userId: userId,
        answer: "yes",
      }, at);
    }
  }
}

/** When each job was delivered, per meeting, as local wall times. */
function deliveries(h: Harness) {
  return h.db.prepare(
    `SELECT ref AS meeting_id, kind AS job, status, updated_at FROM outbox
     WHERE batch IS NOT NULL ORDER BY updated_at`,
  ).all() as {
    meeting_id: string;
    job: JobName;
    status: string;
    updated_at: string;
  }[];
}

function wall(instant: string | Date, timeZone: string): string {
  const p = localParts(new Date(instant), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${p.weekday} ${pad(p.hour)}:${pad(p.minute)}`;
}

for (
  const [timezone, changes] of [
    ["Europe/Berlin", ["2026-03-29", "2026-10-25"]],
    ["America/New_York", ["2026-03-08", "2026-11-01"]],
  ] as const
) {
  Deno.test(`jobs fire at the local wall time before and after both DST changes in ${timezone}`, async () => {
    // The zone's own offset in the texts, not the shipped "мск".
    const config = testConfig({ timezone, timezone_label: null });
    await using h = await startHarness({
      config,
      clock: new ManualClock("2026-02-01T00:00:00Z"),
    });
    await liveThrough(h, "2026-02-01T00:00:00Z", "2026-11-26T00:00:00Z");
    const rows = deliveries(h);
    const meetings = [...new Set(rows.map((r) => r.meeting_id))];
    assert.equal(
      meetings.length,
      43,
      "every Wednesday from February 4 to November 25",
    );
    for (const meeting of meetings) {
      const of = rows.filter((r) => r.meeting_id === meeting);
      assert.deepEqual(
        of.map((r) => [r.job, r.status, wall(r.updated_at, timezone)]),
        [
          ["invitation", "sent", "monday 10:00"],
          ["first_reminder", "sent", "wednesday 09:00"],
          ["second_reminder", "sent", "wednesday 10:40"],
        ],
        `meeting ${meeting}`,
      );
    }
    // The weeks around each change are among them.
    for (const change of changes) {
      assert.ok(
        meetings.some((m) =>
          Math.abs(Date.parse(m) - Date.parse(change)) < 7 * 864e5
        ),
      );
    }
    // Users are shown the local meeting time on both sides of each change.
    const invitations = h.fake.sent(participant.id).filter((m) =>
      /Приглашаю/.test(m.text!)
    );
    assert.equal(invitations.length, 43);
    const offsets = new Set(invitations.map((message) => {
      const match = /, в 11:00 \((UTC[+−]\d)\)/.exec(message.text!);
      assert.ok(match, message.text);
      return match[1];
    }));
    // Winter and summer time, each shown as it is.
    assert.deepEqual(
      [...offsets].sort(),
      timezone === "Europe/Berlin" ? ["UTC+1", "UTC+2"] : ["UTC−4", "UTC−5"],
    );
  });
}

const SUNDAY_0230: WeeklyTime = {
  weekday: "sunday",
  time: { hour: 2, minute: 30 },
};

for (
  const { timezone, time, day, expected, rule } of [
    {
      timezone: "Europe/Berlin",
      time: SUNDAY_0230,
      day: "2026-03-29",
      expected: "2026-03-29T01:30:00.000Z",
      rule: "02:30 does not exist: runs at 03:30 CEST",
    },
    {
      timezone: "Europe/Berlin",
      time: SUNDAY_0230,
      day: "2026-10-25",
      expected: "2026-10-25T00:30:00.000Z",
      rule: "02:30 happens twice: runs once, at the first (CEST)",
    },
    {
      timezone: "America/New_York",
      time: SUNDAY_0230,
      day: "2026-03-08",
      expected: "2026-03-08T07:30:00.000Z",
      rule: "02:30 does not exist: runs at 03:30 EDT",
    },
    {
      timezone: "America/New_York",
      time: { weekday: "sunday", time: { hour: 1, minute: 30 } } as WeeklyTime,
      day: "2026-11-01",
      expected: "2026-11-01T05:30:00.000Z",
      rule: "01:30 happens twice: runs once, at the first (EDT)",
    },
  ]
) {
  Deno.test(`a job at a local time the change skips or repeats runs once: ${timezone} ${day}, ${rule}`, async () => {
    const base = testConfig({ timezone });
    const config = testConfig({
      timezone,
      meeting: {
        ...base.meeting,
        weekday: "sunday",
        time: { hour: 12, minute: 0 },
      },
      schedule: {
        invitation: time,
        first_reminder: { weekday: "sunday", time: { hour: 10, minute: 0 } },
        second_reminder: { weekday: "sunday", time: { hour: 11, minute: 0 } },
        nudge: null,
      },
    });
    await using h = await startHarness({
      config,
      clock: new ManualClock("2026-02-01T00:00:00Z"),
    });
    const from = new Date(Date.parse(day) - 14 * 864e5).toISOString();
    const to = new Date(Date.parse(day) + 14 * 864e5).toISOString();
    await liveThrough(h, from, to);
    const invitations = deliveries(h).filter((r) => r.job === "invitation");
    assert.equal(invitations.length, 4, "one a week, four weeks");
    const onTheDay = invitations.filter((r) => r.meeting_id === day);
    assert.deepEqual(onTheDay.map((r) => r.updated_at), [expected]);
  });
}
