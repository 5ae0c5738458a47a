/**
 * Answers: what each participant said about each meeting.
 *
 * @module
 */
import type { Answer } from "../core/answers.ts";
import type { Meeting } from "./meetings.ts";
import { COUNTED_ANSWER } from "./counted.ts";
import { type Statements, transaction } from "./sqlite.ts";
import type { SeatStatus } from "./seats.ts";
import { toUser, type User } from "./users.ts";

/** One answer in the attendance export. */
export interface AttendanceRow {
  /** The meeting's local date, `2026-11-25`. */
  meeting_id: string;
  /** `cancelled` if an admin cancelled it. */
  meeting_status: Meeting["status"];
  /** Its scheduled start, an ISO instant (UTC). */
  meeting_starts_at: string;
  /** Where an admin moved the meeting, if moved. */
  meeting_moved_to: string | null;
  /** The meeting's own topic, if set. */
  meeting_topic: string | null;
  /** The participant's Telegram id. */
  tg_id: number;
  /** From their Telegram profile; `null` when not known. */
  first_name: string | null;
  /** From their Telegram profile; `null` when they have none. */
  last_name: string | null;
  /** Their Telegram username, without `@`; `null` when they have none. */
  username: string | null;
  /** `yes` or `no`; `null` for one who came or rated without an answer that counts. */
  answer: Answer | null;
  /** When it was given or last changed, an ISO instant; `null` without an answer. */
  answered_at: string | null;
  /** Where a "yes" stands: a seat, the waitlist, or `null` (a "no", or a place given up). */
  seat: SeatStatus | null;
  /** The place on the waitlist (1 first), for one waiting. */
  waitlist_place: number | null;
  /** When a freed seat came to them from the waitlist, an ISO instant. */
  promoted_at: string | null;
  /** Whether joins were counted for the meeting (personal links went out). */
  tracked: boolean;
  /** When they joined, an ISO instant; `null` when they did not (or it is unknown). */
  joined_at: string | null;
  /** Their rating of the meeting, 1 to 5; `null` when none. */
  rating: number | null;
}

/** Counts of a meeting's answers that count (counted.ts), and of those who gave none. */
export interface AnswerCounts {
  /** Those who said yes and hold a seat. */
  yes: number;
  /** Those who said yes and wait on the waitlist. */
  waitlist: number;
  /** Those who said no. */
  no: number;
  /** Subscribers who get invitations and have not answered. */
  none: number;
}

/** A meeting's people by their answer; see {@linkcode Answers.roster}. */
export interface Roster {
  /** Those who said yes and hold a seat. */
  yes: User[];
  /** Those who said yes and wait on the waitlist, first first. */
  waitlist: User[];
  /** Those who said no. */
  no: User[];
  /** Subscribers who get invitations and have not answered. */
  none: User[];
}

/** Over `users u`: subscribers who get invitations and gave meeting `?1` no answer. */
const NO_ANSWER = `u.is_active = 1 AND u.is_registered = 1 AND NOT EXISTS
  (SELECT 1 FROM answers a WHERE a.meeting_id = ?1 AND a.user_id = u.id)`;

/** The `answers` table. */
export class Answers {
  #s: Statements;

  /** Works through the store's statement cache, which every table shares. */
  constructor(statements: Statements) {
    this.#s = statements;
  }

  /**
   * Records (or changes) a user's answer for a meeting; also kept as `last_response`.
   * `seat` says where a "yes" stands (default: a seat, as without a capacity); a seat or
   * a place takes the next number of the commit order (see seats.ts), a "no" none.
   */
  record(
    { meetingId, userId, answer, seat }: {
      meetingId: string;
      userId: number;
      answer: Answer;
      seat?: SeatStatus | null;
    },
    now: Date,
  ): void {
    const at = now.toISOString();
    const held = seat === undefined ? (answer === "yes" ? "seat" : null) : seat;
    transaction(this.#s.db, () => {
      this.#s.sql(
        `INSERT INTO answers (meeting_id, user_id, answer, answered_at, seat, queued)
         VALUES (?1, ?2, ?3, ?4, ?5, CASE WHEN ?5 IS NULL THEN NULL
           ELSE (SELECT coalesce(max(queued), 0) + 1 FROM answers) END)
         ON CONFLICT (meeting_id, user_id) DO UPDATE SET answer = excluded.answer,
           answered_at = excluded.answered_at, seat = excluded.seat,
           queued = excluded.queued, promoted_at = NULL`,
      ).run(meetingId, userId, answer, at, held);
      this.#s.sql(
        "UPDATE users SET last_response = ?, updated_at = ? WHERE id = ?",
      ).run(answer, at, userId);
    });
  }

  /** The user's answer for a meeting, if any. */
  get(meetingId: string, userId: number): Answer | undefined {
    const row = this.#s.sql(
      "SELECT answer FROM answers WHERE meeting_id = ? AND user_id = ?",
    ).get(meetingId, userId) as { answer: Answer } | undefined;
    return row?.answer;
  }

  /**
   * Who is coming to a meeting (holds a seat), who waits for one, who is not coming, and
   * who has not answered: the answers that count (counted.ts), and the subscribers who
   * get invitations and gave none. The waitlist in its order, each other group in the
   * order people signed up.
   */
  roster(meetingId: string): Roster {
    const answered = this.#s.sql(
      `SELECT u.*, a.answer, a.seat FROM answers a JOIN users u ON u.id = a.user_id
         JOIN meetings m ON m.id = a.meeting_id
       WHERE a.meeting_id = ? AND ${COUNTED_ANSWER} ORDER BY u.id`,
    ).all(meetingId);
    const waitlist = this.#s.sql(
      `SELECT u.* FROM answers a JOIN users u ON u.id = a.user_id
         JOIN meetings m ON m.id = a.meeting_id
       WHERE a.meeting_id = ? AND a.seat = 'waitlist' AND ${COUNTED_ANSWER}
       ORDER BY a.queued`,
    ).all(meetingId).map(toUser);
    const none = this.#s.sql(
      `SELECT u.* FROM users u WHERE ${NO_ANSWER} ORDER BY u.id`,
    ).all(meetingId).map(toUser);
    const yes = answered.filter((row) => row.seat === "seat").map(toUser);
    const no = answered.filter((row) => row.answer === "no").map(toUser);
    return { yes, waitlist, no, none };
  }

  /** The numbers of {@linkcode Answers.roster}, without reading the names. */
  counts(meetingId: string): AnswerCounts {
    const row = this.#s.sql(
      `SELECT
         (SELECT count(*) FROM answers a JOIN users u ON u.id = a.user_id
            JOIN meetings m ON m.id = a.meeting_id
          WHERE a.meeting_id = ?1 AND a.seat = 'seat' AND ${COUNTED_ANSWER}) AS yes,
         (SELECT count(*) FROM answers a JOIN users u ON u.id = a.user_id
            JOIN meetings m ON m.id = a.meeting_id
          WHERE a.meeting_id = ?1 AND a.seat = 'waitlist' AND ${COUNTED_ANSWER})
           AS waitlist,
         (SELECT count(*) FROM answers a JOIN users u ON u.id = a.user_id
            JOIN meetings m ON m.id = a.meeting_id
          WHERE a.meeting_id = ?1 AND a.answer = 'no' AND ${COUNTED_ANSWER}) AS no,
         (SELECT count(*) FROM users u WHERE ${NO_ANSWER}) AS none`,
    ).get(meetingId) as Record<keyof AnswerCounts, number>;
    return {
      yes: Number(row.yes),
      waitlist: Number(row.waitlist),
      no: Number(row.no),
      none: Number(row.none),
    };
  }

  /**
   * Every person and meeting with an answer that counts (counted.ts), a join or a
   * rating, oldest meeting first: the attendance export.
   */
  attendance(): AttendanceRow[] {
    return (this.#s.sql(
      `SELECT p.meeting_id, m.status AS meeting_status, m.starts_at AS meeting_starts_at,
         m.moved_to AS meeting_moved_to, m.topic AS meeting_topic, m.tracked,
         u.tg_id, u.first_name, u.last_name, u.username, a.answer, a.answered_at,
         a.seat, a.promoted_at, CASE WHEN a.seat = 'waitlist' THEN row_number() OVER
           (PARTITION BY p.meeting_id, a.seat ORDER BY a.queued) END AS waitlist_place,
         j.joined_at, f.rating
       FROM (SELECT meeting_id, user_id FROM answers
         UNION SELECT meeting_id, user_id FROM attendance
         UNION SELECT meeting_id, user_id FROM feedback) p
       JOIN users u ON u.id = p.user_id JOIN meetings m ON m.id = p.meeting_id
       LEFT JOIN answers a ON a.meeting_id = p.meeting_id AND a.user_id = p.user_id
         AND ${COUNTED_ANSWER}
       LEFT JOIN attendance j ON j.meeting_id = p.meeting_id AND j.user_id = p.user_id
       LEFT JOIN feedback f ON f.meeting_id = p.meeting_id AND f.user_id = p.user_id
       WHERE a.answer IS NOT NULL OR j.joined_at IS NOT NULL OR f.rating IS NOT NULL
       ORDER BY p.meeting_id, a.answered_at IS NULL, a.answered_at, u.id`,
    ).all() as Record<string, unknown>[]).map((row) => ({
      ...row,
      tracked: Number(row.tracked) === 1,
      rating: row.rating === null ? null : Number(row.rating),
      waitlist_place: row.waitlist_place === null
        ? null
        : Number(row.waitlist_place),
    })) as unknown as AttendanceRow[];
  }
}
