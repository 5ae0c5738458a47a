/**
 * The weekly jobs: invitation, first and second reminder.
 *
 * `Deno.cron` only wakes the process; {@linkcode JobRunner.tick} decides, from the
 * injected clock and the job log in SQLite, what is due. The same tick runs at start, so
 * a job whose time passed while the bot was down still runs while it is useful (and is
 * recorded as skipped when it is not), and a job that finished never runs twice.
 */
import type { Api } from "grammy";
import type { Config, JobName } from "./config.ts";
import type { Store, User } from "./db/store.ts";
import { type BroadcastReport, runBroadcast } from "./delivery/broadcast.ts";
import type { Pacer } from "./delivery/pacer.ts";
import {
  jobTiming,
  type MeetingSlot,
  planJobs,
  upcomingMeeting,
} from "./domain/meeting.ts";
import { describeError, type Logger } from "./log.ts";
import { invitation, type OutgoingMessage, reminder } from "./messages.ts";

/** What the jobs need; all of it injected. */
export interface JobDeps {
  config: Config;
  store: Store;
  /** A Bot API client without automatic retries: the broadcast handles 429 itself. */
  api: Api;
  pacer: Pacer;
  log: Logger;
  now: () => Date;
  retryDelaysMs?: readonly number[];
  /** Aborted on shutdown: sends in flight finish, the rest waits for the next start. */
  signal?: AbortSignal;
  /** Called with each finished job's report (admin reports, metrics). */
  onJobDone?: (report: JobReport) => void | Promise<void>;
}

/** The outcome of one job for one meeting. */
export interface JobReport extends BroadcastReport {
  job: JobName;
  meetingId: string;
  /** Deliveries whose outcome is unknown (their sender was killed mid-request). */
  unknown: number;
  durationMs: number;
}

/** Runs the weekly jobs one at a time, whoever asks. */
export interface JobRunner {
  /** Runs every job of the upcoming meeting that is due and not done; skips late ones. */
  tick(): Promise<void>;
  /** Runs one job for the upcoming meeting now, whether due or not (`main.ts send`). */
  runNow(job: JobName): Promise<JobReport>;
}

/** Creates the runner; calls are queued so that two jobs never run at once. */
export function createJobRunner(deps: JobDeps): JobRunner {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const result = queue.then(fn);
    queue = result.catch(() => {});
    return result;
  };
  return {
    tick: () => serial(() => tick(deps)),
    runNow: (job) =>
      serial(() => {
        const meeting = upcomingMeeting(deps.config, deps.now());
        return runJob(job, meeting, deps);
      }),
  };
}

async function tick(deps: JobDeps): Promise<void> {
  const { store, log } = deps;
  const now = deps.now();
  const meeting = upcomingMeeting(deps.config, now);
  for (const plan of planJobs(deps.config, meeting)) {
    const run = store.jobRun(meeting.id, plan.job);
    if (run !== undefined && run.status !== "running") continue;
    const timing = jobTiming(plan, now);
    if (timing === "early") continue;
    if (timing === "late") {
      store.skipJobRun(meeting.id, plan.job, "missed: past its deadline", now);
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
    try {
      await runJob(plan.job, meeting, deps);
    } catch (error) {
      // Never let an error reach Deno.cron: its retries would repeat the broadcast.
      log.error("job.error", {
        job: plan.job,
        meeting: meeting.id,
        error: describeError(error),
      });
    }
  }
}

/** Runs `job` for `meeting`: sends to everyone due it who has not got it yet. */
export async function runJob(
  job: JobName,
  meeting: MeetingSlot,
  deps: JobDeps,
): Promise<JobReport> {
  const { store, log, config } = deps;
  const started = performance.now();
  store.ensureMeeting(meeting.id, meeting.startsAt, deps.now());
  store.startJobRun(meeting.id, job, deps.now());
  const recipients = job === "invitation"
    ? store.invitationRecipients()
    : store.attendees(meeting.id);
  const message: OutgoingMessage = job === "invitation"
    ? invitation(config, meeting)
    : reminder(config, meeting, job);
  log.info("job.started", {
    job,
    meeting: meeting.id,
    recipients: recipients.length,
  });
  const result = await runBroadcast({
    meetingId: meeting.id,
    job,
    recipients,
    send: async (user: User) => {
      const sent = await deps.api.sendMessage(user.tg_id, message.text, {
        reply_markup: message.reply_markup,
        link_preview_options: { is_disabled: job === "invitation" },
      });
      return sent.message_id;
    },
  }, deps);
  const counts = store.deliveryCounts(meeting.id, job);
  const interrupted = deps.signal?.aborted ?? false;
  // An interrupted job stays `running`: the next start resumes it where it stopped.
  if (!interrupted) store.finishJobRun(meeting.id, job, counts, deps.now());
  const report: JobReport = {
    ...result,
    job,
    meetingId: meeting.id,
    unknown: counts.sending,
    durationMs: Math.round(performance.now() - started),
  };
  log.info(interrupted ? "job.interrupted" : "job.done", {
    job,
    meeting: meeting.id,
    sent: report.sent,
    blocked: report.blocked,
    failed: report.failed,
    skipped: report.skipped,
    too_many_requests: report.tooManyRequests,
    duration_ms: report.durationMs,
  });
  if (report.unknown > 0) {
    log.warn("job.unknown_deliveries", {
      job,
      meeting: meeting.id,
      count: report.unknown,
      reason: "a sender stopped mid-request; not resent, to never send twice",
    });
  }
  try {
    await deps.onJobDone?.(report);
  } catch (error) {
    log.error("job.report_error", { job, error: describeError(error) });
  }
  return report;
}
