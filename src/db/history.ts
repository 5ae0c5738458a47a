/**
 * The meetings' history as numbers: per meeting, who said yes, who joined, who joined
 * without saying yes, who said yes and did not come, the ratings and the comments; per
 * person, how many of the last held meetings they came to. Answers count by the one rule
 * of counted.ts; a "yes" is one that held a seat (every "yes" of a meeting without a
 * limit; one left on the waitlist did not get in: db/seats.ts). A meeting whose joins
 * were not counted (`tracked` 0) has its attendance unknown, which every reader shows as
 * such, never as 0.
 *
 * @module
 */
import { COUNTED_ANSWER } from "./counted.ts";
import type { Meeting } from "./meetings.ts";
import type { Statements } from "./sqlite.ts";
import { toUser, type User } from "./users.ts";

/** One meeting's numbers. */
export interface MeetingSummary {
  /** Its local date, `2026-11-25`. */
  id: string;
  /** The scheduled start, an ISO instant. */
  starts_at: string;
  /** Where an admin moved it, if moved. */
  moved_to: string | null;
  /** `cancelled` if an admin cancelled it. */
  status: Meeting["status"];
  /** Its own topic, if one was set. */
  topic: string | null;
  /** Whether joins were counted; false: `joined` and what follows from it are unknown. */
  tracked: boolean;
  /** Those whose answer that counts is yes. */
  yes: number;
  /** Those who said no. */
  no: number;
  /** Those who clicked their link within the meeting's window. */
  joined: number;
  /** Of those who joined, the ones whose answer was not yes. */
  joined_without_yes: number;
  /** Of those who said yes, the ones who did not join. */
  no_show: number;
  /** Ratings given. */
  ratings: number;
  /** Their average, or `null` when none was given. */
  average: number | null;
}

/** A comment on a meeting, with who wrote it and their rating. */
export interface MeetingComment {
  /** The meeting's local date. */
  meeting_id: string;
  /** Who wrote it. */
  user: User;
  /** Their rating, 1 to 5. */
  rating: number;
  /** The comment as they wrote it. */
  comment: string;
  /** When they wrote it, an ISO instant. */
  commented_at: string;
}

/** Who is in each group of one meeting. */
export interface MeetingPeople {
  /** Said yes and joined. */
  came: User[];
  /** Joined without saying yes. */
  unannounced: User[];
  /** Said yes and did not join. */
  absent: User[];
}

/** Answers of meeting `m.id` that count, over `answers a JOIN users u`. */
const COUNTED = `a.meeting_id = m.id AND ${COUNTED_ANSWER}`;
/** Over `answers a`: a "yes" that held a seat (a place on the waitlist is not one). */
const YES = "a.seat = 'seat'";
/** Whether the user `?.user_id` of table `x` said yes for `m.id`, by the rule. */
const SAID_YES = (x: string) =>
  `EXISTS (SELECT 1 FROM answers a JOIN users u ON u.id = a.user_id
     WHERE ${COUNTED} AND a.user_id = ${x}.user_id AND ${YES})`;
/** Whether the user of table `x` joined `m.id`. */
const JOINED = (x: string) =>
  `EXISTS (SELECT 1 FROM attendance j WHERE j.meeting_id = m.id AND j.user_id = ${x}.user_id)`;

const SUMMARY =
  `SELECT m.id, m.starts_at, m.moved_to, m.status, m.topic, m.tracked,
  (SELECT count(*) FROM answers a JOIN users u ON u.id = a.user_id
    WHERE ${COUNTED} AND ${YES}) AS yes,
  (SELECT count(*) FROM answers a JOIN users u ON u.id = a.user_id
    WHERE ${COUNTED} AND a.answer = 'no') AS no,
  (SELECT count(*) FROM attendance j WHERE j.meeting_id = m.id) AS joined,
  (SELECT count(*) FROM attendance j WHERE j.meeting_id = m.id AND NOT ${
    SAID_YES("j")
  }) AS joined_without_yes,
  (SELECT count(*) FROM answers a JOIN users u ON u.id = a.user_id
    WHERE ${COUNTED} AND ${YES} AND NOT ${JOINED("a")}) AS no_show,
  (SELECT count(*) FROM feedback f WHERE f.meeting_id = m.id) AS ratings,
  (SELECT avg(rating) FROM feedback f WHERE f.meeting_id = m.id) AS average
  FROM meetings m`;

/** The start of meeting `m` where it really is. */
const START = "coalesce(m.moved_to, m.starts_at)";

function toSummary(row: Record<string, unknown>): MeetingSummary {
  return {
    id: String(row.id),
    starts_at: String(row.starts_at),
    moved_to: (row.moved_to as string | null) ?? null,
    status: row.status as Meeting["status"],
    topic: (row.topic as string | null) ?? null,
    tracked: Number(row.tracked) === 1,
    yes: Number(row.yes),
    no: Number(row.no),
    joined: Number(row.joined),
    joined_without_yes: Number(row.joined_without_yes),
    no_show: Number(row.no_show),
    ratings: Number(row.ratings),
    average: row.average === null ? null : Number(row.average),
  };
}

/** Reads of the history. */
export class History {
  #s: Statements;

  /** Works through the store's statement cache, which every table shares. */
  constructor(statements: Statements) {
    this.#s = statements;
  }

  /** One meeting's numbers, if the meeting was ever created. */
  summary(meetingId: string): MeetingSummary | undefined {
    const row = this.#s.sql(`${SUMMARY} WHERE m.id = ?`).get(meetingId);
    return row === undefined ? undefined : toSummary(row);
  }

  /** The meetings that began by `now`, cancelled ones too, newest first (at most `limit`). */
  past(now: Date, limit: number): MeetingSummary[] {
    return this.#s.sql(
      `${SUMMARY} WHERE ${START} <= ? ORDER BY ${START} DESC LIMIT ?`,
    ).all(now.toISOString(), limit).map(toSummary);
  }

  /** Who came, who came without saying yes, who said yes and did not come. */
  people(meetingId: string): MeetingPeople {
    const users = (where: string) =>
      this.#s.sql(
        `SELECT u.* FROM users u JOIN meetings m ON m.id = ?1 WHERE ${where}
         ORDER BY u.id`,
      ).all(meetingId).map(toUser);
    const joined =
      "EXISTS (SELECT 1 FROM attendance j WHERE j.meeting_id = m.id AND j.user_id = u.id)";
    const yes = `EXISTS (SELECT 1 FROM answers a WHERE a.meeting_id = m.id
      AND a.user_id = u.id AND ${YES}) AND ${COUNTED_ANSWER}`;
    return {
      came: users(`${joined} AND ${yes}`),
      unannounced: users(`${joined} AND NOT (${yes})`),
      absent: users(`NOT ${joined} AND ${yes}`),
    };
  }

  /** The comments on one meeting (or on every meeting), oldest first. */
  comments(meetingId?: string): MeetingComment[] {
    return this.#s.sql(
      `SELECT f.meeting_id, f.rating, f.comment, f.commented_at, u.* FROM feedback f
       JOIN users u ON u.id = f.user_id
       WHERE f.comment IS NOT NULL AND (?1 IS NULL OR f.meeting_id = ?1)
       ORDER BY f.meeting_id, f.commented_at`,
    ).all(meetingId ?? null).map((row) => ({
      meeting_id: String(row.meeting_id),
      user: toUser(row),
      rating: Number(row.rating),
      comment: String(row.comment),
      commented_at: String(row.commented_at),
    }));
  }

  /**
   * Of the last `limit` meetings held by `now` (begun, not cancelled), how many each user
   * came to: joined where joins were counted, said yes where they were not. Also how
   * many meetings that is (fewer than `limit` early on).
   */
  cameTo(
    now: Date,
    limit: number,
  ): { meetings: number; byUser: Map<number, number> } {
    const held = `SELECT m.id, m.tracked FROM meetings m
      WHERE m.status = 'scheduled' AND ${START} <= ?1 ORDER BY ${START} DESC LIMIT ?2`;
    const count = this.#s.sql(`SELECT count(*) AS n FROM (${held})`).get(
      now.toISOString(),
      limit,
    ) as { n: number };
    const rows = this.#s.sql(
      `SELECT u.id AS user_id, count(*) AS n FROM (${held}) h
       JOIN meetings m ON m.id = h.id JOIN users u
       WHERE (h.tracked = 1 AND EXISTS (SELECT 1 FROM attendance j
           WHERE j.meeting_id = h.id AND j.user_id = u.id))
         OR (h.tracked = 0 AND EXISTS (SELECT 1 FROM answers a WHERE a.meeting_id = h.id
           AND a.user_id = u.id AND ${YES}) AND ${COUNTED_ANSWER})
       GROUP BY u.id`,
    ).all(now.toISOString(), limit) as { user_id: number; n: number }[];
    return {
      meetings: Number(count.n),
      byUser: new Map(rows.map((row) => [Number(row.user_id), Number(row.n)])),
    };
  }
}
