/**
 * What the sender is given: the call that delivers a row, the renderer that makes it,
 * and the seams it reaches the database, Telegram and the clock through.
 *
 * @module
 */
import type { TokenRejectedError } from "../core/errors.ts";
import type { Delivery } from "../core/owed.ts";
import type { Sleep } from "../core/sleep.ts";
import type { Outbox, OutboxRow } from "../db/outbox.ts";
import type { Logger } from "../log.ts";
import type { RetryPolicy } from "./outcome.ts";
import type { Pacer } from "./pacer.ts";
import type { BotApi } from "./telegram.ts";

/** Turns a row into its call, or `null` when it is no longer owed (the row is dropped). */
export type Render = (
  row: OutboxRow,
) => Delivery | null | Promise<Delivery | null>;

/** What the sender needs; all of it injected. */
export interface SenderDeps {
  /** The rows to deliver, claimed and settled here. */
  outbox: Outbox;
  /** Makes the Bot API calls. */
  api: BotApi;
  /** Turns each row into its call, at send time. */
  render: Render;
  /** Paces notices and broadcasts; replies go unpaced. */
  pacer: Pacer;
  /** Gets `delivery.<event>` for each failed request (see outcome.ts), and `outbox.*`. */
  log: Logger;
  /** The clock; tests pass a fake one. */
  now: () => Date;
  /** Waits for the next look at the outbox (woken early by its signal); default a timer. */
  sleep?: Sleep;
  /** Runs every write of the sender: claims, outcomes, recoveries (group commit). */
  write: <T>(fn: () => T) => Promise<T>;
  /** A row's chat is gone for good: e.g. deactivate its user (in the outcome's write). */
  onUnreachable?: (row: OutboxRow) => void;
  /** Every row of `batch` is settled: e.g. close the job and report to admins. */
  onBatchDone?: (batch: string) => void | Promise<void>;
  /**
   * A row was delivered by `delivery`; `result` is what the Bot API returned. Runs in the
   * write that records the outcome, so what it writes commits with it.
   */
  onDelivered?: (row: OutboxRow, result: unknown, delivery: Delivery) => void;
  /**
   * Telegram refused the token (401): the sender has stopped starting requests, and the
   * row stays owed; the owner stops too (`run`, `send`). Called for each refused request.
   */
  onHalt?: (error: TokenRejectedError) => void;
  /** Counts an outcome, e.g. for metrics. */
  onOutcome?: (row: OutboxRow, outcome: string) => void;
  /** How failed rows are retried; default `DEFAULT_RETRY` (2 s doubling to 5 min, for 2 days). */
  retry?: RetryPolicy;
  /** Requests in flight at once; default 32. */
  concurrency?: number;
  /** A claim older than this by another process is settled by this one; default 2 min. */
  leaseMs?: number;
  /** This process's name in claims; default a random id. */
  id?: string;
}

/** What `Sender.drain` waits for besides what is due now. */
export interface DrainOptions {
  /** The batch whose retries it waits for, e.g. `invitation/2026-11-25`. */
  batch?: string;
  /** The latest instant a retry of `batch` may fall due and still be waited for. */
  until?: Date;
}
