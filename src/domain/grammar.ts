/**
 * What a language needs for the bot's texts besides their words: which plural form a
 * number takes, the weekday and date in the form a sentence needs, durations and
 * decimals. Russian and English are written out by hand (russian.ts, english.ts); any
 * other language the config adds gets its names and plural rules from the runtime's
 * CLDR data (`Intl`), with its date forms all in the nominative, so that its texts
 * write the prepositions themselves. Pure.
 *
 * @module
 */
import type { Weekday } from "../core/week.ts";
import { WEEKDAYS } from "../core/week.ts";
import {
  englishDate,
  englishDay,
  englishDuration,
  englishEvery,
  englishPluralIndex,
  englishWeekday,
} from "./english.ts";
import {
  type DateForm,
  dateIn,
  dayOfMonth,
  formatDuration,
  pluralIndex,
  weekdayForms,
  weekdayIn,
} from "./russian.ts";

/** A local date: its weekday, day of the month and month (1–12). */
export interface LocalDate {
  /** The weekday. */
  weekday: Weekday;
  /** The day of the month, 1–31. */
  day: number;
  /** The month, 1–12. */
  month: number;
}

/** One language's rules for filling in texts. */
export interface Grammar {
  /** The language's code, as config.yaml names it: "ru", "en". */
  code: string;
  /**
   * The forms a plural placeholder lists, in order, by their CLDR names: Russian's
   * `{count|ответ|ответа|ответов}` are one, few, many; English's `{count|person|people}`
   * one, other.
   */
  pluralForms: readonly string[];
  /** The index in {@linkcode pluralForms} of the form a noun takes after `n`. */
  pluralIndex(n: number): number;
  /** `weekday` in the form its sentence needs ("в среду", "on Wednesday"). */
  weekday(weekday: Weekday, form: DateForm): string;
  /** Every such day: "по средам", "every Wednesday". */
  every(weekday: Weekday): string;
  /** A day of a month: "9 декабря", "9 December". */
  day(date: Pick<LocalDate, "day" | "month">): string;
  /** A date with its weekday in the form its sentence needs. */
  date(date: LocalDate, form: DateForm): string;
  /** A length of time; `acc` after "длится" where the language has cases. */
  duration(minutes: number, form: "nom" | "acc"): string;
  /** A number with one decimal: "4,3", "4.3". */
  decimal(n: number): string;
}

const RUSSIAN: Grammar = {
  code: "ru",
  pluralForms: ["one", "few", "many"],
  pluralIndex,
  weekday: weekdayIn,
  every: (weekday) => weekdayForms(weekday).every,
  day: ({ day, month }) => dayOfMonth(day, month),
  date: dateIn,
  duration: formatDuration,
  decimal: (n) => n.toFixed(1).replace(".", ","),
};

const ENGLISH: Grammar = {
  code: "en",
  pluralForms: ["one", "other"],
  pluralIndex: englishPluralIndex,
  weekday: englishWeekday,
  every: englishEvery,
  day: ({ day, month }) => englishDay(day, month),
  date: englishDate,
  duration: englishDuration,
  decimal: (n) => n.toFixed(1),
};

/** The CLDR plural categories in the order a placeholder lists their forms. */
const CATEGORY_ORDER = ["zero", "one", "two", "few", "many", "other"];

/** A Monday at noon UTC: the weekdays' names are read from the week it starts. */
const MONDAY = Date.UTC(2024, 0, 1, 12);

/** A language the bot has no hand-written rules for: names and plurals from `Intl`. */
function intlGrammar(code: string): Grammar {
  const rules = new Intl.PluralRules(code);
  const forms = rules.resolvedOptions().pluralCategories
    .slice()
    .sort((a, b) => CATEGORY_ORDER.indexOf(a) - CATEGORY_ORDER.indexOf(b));
  const named = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(code, { ...options, timeZone: "UTC" });
  const weekdayFormat = named({ weekday: "long" });
  const dayFormat = named({ day: "numeric", month: "long" });
  const names = new Map(
    WEEKDAYS.map((weekday, i) => [
      weekday,
      weekdayFormat.format(new Date(MONDAY + i * 86_400_000)),
    ]),
  );
  /** A day of 2024 (a leap year) with that weekday, day and month. */
  const instant = (date: Pick<LocalDate, "day" | "month">) =>
    new Date(Date.UTC(2024, date.month - 1, date.day, 12));
  const unit = (name: "hour" | "minute") =>
    new Intl.NumberFormat(code, {
      style: "unit",
      unit: name,
      unitDisplay: "long",
    });
  const hours = unit("hour");
  const minutes = unit("minute");
  const decimal = new Intl.NumberFormat(code, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return {
    code,
    pluralForms: forms,
    pluralIndex: (n) => Math.max(0, forms.indexOf(rules.select(n))),
    weekday: (weekday) => names.get(weekday)!,
    every: (weekday) => names.get(weekday)!,
    day: (date) => dayFormat.format(instant(date)),
    // The weekday of the same day and month in 2024 may differ: name it apart.
    date: (date) =>
      `${names.get(date.weekday)!}, ${dayFormat.format(instant(date))}`,
    duration: (total) => {
      const h = Math.floor(total / 60);
      const m = total % 60;
      const parts: string[] = [];
      if (h > 0) parts.push(hours.format(h));
      if (m > 0 || h === 0) parts.push(minutes.format(m));
      return parts.join(" ");
    },
    decimal: (n) => decimal.format(n),
  };
}

const GRAMMARS = new Map<string, Grammar>([["ru", RUSSIAN], ["en", ENGLISH]]);

/** Whether the runtime knows `code` as a language (its CLDR data has it). */
export function knownLanguage(code: string): boolean {
  try {
    return Intl.PluralRules.supportedLocalesOf([code]).length > 0;
  } catch {
    return false;
  }
}

/** The grammar of the language `code` ("ru", "en", or any the runtime knows). */
export function grammarOf(code: string): Grammar {
  let grammar = GRAMMARS.get(code);
  if (grammar === undefined) {
    grammar = intlGrammar(code);
    GRAMMARS.set(code, grammar);
  }
  return grammar;
}
