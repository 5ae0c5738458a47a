/**
 * Participants: who started the bot, who wants invitations, who is still reachable.
 *
 * @module
 */
import type { Answer } from "../core/answers.ts";
import type { Statements } from "./sqlite.ts";

/** A participant, as stored. */
export interface User {
  /** Our row id (`users.id`), not Telegram's. */
  id: number;
  /** The Telegram user id, which is also their private chat's id. */
  tg_id: number;
  /** From their Telegram profile; `null` when not known. */
  first_name: string | null;
  /** From their Telegram profile; `null` when they have none. */
  last_name: string | null;
  /** Their Telegram username, without `@`; `null` when they have none. */
  username: string | null;
  /** False after `/stop` or once Telegram says the chat is gone; `/start` sets it again. */
  is_active: boolean;
  /** Whether they asked for invitations. */
  is_registered: boolean;
  /** Their latest answer to any meeting; `null` before the first. */
  last_response: Answer | null;
  /** Their language's code ("ru", "en"); `null`: the config's own language. */
  language: string | null;
  /** The time zone they read times in (`/settings`); `null`: the meeting's. */
  timezone: string | null;
  /** The id of the last week their pause skips (`/settings`); `null`: no pause. */
  paused_through: string | null;
}

/** The Telegram profile fields we keep. */
export interface Profile {
  /** The Telegram user id. */
  tg_id: number;
  /** As Telegram sends it; left out, `null` is stored. */
  first_name?: string | null;
  /** As Telegram sends it; left out, `null` is stored. */
  last_name?: string | null;
  /** As Telegram sends it, without `@`; left out, `null` is stored. */
  username?: string | null;
  /**
   * The language they get when they have none yet (from Telegram's `language_code`);
   * one chosen before is kept.
   */
  language?: string | null;
}

/** A row as `node:sqlite` returns it: column name to value. */
export type Row = Record<string, unknown>;

/** A row of `users` as a {@linkcode User}. */
export function toUser(row: Row): User {
  return {
    id: Number(row.id),
    tg_id: Number(row.tg_id),
    first_name: (row.first_name as string | null) ?? null,
    last_name: (row.last_name as string | null) ?? null,
    username: (row.username as string | null) ?? null,
    is_active: Boolean(row.is_active),
    is_registered: Boolean(row.is_registered),
    last_response: (row.last_response as Answer | null) ?? null,
    language: (row.language as string | null) ?? null,
    timezone: (row.timezone as string | null) ?? null,
    paused_through: (row.paused_through as string | null) ?? null,
  };
}

/** "Анна Иванова (@anna)", or the Telegram id when the profile has no name. */
export function displayName(
  user: Pick<User, "first_name" | "last_name" | "username" | "tg_id">,
): string {
  const name = [user.first_name, user.last_name].filter(Boolean).join(" ") ||
    `id ${user.tg_id}`;
  return user.username ? `${name} (@${user.username})` : name;
}

/** The `users` table. */
export class Users {
  #s: Statements;

  /** Works through the store's statement cache, which every table shares. */
  constructor(statements: Statements) {
    this.#s = statements;
  }

  /** Creates the user or refreshes its profile, and marks it active (`/start`). */
  start(profile: Profile, now: Date): User {
    const at = now.toISOString();
    const row = this.#s.sql(
      `INSERT INTO users (tg_id, first_name, last_name, username, is_active, is_registered,
         language, created_at, updated_at)
       VALUES (?, ?, ?, ?, 1, 0, ?, ?, ?)
       ON CONFLICT (tg_id) DO UPDATE SET first_name = excluded.first_name,
         last_name = excluded.last_name, username = excluded.username, is_active = 1,
         language = coalesce(users.language, excluded.language),
         updated_at = excluded.updated_at
       RETURNING *`,
    ).get(
      profile.tg_id,
      profile.first_name ?? null,
      profile.last_name ?? null,
      profile.username ?? null,
      profile.language ?? null,
      at,
      at,
    );
    return toUser(row!);
  }

  /**
   * Sets the person's language (`/language`); someone the bot does not know yet is
   * added as one who opened it, without invitations, and whatever else they are stays.
   */
  setLanguage(profile: Profile & { language: string }, now: Date): User {
    const at = now.toISOString();
    const row = this.#s.sql(
      `INSERT INTO users (tg_id, first_name, last_name, username, is_active, is_registered,
         language, created_at, updated_at)
       VALUES (?, ?, ?, ?, 1, 0, ?, ?, ?)
       ON CONFLICT (tg_id) DO UPDATE SET language = excluded.language,
         updated_at = excluded.updated_at
       RETURNING *`,
    ).get(
      profile.tg_id,
      profile.first_name ?? null,
      profile.last_name ?? null,
      profile.username ?? null,
      profile.language,
      at,
      at,
    );
    return toUser(row!);
  }

  /** The user with this Telegram id, if known. */
  byTgId(tgId: number): User | undefined {
    const row = this.#s.sql("SELECT * FROM users WHERE tg_id = ?").get(tgId);
    return row === undefined ? undefined : toUser(row);
  }

  /** The user with this row id, if known. */
  byId(id: number): User | undefined {
    const row = this.#s.sql("SELECT * FROM users WHERE id = ?").get(id);
    return row === undefined ? undefined : toUser(row);
  }

  /** Sets whether the user wants invitations: the user as now stored, or undefined if unknown. */
  setRegistered(
    choice: { tgId: number; registered: boolean },
    now: Date,
  ): User | undefined {
    const row = this.#s.sql(
      `UPDATE users SET is_registered = ?, is_active = 1, updated_at = ? WHERE tg_id = ?
       RETURNING *`,
    ).get(choice.registered ? 1 : 0, now.toISOString(), choice.tgId);
    return row === undefined ? undefined : toUser(row);
  }

  /**
   * Marks the user inactive (`/stop`, or Telegram says the chat is gone) and keeps when
   * they left (a second `/stop` keeps the first): their answers count for the meetings
   * that began before (see counted.ts).
   */
  deactivate(tgId: number, now: Date): boolean {
    const at = now.toISOString();
    const result = this.#s.sql(
      `UPDATE users SET stopped_at = CASE WHEN is_active = 1 THEN ? ELSE stopped_at END,
         is_active = 0, updated_at = ? WHERE tg_id = ?`,
    ).run(at, at, tgId);
    return result.changes > 0;
  }

  /** Active users who asked for invitations. */
  invitationRecipients(): User[] {
    return this.#s.sql(
      "SELECT * FROM users WHERE is_active = 1 AND is_registered = 1 ORDER BY id",
    ).all().map(toUser);
  }

  /**
   * Subscriber counts: active users (who have not stopped the bot), those of them who get
   * invitations, and those who stopped it.
   */
  counts(): { active: number; registered: number; stopped: number } {
    const row = this.#s.sql(
      `SELECT coalesce(sum(is_active = 1), 0) AS active,
         coalesce(sum(is_active = 1 AND is_registered = 1), 0) AS registered,
         coalesce(sum(is_active = 0), 0) AS stopped
       FROM users`,
    ).get() as { active: number; registered: number; stopped: number };
    return {
      active: Number(row.active),
      registered: Number(row.registered),
      stopped: Number(row.stopped),
    };
  }
}
