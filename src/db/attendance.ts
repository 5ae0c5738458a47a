/**
 * What happened after the "yes": who joined a meeting (their first click on their
 * personal link within the meeting's window), whether joins were counted for it at all
 * (personal links went out: `meetings.tracked`), and each person's rating and comment.
 *
 * @module
 */
import type { Statements } from "./sqlite.ts";

/** One person's feedback on one meeting. */
export interface FeedbackRecord {
  /** 1 to 5. */
  rating: number;
  /** When it was last given or changed, an ISO instant. */
  rated_at: string;
  /** What they wrote when asked what should be different; `null` when nothing. */
  comment: string | null;
  /** When they wrote it; `null` when they did not. */
  commented_at: string | null;
}

/** The `attendance` and `feedback` tables, and `meetings.tracked`. */
export class Attendance {
  #s: Statements;

  /** Works through the store's statement cache, which every table shares. */
  constructor(statements: Statements) {
    this.#s = statements;
  }

  /** Notes that personal links went out for the meeting: its joins are counted. */
  track(meetingId: string): void {
    this.#s.sql("UPDATE meetings SET tracked = 1 WHERE id = ? AND tracked = 0")
      .run(meetingId);
  }

  /** Whether joins are counted for the meeting (else its attendance is unknown). */
  tracked(meetingId: string): boolean {
    const row = this.#s.sql("SELECT tracked FROM meetings WHERE id = ?")
      .get(meetingId) as { tracked: number } | undefined;
    return row !== undefined && Number(row.tracked) === 1;
  }

  /** Records that the user joined; false when they had joined already (kept as first). */
  join(
    { meetingId, userId }: { meetingId: string; userId: number },
    now: Date,
  ): boolean {
    return this.#s.sql(
      `INSERT INTO attendance (meeting_id, user_id, joined_at) VALUES (?, ?, ?)
       ON CONFLICT (meeting_id, user_id) DO NOTHING`,
    ).run(meetingId, userId, now.toISOString()).changes > 0;
  }

  /** When the user joined the meeting, if they did. */
  joinedAt(meetingId: string, userId: number): string | undefined {
    const row = this.#s.sql(
      "SELECT joined_at FROM attendance WHERE meeting_id = ? AND user_id = ?",
    ).get(meetingId, userId) as { joined_at: string } | undefined;
    return row?.joined_at;
  }

  /** The user's feedback on the meeting, if any. */
  feedback(meetingId: string, userId: number): FeedbackRecord | undefined {
    const row = this.#s.sql(
      `SELECT rating, rated_at, comment, commented_at FROM feedback
       WHERE meeting_id = ? AND user_id = ?`,
    ).get(meetingId, userId) as FeedbackRecord | undefined;
    return row === undefined
      ? undefined
      : { ...row, rating: Number(row.rating) };
  }

  /** Records or changes the user's rating; the rating it replaced, if any. */
  rate(
    { meetingId, userId, rating }: {
      meetingId: string;
      userId: number;
      rating: number;
    },
    now: Date,
  ): number | undefined {
    const previous = this.feedback(meetingId, userId)?.rating;
    this.#s.sql(
      `INSERT INTO feedback (meeting_id, user_id, rating, rated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (meeting_id, user_id) DO UPDATE SET rating = excluded.rating,
         rated_at = excluded.rated_at`,
    ).run(meetingId, userId, rating, now.toISOString());
    return previous;
  }

  /** Keeps the user's comment on a meeting they rated; false when one was kept already. */
  comment(
    { meetingId, userId, text }: {
      meetingId: string;
      userId: number;
      text: string;
    },
    now: Date,
  ): boolean {
    return this.#s.sql(
      `UPDATE feedback SET comment = ?, commented_at = ?
       WHERE meeting_id = ? AND user_id = ? AND comment IS NULL`,
    ).run(text, now.toISOString(), meetingId, userId).changes > 0;
  }

  /**
   * The meeting the user rated last without a comment yet, rated since `since`: where
   * their next message goes as a comment.
   */
  awaitingComment(userId: number, since: Date): string | undefined {
    const row = this.#s.sql(
      `SELECT meeting_id FROM feedback WHERE user_id = ? AND comment IS NULL
         AND rated_at >= ? ORDER BY rated_at DESC LIMIT 1`,
    ).get(userId, since.toISOString()) as { meeting_id: string } | undefined;
    return row?.meeting_id;
  }
}
