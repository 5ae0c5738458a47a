/**
 * Admin announcements: drafted, confirmed, broadcast like the weekly jobs.
 *
 * @module
 */
import type { Statements } from "./sqlite.ts";

/** An admin's announcement. */
export interface Announcement {
  id: number;
  text: string;
  created_by: number;
  status: "draft" | "sending" | "sent" | "cancelled";
}

/** The `announcements` table. */
export class Announcements {
  #s: Statements;

  constructor(statements: Statements) {
    this.#s = statements;
  }

  /** Saves an admin's announcement as a draft; returns its id. */
  create(
    { text, createdBy }: { text: string; createdBy: number },
    now: Date,
  ): number {
    const at = now.toISOString();
    const result = this.#s.sql(
      `INSERT INTO announcements (text, created_by, status, created_at, updated_at)
       VALUES (?, ?, 'draft', ?, ?)`,
    ).run(text, createdBy, at, at);
    return Number(result.lastInsertRowid);
  }

  /** One announcement, if it exists. */
  get(id: number): Announcement | undefined {
    return this.#s.sql(
      "SELECT id, text, created_by, status FROM announcements WHERE id = ?",
    ).get(id) as Announcement | undefined;
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
      "SELECT id, text, created_by, status FROM announcements WHERE status = 'sending' ORDER BY id",
    ).all() as unknown as Announcement[];
  }
}
