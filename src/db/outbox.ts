/**
 * The outbox: everything the bot owes a person, one row per message to one chat,
 * written in the same transaction as the state change that causes it and drained by
 * the sender.
 *
 * A row's `key` names what it is and for whom (`invitation/2026-12-02/u17`): it is
 * written once, so whatever enqueues it twice, it is delivered once. A row is claimed
 * (`sending`) just before its request and closed with its outcome just after; a claim
 * whose process died is `unknown` and never resent, unless its kind is resent after an
 * unknown outcome (an edit, a calendar file: `IF_UNKNOWN` in core/owed.ts decides). The
 * `idempotent` column of schema 3 is no longer read or written: the kind decides.
 *
 * @module
 */
import {
  addBroadcast,
  type Audience,
  type BroadcastItem,
  countAudience,
} from "./audiences.ts";
import type {
  BatchCounts,
  NewOutboxItem,
  OutboxRow,
  Outcome,
} from "./outbox_rows.ts";
import type { Statements } from "./sqlite.ts";
import {
  editIfChangedInFlight,
  renewWeekEdits,
  type WeekEditTarget,
} from "./week_edits.ts";
import {
  FINAL_STATUSES,
  type Lane,
  type OutboxStatus,
  RESENT_WHEN_UNKNOWN,
} from "../core/owed.ts";

export type { Audience } from "./audiences.ts";
export type { WeekEditTarget } from "./week_edits.ts";
export type {
  BatchCounts,
  NewOutboxItem,
  OutboxRow,
  Outcome,
} from "./outbox_rows.ts";

const COLUMNS =
  `id, key, batch, kind, ref, chat_id, user_id, payload, lane, status,
  attempts, not_before, message_id, created_at`;

/** `kind IN (…)` of the kinds resent after an unknown outcome, with its values. */
const RESENT = `kind IN (${RESENT_WHEN_UNKNOWN.map(() => "?").join(", ")})`;

/** The `outbox` table. */
export class Outbox {
  #s: Statements;

  /** Works through the store's statement cache, which every table shares. */
  constructor(statements: Statements) {
    this.#s = statements;
  }

  /** Adds a row unless its key exists; true if added. */
  add(item: NewOutboxItem, now: Date): boolean {
    const at = now.toISOString();
    const result = this.#s.sql(
      `INSERT INTO outbox (key, batch, kind, ref, chat_id, user_id, payload, lane,
         not_before, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
    ).run(
      item.key,
      item.batch ?? null,
      item.kind,
      item.ref ?? null,
      item.chatId,
      item.userId ?? null,
      item.payload === undefined ? null : JSON.stringify(item.payload),
      item.lane,
      item.notBefore?.toISOString() ?? at,
      at,
      at,
    );
    return result.changes > 0;
  }

  /**
   * Adds a row, or asks for it again if it exists (an edit whose content changed): a
   * finished row becomes pending, a row in flight is sent once more after it lands;
   * either is due at `item.notBefore` (default now), so that a row renewed again
   * before then goes out once.
   */
  renew(item: NewOutboxItem, now: Date): void {
    if (this.add(item, now)) return;
    const at = now.toISOString();
    this.#s.sql(
      `UPDATE outbox SET payload = ?, attempts = 0, error = NULL, updated_at = ?,
         redo = (status = 'sending'),
         not_before = ?,
         status = CASE WHEN status = 'sending' THEN 'sending' ELSE 'pending' END
       WHERE key = ?`,
    ).run(
      item.payload === undefined ? null : JSON.stringify(item.payload),
      at,
      item.notBefore?.toISOString() ?? at,
      item.key,
    );
  }

  /** Whether the row with this key is in flight (claimed, its request not settled). */
  inFlight(key: string): boolean {
    return this.#s.sql(
      "SELECT 1 FROM outbox WHERE key = ? AND status = 'sending'",
    ).get(key) !== undefined;
  }

  /**
   * Adds one row per recipient of `audience` to the batch `kind/ref` (or
   * `kind/ref/round`): see {@linkcode addBroadcast}. Returns how many rows were new.
   */
  addBroadcast(
    audience: Audience,
    item: BroadcastItem,
  ): number {
    return addBroadcast(this.#s, { audience, ...item });
  }

  /** How many people `audience` is now (`notIn`: not yet in that batch): see {@linkcode countAudience}. */
  countAudience(audience: Audience, options: { notIn?: string } = {}): number {
    return countAudience(this.#s, audience, options);
  }

  /**
   * Owes each message of a week that `target` names the edit that shows the week as it
   * is then: see {@linkcode renewWeekEdits}. Returns how many messages.
   */
  renewWeekEdits(
    target: WeekEditTarget,
    options: { lane: Lane; now: Date },
  ): number {
    return renewWeekEdits(this.#s, target, options);
  }

  /** Up to `limit` pending rows due at `now`, replies first, oldest first in a lane. */
  due({ now, limit }: { now: Date; limit: number }): OutboxRow[] {
    return this.#s.sql(
      `SELECT ${COLUMNS} FROM outbox WHERE status = 'pending' AND not_before <= ?
       ORDER BY lane, id LIMIT ?`,
    ).all(now.toISOString(), limit) as unknown as OutboxRow[];
  }

  /** When the earliest pending row (of `batch`, if given) falls due, if any is pending. */
  nextDue(batch?: string): Date | undefined {
    const row = (batch === undefined
      ? this.#s.sql(
        "SELECT min(not_before) AS at FROM outbox WHERE status = 'pending'",
      ).get()
      : this.#s.sql(
        `SELECT min(not_before) AS at FROM outbox
         WHERE status = 'pending' AND batch = ?`,
      ).get(batch)) as { at: string | null };
    return row.at === null ? undefined : new Date(row.at);
  }

  /** Claims a pending row for the process `by`; true if this caller now owns it. */
  claim(id: number, { by, now }: { by: string; now: Date }): boolean {
    return this.#s.sql(
      `UPDATE outbox SET status = 'sending', claimed_by = ?, attempts = attempts + 1,
         updated_at = ? WHERE id = ? AND status = 'pending'`,
    ).run(by, now.toISOString(), id).changes > 0;
  }

  /**
   * Records the final outcome of a claimed row (a renewed one is pending again); a
   * message whose week changed while it was in flight is owed its edit.
   */
  finish(id: number, outcome: Outcome & { now: Date }): void {
    editIfChangedInFlight(this.#s, { id, outcome });
    this.#s.sql(
      `UPDATE outbox SET
         status = CASE WHEN redo = 1 AND ? = 'sent' THEN 'pending' ELSE ? END,
         message_id = coalesce(?, message_id), error = ?, redo = 0, edit_after = 0,
         updated_at = ?
       WHERE id = ?`,
    ).run(
      outcome.status,
      outcome.status,
      outcome.messageId ?? null,
      outcome.error ?? null,
      outcome.now.toISOString(),
      id,
    );
  }

  /** Puts a claimed row back, to be tried again at `notBefore` (a 429, 5xx or outage). */
  retry(
    id: number,
    { notBefore, error, now }: { notBefore: Date; error: string; now: Date },
  ): void {
    this.#s.sql(
      `UPDATE outbox SET status = 'pending', not_before = ?, error = ?, redo = 0,
         updated_at = ? WHERE id = ?`,
    ).run(notBefore.toISOString(), error, now.toISOString(), id);
  }

  /**
   * Settles claims that no running sender will finish: those of another process older
   * than `before`, or, when `before` is omitted (at start, alone), every claim of
   * another process whatever its time (a clock may have gone back). A row of a kind
   * resent after an unknown outcome is sent again; any other becomes `unknown`.
   * Returns how many of each.
   */
  recover(
    { by, before, now }: { by: string; before?: Date; now: Date },
  ): { retried: number; unknown: number } {
    const at = now.toISOString();
    const older = before === undefined ? "9999" : before.toISOString();
    const retried = this.#s.sql(
      `UPDATE outbox SET status = 'pending', not_before = ?, updated_at = ?
       WHERE status = 'sending' AND ${RESENT} AND claimed_by != ?
         AND updated_at <= ?`,
    ).run(at, at, ...RESENT_WHEN_UNKNOWN, by, older).changes;
    const unknown = this.#s.sql(
      `UPDATE outbox SET status = 'unknown', updated_at = ?,
         error = 'the sender stopped before the answer came: not resent'
       WHERE status = 'sending' AND NOT ${RESENT} AND claimed_by != ?
         AND updated_at <= ?`,
    ).run(at, ...RESENT_WHEN_UNKNOWN, by, older).changes;
    return { retried: Number(retried), unknown: Number(unknown) };
  }

  /** The batch's rows by status. */
  batchCounts(batch: string): BatchCounts {
    const counts = Object.fromEntries(
      ["pending", "sending", ...FINAL_STATUSES].map((status) => [status, 0]),
    ) as BatchCounts;
    const rows = this.#s.sql(
      "SELECT status, count(*) AS n FROM outbox WHERE batch = ? GROUP BY status",
    ).all(batch) as { status: OutboxStatus; n: number }[];
    for (const row of rows) counts[row.status] = Number(row.n);
    return counts;
  }

  /** Whether the batch still has rows to deliver (pending or in flight). */
  batchOpen(batch: string): boolean {
    return this.#s.sql(
      `SELECT 1 FROM outbox WHERE batch = ? AND status IN ('pending', 'sending') LIMIT 1`,
    ).get(batch) !== undefined;
  }

  /** How many rows of `kind` about `ref` were ever written for the user. */
  countFor(
    { kind, ref, userId }: { kind: string; ref: string; userId: number },
  ): number {
    const row = this.#s.sql(
      `SELECT count(*) AS n FROM outbox WHERE ref = ? AND kind = ? AND user_id = ?`,
    ).get(ref, kind, userId) as { n: number };
    return Number(row.n);
  }

  /**
   * Deletes up to `limit` finished rows owed before `before` (pending and in-flight rows
   * stay whatever their age); returns how many went.
   */
  prune(before: Date, limit: number): number {
    return Number(
      this.#s.sql(
        `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox
           WHERE created_at < ? AND status NOT IN ('pending', 'sending') LIMIT ?)`,
      ).run(before.toISOString(), limit).changes,
    );
  }

  /**
   * What is owed and not yet settled (pending or in flight), for `/metrics`: how many
   * rows, and when the oldest was written. Through the partial indexes of each status.
   */
  backlog(): { rows: number; oldest: Date | undefined } {
    const row = this.#s.sql(
      `SELECT count(*) AS n, min(created_at) AS oldest FROM (
         SELECT created_at FROM outbox WHERE status = 'pending'
         UNION ALL SELECT created_at FROM outbox WHERE status = 'sending')`,
    ).get() as { n: number; oldest: string | null };
    return {
      rows: Number(row.n),
      oldest: row.oldest === null ? undefined : new Date(row.oldest),
    };
  }

  /** One row by key, for tests and reports. */
  byKey(key: string): OutboxRow | undefined {
    return this.#s.sql(`SELECT ${COLUMNS} FROM outbox WHERE key = ?`).get(
      key,
    ) as OutboxRow | undefined;
  }
}
