/**
 * Planning a week's jobs: which meeting they serve and what each job should do now.
 *
 * @module
 */
import type { Store } from "../db/store.ts";
import { type JobPlan, jobTiming, planJobs } from "../domain/meeting.ts";
import { upcomingWeek, type Week, type WeekConfig } from "./weeks.ts";

/**
 * The upcoming meeting (where it really is: an admin may have moved it) and its jobs in
 * the order they fall due; none if it is cancelled.
 */
export function planWeek(
  store: Store,
  { schedule, now }: { schedule: WeekConfig; now: Date },
): { meeting: Week; jobs: JobPlan[] } {
  const meeting = upcomingWeek(store, { config: schedule, now });
  const jobs = meeting.cancelled ? [] : planJobs(schedule, meeting);
  return { meeting, jobs };
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

/** When the next job of the upcoming meeting falls due after `now`, if one does. */
export function nextDue(
  store: Store,
  { schedule, now }: { schedule: WeekConfig; now: Date },
): Date | undefined {
  const { jobs } = planWeek(store, { schedule, now });
  return jobs
    .filter((plan) =>
      plan.due > now &&
      store.jobRuns.get(plan.meeting.id, plan.job) === undefined
    )
    .map((plan) => plan.due)
    .sort((a, b) => a.getTime() - b.getTime())[0];
}
