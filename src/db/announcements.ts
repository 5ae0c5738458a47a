/**
 * Admin announcements: drafted, confirmed, broadcast like the weekly jobs.
 *
 * @module
 */
import type { MessageEntity } from "grammy/types";
import type { Statements } from "./sqlite.ts";

/** An admin's announcement. */
export interface Announcement {
  id: number;
  text: string;
  /** Telegram's formatting of `text` (bold, links…), as the admin wrote it. */
  entities: MessageEntity[] | undefined;
  created_by: number;
  status: "draft" | "sending" | "sent" | "cancelled";
}

function toAnnouncement(row: Record<string, unknown>): Announcement {
  return {
    id: Number(row.id),
    text: String(row.text),
    entities: typeof row.entities === "string"
      ? JSON.parse(row.entities)
      : undefined,
    created_by: Number(row.created_by),
    status: row.status as Announcement["status"],
  };
}

/** The `announcements` table. */
export class Announcements {
  #s: Statements;

  constructor(statements: Statements) {
    this.#s = statements;
  }

  /** Saves an admin's announcement as a draft; returns its id. */
  create(
    { text, entities, createdBy }: {
      text: string;
      entities?: readonly MessageEntity[];
      createdBy: number;
    },
    now: Date,
  ): number {
    const at = now.toISOString();
    const result = this.#s.sql(
      `INSERT INTO announcements (text, entities, created_by, status, created_at,
         updated_at) VALUES (?, ?, ?, 'draft', ?, ?)`,
    ).run(
      text,
      entities === undefined || entities.length === 0
        ? null
        : JSON.stringify(entities),
      createdBy,
      at,
      at,
    );
    return Number(result.lastInsertRowid);
  }

  /** One announcement, if it exists. */
  get(id: number): Announcement | undefined {
    const row = this.#s.sql("SELECT * FROM announcements WHERE id = ?").get(id);
    return row === undefined ? undefined : toAnnouncement(row);
  }

  /** Moves an announcement from one status to the next; false if it was not in `from`. */
  move(
    id: number,
    change: {
      from: Announcement["status"];
      to: Announcement["status"];
      now: Date;
    },
  ): boolean {
    const result = this.#s.sql(
      "UPDATE announcements SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
    ).run(change.to, change.now.toISOString(), id, change.from);
    return result.changes > 0;
  }

  /** Announcements whose broadcast started but did not finish (the process stopped). */
  unfinished(): Announcement[] {
    return this.#s.sql(
      "SELECT * FROM announcements WHERE status = 'sending' ORDER BY id",
    ).all().map(toAnnouncement);
  }
}
