/**
 * Answers: what each participant said about each meeting.
 *
 * @module
 */
import type { Answer } from "../core/answers.ts";
import type { Meeting } from "./meetings.ts";
import { type Statements, transaction } from "./sqlite.ts";
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
  /** `yes` or `no`. */
  answer: Answer;
  /** When it was given or last changed, an ISO instant. */
  answered_at: string;
}

/** Counts of a meeting's answers among those who get invitations. */
export interface AnswerCounts {
  /** Active users who said yes. */
  yes: number;
  /** Active users who said no. */
  no: number;
  /** Active users who get invitations and have not answered. */
  none: number;
}

/** The `answers` table. */
export class Answers {
  #s: Statements;

  /** Works through the store's statement cache, which every table shares. */
  constructor(statements: Statements) {
    this.#s = statements;
  }

  /** Records (or changes) a user's answer for a meeting; also kept as `last_response`. */
  record(
    { meetingId, userId, answer }: {
      meetingId: string;
      userId: number;
      answer: Answer;
    },
    now: Date,
  ): void {
    const at = now.toISOString();
    transaction(this.#s.db, () => {
      this.#s.sql(
        `INSERT INTO answers (meeting_id, user_id, answer, answered_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (meeting_id, user_id) DO UPDATE SET answer = excluded.answer,
           answered_at = excluded.answered_at`,
      ).run(meetingId, userId, answer, at);
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

  /** Active users who said yes for this meeting. */
  attendees(meetingId: string): User[] {
    return this.#s.sql(
      `SELECT users.* FROM users JOIN answers ON answers.user_id = users.id
       WHERE answers.meeting_id = ? AND answers.answer = 'yes' AND users.is_active = 1
       ORDER BY users.id`,
    ).all(meetingId).map(toUser);
  }

  /** Answers for a meeting from active users who get invitations, and who has not answered. */
  counts(meetingId: string): AnswerCounts {
    const row = this.#s.sql(
      `SELECT coalesce(sum(a.answer = 'yes'), 0) AS yes, coalesce(sum(a.answer = 'no'), 0) AS no,
         coalesce(sum(a.answer IS NULL), 0) AS none
       FROM users u LEFT JOIN answers a ON a.user_id = u.id AND a.meeting_id = ?
       WHERE u.is_active = 1 AND (u.is_registered = 1 OR a.answer IS NOT NULL)`,
    ).get(meetingId) as { yes: number; no: number; none: number };
    return { yes: Number(row.yes), no: Number(row.no), none: Number(row.none) };
  }

  /** Every answer ever given, oldest meeting first: the attendance export. */
  attendance(): AttendanceRow[] {
    return this.#s.sql(
      `SELECT a.meeting_id, m.status AS meeting_status, m.starts_at AS meeting_starts_at,
         m.moved_to AS meeting_moved_to, m.topic AS meeting_topic, u.tg_id, u.first_name, u.last_name,
         u.username, a.answer, a.answered_at
       FROM answers a JOIN users u ON u.id = a.user_id JOIN meetings m ON m.id = a.meeting_id
       ORDER BY a.meeting_id, a.answered_at`,
    ).all() as unknown as AttendanceRow[];
  }
}
