/**
 * Updates, once received and once handled. Polling confirms a batch to Telegram by
 * asking for the next one, which it does before the first is handled: so each update
 * is kept in the inbox until it is handled, and handled again after a crash. Handled
 * ids are kept a day, so that an update Telegram sends again is not handled twice.
 *
 * @module
 */
import type { Update } from "grammy/types";
import type { Statements } from "./sqlite.ts";

/** The `processed_updates` table. */
export class HandledUpdates {
  #s: Statements;

  /** Works through the store's statement cache, which every table shares. */
  constructor(statements: Statements) {
    this.#s = statements;
  }

  /**
   * Keeps received updates until they are handled. One Telegram sends again after it was
   * handled is kept too: handling skips it as a duplicate and takes it out again.
   */
  receive(updates: readonly Update[], now: Date): void {
    const at = now.toISOString();
    for (const update of updates) {
      this.#s.sql(
        "INSERT INTO inbox (update_id, payload, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
      ).run(update.update_id, JSON.stringify(update), at);
    }
  }

  /** Updates received and not handled: a process stopped before it got to them. */
  unhandled(): Update[] {
    return (this.#s.sql("SELECT payload FROM inbox ORDER BY update_id")
      .all() as { payload: string }[]).map((row) => JSON.parse(row.payload));
  }

  /** Records that an update was handled; false if it already was. */
  mark(updateId: number, now: Date): boolean {
    this.#s.sql("DELETE FROM inbox WHERE update_id = ?").run(updateId);
    const result = this.#s.sql(
      "INSERT INTO processed_updates (update_id, handled_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
    ).run(updateId, now.toISOString());
    return result.changes > 0;
  }

  /** Whether an update was already handled. */
  has(updateId: number): boolean {
    return this.#s.sql("SELECT 1 FROM processed_updates WHERE update_id = ?")
      .get(updateId) !== undefined;
  }

  /** Forgets handled updates older than `before` (Telegram re-sends only recent ones). */
  prune(before: Date): number {
    return Number(
      this.#s.sql("DELETE FROM processed_updates WHERE handled_at < ?")
        .run(before.toISOString()).changes,
    );
  }
}
