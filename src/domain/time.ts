/**
 * Wall-clock time in IANA time zones: weekly occurrences, the UTC `Deno.cron`
 * schedules that cover them, and formatting. Pure: every "now" is a parameter.
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
/** `Deno.cron` day names in `Date#getUTCDay()` order (Sunday is 0). */
const CRON_DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const CRON_PATTERN =
  /^([1-5]?\d) (1?\d|2[0-3]) \* \* (SUN|MON|TUE|WED|THU|FRI|SAT)$/;
const DAY_MS = 86_400_000;
const CRON_HORIZON_DAYS = 400;

/** A calendar date without a time zone; `month` is 1–12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** The local wall clock of an instant in some time zone. */
export interface LocalParts extends CalendarDate, LocalTime {
  weekday: Weekday;
}

/** Thrown by {@linkcode nextCronRun} for an expression it does not support. */
export class CronExpressionError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "CronExpressionError";
  }
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

/**
 * The distinct UTC `Deno.cron` expressions (`"M H * * DAY"`) that together
 * fire at every occurrence of `weekly` in the ~400 days from `from`, ordered
 * by first occurrence. Days are names (`SUN`…`SAT`), never numbers: Deno.cron
 * numbers weekdays differently from standard cron.
 *
 * A zone without DST yields one expression; a zone with DST yields one per UTC
 * offset (e.g. Monday 10:00 Europe/Berlin → `"0 9 * * MON"` in winter and
 * `"0 8 * * MON"` in summer). The caller registers each, so every expression
 * also fires in the weeks when its offset is wrong; the job must decide from
 * the current instant whether an occurrence is due, so that firing does nothing.
 */
export function utcCronExpressions(
  weekly: WeeklyTime,
  { timeZone, from }: { timeZone: string; from: Date },
): string[] {
  const end = from.getTime() + CRON_HORIZON_DAYS * DAY_MS;
  const expressions = new Set<string>();
  let at = nextOccurrence(weekly, {
    timeZone,
    after: new Date(from.getTime() - 1),
  });
  for (
    ;
    at.getTime() <= end;
    at = nextOccurrence(weekly, { timeZone, after: at })
  ) {
    const day = CRON_DAYS[at.getUTCDay()];
    expressions.add(`${at.getUTCMinutes()} ${at.getUTCHours()} * * ${day}`);
  }
  return [...expressions];
}

/**
 * The first instant strictly after `after` at which a UTC `"M H * * DAY"`
 * expression, as made by {@linkcode utcCronExpressions}, fires. Throws
 * {@linkcode CronExpressionError} for any other form.
 */
export function nextCronRun(expression: string, after: Date): Date {
  const [, minute, hour, day] = CRON_PATTERN.exec(expression) ?? [];
  if (day === undefined) {
    throw new CronExpressionError(
      `Unsupported cron expression "${expression}", expected "M H * * DAY" ` +
        `with DAY one of ${CRON_DAYS.join(" ")}`,
    );
  }
  const days = (CRON_DAYS.indexOf(day) - after.getUTCDay() + 7) % 7;
  const run = Date.UTC(
    after.getUTCFullYear(),
    after.getUTCMonth(),
    after.getUTCDate() + days,
    Number(hour),
    Number(minute),
  );
  return new Date(run > after.getTime() ? run : run + 7 * DAY_MS);
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
