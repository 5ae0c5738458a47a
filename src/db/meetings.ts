/**
 * Meetings, one row a week once anything happened for it (an answer, a job, a change).
 *
 * @module
 */
import { COUNTED_ANSWER } from "./counted.ts";
import type { Statements } from "./sqlite.ts";

/** One week's meeting; its id is the local date it was scheduled for, `2026-11-25`. */
export interface Meeting {
  /** Its local date; it stays when the meeting is moved. */
  id: string;
  /** The scheduled start, an ISO instant (UTC); a move sets `moved_to` instead. */
  starts_at: string;
  /** `cancelled` while an admin has it cancelled. */
  status: "scheduled" | "cancelled";
  /** Where an admin moved it (ISO instant), if moved. */
  moved_to: string | null;
  /** This week's topic, if an admin set one. */
  topic: string | null;
  /** This week's link, if an admin replaced the config's. */
  link: string | null;
  /** Bumped by every change that calendars must learn: the .ics SEQUENCE. */
  sequence: number;
  /** When its messages lost their answer buttons, once it was over (ISO instant). */
  ended_at: string | null;
}

/** A change an admin makes to one week. */
export type MeetingChange =
  | { topic: string | null }
  | { link: string }
  | { movedTo: Date | null };

/** One past meeting with its answers, for `/stats`. */
export interface MeetingHistory {
  /** Its local date, `2026-11-25`. */
  id: string;
  /** The scheduled start, an ISO instant (UTC). */
  starts_at: string;
  /** `cancelled` if an admin cancelled it. */
  status: Meeting["status"];
  /** Those who said yes and held a seat, by the rule of counted.ts. */
  yes: number;
  /** Those who said no, by the rule of counted.ts. */
  no: number;
}

/** The `meetings` table. */
export class Meetings {
  #s: Statements;

  /** Works through the store's statement cache, which every table shares. */
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
    const row = this.#s.sql(
      `SELECT id, starts_at, status, moved_to, topic, link, sequence, ended_at
       FROM meetings WHERE id = ?`,
    ).get(id) as Meeting | undefined;
    return row === undefined
      ? undefined
      : { ...row, sequence: Number(row.sequence) };
  }

  /** Cancels or restores a meeting; false if it already had that status. */
  setStatus(
    { id, status }: { id: string; status: Meeting["status"] },
    now: Date,
  ): boolean {
    const result = this.#s.sql(
      `UPDATE meetings SET status = ?, sequence = sequence + 1, updated_at = ?
       WHERE id = ? AND status != ?`,
    ).run(status, now.toISOString(), id, status);
    return result.changes > 0;
  }

  /**
   * Applies an admin's change to one week. A new time or link bumps the sequence, so
   * that calendars take the updated file for the same entry; a topic does not.
   */
  change(id: string, change: MeetingChange, now: Date): void {
    const at = now.toISOString();
    if ("topic" in change) {
      this.#s.sql("UPDATE meetings SET topic = ?, updated_at = ? WHERE id = ?")
        .run(change.topic, at, id);
    } else if ("link" in change) {
      this.#s.sql(
        `UPDATE meetings SET link = ?, sequence = sequence + 1, updated_at = ?
         WHERE id = ?`,
      ).run(change.link, at, id);
    } else {
      this.#s.sql(
        `UPDATE meetings SET moved_to = ?, sequence = sequence + 1, updated_at = ?
         WHERE id = ?`,
      ).run(change.movedTo?.toISOString() ?? null, at, id);
    }
  }

  /**
   * Records that the meeting is over and its messages' buttons are owed their removal;
   * false if that was recorded already.
   */
  markEnded(id: string, now: Date): boolean {
    return this.#s.sql(
      "UPDATE meetings SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
    ).run(now.toISOString(), id).changes > 0;
  }

  /** The meetings from `fromId` to `toId` (local dates, both included), by id. */
  between(fromId: string, toId: string): Meeting[] {
    return (this.#s.sql(
      `SELECT id, starts_at, status, moved_to, topic, link, sequence, ended_at
       FROM meetings WHERE id BETWEEN ? AND ? ORDER BY id`,
    ).all(fromId, toId) as unknown as Meeting[]).map((row) => ({
      ...row,
      sequence: Number(row.sequence),
    }));
  }

  /** The last `limit` meetings before `beforeId`, newest first, with their answers. */
  history(beforeId: string, limit: number): MeetingHistory[] {
    return (this.#s.sql(
      `SELECT m.id, m.starts_at, m.status,
         (SELECT count(*) FROM answers a JOIN users u ON u.id = a.user_id
          WHERE a.meeting_id = m.id AND a.seat = 'seat' AND ${COUNTED_ANSWER}) AS yes,
         (SELECT count(*) FROM answers a JOIN users u ON u.id = a.user_id
          WHERE a.meeting_id = m.id AND a.answer = 'no' AND ${COUNTED_ANSWER}) AS no
       FROM meetings m WHERE m.id < ? ORDER BY m.id DESC LIMIT ?`,
    ).all(beforeId, limit) as unknown as MeetingHistory[]).map((row) => ({
      ...row,
      yes: Number(row.yes),
      no: Number(row.no),
    }));
  }

  /**
   * When the meeting last changed (created, moved, relinked, cancelled, restored or
   * given a topic), if it was ever created: the DTSTAMP of its calendar file.
   */
  changedAt(id: string): Date | undefined {
    const row = this.#s.sql("SELECT updated_at FROM meetings WHERE id = ?")
      .get(id) as { updated_at: string } | undefined;
    return row === undefined ? undefined : new Date(row.updated_at);
  }
}
