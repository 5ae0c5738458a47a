/**
 * Which participant a message in an admin's chat came from, so that an admin's reply to
 * it goes back to them; what each participant had passed on in the last hour, for the
 * limit; and which admin replies have settled without the admin being told how.
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

  /**
   * Remembers that `adminMessageId` in `adminChatId` came from user `userId`, and from
   * which of their messages (`userMessageId`, in their chat), if known.
   */
  add(
    { adminChatId, adminMessageId, userId, userMessageId }: {
      adminChatId: number;
      adminMessageId: number;
      userId: number;
      userMessageId?: number;
    },
    now: Date,
  ): void {
    this.#s.sql(
      `INSERT INTO relays (admin_chat_id, admin_message_id, user_id, user_message_id,
         created_at)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ).run(
      adminChatId,
      adminMessageId,
      userId,
      userMessageId ?? null,
      now.toISOString(),
    );
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
    where: { adminChatId: number; adminMessageId: number },
  ): number | undefined {
    return this.origin(where)?.userId;
  }

  /**
   * The user whose message `adminMessageId` in `adminChatId` is, and the id of that
   * message in their chat when it is known; `undefined` if it is not a relayed one.
   */
  origin(
    { adminChatId, adminMessageId }: {
      adminChatId: number;
      adminMessageId: number;
    },
  ): { userId: number; userMessageId: number | undefined } | undefined {
    const row = this.#s.sql(
      `SELECT user_id, user_message_id FROM relays
       WHERE admin_chat_id = ? AND admin_message_id = ?`,
    ).get(adminChatId, adminMessageId) as
      | { user_id: number; user_message_id: number | null }
      | undefined;
    if (row === undefined) return undefined;
    return {
      userId: Number(row.user_id),
      userMessageId: row.user_message_id === null
        ? undefined
        : Number(row.user_message_id),
    };
  }

  /**
   * What user `userId` had passed on since `since`, and whether they were told they are
   * over the limit after the last message that passed.
   */
  recentRelays(
    userId: number,
    since: Date,
  ): { passed: number; told: boolean } {
    const row = this.#s.sql(
      `SELECT coalesce(sum(passed), 0) AS passed,
         max(CASE WHEN passed = 1 THEN at END) AS last_passed,
         max(CASE WHEN passed = 0 THEN at END) AS last_told
       FROM relay_log WHERE user_id = ? AND at > ?`,
    ).get(userId, since.toISOString()) as {
      passed: number;
      last_passed: string | null;
      last_told: string | null;
    };
    return {
      passed: Number(row.passed),
      told: row.last_told !== null &&
        (row.last_passed === null || row.last_told >= row.last_passed),
    };
  }

  /**
   * Logs that a message of user `userId` was passed on (`passed`) or that they were told
   * they are over the limit; forgets their entries from before `since`.
   */
  logRelay(
    { userId, passed, since }: { userId: number; passed: boolean; since: Date },
    now: Date,
  ): void {
    this.#s.sql("DELETE FROM relay_log WHERE user_id = ? AND at <= ?")
      .run(userId, since.toISOString());
    this.#s.sql("INSERT INTO relay_log (user_id, at, passed) VALUES (?, ?, ?)")
      .run(userId, now.toISOString(), passed ? 1 : 0);
  }

  /**
   * Keys of admins' replies owed since `since` that have settled while no note about
   * their outcome was owed to the admin (a stop came between the two).
   */
  settledAnswersWithoutNote(since: Date): string[] {
    const rows = this.#s.sql(
      `SELECT a.key FROM outbox a
       WHERE a.created_at > ? AND a.kind = 'relay_answer' AND a.batch IS NOT NULL
         AND a.status NOT IN ('pending', 'sending')
         AND NOT EXISTS (SELECT 1 FROM outbox n
           WHERE n.key = 'relay_outcome/' || substr(a.key, length('relay_answer/') + 1))`,
    ).all(since.toISOString()) as { key: string }[];
    return rows.map((row) => row.key);
  }
}
