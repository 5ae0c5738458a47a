/**
 * Job plans: which job of which meeting is due when. Every meeting that has not started
 * is planned on its own, at its own times, where it really is: a move, a skip or a
 * cancellation of one week changes that week's plan and no other.
 *
 * @module
 */
import type { JobName } from "../core/jobs.ts";
import type { Store } from "../db/store.ts";
import { type JobPlan, jobTiming, planJobs } from "../domain/meeting.ts";
import { type WeekConfig, weeksAhead } from "./weeks.ts";

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
  { plan, now }: { plan: JobPlan; now: Date },
): "finished" | "running" | "early" | "late" | "due" {
  const run = store.jobRuns.get(plan.meeting.id, plan.job);
  if (run !== undefined) {
    return run.status === "running" ? "running" : "finished";
  }
  return jobTiming(plan, now);
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
