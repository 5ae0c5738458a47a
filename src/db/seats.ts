/**
 * Seats: which "yes" holds a seat and which waits on the waitlist (columns of `answers`),
 * a week's own capacity and how many seats went to the waitlist (columns of `meetings`).
 * The rules that move people between them are in usecases/seats.ts.
 *
 * The waitlist's order is `answers.queued`: one sequence over all answers, the next
 * number taken inside the transaction that records the press. The group commit
 * (writer.ts) runs the writes one after the other on one connection, so the numbers
 * follow the order the presses were committed, whatever order Telegram delivered them in.
 *
 * @module
 */
import type { Answer } from "../core/answers.ts";
import { COUNTED_ANSWER } from "./counted.ts";
import type { Statements } from "./sqlite.ts";
import { toUser, type User } from "./users.ts";

/** Where a "yes" stands: a seat, or a place on the waitlist. */
export type SeatStatus = "seat" | "waitlist";

/** One participant's answer to one meeting, with where it stands. */
export interface Held {
  /** What they answered. */
  answer: Answer;
  /** `null` for a "no", or a "yes" whose place was given up (`/stop`). */
  seat: SeatStatus | null;
  /** The press's number in commit order; `null` without a seat or place. */
  queued: number | null;
}

/** A week's own capacity, set by an admin with `/capacity`. */
export interface OwnCapacity {
  /** False: the week has the config's `meeting.capacity`. */
  set: boolean;
  /** The week's seats; `null` with `set`: no limit this week. */
  capacity: number | null;
}

/** Over `answers a JOIN users u JOIN meetings m`: answers that count, of meeting `?1`. */
const COUNTED = `FROM answers a JOIN users u ON u.id = a.user_id
  JOIN meetings m ON m.id = a.meeting_id
  WHERE a.meeting_id = ?1 AND ${COUNTED_ANSWER}`;

/** Seats and the waitlist, over `answers` and `meetings`. */
export class Seats {
  #s: Statements;

  /** Works through the store's statement cache, which every table shares. */
  constructor(statements: Statements) {
    this.#s = statements;
  }

  /** The user's answer to the meeting and where it stands, if they answered. */
  held(meetingId: string, userId: number): Held | undefined {
    const row = this.#s.sql(
      `SELECT answer, seat, queued FROM answers WHERE meeting_id = ? AND user_id = ?`,
    ).get(meetingId, userId) as Held | undefined;
    return row === undefined ? undefined : {
      answer: row.answer,
      seat: row.seat,
      queued: row.queued === null ? null : Number(row.queued),
    };
  }

  /** How many hold a seat, and how many wait, among the answers that count. */
  counts(meetingId: string): { seated: number; waitlist: number } {
    const row = this.#s.sql(
      `SELECT coalesce(sum(a.seat = 'seat'), 0) AS seated,
         coalesce(sum(a.seat = 'waitlist'), 0) AS waitlist ${COUNTED}`,
    ).get(meetingId) as { seated: number; waitlist: number };
    return { seated: Number(row.seated), waitlist: Number(row.waitlist) };
  }

  /** The 1-based place on the waitlist of the press numbered `queued`. */
  place(meetingId: string, queued: number): number {
    const row = this.#s.sql(
      `SELECT count(*) AS n ${COUNTED} AND a.seat = 'waitlist' AND a.queued <= ?2`,
    ).get(meetingId, queued) as { n: number };
    return Number(row.n);
  }

  /** Those on the waitlist, first first; `limit` the first so many. */
  waitlist(meetingId: string, limit = -1): User[] {
    return this.#s.sql(
      `SELECT u.* ${COUNTED} AND a.seat = 'waitlist' ORDER BY a.queued LIMIT ?2`,
    ).all(meetingId, limit).map(toUser);
  }

  /** Gives the seat to one on the waitlist; false if they were not waiting. */
  promote(
    { meetingId, userId }: { meetingId: string; userId: number },
    now: Date,
  ): boolean {
    const promoted = this.#s.sql(
      `UPDATE answers SET seat = 'seat', promoted_at = ?
       WHERE meeting_id = ? AND user_id = ? AND seat = 'waitlist'`,
    ).run(now.toISOString(), meetingId, userId).changes > 0;
    if (promoted) {
      this.#s.sql(
        "UPDATE meetings SET promotions = promotions + 1 WHERE id = ?",
      ).run(meetingId);
    }
    return promoted;
  }

  /** Gives up the user's seat or place (the answer stays); what it was, if anything. */
  release(meetingId: string, userId: number): SeatStatus | null {
    const seat = this.held(meetingId, userId)?.seat ?? null;
    if (seat === null) return null;
    this.#s.sql(
      `UPDATE answers SET seat = NULL, promoted_at = NULL
       WHERE meeting_id = ? AND user_id = ?`,
    ).run(meetingId, userId);
    return seat;
  }

  /** The meetings (ids from `fromId` on) in which the user holds a seat or a place. */
  heldFrom(userId: number, fromId: string): string[] {
    return (this.#s.sql(
      `SELECT meeting_id FROM answers
       WHERE user_id = ? AND meeting_id >= ? AND seat IS NOT NULL ORDER BY meeting_id`,
    ).all(userId, fromId) as { meeting_id: string }[]).map((r) => r.meeting_id);
  }

  /** The meetings (ids from `fromId` on) the user said yes to and has no place in. */
  lapsedFrom(userId: number, fromId: string): string[] {
    return (this.#s.sql(
      `SELECT meeting_id FROM answers WHERE user_id = ? AND meeting_id >= ?
         AND answer = 'yes' AND seat IS NULL ORDER BY meeting_id`,
    ).all(userId, fromId) as { meeting_id: string }[]).map((r) => r.meeting_id);
  }

  /** The meetings (ids from `fromId` on) that have someone on the waitlist. */
  waitingFrom(fromId: string): string[] {
    return (this.#s.sql(
      `SELECT DISTINCT meeting_id FROM answers
       WHERE meeting_id >= ? AND seat = 'waitlist' ORDER BY meeting_id`,
    ).all(fromId) as { meeting_id: string }[]).map((r) => r.meeting_id);
  }

  /** The week's own capacity, if an admin set one (the meeting row must exist). */
  ownCapacity(meetingId: string): OwnCapacity {
    const row = this.#s.sql(
      "SELECT capacity, capacity_set FROM meetings WHERE id = ?",
    ).get(meetingId) as
      | { capacity: number | null; capacity_set: number }
      | undefined;
    return row === undefined || !row.capacity_set
      ? { set: false, capacity: null }
      : {
        set: true,
        capacity: row.capacity === null ? null : Number(row.capacity),
      };
  }

  /** Sets the week's own capacity (`null`: no limit this week); the meeting row exists. */
  setCapacity(meetingId: string, capacity: number | null): void {
    this.#s.sql(
      "UPDATE meetings SET capacity = ?, capacity_set = 1 WHERE id = ?",
    ).run(capacity, meetingId);
  }

  /** How many seats of the meeting went to someone from the waitlist. */
  promotions(meetingId: string): number {
    const row = this.#s.sql("SELECT promotions FROM meetings WHERE id = ?")
      .get(meetingId) as { promotions: number } | undefined;
    return Number(row?.promotions ?? 0);
  }
}
