/**
 * Planning a week's jobs: which meeting they serve and what each job should do now.
 *
 * @module
 */
import type { Store } from "../db/store.ts";
import {
  type JobPlan,
  jobTiming,
  type MeetingSlot,
  planJobs,
  type Schedule,
  upcomingMeeting,
} from "../domain/meeting.ts";
import { isCancelled } from "./meetings.ts";

/** The upcoming meeting and its jobs in the order they fall due; none if it is cancelled. */
export function planWeek(
  store: Store,
  { schedule, now }: { schedule: Schedule; now: Date },
): { meeting: MeetingSlot; jobs: JobPlan[] } {
  const meeting = upcomingMeeting(schedule, now);
  const jobs = isCancelled(store, meeting.id)
    ? []
    : planJobs(schedule, meeting);
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
