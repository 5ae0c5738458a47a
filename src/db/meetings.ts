/**
 * Meetings, one row a week once anything happened for it (an answer, a job, a change).
 *
 * @module
 */
import type { Statements } from "./sqlite.ts";

/** One week's meeting; its id is the local date, `2026-11-25`. */
export interface Meeting {
  id: string;
  starts_at: string;
  status: "scheduled" | "cancelled";
}

/** One past meeting with its answers, for `/stats`. */
export interface MeetingHistory {
  id: string;
  starts_at: string;
  status: Meeting["status"];
  yes: number;
  no: number;
}

/** The `meetings` table. */
export class Meetings {
  #s: Statements;

  constructor(statements: Statements) {
    this.#s = statements;
  }

  /** Returns the meeting, creating it with this start if it is new. */
  ensure(slot: { id: string; startsAt: Date }, now: Date): Meeting {
    const at = now.toISOString();
    this.#s.sql(
      `INSERT INTO meetings (id, starts_at, status, created_at, updated_at)
       VALUES (?, ?, 'scheduled', ?, ?) ON CONFLICT (id) DO NOTHING`,
    ).run(slot.id, slot.startsAt.toISOString(), at, at);
    return this.get(slot.id)!;
  }

  /** The meeting with this id, if it was ever created. */
  get(id: string): Meeting | undefined {
    return this.#s.sql(
      "SELECT id, starts_at, status FROM meetings WHERE id = ?",
    ).get(id) as Meeting | undefined;
  }

  /** Cancels or restores a meeting; false if it already had that status. */
  setStatus(
    { id, status }: { id: string; status: Meeting["status"] },
    now: Date,
  ): boolean {
    const result = this.#s.sql(
      "UPDATE meetings SET status = ?, updated_at = ? WHERE id = ? AND status != ?",
    ).run(status, now.toISOString(), id, status);
    return result.changes > 0;
  }

  /** The last `limit` meetings before `beforeId`, newest first, with their answers. */
  history(beforeId: string, limit: number): MeetingHistory[] {
    return (this.#s.sql(
      `SELECT m.id, m.starts_at, m.status,
         (SELECT count(*) FROM answers a WHERE a.meeting_id = m.id AND a.answer = 'yes') AS yes,
         (SELECT count(*) FROM answers a WHERE a.meeting_id = m.id AND a.answer = 'no') AS no
       FROM meetings m WHERE m.id < ? ORDER BY m.id DESC LIMIT ?`,
    ).all(beforeId, limit) as unknown as MeetingHistory[]).map((row) => ({
      ...row,
      yes: Number(row.yes),
      no: Number(row.no),
    }));
  }
}
