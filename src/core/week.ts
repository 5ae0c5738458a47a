/**
 * Days and times of the week: the words every other module uses for "when".
 *
 * @module
 */

/** The days of the week, Monday first, as written in `config.yaml`. */
export const WEEKDAYS = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
] as const;

/** One day of the week, in lower case. */
export type Weekday = typeof WEEKDAYS[number];

/** A wall-clock time in the configured time zone, parsed from `"HH:MM"`. */
export interface LocalTime {
  /** 0 to 23. */
  hour: number;
  /** 0 to 59. */
  minute: number;
}

/** A time of the week: a weekday and a wall-clock time. */
export interface WeeklyTime {
  /** The day, in the configured time zone. */
  weekday: Weekday;
  /** The wall-clock time on that day. */
  time: LocalTime;
}

/** Formats a time as `"HH:MM"`, e.g. `"09:05"`. */
export function formatLocalTime(time: LocalTime): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(time.hour)}:${pad(time.minute)}`;
}
