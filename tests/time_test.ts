import assert from "node:assert/strict";
import { type Weekday, WEEKDAYS, type WeeklyTime } from "../src/core/week.ts";
import {
  CronExpressionError,
  nextCronRun,
  utcCronExpressions,
} from "../src/domain/cron.ts";
import {
  formatDate,
  formatTime,
  formatWeekday,
  isoLocalDate,
  localParts,
  localToInstant,
  nextOccurrence,
  previousOccurrence,
} from "../src/domain/time.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const CRON_DAYS = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"];
const NEW_YEAR = new Date("2026-01-01T00:00:00Z");

function weekly(weekday: Weekday, clock: string): WeeklyTime {
  const [hour, minute] = clock.split(":").map(Number);
  return { weekday, time: { hour: hour ?? 0, minute: minute ?? 0 } };
}

function utc(iso: string): Date {
  return new Date(`${iso}Z`);
}

function iso(instant: Date): string {
  return instant.toISOString();
}

/** The earliest firing of any of `expressions` strictly after `after`. */
function nextFiring(expressions: string[], after: Date): Date {
  const runs = expressions.map((expression) => nextCronRun(expression, after));
  return new Date(Math.min(...runs.map((run) => run.getTime())));
}

/**
 * For a year of weeks from `from`, walks the firings of the union of
 * `utcCronExpressions()`: each true occurrence is fired exactly, and every
 * other firing is `stray` away from the nearest true occurrence (the DST
 * shift; 0 means there must be no other firing).
 */
function assertCronCovers(
  when: WeeklyTime,
  timeZone: string,
  options: { from?: Date; stray?: number } = {},
): void {
  const { from = NEW_YEAR, stray = 0 } = options;
  const expressions = utcCronExpressions(when, {
    timeZone: timeZone,
    from: from,
  });
  let previous = from;
  for (let week = 0; week < 53; week++) {
    const occurrence = nextOccurrence(when, {
      timeZone: timeZone,
      after: previous,
    });
    let firing = nextFiring(expressions, previous);
    while (firing.getTime() < occurrence.getTime()) {
      assert.ok(stray > 0, `Stray firing ${iso(firing)} in ${timeZone}`);
      const nearest = Math.min(
        firing.getTime() -
          previousOccurrence(when, { timeZone: timeZone, before: firing })
            .getTime(),
        nextOccurrence(when, { timeZone: timeZone, after: firing }).getTime() -
          firing.getTime(),
      );
      assert.equal(nearest, stray, `Firing ${iso(firing)} in ${timeZone}`);
      firing = nextFiring(expressions, firing);
    }
    assert.equal(iso(firing), iso(occurrence), `Week ${week} in ${timeZone}`);
    previous = occurrence;
  }
}

Deno.test("localToInstant() converts a Moscow wall time to UTC", () => {
  const instant = localToInstant({
    date: { year: 2026, month: 11, day: 25 },
    time: { hour: 11, minute: 0 },
  }, "Europe/Moscow");
  assert.equal(iso(instant), "2026-11-25T08:00:00.000Z");
});

Deno.test("localToInstant() moves a nonexistent wall time forward by the gap", () => {
  const halfPastTwo = { hour: 2, minute: 30 };
  const berlin = localToInstant({
    date: { year: 2026, month: 3, day: 29 },
    time: halfPastTwo,
  }, "Europe/Berlin");
  assert.equal(iso(berlin), "2026-03-29T01:30:00.000Z");
  assert.equal(formatTime(berlin, "Europe/Berlin"), "03:30");
  const newYork = localToInstant({
    date: { year: 2026, month: 3, day: 8 },
    time: halfPastTwo,
  }, "America/New_York");
  assert.equal(iso(newYork), "2026-03-08T07:30:00.000Z");
  assert.equal(formatTime(newYork, "America/New_York"), "03:30");
});

Deno.test("localToInstant() resolves a repeated wall time to the earlier instant", () => {
  const berlin = localToInstant({
    date: { year: 2026, month: 10, day: 25 },
    time: { hour: 2, minute: 30 },
  }, "Europe/Berlin");
  assert.equal(iso(berlin), "2026-10-25T00:30:00.000Z"); // 02:30 CEST, not CET
  const newYork = localToInstant({
    date: { year: 2026, month: 11, day: 1 },
    time: { hour: 1, minute: 30 },
  }, "America/New_York");
  assert.equal(iso(newYork), "2026-11-01T05:30:00.000Z"); // 01:30 EDT, not EST
});

Deno.test("localToInstant() rejects an invalid date", () => {
  assert.throws(
    () =>
      localToInstant({
        date: { year: 2026, month: 2, day: 30 },
        time: { hour: 10, minute: 0 },
      }, "UTC"),
    RangeError,
  );
});

Deno.test("utcCronExpressions() moves Monday 01:00 MSK to Sunday 22:00 UTC", () => {
  const expressions = utcCronExpressions(weekly("monday", "01:00"), {
    timeZone: "Europe/Moscow",
    from: NEW_YEAR,
  });
  assert.deepEqual(expressions, ["0 22 * * SUN"]);
});

Deno.test("utcCronExpressions() keeps every 10:00 MSK weekday at 07:00 UTC", () => {
  WEEKDAYS.forEach((weekday, index) => {
    const when = weekly(weekday, "10:00");
    const expressions = utcCronExpressions(when, {
      timeZone: "Europe/Moscow",
      from: NEW_YEAR,
    });
    assert.deepEqual(expressions, [`0 7 * * ${CRON_DAYS[index]}`], weekday);
    assertCronCovers(when, "Europe/Moscow");
  });
});

Deno.test("utcCronExpressions() moves every 01:00 MSK weekday to 22:00 UTC the day before", () => {
  WEEKDAYS.forEach((weekday, index) => {
    const when = weekly(weekday, "01:00");
    const expressions = utcCronExpressions(when, {
      timeZone: "Europe/Moscow",
      from: NEW_YEAR,
    });
    assert.deepEqual(
      expressions,
      [`0 22 * * ${CRON_DAYS.at(index - 1)}`],
      weekday,
    );
    assertCronCovers(when, "Europe/Moscow");
  });
});

Deno.test("utcCronExpressions() moves Friday 22:00 New York to Saturday UTC at both offsets", () => {
  const when = weekly("friday", "22:00");
  const expressions = utcCronExpressions(when, {
    timeZone: "America/New_York",
    from: NEW_YEAR,
  });
  assert.deepEqual(expressions, ["0 3 * * SAT", "0 2 * * SAT"]);
  assertCronCovers(when, "America/New_York", { stray: HOUR });
});

Deno.test("utcCronExpressions() gives Monday 10:00 Berlin both offsets in first-occurrence order", () => {
  const when = weekly("monday", "10:00");
  assert.deepEqual(
    utcCronExpressions(when, { timeZone: "Europe/Berlin", from: NEW_YEAR }),
    [
      "0 9 * * MON",
      "0 8 * * MON",
    ],
  );
  const summer = utc("2026-06-01T00:00:00");
  assert.deepEqual(
    utcCronExpressions(when, { timeZone: "Europe/Berlin", from: summer }),
    [
      "0 8 * * MON",
      "0 9 * * MON",
    ],
  );
  assertCronCovers(when, "Europe/Berlin", { stray: HOUR });
  assertCronCovers(when, "Europe/Berlin", { from: summer, stray: HOUR });
});

Deno.test("utcCronExpressions() keeps the half-hour offset of Asia/Kolkata", () => {
  const when = weekly("monday", "10:00");
  assert.deepEqual(
    utcCronExpressions(when, { timeZone: "Asia/Kolkata", from: NEW_YEAR }),
    [
      "30 4 * * MON",
    ],
  );
  assertCronCovers(when, "Asia/Kolkata");
});

Deno.test("utcCronExpressions() handles extreme and fractional offsets", async (t) => {
  await t.step("Monday 10:00 Kiritimati is Sunday 20:00 UTC", () => {
    const when = weekly("monday", "10:00");
    assert.deepEqual(
      utcCronExpressions(when, {
        timeZone: "Pacific/Kiritimati",
        from: NEW_YEAR,
      }),
      [
        "0 20 * * SUN",
      ],
    );
    assertCronCovers(when, "Pacific/Kiritimati");
  });
  await t.step(
    "Monday 13:59 and 14:00 Kiritimati straddle UTC midnight",
    () => {
      const zone = "Pacific/Kiritimati";
      assert.deepEqual(
        utcCronExpressions(weekly("monday", "13:59"), {
          timeZone: zone,
          from: NEW_YEAR,
        }),
        [
          "59 23 * * SUN",
        ],
      );
      assert.deepEqual(
        utcCronExpressions(weekly("monday", "14:00"), {
          timeZone: zone,
          from: NEW_YEAR,
        }),
        [
          "0 0 * * MON",
        ],
      );
    },
  );
  await t.step("Friday 14:00 Pago Pago is Saturday 01:00 UTC", () => {
    const when = weekly("friday", "14:00");
    assert.deepEqual(
      utcCronExpressions(when, {
        timeZone: "Pacific/Pago_Pago",
        from: NEW_YEAR,
      }),
      [
        "0 1 * * SAT",
      ],
    );
    assertCronCovers(when, "Pacific/Pago_Pago");
  });
  await t.step(
    "Monday 10:00 Chatham (+12:45/+13:45) is Sunday UTC at both offsets",
    () => {
      const when = weekly("monday", "10:00");
      assert.deepEqual(
        utcCronExpressions(when, {
          timeZone: "Pacific/Chatham",
          from: NEW_YEAR,
        }),
        [
          "15 20 * * SUN",
          "15 21 * * SUN",
        ],
      );
      assertCronCovers(when, "Pacific/Chatham", { stray: HOUR });
    },
  );
  await t.step(
    "Monday 10:00 Lord Howe (half-hour DST) strays by 30 minutes",
    () => {
      const when = weekly("monday", "10:00");
      assert.deepEqual(
        utcCronExpressions(when, {
          timeZone: "Australia/Lord_Howe",
          from: NEW_YEAR,
        }),
        [
          "0 23 * * SUN",
          "30 23 * * SUN",
        ],
      );
      assertCronCovers(when, "Australia/Lord_Howe", { stray: 30 * MINUTE });
    },
  );
});

Deno.test("utcCronExpressions() covers DST gap and overlap wall times", () => {
  for (const clock of ["01:30", "02:30", "03:30", "10:00", "23:30"]) {
    for (const zone of ["Europe/Berlin", "America/New_York"]) {
      assertCronCovers(weekly("sunday", clock), zone, { stray: HOUR });
    }
  }
});

Deno.test("nextOccurrence() keeps 10:00 local across each 2026 DST change", async (t) => {
  const cases = [
    {
      zone: "Europe/Berlin",
      change: "spring",
      utc: ["2026-03-22T09", "2026-03-29T08", "2026-04-05T08"],
    },
    {
      zone: "Europe/Berlin",
      change: "autumn",
      utc: ["2026-10-18T08", "2026-10-25T09", "2026-11-01T09"],
    },
    {
      zone: "America/New_York",
      change: "spring",
      utc: ["2026-03-01T15", "2026-03-08T14", "2026-03-15T14"],
    },
    {
      zone: "America/New_York",
      change: "autumn",
      utc: ["2026-10-25T14", "2026-11-01T15", "2026-11-08T15"],
    },
  ];
  const when = weekly("sunday", "10:00");
  for (const { zone, change, utc: expected } of cases) {
    await t.step(`${zone} ${change}`, () => {
      const expressions = utcCronExpressions(when, {
        timeZone: zone,
        from: NEW_YEAR,
      });
      let previous = new Date(utc(`${expected[0]}:00:00`).getTime() - DAY);
      for (const hour of expected) {
        const occurrence = nextOccurrence(when, {
          timeZone: zone,
          after: previous,
        });
        assert.equal(iso(occurrence), `${hour}:00:00.000Z`);
        assert.equal(localParts(occurrence, zone).weekday, "sunday");
        assert.equal(formatTime(occurrence, zone), "10:00");
        const justBefore = new Date(occurrence.getTime() - 1);
        assert.equal(iso(nextFiring(expressions, justBefore)), iso(occurrence));
        previous = occurrence;
      }
    });
  }
});

Deno.test("nextOccurrence() moves a nonexistent 02:30 to 03:30", () => {
  const when = weekly("sunday", "02:30");
  const berlin = nextOccurrence(when, {
    timeZone: "Europe/Berlin",
    after: utc("2026-03-28T00:00"),
  });
  assert.equal(iso(berlin), "2026-03-29T01:30:00.000Z");
  assert.equal(formatTime(berlin, "Europe/Berlin"), "03:30");
  const newYork = nextOccurrence(when, {
    timeZone: "America/New_York",
    after: utc("2026-03-07T00:00"),
  });
  assert.equal(iso(newYork), "2026-03-08T07:30:00.000Z");
  assert.equal(formatTime(newYork, "America/New_York"), "03:30");
});

Deno.test("nextOccurrence() takes the earlier instant of a repeated wall time, once", () => {
  const berlin = weekly("sunday", "02:30");
  const first = nextOccurrence(berlin, {
    timeZone: "Europe/Berlin",
    after: utc("2026-10-24T00:00"),
  });
  assert.equal(iso(first), "2026-10-25T00:30:00.000Z");
  assert.equal(
    iso(nextOccurrence(berlin, { timeZone: "Europe/Berlin", after: first })),
    "2026-11-01T01:30:00.000Z",
  );
  assert.equal(
    iso(
      previousOccurrence(berlin, {
        timeZone: "Europe/Berlin",
        before: utc("2026-10-25T01:45"),
      }),
    ),
    "2026-10-25T00:30:00.000Z",
  );
  const newYork = weekly("sunday", "01:30");
  const earlier = nextOccurrence(newYork, {
    timeZone: "America/New_York",
    after: utc("2026-10-31T00:00"),
  });
  assert.equal(iso(earlier), "2026-11-01T05:30:00.000Z");
  assert.equal(
    iso(
      nextOccurrence(newYork, { timeZone: "America/New_York", after: earlier }),
    ),
    "2026-11-08T06:30:00.000Z",
  );
});

Deno.test("nextOccurrence() never skips or repeats a week over 60 weeks", async (t) => {
  const cases: { zone: string; when: WeeklyTime; gapDays: string[] }[] = [
    {
      zone: "Europe/Berlin",
      when: weekly("sunday", "02:30"),
      gapDays: ["2026-03-29"],
    },
    { zone: "Europe/Berlin", when: weekly("sunday", "10:00"), gapDays: [] },
    { zone: "Europe/Berlin", when: weekly("saturday", "23:30"), gapDays: [] },
    {
      zone: "America/New_York",
      when: weekly("sunday", "02:30"),
      gapDays: ["2026-03-08"],
    },
    { zone: "America/New_York", when: weekly("sunday", "01:30"), gapDays: [] },
    { zone: "America/New_York", when: weekly("monday", "00:00"), gapDays: [] },
  ];
  for (const { zone, when, gapDays } of cases) {
    const { hour, minute } = when.time;
    const clock = `${String(hour).padStart(2, "0")}:${
      String(minute).padStart(2, "0")
    }`;
    await t.step(`${zone} ${when.weekday} ${clock}`, () => {
      let previous = nextOccurrence(when, { timeZone: zone, after: NEW_YEAR });
      for (let week = 0; week < 60; week++) {
        const next = nextOccurrence(when, { timeZone: zone, after: previous });
        const gap = next.getTime() - previous.getTime();
        assert.ok(
          [WEEK - HOUR, WEEK, WEEK + HOUR].includes(gap),
          `${iso(previous)} → ${iso(next)}`,
        );
        assert.equal(
          iso(previousOccurrence(when, { timeZone: zone, before: next })),
          iso(previous),
        );
        const local = localParts(next, zone);
        assert.equal(local.weekday, when.weekday);
        const shifted = gapDays.includes(isoLocalDate(next, zone));
        assert.equal(local.hour, shifted ? hour + 1 : hour, iso(next));
        assert.equal(local.minute, minute);
        previous = next;
      }
    });
  }
});

Deno.test("nextOccurrence() and previousOccurrence() exclude the boundary instant", () => {
  const when = weekly("wednesday", "11:00");
  const zone = "Europe/Moscow";
  const occurrence = utc("2026-11-25T08:00");
  assert.equal(
    iso(nextOccurrence(when, { timeZone: zone, after: occurrence })),
    "2026-12-02T08:00:00.000Z",
  );
  assert.equal(
    iso(previousOccurrence(when, { timeZone: zone, before: occurrence })),
    "2026-11-18T08:00:00.000Z",
  );
  const justBefore = new Date(occurrence.getTime() - 1);
  const justAfter = new Date(occurrence.getTime() + 1);
  assert.equal(
    iso(nextOccurrence(when, { timeZone: zone, after: justBefore })),
    iso(occurrence),
  );
  assert.equal(
    iso(previousOccurrence(when, { timeZone: zone, before: justAfter })),
    iso(occurrence),
  );
});

Deno.test("previousOccurrence() steps back across a DST change", () => {
  const when = weekly("sunday", "10:00");
  assert.equal(
    iso(
      previousOccurrence(when, {
        timeZone: "Europe/Berlin",
        before: utc("2026-03-29T08:00"),
      }),
    ),
    "2026-03-22T09:00:00.000Z",
  );
});

Deno.test("localParts() reads the local wall clock", () => {
  assert.deepEqual(localParts(utc("2026-11-24T21:30"), "Europe/Moscow"), {
    year: 2026,
    month: 11,
    day: 25,
    hour: 0,
    minute: 30,
    weekday: "wednesday",
  });
});

Deno.test("formatDate() and formatTime() show Moscow wall time in Russian", () => {
  const instant = utc("2026-11-25T08:00");
  assert.equal(formatDate(instant, "Europe/Moscow"), "среда, 25 ноября");
  assert.equal(formatTime(instant, "Europe/Moscow"), "11:00");
  const nearMidnight = utc("2026-11-24T21:05");
  assert.equal(formatDate(nearMidnight, "Europe/Moscow"), "среда, 25 ноября");
  assert.equal(formatTime(nearMidnight, "Europe/Moscow"), "00:05");
  assert.equal(
    formatDate(instant, { timeZone: "Europe/Moscow", locale: "en-GB" }),
    "Wednesday 25 November",
  );
});

Deno.test("formatWeekday() names each weekday in lower case", () => {
  assert.deepEqual(WEEKDAYS.map((weekday) => formatWeekday(weekday)), [
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
  ]);
  assert.equal(formatWeekday("wednesday", "en-US"), "wednesday");
});

Deno.test("isoLocalDate() gives the local calendar date", () => {
  const instant = utc("2026-11-24T21:30");
  assert.equal(isoLocalDate(instant, "Europe/Moscow"), "2026-11-25");
  assert.equal(isoLocalDate(instant, "UTC"), "2026-11-24");
});

Deno.test("nextCronRun() finds the next UTC firing", async (t) => {
  await t.step("shifts to a later day of the week", () => {
    const run = nextCronRun("0 22 * * SUN", utc("2026-11-23T10:00"));
    assert.equal(iso(run), "2026-11-29T22:00:00.000Z");
  });
  await t.step("fires later the same day", () => {
    const run = nextCronRun("0 7 * * MON", utc("2026-11-23T06:59"));
    assert.equal(iso(run), "2026-11-23T07:00:00.000Z");
  });
  await t.step("is strictly after its argument", () => {
    const run = nextCronRun("0 7 * * MON", utc("2026-11-23T07:00"));
    assert.equal(iso(run), "2026-11-30T07:00:00.000Z");
  });
  await t.step("crosses a year end", () => {
    const run = nextCronRun("30 4 * * FRI", utc("2026-12-30T00:00"));
    assert.equal(iso(run), "2027-01-01T04:30:00.000Z");
  });
});

Deno.test("nextCronRun() throws CronExpressionError on other forms", () => {
  assert.throws(
    () => nextCronRun("0 7 * * 1", NEW_YEAR),
    {
      name: "CronExpressionError",
      message: 'Unsupported cron expression "0 7 * * 1", expected ' +
        '"M H * * DAY" with DAY one of SUN MON TUE WED THU FRI SAT',
    },
  );
  for (
    const expression of [
      "*/5 * * * *",
      "0 24 * * MON",
      "60 7 * * MON",
      "07 7 * * MON",
      "0 7 * * mon",
      "0 7 1 * MON",
      "0 7 * * MON ",
    ]
  ) {
    assert.throws(
      () => nextCronRun(expression, NEW_YEAR),
      CronExpressionError,
      `Accepted "${expression}"`,
    );
  }
});
