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
 * What a planned job should do at `now`: nothing (`finished` or `early`), be recorded as
 * skipped (`late`: the bot was down when it was due and it is no longer useful), or run.
 * A job left `running` by a stopped process runs again: its delivery log resumes it.
 */
export function jobDecision(
  store: Store,
  { plan, now }: { plan: JobPlan; now: Date },
): "finished" | "early" | "late" | "due" {
  const run = store.jobRuns.get(plan.meeting.id, plan.job);
  if (run !== undefined && run.status !== "running") return "finished";
  const timing = jobTiming(plan, now);
  return timing === "due" ? "due" : timing;
}
