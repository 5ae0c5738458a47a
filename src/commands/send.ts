/**
 * `send JOB`: enqueues one weekly job now for the upcoming meeting and delivers it;
 * idempotent per user (a user who has the message never gets it again). It waits for
 * its own batch's retries that fall due within {@linkcode SEND_WAIT_MS} (saying so), and
 * leaves later ones to `run`; its exit code says whether anything is left.
 *
 * @module
 */
import { type TokenRejectedError, UsageError } from "../core/errors.ts";
import type { Sleep } from "../core/sleep.ts";
import { isJobName, JOB_NAMES } from "../core/jobs.ts";
import type { Config } from "../config/schema.ts";
import type { BatchCounts } from "../db/outbox.ts";
import { createDelivery } from "../app/delivery.ts";
import type { DrainOptions } from "../delivery/sender.ts";
import type { BotApi } from "../delivery/telegram.ts";
import { MeetingCancelledError } from "../usecases/jobs.ts";
import {
  type AppDeps,
  type Env,
  linkKeyOf,
  openStore,
  requireToken,
} from "./common.ts";
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
  /** Still waiting for a retry due after `send` stopped waiting (`run` delivers them). */
  waiting: number;
}

/** How long `send` waits for retries of its batch: those due later are left to `run`. */
export const SEND_WAIT_MS = 60_000;

/** What `send` exits with, from its report. */
export const SEND_EXIT = {
  /** Nothing is left: every message sent, refused as blocked, no longer owed, or unknown. */
  done: 0,
  /** Some message failed for good (refused, or its retries gave up). */
  failed: 1,
  /** Nothing failed, but some message still waits for a retry that `run` will make. */
  waiting: 3,
} as const;

/** The exit code for `report`: a failure first, then anything still waiting. */
export function sendExitCode(report: SendReport): number {
  if (report.failed > 0) return SEND_EXIT.failed;
  return report.waiting > 0 ? SEND_EXIT.waiting : SEND_EXIT.done;
}

/** What `send` is given besides the config. */
export interface SendOptions extends AppDeps {
  /** The job to send, e.g. `invitation`. */
  job: string;
  /** The token and the Bot API root. */
  env: Env;
  /** How long to wait for the batch's retries; default {@linkcode SEND_WAIT_MS}. */
  waitMs?: number;
  /** The sender's waits; default a timer (tests pass a virtual one with `now`). */
  sleep?: Sleep;
  /** The Bot API; default a client for `env` (tests pass a scripted one). */
  api?: BotApi;
}

/**
 * `send JOB`: enqueues the job for the upcoming meeting, delivers what is due now, waits
 * for the batch's retries due within `waitMs`, prints one line (and one while it
 * waits), and resolves to its report; {@linkcode sendExitCode} gives the exit code.
 */
export async function sendCommand(
  config: Config,
  options: SendOptions,
): Promise<SendReport> {
  const { job, env, waitMs = SEND_WAIT_MS, ...deps } = options;
  if (!isJobName(job)) {
    throw new UsageError(
      `Unknown job "${job}": expected one of ${JOB_NAMES.join(", ")}`,
    );
  }
  const token = requireToken(env);
  const apiRoot = requireApiRoot(env.apiRoot);
  const { db, store } = openStore(config, { verify: "quick" });
  try {
    // The token first: a wrong one must not leave a job started and nothing sent.
    const me = await whoAmI(token, {
      apiRoot,
      log: deps.log,
      maxWaitMs: config.delivery.retry_max_seconds * 1000,
      timeoutMs: config.delivery.request_timeout_seconds * 1000,
      api: deps.api,
      sleep: deps.sleep,
    });
    let refused: TokenRejectedError | undefined;
    const { jobs, sender } = createDelivery(config, {
      token,
      apiRoot,
      store,
      botUsername: me?.username,
      log: deps.log,
      now: deps.now,
      retry: deps.retry,
      onHalt: (error) => refused ??= error,
      sleep: deps.sleep,
      api: deps.api,
      linkKey: linkKeyOf(config),
    });
    /** Stops at a refused token: what is not sent stays owed, the job stays open. */
    const drain = async (options?: DrainOptions) => {
      await sender.drain(options);
      if (refused === undefined) return;
      await sender.stop();
      await store.settled();
      throw refused;
    };
    let enqueued: { batch: string; meetingId: string };
    const before = (batch: string) => store.outbox.batchCounts(batch);
    let start: BatchCounts | undefined;
    try {
      enqueued = await jobs.enqueueNow(job, {
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
    const until = new Date(deps.now().getTime() + waitMs);
    const next = store.outbox.nextDue(enqueued.batch);
    if (next !== undefined && next <= until) {
      const pending = store.outbox.batchCounts(enqueued.batch).pending;
      deps.print(
        `${job} for ${enqueued.meetingId}: waiting up to ${
          Math.ceil(waitMs / 1000)
        } s for ${pending} to be retried`,
      );
      await drain({ batch: enqueued.batch, until });
      await store.settled();
    }
    await jobs.batchDone(enqueued.batch);
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
        (report.waiting > 0
          ? `, waiting to retry ${report.waiting} (run delivers them)`
          : ""),
      { event: "send.done", fields: { ...report } },
    );
    await drain(); // the admins' report, if the job closed
    await store.settled();
    return report;
  } finally {
    db.close();
  }
}
