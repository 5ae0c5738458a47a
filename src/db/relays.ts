/**
 * Which participant a message in an admin's chat came from, so that an admin's reply to
 * it goes back to them.
 *
 * @module
 */
import type { Statements } from "./sqlite.ts";

/** The `relays` table. */
export class Relays {
  #s: Statements;

  /** Works through the store's statement cache, which every table shares. */
  constructor(statements: Statements) {
    this.#s = statements;
  }

  /** Remembers that `adminMessageId` in `adminChatId` came from user `userId`. */
  add(
    { adminChatId, adminMessageId, userId }: {
      adminChatId: number;
      adminMessageId: number;
      userId: number;
    },
    now: Date,
  ): void {
    this.#s.sql(
      `INSERT INTO relays (admin_chat_id, admin_message_id, user_id, created_at)
       VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ).run(adminChatId, adminMessageId, userId, now.toISOString());
  }

  /** Forgets relays made before `before`: a reply to so old a message reaches no one. */
  prune(before: Date): number {
    return Number(
      this.#s.sql("DELETE FROM relays WHERE created_at < ?")
        .run(before.toISOString()).changes,
    );
  }

  /** The user whose message `adminMessageId` in `adminChatId` is, if it is one. */
  userOf(
    { adminChatId, adminMessageId }: {
      adminChatId: number;
      adminMessageId: number;
    },
  ): number | undefined {
    const row = this.#s.sql(
      "SELECT user_id FROM relays WHERE admin_chat_id = ? AND admin_message_id = ?",
    ).get(adminChatId, adminMessageId) as { user_id: number } | undefined;
    return row === undefined ? undefined : Number(row.user_id);
  }
}
