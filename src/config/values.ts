/**
 * Readers of one config value each: a weekday, a wall time, a time zone, a link, a
 * count, a duration in seconds, a flag, and an all-optional section. Each throws a
 * `ConfigError` naming the key and line when the value is wrong.
 *
 * @module
 */
import { type LocalTime, type Weekday, WEEKDAYS } from "../core/week.ts";
import {
  child,
  fail,
  type Field,
  isAbsent,
  openSection,
  readInteger,
  readNumber,
  readString,
  scalar,
} from "./fields.ts";

/** A weekday in any case (`Wednesday` reads as `wednesday`). */
export function readWeekday(field: Field): Weekday {
  const value = scalar(field);
  const weekday = typeof value === "string" ? value.toLowerCase() : undefined;
  const found = WEEKDAYS.find((day) => day === weekday);
  if (!found) fail(field, `one of ${WEEKDAYS.join(", ")}`);
  return found;
}

/** A wall time `"HH:MM"` (or `"H:MM"`) from 00:00 to 23:59. */
export function readTime(field: Field): LocalTime {
  const value = scalar(field);
  const match = typeof value === "string"
    ? /^(\d{1,2}):(\d{2})$/.exec(value)
    : null;
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) {
    fail(field, `a time "HH:MM" from 00:00 to 23:59`);
  }
  return { hour, minute };
}

/** An IANA time zone that this Deno knows, e.g. `Europe/Moscow`. */
export function readTimezone(field: Field): string {
  const timeZone = readString(
    field,
    "an IANA time zone such as Europe/Moscow",
  );
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
  } catch {
    fail(field, "an IANA time zone such as Europe/Moscow");
  }
  return timeZone;
}

/** An http(s) URL, kept as written. */
export function readLink(field: Field): string {
  const link = readString(field, "the meeting link");
  const url = URL.parse(link);
  if (url?.protocol !== "http:" && url?.protocol !== "https:") {
    fail(field, "an http(s) URL such as https://example.com/live");
  }
  return link;
}

/** A section whose keys are all optional: each read by its reader, else its default. */
export function readOptional<T extends Record<string, unknown>>(
  field: Field,
  spec: { defaults: T; readers: { [K in keyof T]: (field: Field) => T[K] } },
): T {
  const result = { ...spec.defaults };
  if (isAbsent(field)) return result;
  const section = openSection(field, Object.keys(spec.defaults));
  for (const name of Object.keys(spec.defaults) as (keyof T & string)[]) {
    const value = child(section, name);
    if (!isAbsent(value)) result[name] = spec.readers[name](value);
  }
  return result;
}

/** A number of seconds above 0, at most 1 000 000; fractions allowed. */
export function readSeconds(field: Field): number {
  return readNumber(field, {
    above: 0,
    max: 1_000_000,
    expected: "a number greater than 0",
  });
}

/** A whole number from 1 to 1 000 000. */
export function readCount(field: Field): number {
  return readInteger(field, { min: 1, max: 1_000_000 });
}

/** Most seats a meeting may have: `meeting.capacity` and `/capacity`. */
export const MAX_CAPACITY = 100_000;

/** The seats of a meeting, 1 to {@linkcode MAX_CAPACITY}; absent: `null`, no limit. */
export function readCapacity(field: Field): number | null {
  if (isAbsent(field)) return null;
  return readInteger(field, {
    min: 1,
    max: MAX_CAPACITY,
    expected: `a whole number of seats from 1 to ${MAX_CAPACITY}`,
  });
}

/** A YAML boolean: `true` or `false`. */
export function readBoolean(field: Field): boolean {
  const value = scalar(field);
  if (typeof value !== "boolean") fail(field, "true or false");
  return value;
}
