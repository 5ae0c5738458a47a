/**
 * `send JOB`: enqueues one weekly job now for the upcoming meeting and delivers it;
 * idempotent per user (a user who has the message never gets it again).
 *
 * @module
 */
import { type TokenRejectedError, UsageError } from "../core/errors.ts";
import { isJobName, JOB_NAMES } from "../core/jobs.ts";
import type { Config } from "../config/schema.ts";
import type { BatchCounts } from "../db/outbox.ts";
import { createDelivery } from "../app/delivery.ts";
import { MeetingCancelledError } from "../usecases/jobs.ts";
import { type AppDeps, type Env, openStore, requireToken } from "./common.ts";
import { requireApiRoot } from "./places.ts";
import { whoAmI } from "./token.ts";

/** What one `send` did, and what it found done before it. */
export interface SendReport {
  /** The job sent, e.g. `invitation`. */
  job: string;
  /** The upcoming meeting it was sent for: its local date, `2026-11-25`. */
  meetingId: string;
  /** Delivered by this run. */
  sent: number;
  /** Settled as blocked in this run: the chat blocked the bot or is gone. */
  blocked: number;
  /** Failed in this run (refused, or retries gave up); `send` then exits 1. */
  failed: number;
  /** Left with no answer: never sent again. */
  unknown: number;
  /** No longer owed (the user stopped, the answer changed). */
  dropped: number;
  /** Delivered before this run ("already had it"). */
  skipped: number;
  /** Waiting to be tried again later (`run` delivers them). */
  waiting: number;
}

/** `send JOB`: enqueues the job for the upcoming meeting and delivers what is due now. */
export async function sendCommand(
  config: Config,
  options: AppDeps & { job: string; env: Env },
): Promise<SendReport> {
  const { job, env, ...deps } = options;
  if (!isJobName(job)) {
    throw new UsageError(
      `Unknown job "${job}": expected one of ${JOB_NAMES.join(", ")}`,
    );
  }
  const token = requireToken(env);
  requireApiRoot(env.apiRoot);
  const { db, store } = openStore(config, { verify: "quick" });
  try {
    // The token first: a wrong one must not leave a job started and nothing sent.
    await whoAmI(token, {
      apiRoot: env.apiRoot,
      log: deps.log,
      maxWaitMs: config.delivery.retry_max_seconds * 1000,
      timeoutMs: config.delivery.request_timeout_seconds * 1000,
    });
    let refused: TokenRejectedError | undefined;
    const { jobs, sender } = createDelivery(config, {
      token,
      apiRoot: env.apiRoot,
      store,
      log: deps.log,
      now: deps.now,
      retry: deps.retry,
      onHalt: (error) => refused ??= error,
    });
    /** Stops at a refused token: what is not sent stays owed, the job stays open. */
    const drain = async () => {
      await sender.drain();
      if (refused === undefined) return;
      await sender.stop();
      await store.settled();
      throw refused;
    };
    let enqueued: { batch: string; meetingId: string };
    const before = (batch: string) => store.outbox.batchCounts(batch);
    let start: BatchCounts | undefined;
    try {
      enqueued = jobs.enqueueNow(job, {
        beforeEnqueue: (batch) => start = before(batch),
      });
    } catch (error) {
      if (error instanceof MeetingCancelledError) {
        throw new UsageError(`${error.message}; /unskip restores it`);
      }
      throw error;
    }
    await drain();
    await store.settled();
    jobs.batchDone(enqueued.batch);
    const end = store.outbox.batchCounts(enqueued.batch);
    const was = start!;
    const report: SendReport = {
      job,
      meetingId: enqueued.meetingId,
      sent: end.sent - was.sent,
      blocked: end.blocked - was.blocked,
      failed: end.failed - was.failed,
      unknown: end.unknown - was.unknown,
      dropped: end.dropped - was.dropped,
      skipped: was.sent,
      waiting: end.pending,
    };
    deps.print(
      `${job} for ${report.meetingId}: sent ${report.sent}, blocked ${report.blocked}, ` +
        `failed ${report.failed}, already had it ${report.skipped}` +
        (report.unknown > 0 ? `, unknown ${report.unknown}` : "") +
        (report.waiting > 0 ? `, waiting to retry ${report.waiting}` : ""),
      { event: "send.done", fields: { ...report } },
    );
    await drain(); // the admins' report, if the job closed
    await store.settled();
    return report;
  } finally {
    db.close();
  }
}
