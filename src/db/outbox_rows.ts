/**
 * The shapes of the outbox's rows: one to add, one as the sender reads it, the outcome
 * that settles it, and a batch's counts. The operations are in `outbox.ts`.
 *
 * @module
 */
import type { Lane, OutboxStatus } from "../core/owed.ts";

/** A row to add. */
export interface NewOutboxItem {
  /** What the row is and for whom; a second add with the same key does nothing. */
  key: string;
  /** One of `OWED`: picks the renderer. */
  kind: string;
  /** The Telegram chat it goes to. */
  chatId: number;
  /** Replies go first and unpaced, then notices, then broadcasts. */
  lane: Lane;
  /** The broadcast it belongs to, e.g. `invitation/2026-12-02`. */
  batch?: string;
  /** What it is about: a meeting id or an announcement id. */
  ref?: string;
  /** The participant (`users.id`) it is for, if it is for one. */
  userId?: number;
  /** Anything the renderer needs that it cannot read from the database. */
  payload?: unknown;
  /** Not sent before this instant; default when it is added (or renewed). */
  notBefore?: Date;
}

/** One row as the sender sees it. */
export interface OutboxRow {
  /** Row id: within a lane, rows go out in this order. */
  id: number;
  /** What it is and for whom, e.g. `invitation/2026-12-02/u17`; unique. */
  key: string;
  /** Its broadcast, e.g. `invitation/2026-12-02`; `null` for a single message. */
  batch: string | null;
  /** One of `OWED`: picks the renderer. */
  kind: string;
  /** What it is about: a meeting id or an announcement id, if anything. */
  ref: string | null;
  /** The Telegram chat it goes to. */
  chat_id: number;
  /** The participant (`users.id`) it is for, if it is for one. */
  user_id: number | null;
  /** JSON for the renderer, if any. */
  payload: string | null;
  /** Replies (0) go first, then notices (1), then broadcasts (2). */
  lane: Lane;
  /** `pending`, `sending` (claimed), or a final status. */
  status: OutboxStatus;
  /** How many times it was claimed for a request. */
  attempts: number;
  /** Not sent before this ISO instant (the wait of a retry). */
  not_before: string;
  /** The message Telegram created or edited, once known. */
  message_id: number | null;
  /** When it was owed, an ISO instant; retries give up counting from it. */
  created_at: string;
}

/** Counts of a batch's rows by status. */
export type BatchCounts = Record<OutboxStatus, number>;

/** A final outcome of a claimed row. */
export interface Outcome {
  /** `sent`, `blocked`, `failed`, `unknown` or `dropped`. */
  status: Exclude<OutboxStatus, "pending" | "sending">;
  /** The message Telegram created, when sent. */
  messageId?: number;
  /** Why it was not sent, kept on the row. */
  error?: string;
}
