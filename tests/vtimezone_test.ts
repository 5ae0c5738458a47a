/**
 * The VTIMEZONE of a feed against the time zone database, read back by ical.js: for
 * zones with DST in either hemisphere, half-hour DST, irregular transitions, a zone that
 * ended DST, and zones without any, every local wall time of the covered years (that
 * exists once) turns into the instant the zone really gives it.
 */
import assert from "node:assert/strict";
import ICAL from "ical.js";
import { vtimezone } from "../src/domain/vtimezone.ts";

/** ical.js's zone of `lines`. */
function zoneOf(lines: string[]): ICAL.Timezone {
  const calendar = ICAL.parse(
    ["BEGIN:VCALENDAR", ...lines, "END:VCALENDAR", ""].join("\r\n"),
  );
  return new ICAL.Timezone(
    new ICAL.Component(calendar).getFirstSubcomponent("vtimezone")!,
  );
}

/**
 * The local wall times (every `stepMinutes` from `from` to `to`) whose instant ical.js
 * gives differently from the zone, ambiguous ones left out (they have two).
 */
function wrongTimes(
  timeZone: string,
  { lines, from, to, stepMinutes = 83 }: {
    lines: string[];
    from: string;
    to: string;
    stepMinutes?: number;
  },
): string[] {
  const zone = zoneOf(lines);
  const wrong: string[] = [];
  for (
    let t = Date.parse(from);
    t < Date.parse(to);
    t += stepMinutes * 60_000
  ) {
    const wall = Temporal.Instant.fromEpochMilliseconds(t)
      .toZonedDateTimeISO(timeZone).toPlainDateTime();
    const earlier = wall.toZonedDateTime(timeZone, {
      disambiguation: "earlier",
    });
    const later = wall.toZonedDateTime(timeZone, { disambiguation: "later" });
    if (earlier.epochMilliseconds !== later.epochMilliseconds) continue;
    const { year, month, day, hour, minute } = wall;
    const time = new ICAL.Time(
      { year, month, day, hour, minute, second: 0 },
      zone,
    );
    if (time.toUnixTime() * 1000 !== earlier.epochMilliseconds) {
      wrong.push(wall.toString());
    }
  }
  return wrong;
}

const SPAN = {
  from: new Date("2026-01-01T00:00:00Z"),
  until: new Date("2028-06-01T00:00:00Z"),
};

for (
  const timeZone of [
    "Europe/Berlin",
    "America/New_York",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "America/Santiago",
    "Africa/Casablanca",
    "Europe/Dublin",
    "Europe/Moscow",
    "Asia/Kolkata",
    "UTC",
  ]
) {
  Deno.test(`vtimezone() gives every wall time of the covered years its real instant (${timeZone})`, () => {
    const lines = vtimezone(timeZone, SPAN);
    assert.deepEqual(
      wrongTimes(timeZone, {
        lines,
        from: "2026-01-01T00:00:00Z",
        to: "2029-01-01T00:00:00Z",
      }),
      [],
    );
  });
}

Deno.test("vtimezone() of Europe/Berlin is its two yearly rules, from the onset in effect, left open", () => {
  assert.deepEqual(
    vtimezone("Europe/Berlin", {
      from: new Date("2026-07-15T09:00:00Z"),
      until: new Date("2028-10-01T00:00:00Z"),
    }),
    [
      "BEGIN:VTIMEZONE",
      "TZID:Europe/Berlin",
      "BEGIN:DAYLIGHT",
      "DTSTART:20260329T020000",
      "TZOFFSETFROM:+0100",
      "TZOFFSETTO:+0200",
      "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
      "END:DAYLIGHT",
      "BEGIN:STANDARD",
      "DTSTART:20261025T030000",
      "TZOFFSETFROM:+0200",
      "TZOFFSETTO:+0100",
      "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
      "END:STANDARD",
      "END:VTIMEZONE",
    ],
  );
});

Deno.test("a rule whose days so far are both the 4th and the last Sunday is the last Sunday, right in 2030 too", () => {
  const lines = vtimezone("Europe/Berlin", {
    from: new Date("2027-01-10T00:00:00Z"),
    until: new Date("2028-06-01T00:00:00Z"),
  });
  // 28 March 2027 and 26 March 2028 are both; 31 March 2030 is only the last.
  assert.ok(lines.includes("DTSTART:20270328T020000"));
  assert.ok(lines.includes("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
  assert.deepEqual(
    wrongTimes("Europe/Berlin", {
      lines,
      from: "2030-03-20T00:00:00Z",
      to: "2030-04-05T00:00:00Z",
      stepMinutes: 30,
    }),
    [],
  );
});

Deno.test("vtimezone() of America/New_York: the second Sunday of March, the first of November", () => {
  const lines = vtimezone("America/New_York", SPAN);
  assert.ok(lines.includes("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU"));
  assert.ok(lines.includes("RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"));
});

Deno.test("vtimezone() of a zone that ended DST (São Paulo, 2019) closes its rule with UNTIL and stays right after", () => {
  const span = {
    from: new Date("2017-01-01T00:00:00Z"),
    until: new Date("2021-01-01T00:00:00Z"),
  };
  const lines = vtimezone("America/Sao_Paulo", span);
  const rules = lines.filter((line) => line.startsWith("RRULE:"));
  assert.ok(rules.length > 0);
  for (const rule of rules) assert.match(rule, /;UNTIL=20\d{6}T\d{6}Z$/);
  assert.deepEqual(
    wrongTimes("America/Sao_Paulo", {
      lines,
      from: "2017-01-01T00:00:00Z",
      to: "2022-01-01T00:00:00Z",
    }),
    [],
  );
});

Deno.test("vtimezone() of a zone without transitions is one STANDARD observance", () => {
  assert.deepEqual(vtimezone("UTC", SPAN), [
    "BEGIN:VTIMEZONE",
    "TZID:UTC",
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0000",
    "END:STANDARD",
    "END:VTIMEZONE",
  ]);
});
