/**
 * The series of a feed read back by ical.js at the edges of time zones: a weekly meeting
 * whose wall time falls in the spring-forward gap or in the hour repeated in autumn is
 * where the bot's own weeks put it (domain/time.ts, as RFC 5545 says), and a week moved
 * into the repeated hour is written so that it names its one instant.
 */
import assert from "node:assert/strict";
import ICAL from "ical.js";
import { type Series, seriesIcs } from "../src/domain/series.ts";
import { localToInstant, nextOccurrence } from "../src/domain/time.ts";

const TEXT = { summary: "Встреча", description: "", link: "https://e.org/x" };

/** A series of Sundays at `time` in Europe/Berlin from 2026-03-01, with `weeks`. */
function sundays(
  time: { hour: number; minute: number },
  weeks: Series["weeks"] = [],
): Series {
  return {
    uid: "weekly@test_bot.t.me",
    name: "Встреча",
    timeZone: "Europe/Berlin",
    weekly: { weekday: "sunday", time },
    first: "2026-03-01",
    durationMinutes: 60,
    text: TEXT,
    weeks,
    stamp: new Date("2026-03-01T00:00:00Z"),
    until: new Date("2028-01-01T00:00:00Z"),
  };
}

/** The starts of the first `count` occurrences, by ical.js. */
function starts(ics: string, count: number): string[] {
  const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents(
    "vevent",
  );
  const event = new ICAL.Event(events[0]!);
  for (const e of events.slice(1)) event.relateException(e);
  const iterator = event.iterator();
  const out: string[] = [];
  for (
    let next = iterator.next();
    next && out.length < count;
    next = iterator.next()
  ) {
    out.push(
      event.getOccurrenceDetails(next).startDate.toJSDate().toISOString(),
    );
  }
  return out;
}

/** The bot's own first `count` meetings of the same schedule. */
function botStarts(series: Series, count: number): string[] {
  const out: string[] = [];
  let at = new Date(`${series.first}T00:00:00Z`);
  at = new Date(at.getTime() - 86_400_000);
  for (let i = 0; i < count; i++) {
    at = nextOccurrence(series.weekly, {
      timeZone: series.timeZone,
      after: at,
    });
    out.push(at.toISOString());
  }
  return out;
}

Deno.test("a weekly time in the spring-forward gap (02:30, 29 March) is the instant after the gap, as the bot has it", () => {
  const series = sundays({ hour: 2, minute: 30 });
  const got = starts(seriesIcs(series), 6);
  assert.deepEqual(got, botStarts(series, 6));
  assert.equal(got[4], "2026-03-29T01:30:00.000Z"); // 03:30 CEST
});

Deno.test("a weekly time in the hour repeated in autumn (02:30, 25 October) is its first instant, as the bot has it", () => {
  const series = { ...sundays({ hour: 2, minute: 30 }), first: "2026-10-04" };
  const got = starts(seriesIcs(series), 6);
  assert.deepEqual(got, botStarts(series, 6));
  assert.equal(got[3], "2026-10-25T00:30:00.000Z"); // 02:30 CEST, the first
});

Deno.test("a week moved into the repeated hour's second pass names that instant (in UTC)", () => {
  const second = new Date("2026-10-25T01:30:00Z"); // 02:30 CET, the second one
  const series = sundays({ hour: 11, minute: 0 }, [{
    id: "2026-10-25",
    startsAt: second,
    cancelled: false,
    sequence: 1,
    ...TEXT,
  }]);
  const ics = seriesIcs({ ...series, first: "2026-10-04" });
  assert.match(ics, /\r\nDTSTART:20261025T013000Z\r\n/);
  assert.equal(starts(ics, 6)[3], second.toISOString());
  // An ordinary move keeps the zone's wall clock.
  const moved = localToInstant({
    date: { year: 2026, month: 10, day: 26 },
    time: { hour: 9, minute: 0 },
  }, "Europe/Berlin");
  const plain = seriesIcs({
    ...series,
    first: "2026-10-04",
    weeks: [{ ...series.weeks[0]!, startsAt: moved }],
  });
  assert.match(plain, /\r\nDTSTART;TZID=Europe\/Berlin:20261026T090000\r\n/);
  assert.equal(starts(plain, 6)[3], moved.toISOString());
});
