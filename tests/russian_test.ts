import assert from "node:assert/strict";
import { WEEKDAYS } from "../src/core/week.ts";
import {
  DATE_FORMS,
  dateIn,
  dayOfMonth,
  formatDuration,
  plural,
  pluralize,
  weekdayForms,
  weekdayIn,
} from "../src/domain/russian.ts";
import { formatDate, formatDay, localParts } from "../src/domain/time.ts";

const ANSWERS = ["ответ", "ответа", "ответов"] as const;

Deno.test("plural() picks the Russian form for every number from 0 to 1,000", () => {
  const expected = (n: number) => {
    const tens = n % 100;
    const units = n % 10;
    if (tens >= 11 && tens <= 14) return "ответов";
    if (units === 1) return "ответ";
    if (units >= 2 && units <= 4) return "ответа";
    return "ответов";
  };
  for (let n = 0; n <= 1000; n++) {
    assert.equal(plural(n, ANSWERS), expected(n), String(n));
  }
  const samples: [number, string][] = [
    [0, "0 ответов"],
    [1, "1 ответ"],
    [2, "2 ответа"],
    [4, "4 ответа"],
    [5, "5 ответов"],
    [11, "11 ответов"],
    [12, "12 ответов"],
    [14, "14 ответов"],
    [21, "21 ответ"],
    [22, "22 ответа"],
    [25, "25 ответов"],
    [101, "101 ответ"],
    [111, "111 ответов"],
    [112, "112 ответов"],
    [1001, "1001 ответ"],
  ];
  for (const [n, text] of samples) assert.equal(pluralize(n, ANSWERS), text);
  assert.equal(plural(-1, ANSWERS), "ответ");
  assert.equal(plural(1.5, ANSWERS), "ответа");
});

Deno.test("weekdayForms() gives each weekday as named, on that day, and every such day", () => {
  assert.deepEqual(
    WEEKDAYS.map((day) => {
      const forms = weekdayForms(day);
      return [forms.name, forms.on, forms.every];
    }),
    [
      ["понедельник", "в понедельник", "по понедельникам"],
      ["вторник", "во вторник", "по вторникам"],
      ["среда", "в среду", "по средам"],
      ["четверг", "в четверг", "по четвергам"],
      ["пятница", "в пятницу", "по пятницам"],
      ["суббота", "в субботу", "по субботам"],
      ["воскресенье", "в воскресенье", "по воскресеньям"],
    ],
  );
});

Deno.test("formatDuration() says hours and minutes as a person would", () => {
  assert.equal(formatDuration(45), "45 минут");
  assert.equal(formatDuration(1), "1 минута");
  assert.equal(formatDuration(60), "1 час");
  assert.equal(formatDuration(90), "1 час 30 минут");
  assert.equal(formatDuration(120), "2 часа");
  assert.equal(formatDuration(300), "5 часов");
  assert.equal(formatDuration(62), "1 час 2 минуты");
});

Deno.test("weekdayIn() gives every weekday in each case and with в/во, с/со as Russian says them", () => {
  assert.deepEqual(DATE_FORMS, [
    "gen",
    "dat",
    "acc",
    "ins",
    "prep",
    "on",
    "from",
  ]);
  const table = WEEKDAYS.map((day) =>
    (["nom", ...DATE_FORMS] as const).map((form) => weekdayIn(day, form))
  );
  assert.deepEqual(table, [
    [
      "понедельник",
      "понедельника",
      "понедельнику",
      "понедельник",
      "понедельником",
      "понедельнике",
      "в понедельник",
      "с понедельника",
    ],
    [
      "вторник",
      "вторника",
      "вторнику",
      "вторник",
      "вторником",
      "вторнике",
      "во вторник",
      "со вторника",
    ],
    [
      "среда",
      "среды",
      "среде",
      "среду",
      "средой",
      "среде",
      "в среду",
      "со среды",
    ],
    [
      "четверг",
      "четверга",
      "четвергу",
      "четверг",
      "четвергом",
      "четверге",
      "в четверг",
      "с четверга",
    ],
    [
      "пятница",
      "пятницы",
      "пятнице",
      "пятницу",
      "пятницей",
      "пятнице",
      "в пятницу",
      "с пятницы",
    ],
    [
      "суббота",
      "субботы",
      "субботе",
      "субботу",
      "субботой",
      "субботе",
      "в субботу",
      "с субботы",
    ],
    [
      "воскресенье",
      "воскресенья",
      "воскресенью",
      "воскресенье",
      "воскресеньем",
      "воскресенье",
      "в воскресенье",
      "с воскресенья",
    ],
  ]);
});

Deno.test("dayOfMonth() names every month as a date says it, as the ru-RU calendar does", () => {
  const months = Array.from({ length: 12 }, (_, i) => dayOfMonth(1, i + 1));
  assert.deepEqual(months, [
    "1 января",
    "1 февраля",
    "1 марта",
    "1 апреля",
    "1 мая",
    "1 июня",
    "1 июля",
    "1 августа",
    "1 сентября",
    "1 октября",
    "1 ноября",
    "1 декабря",
  ]);
  assert.throws(() => dayOfMonth(1, 13), RangeError);
});

Deno.test("dateIn() agrees with the ru-RU calendar on every day of 2026 and changes only the weekday", () => {
  for (let day = 0; day < 365; day++) {
    const instant = new Date(Date.UTC(2026, 0, 1 + day, 12));
    const parts = localParts(instant, "UTC");
    assert.equal(dateIn(parts, "nom"), formatDate(instant, "UTC"));
    assert.equal(dayOfMonth(parts.day, parts.month), formatDay(instant, "UTC"));
  }
  const wednesday = { weekday: "wednesday", day: 9, month: 12 } as const;
  assert.deepEqual(
    DATE_FORMS.map((form) => dateIn(wednesday, form)),
    [
      "среды, 9 декабря",
      "среде, 9 декабря",
      "среду, 9 декабря",
      "средой, 9 декабря",
      "среде, 9 декабря",
      "в среду, 9 декабря",
      "со среды, 9 декабря",
    ],
  );
});

Deno.test("formatDuration() in the accusative turns a last minute into «минуту»", () => {
  assert.equal(formatDuration(60, "acc"), "1 час");
  assert.equal(formatDuration(81, "acc"), "1 час 21 минуту");
  assert.equal(formatDuration(1, "acc"), "1 минуту");
  assert.equal(formatDuration(22, "acc"), "22 минуты");
  assert.equal(formatDuration(45, "acc"), "45 минут");
  assert.equal(formatDuration(81), "1 час 21 минута");
});
