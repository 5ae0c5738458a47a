/**
 * Everything the bot sends to many users: the weekly jobs (invitation, reminders, the
 * optional nudge), a cancellation notice, and admin announcements.
 *
 * `Deno.cron` only wakes the process; {@linkcode JobRunner.tick} decides, from the
 * injected clock and the job log in SQLite, what is due. The same tick runs at start, so
 * a job whose time passed while the bot was down still runs while it is useful (and is
 * recorded as skipped when it is not), and a job that finished never runs twice.
 * Broadcasts run one at a time and share one {@linkcode Pacer}.
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
import {
  answerKeyboard,
  invitation,
  meetingValues,
  type OutgoingMessage,
  reminder,
  text,
} from "./messages.ts";
import { BOT_METRICS, type Metrics } from "./metrics.ts";

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
  metrics?: Metrics;
}

/** The outcome of one broadcast for one meeting. */
export interface JobReport extends BroadcastReport {
  job: string;
  meetingId: string;
  /** Deliveries whose outcome is unknown (their sender was killed mid-request). */
  unknown: number;
  durationMs: number;
}

/** Runs the broadcasts one at a time, whoever asks. */
export interface JobRunner {
  /** Runs every due job of the upcoming meeting and resumes unfinished announcements. */
  tick(): Promise<void>;
  /** Runs one job for the upcoming meeting now, whether due or not (`main.ts send`). */
  runNow(job: JobName): Promise<JobReport>;
  /** Sends a draft or unfinished announcement to every subscriber. */
  announce(id: number): Promise<JobReport>;
  /** Tells those who said yes that the meeting is cancelled. */
  notifyCancelled(meeting: MeetingSlot): Promise<JobReport>;
}

/** Creates the runner; calls are queued so that two broadcasts never run at once. */
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
      serial(() => runJob(job, upcomingMeeting(deps.config, deps.now()), deps)),
    announce: (id) => serial(() => announce(id, deps)),
    notifyCancelled: (meeting) => serial(() => notifyCancelled(meeting, deps)),
  };
}

async function tick(deps: JobDeps): Promise<void> {
  const { store, log } = deps;
  for (const announcement of store.unfinishedAnnouncements()) {
    log.warn("announcement.resumed", { announcement: announcement.id });
    await guarded(() => announce(announcement.id, deps), deps);
  }
  const meeting = upcomingMeeting(deps.config, deps.now());
  if (store.meeting(meeting.id)?.status === "cancelled") return;
  for (const plan of planJobs(deps.config, meeting)) {
    const run = store.jobRun(meeting.id, plan.job);
    if (run !== undefined && run.status !== "running") continue;
    // Read the clock for each job: the one before may have taken minutes.
    const now = deps.now();
    const timing = jobTiming(plan, now);
    if (timing === "early") continue;
    if (timing === "late") {
      store.skipJobRun({ meetingId: meeting.id, job: plan.job }, {
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
    await guarded(() => runJob(plan.job, meeting, deps), deps);
  }
}

/** Never lets an error reach Deno.cron: its retries would repeat the broadcast. */
async function guarded(fn: () => Promise<unknown>, deps: JobDeps) {
  try {
    await fn();
  } catch (error) {
    deps.log.error("job.error", { error: describeError(error) });
  }
}

/** Runs `job` for `meeting`: sends to everyone due it who has not got it yet. */
async function runJob(
  job: JobName,
  meeting: MeetingSlot,
  deps: JobDeps,
): Promise<JobReport> {
  const { store, config } = deps;
  store.ensureMeeting(meeting, deps.now());
  if (store.meeting(meeting.id)?.status === "cancelled") {
    throw new MeetingCancelledError(
      `Meeting ${meeting.id} is cancelled: no ${job} is sent for it`,
    );
  }
  store.startJobRun({ meetingId: meeting.id, job: job }, deps.now());
  const { recipients, message } = jobContent(job, meeting, deps);
  const report = await broadcast({
    meetingId: meeting.id,
    job,
    recipients,
    message,
    disablePreview: job === "invitation" || job === "nudge",
  }, deps);
  if (!report.interrupted) {
    store.finishJobRun({ meetingId: meeting.id, job }, {
      counts: store.deliveryCounts(meeting.id, job),
      now: deps.now(),
    });
  }
  await reportToAdmins(
    text(config, "admin_report", {
      job,
      date: meeting.id,
      sent: report.sent,
      blocked: report.blocked,
      failed: report.failed,
      unknown: report.unknown,
    }),
    deps,
  );
  return report;
}

/** A job was asked for a meeting an admin cancelled. */
export class MeetingCancelledError extends Error {
  override name = "MeetingCancelledError";
}

function jobContent(
  job: JobName,
  meeting: MeetingSlot,
  { store, config }: JobDeps,
): { recipients: User[]; message: OutgoingMessage } {
  switch (job) {
    case "invitation":
      return {
        recipients: store.invitationRecipients(),
        message: invitation(config, meeting),
      };
    case "nudge":
      return {
        recipients: store.nudgeRecipients(meeting.id),
        message: {
          text: text(config, "nudge", meetingValues(config, meeting)),
          reply_markup: answerKeyboard(config, meeting),
        },
      };
    case "first_reminder":
    case "second_reminder":
      return {
        recipients: store.attendees(meeting.id),
        message: reminder(config, meeting, job),
      };
  }
}

async function announce(id: number, deps: JobDeps): Promise<JobReport> {
  const { store } = deps;
  const announcement = store.announcement(id);
  if (announcement === undefined) throw new RangeError(`No announcement ${id}`);
  store.moveAnnouncement(id, { from: "draft", to: "sending", now: deps.now() });
  const report = await broadcast({
    meetingId: "announcements",
    job: `announcement-${id}`,
    recipients: store.invitationRecipients(),
    message: { text: announcement.text },
    disablePreview: false,
  }, deps);
  if (!report.interrupted) {
    store.moveAnnouncement(id, {
      from: "sending",
      to: "sent",
      now: deps.now(),
    });
  }
  return report;
}

async function notifyCancelled(
  meeting: MeetingSlot,
  deps: JobDeps,
): Promise<JobReport> {
  const { store, config } = deps;
  return await broadcast({
    meetingId: meeting.id,
    job: "cancellation",
    recipients: store.attendees(meeting.id),
    message: {
      text: text(config, "meeting_cancelled", meetingValues(config, meeting)),
    },
    disablePreview: true,
  }, deps);
}

/** Sends one message to many through the paced, resumable delivery; logs and counts it. */
async function broadcast(
  options: {
    meetingId: string;
    job: string;
    recipients: readonly User[];
    message: OutgoingMessage;
    disablePreview: boolean;
  },
  deps: JobDeps,
): Promise<JobReport> {
  const { store, log, metrics } = deps;
  const { meetingId, job, message } = options;
  const started = performance.now();
  log.info("job.started", {
    job,
    meeting: meetingId,
    recipients: options.recipients.length,
  });
  const result = await runBroadcast({
    meetingId,
    job,
    recipients: options.recipients,
    send: async (user: User) => {
      const sent = await deps.api.sendMessage(user.tg_id, message.text, {
        reply_markup: message.reply_markup,
        link_preview_options: { is_disabled: options.disablePreview },
      });
      return sent.message_id;
    },
  }, deps);
  const report: JobReport = {
    ...result,
    job,
    meetingId,
    unknown: store.deliveryCounts(meetingId, job).sending,
    durationMs: Math.round(performance.now() - started),
  };
  log.info(report.interrupted ? "job.interrupted" : "job.done", {
    job,
    meeting: meetingId,
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
      meeting: meetingId,
      count: report.unknown,
      reason: "a sender stopped mid-request; not resent, to never send twice",
    });
  }
  if (metrics !== undefined) {
    const kind = job.startsWith("announcement-") ? "announcement" : job;
    for (const outcome of ["sent", "blocked", "failed"] as const) {
      metrics.inc(BOT_METRICS.messages, {
        labels: { job: kind, outcome },
        by: report[outcome],
      });
    }
    metrics.inc(BOT_METRICS.tooManyRequests, { by: report.tooManyRequests });
    metrics.observe(BOT_METRICS.jobDuration, report.durationMs / 1000, {
      labels: { job: kind },
    });
    metrics.set(BOT_METRICS.lastJobTimestamp, deps.now().getTime() / 1000, {
      labels: { job: kind },
    });
  }
  return report;
}

/** Sends a short report to every admin; a failure is logged, never thrown. */
async function reportToAdmins(
  report: string,
  deps: Pick<JobDeps, "config" | "api" | "log">,
): Promise<void> {
  for (const admin of deps.config.admins) {
    try {
      await deps.api.sendMessage(admin, report);
    } catch (error) {
      deps.log.warn("admin.report_failed", {
        admin,
        error: describeError(error),
      });
    }
  }
}
