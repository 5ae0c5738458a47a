/**
 * Each person's own zone and choices as pure rules: the zones a person may type, a
 * meeting's day and time read in another zone, and the last day of a pause.
 */
import assert from "node:assert/strict";
import {
  checkPauseDate,
  parsePauseDate,
  pausedFor,
  wants,
} from "../src/domain/choices.ts";
import { parseZone, readerZone } from "../src/domain/zones.ts";
import { meetingValues, moveValues } from "../src/messages/build.ts";
import { whenValue, zoneScheduleValues } from "../src/messages/zone.ts";
import { testConfig } from "./helpers.ts";

const CONFIG = testConfig();
/** Wednesday 25 November 2026, 11:00 in Moscow. */
const MEETING = {
  id: "2026-11-25",
  startsAt: new Date("2026-11-25T08:00:00Z"),
};
const HONOLULU = readerZone(CONFIG, "Pacific/Honolulu");

Deno.test("parseZone() reads an IANA name, a city of the list and an offset from UTC", () => {
  assert.equal(parseZone("Asia/Tokyo"), "Asia/Tokyo");
  assert.equal(parseZone("  europe/berlin "), "Europe/Berlin");
  assert.equal(parseZone("America/New York"), "America/New_York");
  assert.equal(parseZone("Москва"), "Europe/Moscow");
  assert.equal(parseZone("г. Екатеринбург"), "Asia/Yekaterinburg");
  assert.equal(parseZone("питер"), "Europe/Moscow");
  assert.equal(parseZone("Berlin"), "Europe/Berlin");
  assert.equal(parseZone("Гонолулу"), "Pacific/Honolulu");
  assert.equal(parseZone("UTC+3"), "+03:00");
  assert.equal(parseZone("utc −5"), "-05:00");
  assert.equal(parseZone("+05:30"), "+05:30");
  assert.equal(parseZone("GMT+5:45"), "+05:45");
  assert.equal(parseZone("-4"), "-04:00");
  assert.equal(parseZone("UTC"), "UTC");
  assert.equal(parseZone("UTC+0"), "UTC");
});

Deno.test("parseZone() refuses what is no zone: a made-up name, a bare number, an offset no zone has", () => {
  for (
    const text of [
      "",
      "Марс",
      "Mars/Olympus",
      "12",
      "UTC+15",
      "+05:75",
      "EST",
      "x".repeat(100),
    ]
  ) {
    assert.equal(parseZone(text), undefined, text);
  }
});

Deno.test("Wednesday 11:00 in Moscow is Tuesday 22:00 in Honolulu: the date, the weekday and the zone's name change", () => {
  const values = meetingValues(CONFIG, { ...MEETING, zone: HONOLULU });
  assert.equal(values.date_on, "во вторник, 24 ноября");
  assert.equal(values.time, "22:00");
  assert.equal(values.tz, "UTC−10");
  // In the meeting's zone nothing changes: the config's label names it.
  const moscow = meetingValues(CONFIG, {
    ...MEETING,
    zone: readerZone(CONFIG, null),
  });
  assert.equal(
    `${moscow.date_on}, ${moscow.time} (${moscow.tz})`,
    "в среду, 25 ноября, 11:00 (мск)",
  );
  const tokyo = meetingValues(CONFIG, {
    ...MEETING,
    zone: readerZone(CONFIG, "Asia/Tokyo"),
  });
  assert.equal(
    `${tokyo.date_on}, ${tokyo.time} (${tokyo.tz})`,
    "в среду, 25 ноября, 17:00 (UTC+9)",
  );
  const india = meetingValues(CONFIG, {
    ...MEETING,
    zone: readerZone(CONFIG, "+05:30"),
  });
  assert.equal(`${india.time} (${india.tz})`, "13:30 (UTC+5:30)");
});

Deno.test("a move read in Honolulu names both days there", () => {
  const values = moveValues(CONFIG, {
    meeting: { ...MEETING, zone: HONOLULU },
    from: MEETING.startsAt,
    to: new Date("2026-11-26T09:30:00Z"), // Thursday 12:30 in Moscow
  });
  assert.equal(values.old_date_from, "со вторника, 24 ноября");
  assert.equal(values.new_date_acc, "среду, 25 ноября");
  assert.equal(values.new_time, "23:30");
  assert.equal(values.tz, "UTC−10");
});

Deno.test("the weekly schedule read in Honolulu is on Tuesdays at 22:00", () => {
  const values = zoneScheduleValues(CONFIG, {
    now: new Date("2026-11-23T06:00:00Z"),
    zone: HONOLULU,
  });
  assert.equal(
    `${values.weekday_every} в ${values.time} (${values.tz})`,
    "по вторникам в 22:00 (UTC−10)",
  );
  assert.equal(values.weekday_on, "во вторник");
});

Deno.test("whenValue() says today, tomorrow or the date as the reader's zone has it", () => {
  // The first reminder: Wednesday 09:00 in Moscow (06:00 UTC).
  const reminder = new Date("2026-11-25T06:00:00Z");
  const la = readerZone(CONFIG, "America/Los_Angeles");
  assert.equal(
    whenValue(CONFIG, { meeting: MEETING, now: reminder }),
    "сегодня",
  );
  assert.equal(
    whenValue(CONFIG, {
      meeting: { ...MEETING, zone: HONOLULU },
      now: reminder,
    }),
    "сегодня",
  );
  // 22:00 on Tuesday in Los Angeles, for a meeting at 00:00 on Wednesday there.
  assert.equal(
    whenValue(CONFIG, { meeting: { ...MEETING, zone: la }, now: reminder }),
    "завтра",
  );
  assert.equal(
    whenValue(CONFIG, {
      meeting: MEETING,
      now: new Date("2026-11-23T07:00:00Z"),
    }),
    "в среду, 25 ноября,",
  );
});

Deno.test("parsePauseDate() reads 31.12, 31.12.2026, 31.12.26 and 2026-12-31; a date without a year is the next one", () => {
  const today = { year: 2026, month: 11, day: 23 };
  assert.deepEqual(parsePauseDate("31.12", today), {
    year: 2026,
    month: 12,
    day: 31,
  });
  assert.deepEqual(parsePauseDate("31.12.2026", today), {
    year: 2026,
    month: 12,
    day: 31,
  });
  assert.deepEqual(parsePauseDate("31.12.26", today), {
    year: 2026,
    month: 12,
    day: 31,
  });
  assert.deepEqual(parsePauseDate("2027-01-15", today), {
    year: 2027,
    month: 1,
    day: 15,
  });
  assert.deepEqual(parsePauseDate("10.01", today), {
    year: 2027,
    month: 1,
    day: 10,
  });
  assert.deepEqual(parsePauseDate("23.11", today), {
    year: 2026,
    month: 11,
    day: 23,
  });
  for (
    const text of ["", "завтра", "31.02.2027", "32.12", "12/31/2026x", "1.1.1"]
  ) {
    assert.equal(parsePauseDate(text, today), undefined, text);
  }
});

Deno.test("checkPauseDate() refuses a day that has passed and one more than a year ahead", () => {
  const today = { year: 2026, month: 11, day: 23 };
  assert.equal(
    checkPauseDate({ year: 2026, month: 11, day: 22 }, today),
    "past",
  );
  assert.equal(
    checkPauseDate({ year: 2026, month: 11, day: 23 }, today),
    undefined,
  );
  assert.equal(
    checkPauseDate({ year: 2027, month: 11, day: 23 }, today),
    undefined,
  );
  assert.equal(
    checkPauseDate({ year: 2027, month: 11, day: 24 }, today),
    "too_far",
  );
});

Deno.test("wants() leaves out a message turned off and every week up to the pause's last", () => {
  const choices = {
    muted: new Set(["first_reminder"]),
    paused_through: "2026-12-09",
  };
  assert.equal(wants(choices, { message: "first_reminder" }), false);
  assert.equal(
    wants(choices, { message: "second_reminder", weekId: "2026-12-16" }),
    true,
  );
  assert.equal(
    wants(choices, { message: "second_reminder", weekId: "2026-12-09" }),
    false,
  );
  assert.equal(pausedFor(choices, "2026-11-25"), true);
  assert.equal(pausedFor({ paused_through: null }, "2026-11-25"), false);
});
