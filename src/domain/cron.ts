/**
 * The UTC `Deno.cron` schedules that cover a weekly wall time in an IANA time zone,
 * and the next run of such a schedule. Pure: every "now" is a parameter.
 *
 * @module
 */
import type { WeeklyTime } from "../core/week.ts";
import { nextOccurrence } from "./time.ts";

/** `Deno.cron` day names in `Date#getUTCDay()` order (Sunday is 0). */
const CRON_DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const CRON_PATTERN =
  /^([1-5]?\d) (1?\d|2[0-3]) \* \* (SUN|MON|TUE|WED|THU|FRI|SAT)$/;
const DAY_MS = 86_400_000;
const CRON_HORIZON_DAYS = 400;

/** Thrown by {@linkcode nextCronRun} for an expression it does not support. */
export class CronExpressionError extends Error {
  /** Like `Error`'s; sets the name, so logs show `CronExpressionError`. */
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "CronExpressionError";
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
