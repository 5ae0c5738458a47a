/**
 * Job plans: which job of which meeting is due when. Every meeting that has not started
 * is planned on its own, at its own times, where it really is: a move, a skip or a
 * cancellation of one week changes that week's plan and no other.
 *
 * @module
 */
import type { JobName } from "../core/jobs.ts";
import type { Store } from "../db/store.ts";
import {
  type AfterPlan,
  type AfterSchedule,
  type JobPlan,
  jobTiming,
  planAfter,
  planJobs,
} from "../domain/meeting.ts";
import { heldWeeks, type WeekConfig, weeksAhead } from "./weeks.ts";

/**
 * The jobs of every meeting that has not started by `now` and is not cancelled, in the
 * order they fall due (each plan's `meeting` is that week, with its changes).
 */
export function planWeeks(
  store: Store,
  { schedule, now }: { schedule: WeekConfig; now: Date },
): JobPlan[] {
  return weeksAhead(store, { config: schedule, now })
    .filter((week) => !week.cancelled)
    .flatMap((week) => planJobs(schedule, week))
    .sort((a, b) => a.due.getTime() - b.due.getTime());
}

/**
 * What a planned job should do at `now`: nothing (`finished`, `running`: its messages
 * are in the outbox, or `early`), be recorded as skipped (`late`: the bot was down when
 * it was due and it is no longer useful), or be enqueued (`due`).
 */
export function jobDecision(
  store: Store,
  { plan, now }: { plan: JobPlan | AfterPlan; now: Date },
): "finished" | "running" | "early" | "late" | "due" {
  const run = store.jobRuns.get(plan.meeting.id, plan.job);
  if (run !== undefined) {
    return run.status === "running" ? "running" : "finished";
  }
  return jobTiming(plan, now);
}

/**
 * The jobs after every meeting held in the last weeks (see `heldWeeks`), in the order
 * they fall due: each meeting's question and report, planned from its end.
 */
export function planAfterWeeks(
  store: Store,
  { schedule, now }: { schedule: WeekConfig & AfterSchedule; now: Date },
): AfterPlan[] {
  return heldWeeks(store, { config: schedule, now })
    .flatMap((week) => planAfter(schedule, week))
    .sort((a, b) => a.due.getTime() - b.due.getTime());
}

/**
 * When the next job (or the next `job`) of any meeting falls due after `now`, if one
 * does: the instant the job runner will send it.
 */
export function nextDue(
  store: Store,
  { schedule, now, job }: { schedule: WeekConfig; now: Date; job?: JobName },
): Date | undefined {
  return planWeeks(store, { schedule, now }).find((plan) =>
    plan.due > now && (job === undefined || plan.job === job) &&
    store.jobRuns.get(plan.meeting.id, plan.job) === undefined
  )?.due;
}

/**
 * When the next job after a meeting (its question, its report) falls due after `now`:
 * of the meetings held lately, and of the next one (it ends before the week is out).
 */
export function nextAfterDue(
  store: Store,
  { schedule, now }: { schedule: WeekConfig & AfterSchedule; now: Date },
): Date | undefined {
  const next = weeksAhead(store, { config: schedule, now, count: 1 })
    .filter((week) => !week.cancelled);
  let soonest: Date | undefined;
  for (
    const plan of [
      ...planAfterWeeks(store, { schedule, now }),
      ...next.flatMap((week) => planAfter(schedule, week)),
    ]
  ) {
    if (plan.due <= now || (soonest !== undefined && plan.due >= soonest)) {
      continue;
    }
    if (store.jobRuns.get(plan.meeting.id, plan.job) !== undefined) continue;
    soonest = plan.due;
  }
  return soonest;
}

/** How long after its deadline a job that never ran still counts as late. */
export const LATE_KEPT_MS = 3_600_000;

/**
 * When each job is next due, as of `now`: the earliest time, as planned for each week,
 * of a job with no run in the log (not started, not skipped, not sent by `send`). It is
 * in the past while the job is late, and stays so until {@linkcode LATE_KEPT_MS} after
 * the job's deadline, so that even a job whose deadline comes soon after its time (the
 * second reminder) is seen late; then the next week's time takes its place. A job of
 * cancelled weeks only has none.
 */
export function dueTimes(
  store: Store,
  { schedule, now }: { schedule: WeekConfig; now: Date },
): Map<JobName, Date> {
  const since = new Date(now.getTime() - LATE_KEPT_MS);
  const due = new Map<JobName, Date>();
  for (const plan of planWeeks(store, { schedule, now: since })) {
    if (due.has(plan.job) || plan.deadline <= since) continue;
    if (store.jobRuns.get(plan.meeting.id, plan.job) !== undefined) continue;
    due.set(plan.job, plan.due);
  }
  return due;
}
