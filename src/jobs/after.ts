/**
 * The jobs after each meeting, in the job runner's tick: the question to those who came,
 * `feedback.delay_minutes` after the end, and the host's report once the feedback closes.
 * Each planned per meeting from where it really ended (domain/meeting.ts `planAfter`),
 * recorded in the job log like the weekly jobs, so that a restart neither repeats nor
 * loses one; one the bot was down for too long is recorded as skipped.
 *
 * @module
 */
import { OWED } from "../core/owed.ts";
import { enqueueFeedback, finishFeedback } from "../usecases/feedback.ts";
import { jobDecision, planAfterWeeks } from "../usecases/job_plans.ts";
import { enqueueMeetingReport } from "../usecases/meeting_report.ts";
import type { JobDeps } from "./deps.ts";

/** Enqueues every job after a meeting that is due now; skips those too late to be useful. */
export function tickAfter(deps: JobDeps): void {
  const { store, log, config } = deps;
  for (
    const plan of planAfterWeeks(store, { schedule: config, now: deps.now() })
  ) {
    const now = deps.now();
    const meeting = plan.meeting.id;
    const decision = jobDecision(store, { plan, now });
    if (decision === "late") {
      store.jobRuns.skip({ meetingId: meeting, job: plan.job }, {
        note: "missed: past its deadline",
        now,
      });
      log.warn("job.skipped", {
        job: plan.job,
        meeting,
        due: plan.due,
        deadline: plan.deadline,
        reason: "the bot was down when it was due and it is no longer useful",
      });
      continue;
    }
    if (decision !== "due") continue;
    const added = plan.job === "feedback"
      ? enqueueFeedback(store, { meeting: plan.meeting, now })
      : enqueueMeetingReport(store, { config, meetingId: meeting, now });
    log.info("job.enqueued", { job: plan.job, meeting, recipients: added });
    deps.kick();
  }
}

/** Closes the question's job of the meeting in `ref` once every question is settled. */
export function closeFeedback(deps: JobDeps, ref: string): void {
  const { store, log } = deps;
  if (!finishFeedback(store, { meetingId: ref, now: deps.now() })) return;
  const run = store.jobRuns.get(ref, OWED.feedback);
  log.info("job.done", {
    job: OWED.feedback,
    meeting: ref,
    sent: run?.sent,
    blocked: run?.blocked,
    failed: run?.failed,
    unknown: run?.unknown,
  });
}
