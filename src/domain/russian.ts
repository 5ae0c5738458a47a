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

const WEEKDAY_FORMS: Record<Weekday, WeekdayForms> = {
  monday: {
    name: "понедельник",
    on: "в понедельник",
    every: "по понедельникам",
  },
  tuesday: { name: "вторник", on: "во вторник", every: "по вторникам" },
  wednesday: { name: "среда", on: "в среду", every: "по средам" },
  thursday: { name: "четверг", on: "в четверг", every: "по четвергам" },
  friday: { name: "пятница", on: "в пятницу", every: "по пятницам" },
  saturday: { name: "суббота", on: "в субботу", every: "по субботам" },
  sunday: {
    name: "воскресенье",
    on: "в воскресенье",
    every: "по воскресеньям",
  },
};

/** The Russian forms of `weekday`. */
export function weekdayForms(weekday: Weekday): WeekdayForms {
  return WEEKDAY_FORMS[weekday];
}

/** A length of time: "45 минут", "1 час", "1 час 30 минут", "2 часа". */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(pluralize(hours, ["час", "часа", "часов"]));
  if (rest > 0 || hours === 0) {
    parts.push(pluralize(rest, ["минута", "минуты", "минут"]));
  }
  return parts.join(" ");
}
