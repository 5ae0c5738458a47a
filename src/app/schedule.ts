/**
 * The weekly jobs as `Deno.cron` sees them: each job's local time, its UTC cron
 * expressions, and their registration.
 *
 * @module
 */
import type { JobName } from "../core/jobs.ts";
import { formatLocalTime } from "../core/week.ts";
import { jobTime, type Schedule, scheduledJobs } from "../domain/meeting.ts";
import { utcCronExpressions } from "../domain/cron.ts";
import { nextOccurrence } from "../domain/time.ts";

/** One weekly job as the operator sees it. */
export interface JobSchedule {
  /** The job, e.g. `invitation`. */
  job: JobName;
  /** `monday 10:00 Europe/Berlin`. */
  local: string;
  /** The UTC `Deno.cron` expressions that cover it: one per UTC offset of the zone. */
  cron: string[];
  /** The instant the job will next send. */
  nextRun: Date;
}

/**
 * Each job's local time, UTC cron expressions and next run. The next run is the instant
 * the job will send: the next occurrence of its local weekday and time (with the DST
 * rule of `nextOccurrence`), which is the first firing of its expressions at which the
 * job is due. In a zone with DST the earliest firing of any expression is not: the
 * other offset's expression also fires an hour off the local time, and does nothing.
 */
export function describeSchedule(config: Schedule, now: Date): JobSchedule[] {
  return scheduledJobs(config).map((job) => {
    const weekly = jobTime(config, job);
    const cron = utcCronExpressions(weekly, {
      timeZone: config.timezone,
      from: now,
    });
    const nextRun = nextOccurrence(weekly, {
      timeZone: config.timezone,
      after: now,
    });
    return {
      job,
      local: `${weekly.weekday} ${
        formatLocalTime(weekly.time)
      } ${config.timezone}`,
      cron,
      nextRun,
    };
  });
}

/** Registers one cron job; `Deno.cron` in production, a recorder in tests. */
export type CronRegistrar = (
  name: string,
  schedule: string,
  handler: () => Promise<void>,
  signal: AbortSignal,
) => void;

/** A `Deno.cron` name (letters, digits, spaces, `-`, `_`): `invitation utc 0 7 MON`. */
export function cronName(job: JobName, expression: string): string {
  return `${job} utc ${
    expression.replaceAll("*", "").replace(/\s+/g, " ").trim()
  }`;
}

/** Registers with `Deno.cron`, without its retries: a retried handler would repeat a broadcast. */
export const denoCron: CronRegistrar = (name, schedule, handler, signal) => {
  // The handler never throws.
  Deno.cron(name, schedule, { backoffSchedule: [], signal }, handler);
};
