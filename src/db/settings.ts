/**
 * Each person's own settings (`/settings`): their time zone, the messages they turned
 * off, their pause, and what `/settings` asked them to type next. The zone and the pause
 * are columns of `users` (the audiences' SQL reads them there); the messages turned off
 * are rows of `muted_messages`.
 *
 * @module
 */
import type { Choice, Choices } from "../domain/choices.ts";
import type { Statements } from "./sqlite.ts";

/** What `/settings` asked a person to type: a time zone, or the last day of a pause. */
export type Prompt = "timezone" | "pause";

/** A question `/settings` asked, waiting for the person's next message. */
export interface AskedPrompt {
  /** What it asks for. */
  asks: Prompt;
  /** The settings message to show the outcome in, if known. */
  messageId: number | null;
  /** When it was asked: it is forgotten after a while. */
  askedAt: Date;
}

/** The settings of `users`, `muted_messages` and `settings_prompts`. */
export class Settings {
  #s: Statements;

  /** Works through the store's statement cache, which every table shares. */
  constructor(statements: Statements) {
    this.#s = statements;
  }

  /** The choices of the user `userId`: the messages off, the pause. */
  choices(userId: number): Choices {
    const muted = this.#s.sql(
      "SELECT message FROM muted_messages WHERE user_id = ?",
    ).all(userId) as { message: string }[];
    const row = this.#s.sql("SELECT paused_through FROM users WHERE id = ?")
      .get(userId) as { paused_through: string | null } | undefined;
    return {
      muted: new Set(muted.map((m) => m.message)),
      paused_through: row?.paused_through ?? null,
    };
  }

  /** Turns `message` off (`muted`) or on again for the user; true when it changed. */
  setMuted(
    { userId, message, muted }: {
      userId: number;
      message: Choice;
      muted: boolean;
    },
    now: Date,
  ): boolean {
    const result = muted
      ? this.#s.sql(
        `INSERT INTO muted_messages (user_id, message, muted_at) VALUES (?, ?, ?)
         ON CONFLICT DO NOTHING`,
      ).run(userId, message, now.toISOString())
      : this.#s.sql(
        "DELETE FROM muted_messages WHERE user_id = ? AND message = ?",
      ).run(userId, message);
    return result.changes > 0;
  }

  /** Sets the user's time zone (`null`: the meeting's); true when it changed. */
  setZone(
    { userId, timezone }: { userId: number; timezone: string | null },
    now: Date,
  ): boolean {
    return this.#s.sql(
      `UPDATE users SET timezone = ?, updated_at = ? WHERE id = ?
         AND timezone IS NOT ?`,
    ).run(timezone, now.toISOString(), userId, timezone).changes > 0;
  }

  /** Sets the last week the user's pause skips (`null`: no pause); true when it changed. */
  setPause(
    { userId, through }: { userId: number; through: string | null },
    now: Date,
  ): boolean {
    return this.#s.sql(
      `UPDATE users SET paused_through = ?, updated_at = ? WHERE id = ?
         AND paused_through IS NOT ?`,
    ).run(through, now.toISOString(), userId, through).changes > 0;
  }

  /**
   * Active users who asked for invitations and whose pause skips the week `weekId` (or
   * a later one): those `/stats` counts as paused.
   */
  pausedCount(weekId: string): number {
    const row = this.#s.sql(
      `SELECT count(*) AS n FROM users WHERE is_active = 1 AND is_registered = 1
         AND paused_through >= ?`,
    ).get(weekId) as { n: number };
    return Number(row.n);
  }

  /** The last weeks that pauses of active users skip, from `weekId` on (distinct). */
  pauseEnds(weekId: string): string[] {
    return (this.#s.sql(
      `SELECT DISTINCT paused_through AS id FROM users
       WHERE is_active = 1 AND paused_through >= ? ORDER BY paused_through`,
    ).all(weekId) as { id: string }[]).map((row) => row.id);
  }

  /** Remembers that `/settings` asked the user to type `asks`. */
  ask(
    { userId, asks, messageId }: {
      userId: number;
      asks: Prompt;
      messageId: number | undefined;
    },
    now: Date,
  ): void {
    this.#s.sql(
      `INSERT INTO settings_prompts (user_id, asks, message_id, asked_at)
       VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET asks = excluded.asks,
         message_id = excluded.message_id, asked_at = excluded.asked_at`,
    ).run(userId, asks, messageId ?? null, now.toISOString());
  }

  /** What `/settings` last asked the user to type, if anything. */
  asked(userId: number): AskedPrompt | undefined {
    const row = this.#s.sql(
      "SELECT asks, message_id, asked_at FROM settings_prompts WHERE user_id = ?",
    ).get(userId) as
      | { asks: Prompt; message_id: number | null; asked_at: string }
      | undefined;
    return row === undefined ? undefined : {
      asks: row.asks,
      messageId: row.message_id === null ? null : Number(row.message_id),
      askedAt: new Date(row.asked_at),
    };
  }

  /** Forgets what `/settings` asked the user to type. */
  forget(userId: number): void {
    this.#s.sql("DELETE FROM settings_prompts WHERE user_id = ?").run(userId);
  }
}
