/**
 * The delivery log: one row per message of a broadcast to one user, claimed before its
 * request and closed with its outcome after.
 *
 * @module
 */
import type { Statements } from "./sqlite.ts";

/** The outcome of one delivery; `sending` is a claim whose outcome is not yet known. */
export type DeliveryStatus = "sending" | "sent" | "blocked" | "failed";

/** Which delivery: one job's message for one meeting to one user. */
export interface DeliveryKey {
  meetingId: string;
  job: string;
  userId: number;
}

/** Counts of a broadcast's deliveries by outcome. */
export interface DeliveryCounts {
  sent: number;
  blocked: number;
  failed: number;
  sending: number;
}

/** The `deliveries` table. */
export class Deliveries {
  #s: Statements;

  constructor(statements: Statements) {
    this.#s = statements;
  }

  /**
   * Claims the delivery of `job` for `meeting` to `userId`; true if this caller now owns
   * it. A delivery is claimed once: a claim whose sender died stays `sending` and is never
   * sent again (the message may have reached Telegram). Only a `failed` one is reclaimed.
   */
  claim({ meetingId, job, userId }: DeliveryKey, now: Date): boolean {
    const at = now.toISOString();
    const inserted = this.#s.sql(
      `INSERT INTO deliveries (meeting_id, job, user_id, status, attempts, updated_at)
       VALUES (?, ?, ?, 'sending', 0, ?) ON CONFLICT DO NOTHING`,
    ).run(meetingId, job, userId, at);
    if (inserted.changes > 0) return true;
    const retried = this.#s.sql(
      `UPDATE deliveries SET status = 'sending', error = NULL, updated_at = ?
       WHERE meeting_id = ? AND job = ? AND user_id = ? AND status = 'failed'`,
    ).run(at, meetingId, job, userId);
    return retried.changes > 0;
  }

  /** Records the outcome of a claimed delivery. */
  finish(
    key: DeliveryKey,
    outcome: {
      status: Exclude<DeliveryStatus, "sending">;
      messageId?: number;
      error?: string;
      attempts: number;
      now: Date;
    },
  ): void {
    this.#s.sql(
      `UPDATE deliveries SET status = ?, message_id = ?, error = ?, attempts = attempts + ?,
         updated_at = ? WHERE meeting_id = ? AND job = ? AND user_id = ?`,
    ).run(
      outcome.status,
      outcome.messageId ?? null,
      outcome.error ?? null,
      outcome.attempts,
      outcome.now.toISOString(),
      key.meetingId,
      key.job,
      key.userId,
    );
  }

  /** Ids of users who already have (or may have) this job's message. */
  deliveredUserIds(meetingId: string, job: string): Set<number> {
    const rows = this.#s.sql(
      `SELECT user_id FROM deliveries WHERE meeting_id = ? AND job = ? AND status != 'failed'`,
    ).all(meetingId, job) as { user_id: number }[];
    return new Set(rows.map((r) => Number(r.user_id)));
  }

  /** How this job's deliveries for the meeting ended so far. */
  counts(meetingId: string, job: string): DeliveryCounts {
    const counts: DeliveryCounts = {
      sent: 0,
      blocked: 0,
      failed: 0,
      sending: 0,
    };
    const rows = this.#s.sql(
      "SELECT status, count(*) AS n FROM deliveries WHERE meeting_id = ? AND job = ? GROUP BY status",
    ).all(meetingId, job) as { status: DeliveryStatus; n: number }[];
    for (const row of rows) counts[row.status] = Number(row.n);
    return counts;
  }
}
