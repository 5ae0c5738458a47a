/**
 * The repository: every SQL statement of the bot, behind small typed methods.
 *
 * Timestamps come from the caller (the injected clock) as ISO strings, never from
 * SQLite's own clock, so that tests control time end to end.
 */
import type { StatementSync } from "node:sqlite";
import { type Database, transaction } from "./database.ts";

/** A participant, as stored. */
export interface User {
  id: number;
  tg_id: number;
  first_name: string | null;
  last_name: string | null;
  username: string | null;
  is_active: boolean;
  is_registered: boolean;
  last_response: Answer | null;
}

/** What a participant said about one meeting. */
export type Answer = "yes" | "no";

/** The Telegram profile fields we keep. */
export interface Profile {
  tg_id: number;
  first_name?: string | null;
  last_name?: string | null;
  username?: string | null;
}

/** One week's meeting; its id is the local date, `2026-11-25`. */
export interface Meeting {
  id: string;
  starts_at: string;
  status: "scheduled" | "cancelled";
}

/** The outcome of one delivery; `sending` is a claim whose outcome is not yet known. */
export type DeliveryStatus = "sending" | "sent" | "blocked" | "failed";

/** How a job ended for one meeting. */
export type JobRunStatus = "running" | "done" | "skipped";

/** One row of the job log. */
export interface JobRun {
  meeting_id: string;
  job: string;
  status: JobRunStatus;
  started_at: string;
  finished_at: string | null;
  sent: number;
  blocked: number;
  failed: number;
  note: string | null;
}

/** Which delivery: one job's message for one meeting to one user. */
export interface DeliveryKey {
  meetingId: string;
  job: string;
  userId: number;
}

/** Which job run: one job for one meeting. */
export interface JobKey {
  meetingId: string;
  job: string;
}

/** Counts of a broadcast's deliveries by outcome. */
export interface DeliveryCounts {
  sent: number;
  blocked: number;
  failed: number;
  sending: number;
}

type Row = Record<string, unknown>;

function toUser(row: Row | undefined): User | undefined {
  if (row === undefined) return undefined;
  return {
    id: Number(row.id),
    tg_id: Number(row.tg_id),
    first_name: (row.first_name as string | null) ?? null,
    last_name: (row.last_name as string | null) ?? null,
    username: (row.username as string | null) ?? null,
    is_active: Boolean(row.is_active),
    is_registered: Boolean(row.is_registered),
    last_response: (row.last_response as Answer | null) ?? null,
  };
}

/** Typed access to the bot's tables. */
export class Store {
  readonly db: Database;

  #statements = new Map<string, StatementSync>();

  constructor(db: Database) {
    this.db = db;
  }

  /**
   * The statement of `sql`, prepared once per store. A statement prepared per call lives
   * until V8 collects it, and finalizing thousands at once stalls the event loop.
   */
  #sql(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  // --- users

  /** Creates the user or refreshes its profile, and marks it active (`/start`). */
  startUser(profile: Profile, now: Date): User {
    const at = now.toISOString();
    this.#sql(
      `INSERT INTO users (tg_id, first_name, last_name, username, is_active, is_registered,
         created_at, updated_at)
       VALUES (?, ?, ?, ?, 1, 0, ?, ?)
       ON CONFLICT (tg_id) DO UPDATE SET first_name = excluded.first_name,
         last_name = excluded.last_name, username = excluded.username, is_active = 1,
         updated_at = excluded.updated_at`,
    ).run(
      profile.tg_id,
      profile.first_name ?? null,
      profile.last_name ?? null,
      profile.username ?? null,
      at,
      at,
    );
    return this.user(profile.tg_id)!;
  }

  /** The user with this Telegram id, if known. */
  user(tgId: number): User | undefined {
    return toUser(
      this.#sql("SELECT * FROM users WHERE tg_id = ?").get(tgId),
    );
  }

  /** Sets whether the user wants invitations; returns false for an unknown user. */
  setRegistered(
    choice: { tgId: number; registered: boolean },
    now: Date,
  ): boolean {
    const result = this.#sql(
      "UPDATE users SET is_registered = ?, is_active = 1, updated_at = ? WHERE tg_id = ?",
    ).run(choice.registered ? 1 : 0, now.toISOString(), choice.tgId);
    return result.changes > 0;
  }

  /** Marks the user inactive (`/stop`, or Telegram says the chat is gone). */
  deactivate(tgId: number, now: Date): boolean {
    const result = this.#sql(
      "UPDATE users SET is_active = 0, updated_at = ? WHERE tg_id = ?",
    ).run(now.toISOString(), tgId);
    return result.changes > 0;
  }

  /** Active users who asked for invitations. */
  invitationRecipients(): User[] {
    return this.#sql(
      "SELECT * FROM users WHERE is_active = 1 AND is_registered = 1 ORDER BY id",
    ).all().map((row) => toUser(row)!);
  }

  /** Active users who said yes for this meeting. */
  attendees(meetingId: string): User[] {
    return this.#sql(
      `SELECT users.* FROM users JOIN answers ON answers.user_id = users.id
       WHERE answers.meeting_id = ? AND answers.answer = 'yes' AND users.is_active = 1
       ORDER BY users.id`,
    ).all(meetingId).map((row) => toUser(row)!);
  }

  // --- meetings and answers

  /** Returns the meeting, creating it with this start if it is new. */
  ensureMeeting(slot: { id: string; startsAt: Date }, now: Date): Meeting {
    const at = now.toISOString();
    this.#sql(
      `INSERT INTO meetings (id, starts_at, status, created_at, updated_at)
       VALUES (?, ?, 'scheduled', ?, ?) ON CONFLICT (id) DO NOTHING`,
    ).run(slot.id, slot.startsAt.toISOString(), at, at);
    return this.meeting(slot.id)!;
  }

  /** The meeting with this id, if it was ever created. */
  meeting(id: string): Meeting | undefined {
    return this.#sql(
      "SELECT id, starts_at, status FROM meetings WHERE id = ?",
    ).get(id) as
      | Meeting
      | undefined;
  }

  /** Records (or changes) a user's answer for a meeting; also kept as `last_response`. */
  recordAnswer(
    { meetingId, userId, answer }: {
      meetingId: string;
      userId: number;
      answer: Answer;
    },
    now: Date,
  ): void {
    const at = now.toISOString();
    transaction(this.db, () => {
      this.#sql(
        `INSERT INTO answers (meeting_id, user_id, answer, answered_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (meeting_id, user_id) DO UPDATE SET answer = excluded.answer,
           answered_at = excluded.answered_at`,
      ).run(meetingId, userId, answer, at);
      this.#sql(
        "UPDATE users SET last_response = ?, updated_at = ? WHERE id = ?",
      )
        .run(answer, at, userId);
    });
  }

  /** The user's answer for a meeting, if any. */
  answer(meetingId: string, userId: number): Answer | undefined {
    const row = this.#sql(
      "SELECT answer FROM answers WHERE meeting_id = ? AND user_id = ?",
    ).get(meetingId, userId) as { answer: Answer } | undefined;
    return row?.answer;
  }

  // --- deliveries

  /**
   * Claims the delivery of `job` for `meeting` to `userId`; true if this caller now owns
   * it. A delivery is claimed once: a claim whose sender died stays `sending` and is never
   * sent again (the message may have reached Telegram). Only a `failed` one is reclaimed.
   */
  claimDelivery({ meetingId, job, userId }: DeliveryKey, now: Date): boolean {
    const at = now.toISOString();
    const inserted = this.#sql(
      `INSERT INTO deliveries (meeting_id, job, user_id, status, attempts, updated_at)
       VALUES (?, ?, ?, 'sending', 0, ?) ON CONFLICT DO NOTHING`,
    ).run(meetingId, job, userId, at);
    if (inserted.changes > 0) return true;
    const retried = this.#sql(
      `UPDATE deliveries SET status = 'sending', error = NULL, updated_at = ?
       WHERE meeting_id = ? AND job = ? AND user_id = ? AND status = 'failed'`,
    ).run(at, meetingId, job, userId);
    return retried.changes > 0;
  }

  /** Records the outcome of a claimed delivery. */
  finishDelivery(
    key: DeliveryKey,
    outcome: {
      status: Exclude<DeliveryStatus, "sending">;
      messageId?: number;
      error?: string;
      attempts: number;
      now: Date;
    },
  ): void {
    this.#sql(
      `UPDATE deliveries SET status = ?, message_id = ?, error = ?, attempts = attempts + ?,
         updated_at = ? WHERE meeting_id = ? AND job = ? AND user_id = ?`,
    ).run(
      outcome.status,
      outcome.messageId ?? null,
      outcome.error ?? null,
      outcome.attempts,
      outcome.now.toISOString(),
      key.meetingId,
      key.job,
      key.userId,
    );
  }

  /** Ids of users who already have (or may have) this job's message. */
  deliveredUserIds(meetingId: string, job: string): Set<number> {
    const rows = this.#sql(
      `SELECT user_id FROM deliveries WHERE meeting_id = ? AND job = ? AND status != 'failed'`,
    ).all(meetingId, job) as { user_id: number }[];
    return new Set(rows.map((r) => Number(r.user_id)));
  }

  /** How this job's deliveries for the meeting ended so far. */
  deliveryCounts(meetingId: string, job: string): DeliveryCounts {
    const counts: DeliveryCounts = {
      sent: 0,
      blocked: 0,
      failed: 0,
      sending: 0,
    };
    const rows = this.#sql(
      "SELECT status, count(*) AS n FROM deliveries WHERE meeting_id = ? AND job = ? GROUP BY status",
    ).all(meetingId, job) as { status: DeliveryStatus; n: number }[];
    for (const row of rows) counts[row.status] = Number(row.n);
    return counts;
  }

  // --- updates

  /**
   * Records that an update was handled; false if it already was. Telegram sends again
   * the updates a killed process had not confirmed: this is what keeps their replies and
   * answers from happening twice.
   */
  markUpdateHandled(updateId: number, now: Date): boolean {
    const result = this.#sql(
      "INSERT INTO processed_updates (update_id, handled_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
    ).run(updateId, now.toISOString());
    return result.changes > 0;
  }

  /** Whether an update was already handled. */
  isUpdateHandled(updateId: number): boolean {
    return this.#sql(
      "SELECT 1 FROM processed_updates WHERE update_id = ?",
    ).get(updateId) !==
      undefined;
  }

  /** Forgets handled updates older than `before` (Telegram re-sends only recent ones). */
  pruneHandledUpdates(before: Date): number {
    return Number(
      this.#sql("DELETE FROM processed_updates WHERE handled_at < ?").run(
        before.toISOString(),
      )
        .changes,
    );
  }

  // --- job runs

  /** The job's log row for the meeting, if it ever started. */
  jobRun(meetingId: string, job: string): JobRun | undefined {
    return this.#sql(
      "SELECT * FROM job_runs WHERE meeting_id = ? AND job = ?",
    ).get(
      meetingId,
      job,
    ) as JobRun | undefined;
  }

  /** Marks the job as running (again, after a crash) for the meeting. */
  startJobRun({ meetingId, job }: JobKey, now: Date): void {
    this.#sql(
      `INSERT INTO job_runs (meeting_id, job, status, started_at) VALUES (?, ?, 'running', ?)
       ON CONFLICT (meeting_id, job) DO UPDATE SET status = 'running',
         started_at = excluded.started_at
       WHERE job_runs.status = 'running'`,
    ).run(meetingId, job, now.toISOString());
  }

  /** Marks the job done for the meeting, with its delivery counts. */
  finishJobRun(
    { meetingId, job }: JobKey,
    { counts, now }: { counts: DeliveryCounts; now: Date },
  ): void {
    this.#sql(
      `UPDATE job_runs SET status = 'done', finished_at = ?, sent = ?, blocked = ?, failed = ?
       WHERE meeting_id = ? AND job = ?`,
    ).run(
      now.toISOString(),
      counts.sent,
      counts.blocked,
      counts.failed,
      meetingId,
      job,
    );
  }

  /** Records that the job will not run for the meeting (too late to be useful). */
  skipJobRun(
    { meetingId, job }: JobKey,
    { note, now }: { note: string; now: Date },
  ): void {
    const at = now.toISOString();
    this.#sql(
      `INSERT INTO job_runs (meeting_id, job, status, started_at, finished_at, note)
       VALUES (?, ?, 'skipped', ?, ?, ?) ON CONFLICT (meeting_id, job) DO NOTHING`,
    ).run(meetingId, job, at, at, note);
  }

  // --- admin views

  /** Active users who asked for invitations and have not answered this meeting. */
  nudgeRecipients(meetingId: string): User[] {
    return this.#sql(
      `SELECT users.* FROM users
       WHERE is_active = 1 AND is_registered = 1 AND NOT EXISTS (
         SELECT 1 FROM answers WHERE answers.meeting_id = ? AND answers.user_id = users.id)
       ORDER BY users.id`,
    ).all(meetingId).map((row) => toUser(row)!);
  }

  /** Subscriber counts: active users, and those of them who get invitations. */
  subscriberCounts(): { active: number; registered: number } {
    const row = this.#sql(
      `SELECT count(*) AS active, coalesce(sum(is_registered = 1), 0) AS registered
       FROM users WHERE is_active = 1`,
    ).get() as { active: number; registered: number };
    return { active: Number(row.active), registered: Number(row.registered) };
  }

  /** Answers for a meeting from active users who get invitations, and who has not answered. */
  answerCounts(meetingId: string): { yes: number; no: number; none: number } {
    const row = this.#sql(
      `SELECT coalesce(sum(a.answer = 'yes'), 0) AS yes, coalesce(sum(a.answer = 'no'), 0) AS no,
         coalesce(sum(a.answer IS NULL), 0) AS none
       FROM users u LEFT JOIN answers a ON a.user_id = u.id AND a.meeting_id = ?
       WHERE u.is_active = 1 AND (u.is_registered = 1 OR a.answer IS NOT NULL)`,
    ).get(meetingId) as { yes: number; no: number; none: number };
    return { yes: Number(row.yes), no: Number(row.no), none: Number(row.none) };
  }

  /** The last `limit` meetings before `beforeId`, newest first, with their answers. */
  meetingHistory(beforeId: string, limit: number): MeetingHistory[] {
    return (this.#sql(
      `SELECT m.id, m.starts_at, m.status,
         (SELECT count(*) FROM answers a WHERE a.meeting_id = m.id AND a.answer = 'yes') AS yes,
         (SELECT count(*) FROM answers a WHERE a.meeting_id = m.id AND a.answer = 'no') AS no
       FROM meetings m WHERE m.id < ? ORDER BY m.id DESC LIMIT ?`,
    ).all(beforeId, limit) as unknown as MeetingHistory[]).map((row) => ({
      ...row,
      yes: Number(row.yes),
      no: Number(row.no),
    }));
  }

  /** Every answer ever given, oldest meeting first: the attendance export. */
  attendance(): AttendanceRow[] {
    return this.#sql(
      `SELECT a.meeting_id, m.status AS meeting_status, m.starts_at AS meeting_starts_at,
         u.tg_id, u.first_name, u.last_name,
         u.username, a.answer, a.answered_at
       FROM answers a JOIN users u ON u.id = a.user_id JOIN meetings m ON m.id = a.meeting_id
       ORDER BY a.meeting_id, a.answered_at`,
    ).all() as unknown as AttendanceRow[];
  }

  /** Cancels or restores a meeting; false if it already had that status. */
  setMeetingStatus(
    { id, status }: { id: string; status: Meeting["status"] },
    now: Date,
  ): boolean {
    const result = this.#sql(
      "UPDATE meetings SET status = ?, updated_at = ? WHERE id = ? AND status != ?",
    ).run(status, now.toISOString(), id, status);
    return result.changes > 0;
  }

  // --- announcements

  /** Saves an admin's announcement as a draft; returns its id. */
  createAnnouncement(
    { text, createdBy }: { text: string; createdBy: number },
    now: Date,
  ): number {
    const at = now.toISOString();
    const result = this.#sql(
      `INSERT INTO announcements (text, created_by, status, created_at, updated_at)
       VALUES (?, ?, 'draft', ?, ?)`,
    ).run(text, createdBy, at, at);
    return Number(result.lastInsertRowid);
  }

  /** One announcement, if it exists. */
  announcement(id: number): Announcement | undefined {
    return this.#sql(
      "SELECT id, text, created_by, status FROM announcements WHERE id = ?",
    ).get(id) as Announcement | undefined;
  }

  /** Moves an announcement from one status to the next; false if it was not in `from`. */
  moveAnnouncement(
    id: number,
    change: {
      from: Announcement["status"];
      to: Announcement["status"];
      now: Date;
    },
  ): boolean {
    const result = this.#sql(
      "UPDATE announcements SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
    ).run(change.to, change.now.toISOString(), id, change.from);
    return result.changes > 0;
  }

  /** Announcements whose broadcast started but did not finish (the process stopped). */
  unfinishedAnnouncements(): Announcement[] {
    return this.#sql(
      "SELECT id, text, created_by, status FROM announcements WHERE status = 'sending' ORDER BY id",
    ).all() as unknown as Announcement[];
  }
}

/** One past meeting with its answers, for `/stats`. */
export interface MeetingHistory {
  id: string;
  starts_at: string;
  status: Meeting["status"];
  yes: number;
  no: number;
}

/** One answer in the attendance export. */
export interface AttendanceRow {
  meeting_id: string;
  meeting_status: Meeting["status"];
  meeting_starts_at: string;
  tg_id: number;
  first_name: string | null;
  last_name: string | null;
  username: string | null;
  answer: Answer;
  answered_at: string;
}

/** An admin's announcement. */
export interface Announcement {
  id: number;
  text: string;
  created_by: number;
  status: "draft" | "sending" | "sent" | "cancelled";
}
