/**
 * One message to many, as the jobs send it: through the paced, resumable delivery, with
 * a log line, metrics and a report.
 *
 * @module
 */
import type { Api } from "grammy";
import { describeError } from "../core/errors.ts";
import type { Store } from "../db/store.ts";
import type { User } from "../db/users.ts";
import { type BroadcastReport, runBroadcast } from "../delivery/broadcast.ts";
import type { Pacer } from "../delivery/pacer.ts";
import type { Logger } from "../log.ts";
import type { OutgoingMessage } from "../messages.ts";
import { BOT_METRICS, type Metrics } from "../metrics.ts";

/** What the jobs need; all of it injected. */
export interface BroadcastSeams {
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

/** One broadcast of the jobs. */
export interface JobBroadcast {
  meetingId: string;
  job: string;
  recipients: readonly User[];
  message: OutgoingMessage;
  disablePreview: boolean;
}

/** Sends one message to many through the paced, resumable delivery; logs and counts it. */
export async function broadcast(
  options: JobBroadcast,
  deps: BroadcastSeams,
): Promise<JobReport> {
  const { store, log } = deps;
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
    unknown: store.deliveries.counts(meetingId, job).sending,
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
  if (deps.metrics !== undefined) record(deps.metrics, report, deps.now());
  return report;
}

function record(metrics: Metrics, report: JobReport, now: Date) {
  const kind = report.job.startsWith("announcement-")
    ? "announcement"
    : report.job;
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
  metrics.set(BOT_METRICS.lastJobTimestamp, now.getTime() / 1000, {
    labels: { job: kind },
  });
}

/** Sends a short report to every admin; a failure is logged, never thrown. */
export async function reportToAdmins(
  report: string,
  deps: { admins: readonly number[]; api: Api; log: Logger },
): Promise<void> {
  for (const admin of deps.admins) {
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
