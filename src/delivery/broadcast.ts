/**
 * Sends one message to many users: paced, resumable, and never twice.
 *
 * Each delivery is claimed in SQLite just before its request and its outcome written just
 * after, so a broadcast killed at any instant and started again sends to exactly those
 * who have no claim yet. A claim left `sending` by a killed process is never resent: the
 * message may have reached Telegram, and a duplicate is worse than one unknown outcome.
 */
import { GrammyError, HttpError } from "grammy";
import { describeError } from "../core/errors.ts";
import type { Store } from "../db/store.ts";
import type { User } from "../db/users.ts";
import type { Logger } from "../log.ts";
import { type Pacer, sleep } from "./pacer.ts";

/** Counts of one broadcast run. */
export interface BroadcastReport {
  /** Recipients this run considered. */
  recipients: number;
  /** Delivered by this run. */
  sent: number;
  /** Unreachable (blocked the bot, deactivated, chat not found): deactivated. */
  blocked: number;
  /** Still failing after the retries. */
  failed: number;
  /** Already delivered or claimed by an earlier or concurrent run. */
  skipped: number;
  /** 429 answers received. */
  tooManyRequests: number;
  /** True when a stop left recipients unreached (they get it on the next run). */
  interrupted: boolean;
}

/** What a broadcast needs. */
export interface BroadcastDeps {
  store: Store;
  pacer: Pacer;
  log: Logger;
  now: () => Date;
  /** Waits between retries of a 5xx or network error; default 1 s, 5 s, 15 s. */
  retryDelaysMs?: readonly number[];
  /** Sends running at once; default enough to keep the pace at 250 ms latency. */
  concurrency?: number;
  /** Once aborted, sends in flight finish and no new one starts (a clean stop). */
  signal?: AbortSignal;
}

/** One broadcast: who gets it, and how to send to one user. */
export interface Broadcast {
  meetingId: string;
  job: string;
  recipients: readonly User[];
  /** Sends the message to one user; resolves to Telegram's message id. */
  send: (user: User) => Promise<number>;
}

const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 15_000];
/** 429s one delivery may receive before it is recorded as failed. */
const MAX_RATE_LIMITED = 20;

type Outcome =
  | { kind: "sent"; messageId: number }
  | { kind: "blocked" | "failed"; error: string };

/** Delivers `broadcast` to every recipient who has not got it yet. */
export async function runBroadcast(
  broadcast: Broadcast,
  deps: BroadcastDeps,
): Promise<BroadcastReport> {
  const report: BroadcastReport = {
    recipients: broadcast.recipients.length,
    sent: 0,
    blocked: 0,
    failed: 0,
    skipped: 0,
    tooManyRequests: 0,
    interrupted: false,
  };
  const done = deps.store.deliveries.deliveredUserIds(
    broadcast.meetingId,
    broadcast.job,
  );
  const queue = broadcast.recipients.filter((user) => !done.has(user.id));
  report.skipped = broadcast.recipients.length - queue.length;
  const workers = deps.concurrency ??
    Math.max(1, Math.ceil(deps.pacer.perSecond / 4));
  const worker = async () => {
    for (let user = queue.shift(); user !== undefined; user = queue.shift()) {
      if (
        deps.signal?.aborted || !await deliverOne(broadcast, user, deps, report)
      ) {
        report.interrupted = true;
        return;
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(workers, queue.length) }, worker),
  );
  return report;
}

/** Delivers to one user; false if a stop came before its request was sent. */
async function deliverOne(
  broadcast: Broadcast,
  user: User,
  deps: BroadcastDeps,
  report: BroadcastReport,
): Promise<boolean> {
  const { store, pacer, log } = deps;
  const retryDelays = deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const key = {
    meetingId: broadcast.meetingId,
    job: broadcast.job,
    userId: user.id,
  };
  let attempts = 0;
  let rateLimited = 0;
  let claimed = false;
  let outcome: Outcome | undefined;
  while (outcome === undefined) {
    await pacer.take();
    if (!claimed) {
      if (deps.signal?.aborted) return false;
      // Claim at the last moment: a claim taken long before its request would leave
      // a lost message behind if the process died while waiting.
      claimed = store.deliveries.claim(key, deps.now());
      if (!claimed) {
        report.skipped++;
        return true;
      }
    }
    attempts++;
    try {
      outcome = { kind: "sent", messageId: await broadcast.send(user) };
    } catch (error) {
      const verdict = classify(error);
      if (verdict.kind === "rate-limited" && rateLimited++ < MAX_RATE_LIMITED) {
        report.tooManyRequests++;
        pacer.pause(verdict.retryAfterMs);
        log.warn("delivery.rate_limited", {
          job: key.job,
          retry_after_ms: verdict.retryAfterMs,
        });
        attempts--;
        continue;
      }
      const delay = retryDelays[attempts - 1];
      if (
        verdict.kind === "transient" && delay !== undefined &&
        !deps.signal?.aborted
      ) {
        log.warn("delivery.retry", {
          job: key.job,
          user: user.tg_id,
          attempt: attempts,
          error: describeError(error),
        });
        await sleep(delay);
        continue;
      }
      outcome = {
        kind: verdict.kind === "unreachable" ? "blocked" : "failed",
        error: describeError(error),
      };
    }
  }
  const now = deps.now();
  if (outcome.kind === "sent") {
    store.deliveries.finish(key, {
      status: "sent",
      messageId: outcome.messageId,
      attempts,
      now,
    });
    report.sent++;
    return true;
  }
  store.deliveries.finish(key, {
    status: outcome.kind,
    error: outcome.error,
    attempts,
    now,
  });
  if (outcome.kind === "blocked") {
    store.users.deactivate(user.tg_id, now);
    report.blocked++;
    log.info("delivery.unreachable", {
      job: key.job,
      user: user.tg_id,
      error: outcome.error,
    });
  } else {
    report.failed++;
    log.error("delivery.failed", {
      job: key.job,
      user: user.tg_id,
      error: outcome.error,
    });
  }
  return true;
}

type Verdict =
  | { kind: "rate-limited"; retryAfterMs: number }
  | { kind: "unreachable" }
  | { kind: "transient" }
  | { kind: "permanent" };

/** Sorts a failed Bot API call: wait and retry, give up on the user, retry later, or fail. */
function classify(error: unknown): Verdict {
  if (error instanceof GrammyError) {
    if (error.error_code === 429) {
      const seconds = error.parameters.retry_after ?? 1;
      return { kind: "rate-limited", retryAfterMs: seconds * 1000 };
    }
    if (error.error_code === 403) return { kind: "unreachable" };
    if (
      error.error_code === 400 &&
      /chat not found|user is deactivated/i.test(error.description)
    ) {
      return { kind: "unreachable" };
    }
    return error.error_code >= 500
      ? { kind: "transient" }
      : { kind: "permanent" };
  }
  if (error instanceof HttpError) return { kind: "transient" };
  return { kind: "permanent" };
}
