/**
 * Answers: what each participant said about each meeting.
 *
 * @module
 */
import type { Answer } from "../core/answers.ts";
import type { Meeting } from "./meetings.ts";
import { COUNTED_ANSWER } from "./counted.ts";
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

/** Counts of a meeting's answers that count (counted.ts), and of those who gave none. */
export interface AnswerCounts {
  /** Those who said yes. */
  yes: number;
  /** Those who said no. */
  no: number;
  /** Subscribers who get invitations and have not answered. */
  none: number;
}

/** A meeting's people by their answer; see {@linkcode Answers.roster}. */
export interface Roster {
  /** Those who said yes. */
  yes: User[];
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

  /**
   * Who is coming to a meeting, who is not, and who has not answered: the answers that
   * count (counted.ts), and the subscribers who get invitations and gave none. Each
   * group in the order people signed up.
   */
  roster(meetingId: string): Roster {
    const answered = this.#s.sql(
      `SELECT u.*, a.answer FROM answers a JOIN users u ON u.id = a.user_id
         JOIN meetings m ON m.id = a.meeting_id
       WHERE a.meeting_id = ? AND ${COUNTED_ANSWER} ORDER BY u.id`,
    ).all(meetingId);
    const none = this.#s.sql(
      `SELECT u.* FROM users u WHERE ${NO_ANSWER} ORDER BY u.id`,
    ).all(meetingId).map(toUser);
    const said = (answer: Answer) =>
      answered.filter((row) => row.answer === answer).map(toUser);
    return { yes: said("yes"), no: said("no"), none };
  }

  /** The numbers of {@linkcode Answers.roster}, without reading the names. */
  counts(meetingId: string): AnswerCounts {
    const row = this.#s.sql(
      `SELECT
         (SELECT count(*) FROM answers a JOIN users u ON u.id = a.user_id
            JOIN meetings m ON m.id = a.meeting_id
          WHERE a.meeting_id = ?1 AND a.answer = 'yes' AND ${COUNTED_ANSWER}) AS yes,
         (SELECT count(*) FROM answers a JOIN users u ON u.id = a.user_id
            JOIN meetings m ON m.id = a.meeting_id
          WHERE a.meeting_id = ?1 AND a.answer = 'no' AND ${COUNTED_ANSWER}) AS no,
         (SELECT count(*) FROM users u WHERE ${NO_ANSWER}) AS none`,
    ).get(meetingId) as { yes: number; no: number; none: number };
    return { yes: Number(row.yes), no: Number(row.no), none: Number(row.none) };
  }

  /** Every answer that counts (counted.ts), oldest meeting first: the attendance export. */
  attendance(): AttendanceRow[] {
    return this.#s.sql(
      `SELECT a.meeting_id, m.status AS meeting_status, m.starts_at AS meeting_starts_at,
         m.moved_to AS meeting_moved_to, m.topic AS meeting_topic, u.tg_id, u.first_name, u.last_name,
         u.username, a.answer, a.answered_at
       FROM answers a JOIN users u ON u.id = a.user_id JOIN meetings m ON m.id = a.meeting_id
       WHERE ${COUNTED_ANSWER}
       ORDER BY a.meeting_id, a.answered_at`,
    ).all() as unknown as AttendanceRow[];
  }
}
