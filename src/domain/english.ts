/**
 * English as the bot writes it: the two plural forms, weekdays and dates with the
 * preposition a sentence needs ("on Wednesday, 9 December"), and durations. Pure.
 *
 * English has no cases: the forms Russian texts use (`gen`, `acc`, …) are the
 * nominative here, and only `on` and `from` bring their preposition, so that a text
 * translated from Russian keeps every placeholder it had.
 *
 * @module
 */
import type { Weekday } from "../core/week.ts";
import type { DateForm } from "./russian.ts";

/** Each weekday's name. */
const WEEKDAY_NAMES: Record<Weekday, string> = {
  monday: "Monday",
  tuesday: "Tuesday",
  wednesday: "Wednesday",
  thursday: "Thursday",
  friday: "Friday",
  saturday: "Saturday",
  sunday: "Sunday",
};

/** The months' names, January to December. */
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** The preposition each form brings: "on Wednesday", "from Wednesday"; none for the rest. */
const PREPOSITIONS: Partial<Record<DateForm, string>> = {
  on: "on",
  from: "from",
};

/**
 * The index of the form of a noun after `n` among English's two, `one` (1) and
 * `other` (0, 2, 1.5…): `{count|person|people}`.
 */
export function englishPluralIndex(n: number): number {
  return Math.abs(n) === 1 ? 0 : 1;
}

/** `weekday` as its sentence needs it: "Wednesday", `on` "on Wednesday", `from` "from Wednesday". */
export function englishWeekday(weekday: Weekday, form: DateForm): string {
  const name = WEEKDAY_NAMES[weekday];
  const preposition = PREPOSITIONS[form];
  return preposition === undefined ? name : `${preposition} ${name}`;
}

/** Every such day: "every Wednesday". */
export function englishEvery(weekday: Weekday): string {
  return `every ${WEEKDAY_NAMES[weekday]}`;
}

/** A day of a month as written in a date: `englishDay(9, 12)` is "9 December". */
export function englishDay(day: number, month: number): string {
  const name = MONTHS[month - 1];
  if (name === undefined) throw new RangeError(`Unknown month "${month}"`);
  return `${day} ${name}`;
}

/** A date with its weekday: "Wednesday, 9 December", `on` "on Wednesday, 9 December". */
export function englishDate(
  date: { weekday: Weekday; day: number; month: number },
  form: DateForm,
): string {
  return `${englishWeekday(date.weekday, form)}, ${
    englishDay(date.day, date.month)
  }`;
}

/** A length of time: "45 minutes", "1 hour", "1 hour 30 minutes", "2 hours". */
export function englishDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  const counted = (n: number, one: string, other: string) =>
    `${n} ${englishPluralIndex(n) === 0 ? one : other}`;
  if (hours > 0) parts.push(counted(hours, "hour", "hours"));
  if (rest > 0 || hours === 0) parts.push(counted(rest, "minute", "minutes"));
  return parts.join(" ");
}
