/**
 * The weekly jobs: `Deno.cron` only wakes the process; {@linkcode JobRunner.tick}
 * decides, from the injected clock and the job log in SQLite, what is due, and enqueues
 * it in the outbox, which the sender drains. The same tick runs at start, so a job whose
 * time passed while the bot was down still goes out while it is useful (and is recorded
 * as skipped when it is not), and a job that was enqueued is never enqueued twice. The
 * end of each meeting is done the same way: its messages lose their answer buttons,
 * once (usecases/meeting_end.ts), and each pause that ended with it is told so, once
 * (usecases/settings.ts).
 *
 * The tick also gives free seats to the waitlists (a larger capacity in the config), runs
 * the jobs after each meeting (jobs/after.ts), and closes what is finished: a job or an
 * announcement whose messages are all settled is recorded with its counts and reported
 * to the admins, once; an admin's reply to a participant, once settled, brings the admin
 * a note on how it went.
 *
 * @module
 */
import { describeError } from "../core/errors.ts";
import { isJobName, type JobName } from "../core/jobs.ts";
import { batchOf, OWED, parseBatch } from "../core/owed.ts";
import { fillAllSeats } from "../usecases/seats.ts";
import { upcomingWeek } from "../usecases/weeks.ts";
import { finishAnnouncement } from "../usecases/announcements.ts";
import { enqueueJob, finishJob } from "../usecases/jobs.ts";
import { finishRelayAnswer, finishSettledAnswers } from "../usecases/relays.ts";
import {
  jobDecision,
  nextAfterDue,
  nextDue,
  planWeeks,
} from "../usecases/job_plans.ts";
import { endMeetings, nextEnd } from "../usecases/meeting_end.ts";
import { endPauses, nextPauseEnd } from "../usecases/settings.ts";
import { closeFeedback, tickAfter } from "./after.ts";
import type { JobDeps } from "./deps.ts";

/** Decides and enqueues the weekly jobs; closes what is finished. */
export interface JobRunner {
  /**
   * Enqueues every due job of every meeting ahead, owes the messages of meetings that
   * ended the removal of their buttons, and closes finished jobs; resolves to false
   * when the database refused (the caller tries again soon). Never rejects.
   */
  tick(): Promise<boolean>;
  /**
   * Enqueues one job for the upcoming meeting now, due or not (`main.ts send`);
   * `beforeEnqueue` sees the batch before anything is added to it.
   */
  enqueueNow(
    job: JobName,
    options?: { beforeEnqueue?: (batch: string) => void },
  ): Promise<{ batch: string; meetingId: string }>;
  /** Every message of `batch` is settled: close its job or announcement. */
  batchDone(batch: string): Promise<void>;
  /**
   * When the next job falls due, or the next meeting ends, if one does: the cron
   * expressions cover the config's times; a meeting an admin moved has its reminders at
   * other times, and a meeting's end and the jobs after it follow where it really is:
   * the caller sets a timer for them.
   */
  nextDue(): Date | undefined;
}

/** Creates the runner. */
export function createJobRunner(deps: JobDeps): JobRunner {
  return {
    async tick() {
      try {
        await deps.store.write(() => {
          tick(deps);
          fillSeats(deps);
          tickAfter(deps);
          closeFinished(deps);
        });
        deps.kick(); // whatever is due, also rows a stopped process left
        return true;
      } catch (error) {
        // Never reaches Deno.cron, whose retries would repeat the tick.
        deps.log.error("job.error", { error: describeError(error) });
        return false;
      }
    },
    async enqueueNow(job, options = {}) {
      const enqueued = await deps.store.write(() => {
        const meeting = upcomingWeek(deps.store, {
          config: deps.config,
          now: deps.now(),
        });
        const batch = batchOf(OWED[job], meeting.id);
        options.beforeEnqueue?.(batch);
        const added = enqueueJob(deps.store, { job, meeting, now: deps.now() });
        deps.log.info("job.enqueued", { job, meeting: meeting.id, added });
        return { batch, meetingId: meeting.id };
      });
      deps.kick();
      return enqueued;
    },
    nextDue() {
      try {
        const view = { schedule: deps.config, now: deps.now() };
        return [
          nextDue(deps.store, view),
          nextAfterDue(deps.store, view),
          nextEnd(deps.store, { config: deps.config, now: view.now }),
          nextPauseEnd(deps.store, { config: deps.config, now: view.now }),
        ].filter((at) => at !== undefined)
          .sort((a, b) => a.getTime() - b.getTime())[0];
      } catch (error) {
        deps.log.error("job.error", { error: describeError(error) });
        return undefined;
      }
    },
    async batchDone(batch) {
      try {
        await deps.store.write(() => close(batch, deps));
      } catch (error) {
        deps.log.error("job.close_error", {
          batch,
          error: describeError(error),
        });
      }
    },
  };
}

function tick(deps: JobDeps) {
  const { store, log } = deps;
  const plans = planWeeks(store, { schedule: deps.config, now: deps.now() });
  for (const plan of plans) {
    const now = deps.now();
    const meeting = plan.meeting;
    const decision = jobDecision(store, { plan, now });
    if (decision !== "due" && decision !== "late") continue;
    if (decision === "late") {
      store.jobRuns.skip({ meetingId: meeting.id, job: plan.job }, {
        note: "missed: past its deadline",
        now,
      });
      log.warn("job.skipped", {
        job: plan.job,
        meeting: meeting.id,
        due: plan.due,
        deadline: plan.deadline,
        reason: "the bot was down when it was due and it is no longer useful",
      });
      continue;
    }
    if (now.getTime() - plan.due.getTime() > 60_000) {
      log.warn("job.catch_up", {
        job: plan.job,
        meeting: meeting.id,
        due: plan.due,
      });
    }
    const added = enqueueJob(store, { job: plan.job, meeting, now });
    log.info("job.enqueued", {
      job: plan.job,
      meeting: meeting.id,
      recipients: added,
    });
    deps.kick();
  }
  const ended = endMeetings(store, { config: deps.config, now: deps.now() });
  if (ended > 0) {
    log.info("meeting.buttons_removed", { messages: ended });
    deps.kick();
  }
  const unpaused = endPauses(store, { config: deps.config, now: deps.now() });
  if (unpaused > 0) {
    log.info("pause.ended", { people: unpaused });
    deps.kick();
  }
}

/**
 * Gives the free seats of the meetings ahead to their waitlists: seats a larger
 * `meeting.capacity` added while the bot was stopped go at once.
 */
function fillSeats(deps: JobDeps) {
  const { store, config } = deps;
  const promoted = store.transaction(() =>
    fillAllSeats(store, { config, now: deps.now() })
  );
  if (promoted > 0) deps.log.info("seats.promoted", { promoted });
}

/** Closes jobs and announcements whose messages were all settled (e.g. before a stop). */
function closeFinished(deps: JobDeps) {
  for (const run of deps.store.jobRuns.running()) {
    if (run.job === OWED.feedback) closeFeedback(deps, run.meeting_id);
    if (!isJobName(run.job)) continue;
    close(batchOf(OWED[run.job], run.meeting_id), deps);
  }
  for (const announcement of deps.store.announcements.unfinished()) {
    close(`${OWED.announcement}/${announcement.id}`, deps);
  }
  const notes = finishSettledAnswers(deps.store, { now: deps.now() });
  if (notes > 0) deps.kick();
}

function close(batch: string, deps: JobDeps) {
  const { kind, ref } = parseBatch(batch);
  const now = deps.now();
  if (kind === OWED.announcement) {
    const id = Number(ref);
    if (finishAnnouncement(deps.store, { id, now })) {
      deps.log.info("announcement.done", { announcement: id });
      deps.kick();
    }
    return;
  }
  if (kind === OWED.relay_answer) {
    if (finishRelayAnswer(deps.store, { key: batch, now })) deps.kick();
    return;
  }
  if (kind === OWED.feedback) {
    closeFeedback(deps, ref);
    return;
  }
  if (!isJobName(kind)) return;
  const outcome = finishJob(deps.store, {
    config: deps.config,
    job: kind,
    meetingId: ref,
    now,
  });
  if (outcome === undefined) return;
  const { counts } = outcome;
  deps.log.info("job.done", {
    job: kind,
    meeting: ref,
    sent: counts.sent,
    blocked: counts.blocked,
    failed: counts.failed,
    unknown: counts.unknown,
    dropped: counts.dropped,
  });
  if (counts.unknown > 0) {
    deps.log.warn("job.unknown_deliveries", {
      job: kind,
      meeting: ref,
      count: counts.unknown,
      reason:
        "a request left and no answer came; not resent, to never send twice",
    });
  }
  deps.kick();
}
