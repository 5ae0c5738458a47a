/**
 * The job log: whether each weekly job ran, for which meeting, with what counts.
 *
 * @module
 */
import type { BatchCounts } from "./outbox.ts";
import type { Statements } from "./sqlite.ts";

/** How a job ended for one meeting. */
export type JobRunStatus = "running" | "done" | "skipped";

/** One row of the job log. */
export interface JobRun {
  /** The meeting's local date, `2026-11-25`. */
  meeting_id: string;
  /** The job's name, e.g. `invitation`. */
  job: string;
  /** `running` until every message is settled, then `done`; `skipped` when too late. */
  status: JobRunStatus;
  /** When it last started, an ISO instant. */
  started_at: string;
  /** When it was done or skipped; `null` while running. */
  finished_at: string | null;
  /** Messages delivered, counted when done. */
  sent: number;
  /** Messages to chats that blocked the bot or are gone. */
  blocked: number;
  /** Messages Telegram refused, or that kept failing until retries gave up. */
  failed: number;
  /** Messages whose request got no answer: never sent again. */
  unknown: number;
  /** Why it was skipped; `null` otherwise. */
  note: string | null;
}

/** Which job run: one job for one meeting. */
export interface JobKey {
  /** The meeting's local date, `2026-11-25`. */
  meetingId: string;
  /** The job's name, e.g. `invitation`. */
  job: string;
}

/** What every finished run of one job did, from the log: every process's, all time. */
export interface JobTotals {
  /** The job's name, e.g. `invitation`. */
  job: string;
  /** Runs done. */
  runs: number;
  /** Messages delivered by them. */
  sent: number;
  /** Messages to chats that blocked the bot or are gone. */
  blocked: number;
  /** Messages refused, or given up on. */
  failed: number;
  /** Messages whose request got no answer. */
  unknown: number;
  /** Their durations, start to done, summed in seconds. */
  seconds: number;
  /** When the last one was done, an ISO instant. */
  lastFinishedAt: string;
}

/** The `job_runs` table. */
export class JobRuns {
  #s: Statements;

  /** Works through the store's statement cache, which every table shares. */
  constructor(statements: Statements) {
    this.#s = statements;
  }

  /** Jobs still running: started, with messages not all settled. */
  running(): JobRun[] {
    return this.#s.sql(
      "SELECT * FROM job_runs WHERE status = 'running' ORDER BY started_at",
    ).all() as unknown as JobRun[];
  }

  /** Per job, what its finished runs did (for `/metrics`), in job order. */
  totals(): JobTotals[] {
    return (this.#s.sql(
      `SELECT job, count(*) AS runs, sum(sent) AS sent, sum(blocked) AS blocked,
         sum(failed) AS failed, sum(unknown) AS unknown, max(finished_at) AS last,
         sum((julianday(finished_at) - julianday(started_at)) * 86400) AS seconds
       FROM job_runs WHERE status = 'done' GROUP BY job ORDER BY job`,
    ).all() as Record<string, string | number>[]).map((row) => ({
      job: String(row.job),
      runs: Number(row.runs),
      sent: Number(row.sent),
      blocked: Number(row.blocked),
      failed: Number(row.failed),
      unknown: Number(row.unknown),
      seconds: Math.max(0, Number(row.seconds)),
      lastFinishedAt: String(row.last),
    }));
  }

  /** The job's log row for the meeting, if it ever started. */
  get(meetingId: string, job: string): JobRun | undefined {
    return this.#s.sql(
      "SELECT * FROM job_runs WHERE meeting_id = ? AND job = ?",
    ).get(meetingId, job) as JobRun | undefined;
  }

  /** Marks the job as running (again, after a crash) for the meeting. */
  start({ meetingId, job }: JobKey, now: Date): void {
    this.#s.sql(
      `INSERT INTO job_runs (meeting_id, job, status, started_at) VALUES (?, ?, 'running', ?)
       ON CONFLICT (meeting_id, job) DO UPDATE SET status = 'running',
         started_at = excluded.started_at
       WHERE job_runs.status = 'running'`,
    ).run(meetingId, job, now.toISOString());
  }

  /** Marks the job done for the meeting, with the counts of its messages. */
  finish(
    { meetingId, job }: JobKey,
    { counts, now }: { counts: BatchCounts; now: Date },
  ): void {
    this.#s.sql(
      `UPDATE job_runs SET status = 'done', finished_at = ?, sent = ?, blocked = ?,
         failed = ?, unknown = ? WHERE meeting_id = ? AND job = ?`,
    ).run(
      now.toISOString(),
      counts.sent,
      counts.blocked,
      counts.failed,
      counts.unknown,
      meetingId,
      job,
    );
  }

  /** Records that the job will not run for the meeting (too late to be useful). */
  skip(
    { meetingId, job }: JobKey,
    { note, now }: { note: string; now: Date },
  ): void {
    const at = now.toISOString();
    this.#s.sql(
      `INSERT INTO job_runs (meeting_id, job, status, started_at, finished_at, note)
       VALUES (?, ?, 'skipped', ?, ?, ?) ON CONFLICT (meeting_id, job) DO NOTHING`,
    ).run(meetingId, job, at, at, note);
  }
}
