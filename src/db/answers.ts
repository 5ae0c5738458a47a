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
  /** `yes` or `no`; `null` for one who came or rated without an answer that counts. */
  answer: Answer | null;
  /** When it was given or last changed, an ISO instant; `null` without an answer. */
  answered_at: string | null;
  /** Whether joins were counted for the meeting (personal links went out). */
  tracked: boolean;
  /** When they joined, an ISO instant; `null` when they did not (or it is unknown). */
  joined_at: string | null;
  /** Their rating of the meeting, 1 to 5; `null` when none. */
  rating: number | null;
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

  /**
   * Every person and meeting with an answer that counts (counted.ts), a join or a
   * rating, oldest meeting first: the attendance export.
   */
  attendance(): AttendanceRow[] {
    return (this.#s.sql(
      `SELECT p.meeting_id, m.status AS meeting_status, m.starts_at AS meeting_starts_at,
         m.moved_to AS meeting_moved_to, m.topic AS meeting_topic, m.tracked,
         u.tg_id, u.first_name, u.last_name, u.username, a.answer, a.answered_at,
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
    })) as unknown as AttendanceRow[];
  }
}
