/**
 * Russian as a native speaker writes it: plural forms, the weekday in its cases, and
 * durations. Pure.
 *
 * @module
 */
import type { Weekday } from "../core/week.ts";

/**
 * The form of a noun after `n`, from its three forms: `one` (1, 21, 101…), `few`
 * (2–4, 22–24…) and `many` (0, 5–20, 25–30, 111…). Fractions take `few`.
 */
export function plural(
  n: number,
  forms: readonly [one: string, few: string, many: string],
): string {
  if (!Number.isInteger(n)) return forms[1];
  const abs = Math.abs(n);
  const tens = abs % 100;
  const units = abs % 10;
  if (tens >= 11 && tens <= 14) return forms[2];
  if (units === 1) return forms[0];
  if (units >= 2 && units <= 4) return forms[1];
  return forms[2];
}

/** `n` and its noun: `pluralize(2, ["ответ", "ответа", "ответов"])` is "2 ответа". */
export function pluralize(
  n: number,
  forms: readonly [string, string, string],
): string {
  return `${n} ${plural(n, forms)}`;
}

/** The weekday's forms: "среда", "в среду", "по средам". */
export interface WeekdayForms {
  /** Nominative: "среда". */
  name: string;
  /** On that day: "в среду", "во вторник". */
  on: string;
  /** Every such day: "по средам". */
  every: string;
}

/**
 * The forms a weekday or a date takes in a sentence, besides the nominative: the five
 * other cases, and the two prepositions whose own form follows the word ("в среду" but
 * "во вторник", "с четверга" but "со среды"). `on` is в/во with the accusative, `from`
 * с/со with the genitive.
 */
export const DATE_FORMS = [
  "gen",
  "dat",
  "acc",
  "ins",
  "prep",
  "on",
  "from",
] as const;

/** One of {@linkcode DATE_FORMS}, or `nom` for the nominative. */
export type DateForm = "nom" | typeof DATE_FORMS[number];

/**
 * Each weekday in its six cases (nominative, genitive, dative, accusative, instrumental,
 * prepositional), then with в/во and с/со as a native speaker says them.
 */
const WEEKDAY_WORDS: Record<
  Weekday,
  Record<DateForm, string>
> = {
  monday: {
    nom: "понедельник",
    gen: "понедельника",
    dat: "понедельнику",
    acc: "понедельник",
    ins: "понедельником",
    prep: "понедельнике",
    on: "в понедельник",
    from: "с понедельника",
  },
  tuesday: {
    nom: "вторник",
    gen: "вторника",
    dat: "вторнику",
    acc: "вторник",
    ins: "вторником",
    prep: "вторнике",
    on: "во вторник",
    from: "со вторника",
  },
  wednesday: {
    nom: "среда",
    gen: "среды",
    dat: "среде",
    acc: "среду",
    ins: "средой",
    prep: "среде",
    on: "в среду",
    from: "со среды",
  },
  thursday: {
    nom: "четверг",
    gen: "четверга",
    dat: "четвергу",
    acc: "четверг",
    ins: "четвергом",
    prep: "четверге",
    on: "в четверг",
    from: "с четверга",
  },
  friday: {
    nom: "пятница",
    gen: "пятницы",
    dat: "пятнице",
    acc: "пятницу",
    ins: "пятницей",
    prep: "пятнице",
    on: "в пятницу",
    from: "с пятницы",
  },
  saturday: {
    nom: "суббота",
    gen: "субботы",
    dat: "субботе",
    acc: "субботу",
    ins: "субботой",
    prep: "субботе",
    on: "в субботу",
    from: "с субботы",
  },
  sunday: {
    nom: "воскресенье",
    gen: "воскресенья",
    dat: "воскресенью",
    acc: "воскресенье",
    ins: "воскресеньем",
    prep: "воскресенье",
    on: "в воскресенье",
    from: "с воскресенья",
  },
};

/** `weekday` in the form its sentence needs: `weekdayIn("tuesday", "on")` is "во вторник". */
export function weekdayIn(weekday: Weekday, form: DateForm): string {
  return WEEKDAY_WORDS[weekday][form];
}

/** The months' names as a date says them: "января" … "декабря"; `month` is 1–12. */
const MONTHS_GENITIVE = [
  "января",
  "февраля",
  "марта",
  "апреля",
  "мая",
  "июня",
  "июля",
  "августа",
  "сентября",
  "октября",
  "ноября",
  "декабря",
] as const;

/** A day of a month as written in a date: `dayOfMonth(9, 12)` is "9 декабря". */
export function dayOfMonth(day: number, month: number): string {
  const name = MONTHS_GENITIVE[month - 1];
  if (name === undefined) throw new RangeError(`Unknown month "${month}"`);
  return `${day} ${name}`;
}

/**
 * A date with its weekday in the form its sentence needs: "среда, 9 декабря",
 * "в среду, 9 декабря", "со среды, 9 декабря". The day and month keep their one form.
 */
export function dateIn(
  date: { weekday: Weekday; day: number; month: number },
  form: DateForm,
): string {
  return `${weekdayIn(date.weekday, form)}, ${
    dayOfMonth(date.day, date.month)
  }`;
}

/** The Russian forms of `weekday`. */
export function weekdayForms(weekday: Weekday): WeekdayForms {
  return {
    name: weekdayIn(weekday, "nom"),
    on: weekdayIn(weekday, "on"),
    every: WEEKDAY_EVERY[weekday],
  };
}

/** Every such day: "по средам". */
const WEEKDAY_EVERY: Record<Weekday, string> = {
  monday: "по понедельникам",
  tuesday: "по вторникам",
  wednesday: "по средам",
  thursday: "по четвергам",
  friday: "по пятницам",
  saturday: "по субботам",
  sunday: "по воскресеньям",
};

/**
 * A length of time: "45 минут", "1 час", "1 час 30 минут", "2 часа"; in the accusative
 * (`"acc"`, after "длится", "продлится") a last "минута" becomes "минуту": "21 минуту".
 */
export function formatDuration(
  minutes: number,
  form: "nom" | "acc" = "nom",
): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(pluralize(hours, ["час", "часа", "часов"]));
  if (rest > 0 || hours === 0) {
    const one = form === "acc" ? "минуту" : "минута";
    parts.push(pluralize(rest, [one, "минуты", "минут"]));
  }
  return parts.join(" ");
}
