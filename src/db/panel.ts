/**
 * What the host's panel reads beyond the history (history.ts): how many people each
 * meeting's invitation went to, and every weekly job and broadcast with how its messages
 * ended. A job's counts are those it was closed with; while it runs, the outbox's so
 * far. A broadcast's counts come from its outbox rows, which are kept
 * `delivery.keep_days`.
 *
 * @module
 */
import type { JobRunStatus } from "./job_runs.ts";
import type { Statements } from "./sqlite.ts";

/** How the messages of one job or broadcast ended. */
export interface DeliveryCounts {
  /** Delivered. */
  sent: number;
  /** To chats that blocked the bot or are gone. */
  blocked: number;
  /** Refused by Telegram, or given up on. */
  failed: number;
  /** Sent without an answer: never sent again. */
  unknown: number;
}

/** One run of a weekly job (or a job after a meeting) for one meeting. */
export interface JobDelivery extends DeliveryCounts {
  /** The meeting's local date, `2026-11-25`. */
  meeting_id: string;
  /** The job's name, e.g. `invitation`. */
  job: string;
  /** `running`, `done` or `skipped`. */
  status: JobRunStatus;
  /** When it started, an ISO instant. */
  started_at: string;
}

/** One announcement or follow-up that was sent (or is being sent). */
export interface BroadcastDelivery extends DeliveryCounts {
  /** The announcement's id. */
  id: number;
  /** `announcement` or `followup`. */
  kind: "announcement" | "followup";
  /** The admin's text. */
  text: string;
  /** `sending` or `sent`. */
  status: "sending" | "sent";
  /** When it was drafted, an ISO instant. */
  created_at: string;
}

/** The outbox rows of batch `b` by final status, as four columns. */
const COUNTS = (batch: string) =>
  ["sent", "blocked", "failed", "unknown"].map((status) =>
    `(SELECT count(*) FROM outbox o WHERE o.batch = ${batch}
       AND o.status = '${status}') AS live_${status}`
  ).join(", ");

function counts(row: Record<string, unknown>, live: boolean): DeliveryCounts {
  const n = (status: string) =>
    Number(live ? row[`live_${status}`] : row[status]);
  return {
    sent: n("sent"),
    blocked: n("blocked"),
    failed: n("failed"),
    unknown: n("unknown"),
  };
}

/** The panel's reads. */
export class PanelReads {
  #s: Statements;

  /** Works through the store's statement cache, which every table shares. */
  constructor(statements: Statements) {
    this.#s = statements;
  }

  /** For each meeting whose invitation was done, how many people it went to. */
  invited(): Map<string, number> {
    const rows = this.#s.sql(
      `SELECT meeting_id, sent + blocked + failed + unknown AS n FROM job_runs
       WHERE job = 'invitation' AND status = 'done'`,
    ).all() as { meeting_id: string; n: number }[];
    return new Map(rows.map((row) => [row.meeting_id, Number(row.n)]));
  }

  /** Every job run, newest meeting first, each meeting's jobs in the order they ran. */
  jobs(): JobDelivery[] {
    return this.#s.sql(
      `SELECT r.meeting_id, r.job, r.status, r.started_at, r.sent, r.blocked,
         r.failed, r.unknown, ${COUNTS("r.job || '/' || r.meeting_id")}
       FROM job_runs r ORDER BY r.meeting_id DESC, r.started_at, r.job`,
    ).all().map((row) => ({
      meeting_id: String(row.meeting_id),
      job: String(row.job),
      status: row.status as JobRunStatus,
      started_at: String(row.started_at),
      ...counts(row, row.status === "running"),
    }));
  }

  /** Every announcement and follow-up sent or being sent, newest first. */
  broadcasts(): BroadcastDelivery[] {
    return this.#s.sql(
      `SELECT a.id, a.kind, a.text, a.status, a.created_at,
         ${COUNTS("'announcement/' || a.id")}
       FROM announcements a WHERE a.status IN ('sending', 'sent')
       ORDER BY a.id DESC`,
    ).all().map((row) => ({
      id: Number(row.id),
      kind: row.kind as BroadcastDelivery["kind"],
      text: String(row.text),
      status: row.status as BroadcastDelivery["status"],
      created_at: String(row.created_at),
      ...counts(row, true),
    }));
  }
}
