import assert from "node:assert/strict";
import { WEEKDAYS } from "../src/core/week.ts";
import {
  formatDuration,
  plural,
  pluralize,
  weekdayForms,
} from "../src/domain/russian.ts";

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
