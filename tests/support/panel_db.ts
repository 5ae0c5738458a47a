/**
 * The numbers the panel must show, counted straight from the database with SQL of their
 * own (answers by the one rule of db/counted.ts), so that a browser test compares the
 * pages with the data and not with the code that drew them.
 */
import { COUNTED_ANSWER } from "../../src/db/counted.ts";
import type { Database } from "../../src/db/sqlite.ts";
import { NEXT_MEETING } from "./half_year.ts";

/** One meeting as the database has it; `null` where the panel must show it unknown. */
export interface DbMeeting {
  id: string;
  status: string;
  /** How many its invitation went to, when it was sent. */
  invited: number | null;
  /** Counted yes; `null` for a cancelled meeting. */
  yes: number | null;
  /** Counted yes, whatever the meeting's status. */
  saidYes: number;
  /** Joins; `null` when cancelled or not counted. */
  joined: number | null;
  /** The average rating, if any. */
  average: number | null;
  /** Joined and said yes. */
  came: number;
  /** Comments kept. */
  comments: number;
}

const START = "coalesce(m.moved_to, m.starts_at)";
const YES = `(SELECT count(*) FROM answers a JOIN users u ON u.id = a.user_id
  WHERE a.meeting_id = m.id AND a.answer = 'yes' AND ${COUNTED_ANSWER})`;

/** The meetings begun by `now` (within `weeks` weeks, or only `id`), oldest first. */
export function dbMeetings(
  db: Database,
  { now, weeks, id }: { now: Date; weeks?: number; id?: string },
): DbMeeting[] {
  const since = weeks === undefined
    ? "0000"
    : new Date(now.getTime() - weeks * 7 * 86_400_000).toISOString();
  return db.prepare(
    `SELECT m.id, m.status, m.tracked, ${YES} AS yes,
       (SELECT sent + blocked + failed + unknown FROM job_runs r
         WHERE r.meeting_id = m.id AND r.job = 'invitation' AND r.status = 'done')
         AS invited,
       (SELECT count(*) FROM attendance j WHERE j.meeting_id = m.id) AS joined,
       (SELECT avg(rating) FROM feedback f WHERE f.meeting_id = m.id) AS average,
       (SELECT count(*) FROM feedback f WHERE f.meeting_id = m.id
         AND f.comment IS NOT NULL) AS comments,
       (SELECT count(*) FROM attendance j JOIN answers a ON a.meeting_id = j.meeting_id
         AND a.user_id = j.user_id AND a.answer = 'yes'
         JOIN users u ON u.id = a.user_id
         WHERE j.meeting_id = m.id AND ${COUNTED_ANSWER}) AS came
     FROM meetings m WHERE ${START} <= ?1 AND ${START} > ?2
       AND (?3 IS NULL OR m.id = ?3)
     ORDER BY ${START}`,
  ).all(now.toISOString(), since, id ?? null).map((row) => {
    const held = row.status !== "cancelled";
    return {
      id: String(row.id),
      status: String(row.status),
      invited: row.invited === null ? null : Number(row.invited),
      yes: held ? Number(row.yes) : null,
      saidYes: Number(row.yes),
      joined: held && Number(row.tracked) === 1 ? Number(row.joined) : null,
      average: row.average === null ? null : Number(row.average),
      came: Number(row.came),
      comments: Number(row.comments),
    };
  });
}

/** The coming meeting's groups: how many said yes, no, and gave no answer. */
export function dbNext(
  db: Database,
): { yes: number; no: number; none: number } {
  const answered = (answer: string) =>
    Number(
      db.prepare(
        `SELECT count(*) AS n FROM answers a JOIN users u ON u.id = a.user_id
         JOIN meetings m ON m.id = a.meeting_id
         WHERE a.meeting_id = ? AND a.answer = ? AND ${COUNTED_ANSWER}`,
      ).get(NEXT_MEETING, answer)!.n,
    );
  const none = Number(
    db.prepare(
      `SELECT count(*) AS n FROM users u WHERE is_active = 1 AND is_registered = 1
       AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.meeting_id = ?
         AND a.user_id = u.id)`,
    ).get(NEXT_MEETING)!.n,
  );
  return { yes: answered("yes"), no: answered("no"), none };
}

/**
 * Every job run's outcomes (sent, blocked, failed, unknown) by meeting, in the order
 * they ran; every broadcast's, newest first.
 */
export function dbRuns(
  db: Database,
): { jobs: Map<string, number[][]>; broadcasts: number[][] } {
  const jobs = new Map<string, number[][]>();
  for (
    const row of db.prepare(
      `SELECT meeting_id, sent, blocked, failed, unknown FROM job_runs
       ORDER BY meeting_id, started_at, job`,
    ).all()
  ) {
    const id = String(row.meeting_id);
    jobs.set(id, [
      ...jobs.get(id) ?? [],
      [row.sent, row.blocked, row.failed, row.unknown].map(Number),
    ]);
  }
  const broadcasts = db.prepare(
    `SELECT ${
      ["sent", "blocked", "failed", "unknown"].map((s) =>
        `(SELECT count(*) FROM outbox o WHERE o.batch = 'announcement/' || a.id
          AND o.status = '${s}') AS ${s}`
      ).join(", ")
    } FROM announcements a WHERE a.status IN ('sending', 'sent') ORDER BY a.id DESC`,
  ).all().map((row) =>
    [row.sent, row.blocked, row.failed, row.unknown].map(Number)
  );
  return { jobs, broadcasts };
}
