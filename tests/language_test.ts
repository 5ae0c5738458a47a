/**
 * The language rules as plain functions: which language Telegram's `language_code`
 * gets at first contact, the config in one language, plurals picked by the text's
 * language, English dates and durations, and what a third language gets from CLDR.
 */
import assert from "node:assert/strict";
import {
  firstContactLanguage,
  inLanguage,
  languageCodes,
  renderText,
  telegramCodes,
} from "../src/config/language.ts";
import { parseConfig } from "../src/config/load.ts";
import { render, shownValues } from "../src/config/template.ts";
import { grammarOf } from "../src/domain/grammar.ts";
import { meetingValues, scheduleValues } from "../src/messages/build.ts";
import { testConfig } from "./helpers.ts";

const CONFIG = testConfig();
/** A config from before there were languages: Russian only. */
const RUSSIAN_ONLY = parseConfig(
  await Deno.readTextFile(
    new URL("./fixtures/config_before_date_forms.yaml", import.meta.url),
  ),
);
const MEETING = {
  id: "2026-12-09",
  startsAt: new Date("2026-12-09T08:00:00Z"),
};

Deno.test("firstContactLanguage() reads ru, uk, be and kk as Russian, anything else as English", () => {
  const cases: [string | undefined, string][] = [
    ["ru", "ru"],
    ["uk", "ru"],
    ["be", "ru"],
    ["kk", "ru"],
    ["en", "en"],
    ["en-GB", "en"],
    ["de", "en"],
    ["pt-br", "en"],
    [undefined, "ru"], // nothing to go by: the config's own language
    ["", "ru"],
  ];
  for (const [code, expected] of cases) {
    assert.equal(firstContactLanguage(CONFIG, code), expected, String(code));
  }
});

Deno.test("firstContactLanguage() gives the config's own language when it has no English", () => {
  for (const code of ["ru", "uk", "en", "de", undefined]) {
    assert.equal(firstContactLanguage(RUSSIAN_ONLY, code), "ru", String(code));
  }
  assert.deepEqual(languageCodes(RUSSIAN_ONLY), ["ru"]);
});

Deno.test("inLanguage() swaps in a language's texts and zone label, and keeps everything else", () => {
  const english = inLanguage(CONFIG, "en");
  assert.equal(english.language, "en");
  assert.equal(english.texts.button_attend_yes, "Yes, I'll be there");
  assert.equal(english.timezone_label, "Moscow time");
  assert.equal(english.meeting, CONFIG.meeting);
  assert.equal(english.admins, CONFIG.admins);
  assert.equal(inLanguage(CONFIG, "en"), english, "one view per language");
  assert.equal(inLanguage(english, "ru"), CONFIG, "back to the loaded config");
  assert.deepEqual(languageCodes(english), ["ru", "en"]);
});

Deno.test("inLanguage() gives the config's own language for none, or a code it has no texts of", () => {
  for (const code of [null, undefined, "ru", "xx", "de"]) {
    assert.equal(inLanguage(CONFIG, code), CONFIG, String(code));
  }
  assert.equal(inLanguage(inLanguage(CONFIG, "en"), "xx"), CONFIG);
});

Deno.test("telegramCodes() sets Russian's menu for ru, uk, be and kk", () => {
  assert.deepEqual(telegramCodes(CONFIG, "ru"), ["ru", "uk", "be", "kk"]);
  assert.deepEqual(telegramCodes(CONFIG, "en"), ["en"]);
});

Deno.test("render() picks each language's plural form: 21 is one in Russian, many in English", () => {
  const ru = "{n|ответ|ответа|ответов}";
  const en = "{n|answer|answers}";
  const shown = [0, 1, 2, 5, 11, 21, 22, 1.5].map((n) => [
    render(ru, { n }, { language: "ru" }),
    render(en, { n }, { language: "en" }),
  ]);
  assert.deepEqual(shown, [
    ["0 ответов", "0 answers"],
    ["1 ответ", "1 answer"],
    ["2 ответа", "2 answers"],
    ["5 ответов", "5 answers"],
    ["11 ответов", "11 answers"],
    ["21 ответ", "21 answers"],
    ["22 ответа", "22 answers"],
    ["1.5 ответа", "1.5 answers"],
  ]);
  assert.equal(
    renderText(inLanguage(CONFIG, "en"), "admin_export_caption", { count: 1 }),
    "History of answers to invitations: 1 record.",
  );
});

Deno.test("English dates bring their preposition where Russian has a case", () => {
  const english = meetingValues(inLanguage(CONFIG, "en"), MEETING);
  assert.equal(english.date, "Wednesday, 9 December");
  assert.equal(english.date_on, "on Wednesday, 9 December");
  assert.equal(english.date_from, "from Wednesday, 9 December");
  assert.equal(english.date_gen, "Wednesday, 9 December");
  assert.equal(english.date_acc, "Wednesday, 9 December");
  assert.equal(english.day, "9 December");
  assert.equal(english.weekday_on, "on Wednesday");
  assert.equal(english.tz, "Moscow time");
  assert.equal(english.duration, "1 hour");
  const schedule = scheduleValues(inLanguage(CONFIG, "en"), MEETING.startsAt);
  assert.equal(schedule.weekday_every, "every Wednesday");
  const russian = meetingValues(CONFIG, MEETING);
  assert.equal(russian.date_on, "в среду, 9 декабря");
  assert.equal(russian.tz, "мск");
});

Deno.test("English durations count hours and minutes", () => {
  const en = grammarOf("en");
  assert.deepEqual([1, 45, 60, 90, 120, 61].map((m) => en.duration(m, "acc")), [
    "1 minute",
    "45 minutes",
    "1 hour",
    "1 hour 30 minutes",
    "2 hours",
    "1 hour 1 minute",
  ]);
  assert.equal(en.decimal(4.25), "4.3");
  assert.equal(grammarOf("ru").decimal(4.25), "4,3");
});

Deno.test("a third language gets its weekdays, months and plural forms from CLDR", () => {
  const de = grammarOf("de");
  assert.deepEqual(de.pluralForms, ["one", "other"]);
  assert.equal(
    de.date({ weekday: "wednesday", day: 9, month: 12 }, "on"),
    "Mittwoch, 9. Dezember",
  );
  assert.equal(de.every("friday"), "Freitag");
  assert.equal(de.duration(90, "nom"), "1 Stunde 30 Minuten");
  assert.equal(
    render("{n|Person|Personen}", { n: 1 }, { language: "de" }),
    "1 Person",
  );
  assert.equal(
    render("{n|Person|Personen}", { n: 3 }, { language: "de" }),
    "3 Personen",
  );
  assert.deepEqual(grammarOf("uk").pluralForms, [
    "one",
    "few",
    "many",
    "other",
  ]);
});

Deno.test("shownValues() names each value once, whatever its form", () => {
  assert.deepEqual(
    shownValues(
      "{date_on} {old_date_from}, {time} {count|ответ|ответа|ответов} {duration_acc} {weekday_every}",
    ),
    ["count", "date", "duration", "old_date", "time", "weekday"],
  );
});
