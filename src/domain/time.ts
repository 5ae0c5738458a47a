/**
 * Wall-clock time in IANA time zones: weekly occurrences, local dates and their
 * formatting, and the parsing of a time an admin typed. Pure: every "now" is a
 * parameter. The UTC `Deno.cron` schedules live in `cron.ts`.
 *
 * DST rule: a local wall time that does not exist (spring-forward gap) is moved
 * forward by the length of the gap; one that exists twice (autumn fall-back)
 * means the earlier of the two instants.
 *
 * @module
 */
import {
  type LocalTime,
  type Weekday,
  WEEKDAYS,
  type WeeklyTime,
} from "../core/week.ts";

/** Weekdays in ISO order: Temporal's `dayOfWeek` 1 (Monday) is index 0. */
const ISO_WEEKDAYS: readonly Weekday[] = WEEKDAYS;

/** A calendar date without a time zone; `month` is 1–12. */
export interface CalendarDate {
  /** The full year, e.g. 2026. */
  year: number;
  /** 1 (January) to 12. */
  month: number;
  /** Day of the month, from 1. */
  day: number;
}

/** The local wall clock of an instant in some time zone. */
export interface LocalParts extends CalendarDate, LocalTime {
  /** The local day of the week. */
  weekday: Weekday;
}

/**
 * The instant at which the wall clock in `timeZone` shows `wall.time` on `wall.date`.
 *
 * DST rule: a wall time that does not exist (spring-forward gap, e.g. 02:30 on
 * 2026-03-29 in Europe/Berlin) is moved forward by the length of the gap
 * (→ 03:30 CEST); a wall time that exists twice (autumn, e.g. 02:30 on
 * 2026-10-25 in Europe/Berlin) means the earlier of the two (02:30 CEST).
 * This is Temporal's `disambiguation: "compatible"`. Throws a `RangeError` for
 * an invalid date, time or time zone.
 */
export function localToInstant(
  wall: { date: CalendarDate; time: LocalTime },
  timeZone: string,
): Date {
  const { year, month, day } = wall.date;
  const { hour, minute } = wall.time;
  const plain = Temporal.PlainDateTime.from(
    { year, month, day, hour, minute },
    { overflow: "reject" },
  );
  const zoned = plain.toZonedDateTime(timeZone, {
    disambiguation: "compatible",
  });
  return new Date(zoned.epochMilliseconds);
}

/**
 * The first occurrence of `weekly` in `timeZone` strictly after `after`, with
 * each candidate day resolved by the DST rule of {@linkcode localToInstant}.
 * A repeated wall time therefore occurs once, at its earlier instant.
 */
export function nextOccurrence(
  weekly: WeeklyTime,
  { timeZone, after }: { timeZone: string; after: Date },
): Date {
  // Start a day early: a gap shift can move a candidate past local midnight.
  const start = localDate(after, timeZone).subtract({ days: 1 });
  const offset = (isoDay(weekly.weekday) - start.dayOfWeek + 7) % 7;
  for (let date = start.add({ days: offset });; date = date.add({ weeks: 1 })) {
    const instant = localToInstant({ date, time: weekly.time }, timeZone);
    if (instant.getTime() > after.getTime()) return instant;
  }
}

/** The latest occurrence of `weekly` in `timeZone` strictly before `before`. */
export function previousOccurrence(
  weekly: WeeklyTime,
  { timeZone, before }: { timeZone: string; before: Date },
): Date {
  const start = localDate(before, timeZone).add({ days: 1 });
  const offset = (start.dayOfWeek - isoDay(weekly.weekday) + 7) % 7;
  for (
    let date = start.subtract({ days: offset });;
    date = date.subtract({ weeks: 1 })
  ) {
    const instant = localToInstant({ date, time: weekly.time }, timeZone);
    if (instant.getTime() < before.getTime()) return instant;
  }
}

/** The wall clock shown in `timeZone` at `instant`. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const zoned = toZoned(instant, timeZone);
  const { year, month, day, hour, minute } = zoned;
  return { year, month, day, hour, minute, weekday: weekdayOf(zoned) };
}

/**
 * The local date of `instant` in a time zone, e.g. "среда, 25 ноября"; `zone` is the
 * time zone, or the zone and a locale (default `ru-RU`).
 */
export function formatDate(
  instant: Date,
  zone: string | { timeZone: string; locale: string },
): string {
  const { timeZone, locale } = typeof zone === "string"
    ? { timeZone: zone, locale: "ru-RU" }
    : zone;
  return dateFormat(locale, timeZone).format(instant);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Building an `Intl.DateTimeFormat` costs far more than using one: keep each. */
function dateFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone}`;
  let format = dateFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: "long",
      day: "numeric",
      month: "long",
    });
    dateFormats.set(key, format);
  }
  return format;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The local day and month of `instant` in `timeZone`, e.g. "25 ноября". */
export function formatDay(instant: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("ru-RU", {
      timeZone,
      day: "numeric",
      month: "long",
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}

/** The zone's offset from UTC at `instant`, e.g. "UTC+3", "UTC−5", "UTC+5:30", "UTC". */
export function utcOffsetLabel(instant: Date, timeZone: string): string {
  const minutes = Math.round(
    toZoned(instant, timeZone).offsetNanoseconds / 60e9,
  );
  if (minutes === 0) return "UTC";
  const sign = minutes > 0 ? "+" : "−";
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest === 0 ? "" : `:${pad(rest)}`}`;
}

/** The 24-hour local wall time of `instant` in `timeZone`, e.g. "11:00". */
export function formatTime(instant: Date, timeZone: string): string {
  const { hour, minute } = localParts(instant, timeZone);
  return `${pad(hour)}:${pad(minute)}`;
}

const weekdayNames = new Map<string, string>();

/** The lower-case name of `weekday`, e.g. "среда". */
export function formatWeekday(weekday: Weekday, locale = "ru-RU"): string {
  // 2024-01-01 was a Monday; noon UTC keeps the reference day unambiguous.
  const key = `${locale} ${weekday}`;
  let name = weekdayNames.get(key);
  if (name === undefined) {
    const reference = Date.UTC(2024, 0, isoDay(weekday), 12);
    const format = new Intl.DateTimeFormat(locale, {
      timeZone: "UTC",
      weekday: "long",
    });
    name = format.format(reference).toLocaleLowerCase(locale);
    weekdayNames.set(key, name);
  }
  return name;
}

/** The local calendar date of `instant` in `timeZone` as "YYYY-MM-DD". */
export function isoLocalDate(instant: Date, timeZone: string): string {
  return localDate(instant, timeZone).toString();
}

function toZoned(instant: Date, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(timeZone);
}

function localDate(instant: Date, timeZone: string): Temporal.PlainDate {
  return toZoned(instant, timeZone).toPlainDate();
}

/** ISO day number of `weekday`: Monday is 1, Sunday is 7. */
function isoDay(weekday: Weekday): number {
  const index = ISO_WEEKDAYS.indexOf(weekday);
  if (index < 0) throw new RangeError(`Unknown weekday "${weekday}"`);
  return index + 1;
}

function weekdayOf(date: { dayOfWeek: number }): Weekday {
  const weekday = ISO_WEEKDAYS[date.dayOfWeek - 1];
  if (weekday === undefined) {
    throw new RangeError(`Unknown ISO day of week "${date.dayOfWeek}"`);
  }
  return weekday;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/**
 * A date and time an admin typed, in `timeZone`: "03.12 15:00", "03.12.2026 15:00",
 * "2026-12-03 15:00", or "15:00" (on the local date of `around`). A date without a year
 * is the one nearest `around`. `undefined` for anything else or an impossible date.
 */
export function parseWallTime(
  text: string,
  { timeZone, around }: { timeZone: string; around: Date },
): Date | undefined {
  const trimmed = text.trim();
  const base = localDate(around, timeZone);
  const time = /(?:^|\s)(\d{1,2}):(\d{2})$/.exec(trimmed);
  if (time === null) return undefined;
  const hour = Number(time[1]);
  const minute = Number(time[2]);
  if (hour > 23 || minute > 59) return undefined;
  const datePart = trimmed.slice(0, time.index).trim();
  let dates: { year: number; month: number; day: number }[];
  let match: RegExpExecArray | null;
  if (datePart === "") {
    dates = [{ year: base.year, month: base.month, day: base.day }];
  } else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(datePart))) {
    dates = [{ year: +match[1]!, month: +match[2]!, day: +match[3]! }];
  } else if ((match = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?$/.exec(datePart))) {
    const [day, month] = [+match[1]!, +match[2]!];
    const years = match[3] === undefined
      ? [base.year - 1, base.year, base.year + 1]
      : [+match[3]];
    dates = years.map((year) => ({ year, month, day }));
  } else {
    return undefined;
  }
  const candidates = dates.flatMap((date) => {
    try {
      return [localToInstant({ date, time: { hour, minute } }, timeZone)];
    } catch {
      return [];
    }
  });
  return candidates.sort((a, b) =>
    Math.abs(a.getTime() - around.getTime()) -
    Math.abs(b.getTime() - around.getTime())
  )[0];
}
