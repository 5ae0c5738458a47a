/**
 * Handled update ids: Telegram sends again the updates a killed process had not
 * confirmed, and this is what keeps their replies and answers from happening twice.
 *
 * @module
 */
import type { Statements } from "./sqlite.ts";

/** The `processed_updates` table. */
export class HandledUpdates {
  #s: Statements;

  constructor(statements: Statements) {
    this.#s = statements;
  }

  /** Records that an update was handled; false if it already was. */
  mark(updateId: number, now: Date): boolean {
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
