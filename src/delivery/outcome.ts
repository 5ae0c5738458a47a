/**
 * What a failed delivery means for its row: settle it (blocked, failed, unknown, or sent
 * after all) or try again later (`decide`, pure: the sender applies it), and how loudly
 * to say so (`logDecision`).
 *
 * @module
 */
import { describeError } from "../core/errors.ts";
import { resendsUnknown } from "../core/owed.ts";
import type { OutboxRow } from "../db/outbox.ts";
import type { Logger } from "../log.ts";
import { classify } from "./telegram.ts";

/** How rows that fail for a while are retried. */
export interface RetryPolicy {
  /** Wait after the first failure; doubles each time. */
  initialMs: number;
  /** Longest wait between tries. */
  maxMs: number;
  /** A row still failing this long after it was written is recorded as failed. */
  giveUpMs: number;
}

/** The default {@linkcode RetryPolicy}: 2 s doubling to 5 min, for up to 2 days. */
export const DEFAULT_RETRY: RetryPolicy = {
  initialMs: 2_000,
  maxMs: 300_000,
  giveUpMs: 48 * 3_600_000,
};

/** What to do with a row whose request failed, and the log event that says why. */
export type Decision =
  | {
    action: "settle";
    status: "sent" | "blocked" | "failed" | "unknown";
    /** The log event: `delivery.<event>`. */
    event: "not_modified" | "unreachable" | "unknown" | "failed" | "gave_up";
    error: string;
  }
  | {
    action: "later";
    ms: number;
    /** `rate_limited` (a 429): every paced send waits too. */
    event: "rate_limited" | "retry" | "token_rejected";
    error: string;
    /** The token was refused (401): the row stays owed, and the sender stops. */
    halt?: boolean;
  };

/**
 * Decides what a failed request means: 401 halts the sender and leaves the row owed
 * (the token, not the message, is wrong); 429 waits `retry_after`; 403 and chat-not-found
 * settle as blocked; a bad request fails; 5xx and no connection wait twice as long each
 * time, up to `maxMs`, until `giveUpMs` after the row was owed; a request that left
 * without an answer is unknown (never resent), unless its kind is resent after an
 * unknown outcome (`IF_UNKNOWN`: edits, calendar files), which then waits like a 5xx.
 * An edit Telegram finds unchanged was made.
 */
export function decide(
  row: OutboxRow,
  { error, policy, now }: { error: unknown; policy: RetryPolicy; now: Date },
): Decision {
  const reason = describeError(error);
  if (/message is not modified/i.test(reason)) {
    return {
      action: "settle",
      status: "sent",
      event: "not_modified",
      error: reason,
    };
  }
  const verdict = classify(error);
  switch (verdict.kind) {
    case "unauthorized":
      return {
        action: "later",
        ms: 0,
        event: "token_rejected",
        error: reason,
        halt: true,
      };
    case "rate-limited":
      return {
        action: "later",
        ms: verdict.retryAfterMs,
        event: "rate_limited",
        error: reason,
      };
    case "unreachable":
      return {
        action: "settle",
        status: "blocked",
        event: "unreachable",
        error: reason,
      };
    case "permanent":
      return {
        action: "settle",
        status: "failed",
        event: "failed",
        error: reason,
      };
    case "unknown":
      if (!resendsUnknown(row.kind)) {
        return {
          action: "settle",
          status: "unknown",
          event: "unknown",
          error: reason,
        };
      }
      break;
    case "transient":
      break;
  }
  const age = now.getTime() - new Date(row.created_at).getTime();
  if (age >= policy.giveUpMs) {
    return {
      action: "settle",
      status: "failed",
      event: "gave_up",
      error: reason,
    };
  }
  return {
    action: "later",
    ms: Math.min(
      policy.maxMs,
      policy.initialMs * 2 ** Math.min(row.attempts, 30),
    ),
    event: "retry",
    error: reason,
  };
}

/** Says what a decision means for `row`: one line, `delivery.<event>`, stable keys. */
export function logDecision(
  log: Logger,
  { row, decision }: { row: OutboxRow; decision: Decision },
): void {
  const fields = {
    kind: row.kind,
    chat: row.chat_id,
    attempt: row.attempts,
    error: decision.error,
  };
  if (decision.action === "later") {
    log.warn(`delivery.${decision.event}`, {
      ...fields,
      retry_in_ms: decision.ms,
    });
    return;
  }
  switch (decision.event) {
    case "unreachable":
      log.info("delivery.unreachable", fields);
      break;
    case "unknown":
      log.warn("delivery.unknown", {
        ...fields,
        reason: "the request left and no answer came: not resent",
      });
      break;
    case "failed":
    case "gave_up":
      log.error(`delivery.${decision.event}`, fields);
      break;
    case "not_modified":
      break;
  }
}
