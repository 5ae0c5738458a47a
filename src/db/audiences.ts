/**
 * Who a broadcast goes to, as SQL over `users`: the rows of a broadcast are written by
 * one `INSERT … SELECT`, whatever the audience's size, and nothing proportional to it is
 * held in memory.
 *
 * @module
 */
import { batchOf, type Lane } from "../core/owed.ts";
import type { Choice } from "../domain/choices.ts";
import type { Statements } from "./sqlite.ts";
import { WITH_BUTTONS } from "./week_edits.ts";

/** A broadcast's rows: what they are about and when they were owed. */
export interface BroadcastItem {
  /** The outbox kind of every row, e.g. `invitation`. */
  kind: string;
  /** What the rows are about: a meeting id or an announcement id. */
  ref: string;
  /** One of {@linkcode LANE}. */
  lane: Lane;
  /** When they are owed: their `created_at` and first `not_before`. */
  now: Date;
  /** A second broadcast of the same kind about the same thing (`s2`). */
  round?: string;
  /** The same for every row, kept as JSON for the renderer. */
  payload?: unknown;
}

/**
 * What a person must have chosen in `/settings` to be in an audience (db/settings.ts):
 * `message` not turned off, and the week `week` (an id) not paused.
 */
export interface Wants {
  /** A message they may have turned off. */
  message?: Choice;
  /** A week they may have paused. */
  week?: string;
}

/**
 * Selects the recipients of a broadcast, by SQL over `users` aliased `u`; `wants` leaves
 * out whoever turned the message off or paused the week (for `concerned` and `invited`,
 * only those who have not answered: an answer is always told what becomes of it).
 */
export type Audience =
  & { wants?: Wants }
  & (
    /** Active users who asked for invitations. */
    | { to: "registered" }
    /** Active users who said yes for the meeting `meetingId` and hold a seat. */
    | { to: "attendees"; meetingId: string }
    /** Active users who said yes for the meeting `meetingId` and wait for a seat. */
    | { to: "waitlisted"; meetingId: string }
    /**
     * Active users who joined the meeting `meetingId` (clicked their link in time), but
     * not one left on its waitlist (a link kept from a seat given up is not a seat).
     */
    | { to: "joined"; meetingId: string }
    /** Active users who answered the meeting `meetingId`, yes or no. */
    | { to: "answered"; meetingId: string }
    /** Active users who get invitations or answered `meetingId`: all it concerns. */
    | { to: "concerned"; meetingId: string }
    /**
     * Active users who answered the meeting `meetingId`, or were sent a message with its
     * answer buttons (an invitation, a nudge, a restore notice; sent, or maybe:
     * unknown): those who know of it. Who has not been invited yet learns of it from the
     * invitation.
     */
    | { to: "invited"; meetingId: string }
    /**
     * Active registered users who have not answered the meeting `meetingId` although its
     * invitation reached them (sent, or maybe: unknown): not those whose invitation is
     * still on its way, as after a catch-up at the nudge's time.
     */
    | { to: "unanswered"; meetingId: string }
    /** Active users whose pause skips the week `meetingId` last: it ends with it. */
    | { to: "pause_ended"; meetingId: string }
  );

/** The condition on `users u` that `wants` adds, and its values ("1" when none). */
function wantsSql(wants: Wants | undefined): { sql: string; values: string[] } {
  const parts: string[] = [];
  const values: string[] = [];
  if (wants?.message !== undefined) {
    parts.push(`NOT EXISTS (SELECT 1 FROM muted_messages m
      WHERE m.user_id = u.id AND m.message = ?)`);
    values.push(wants.message);
  }
  if (wants?.week !== undefined) {
    parts.push("(u.paused_through IS NULL OR u.paused_through < ?)");
    values.push(wants.week);
  }
  return { sql: parts.length === 0 ? "1" : parts.join(" AND "), values };
}

/** The condition on `users u` that selects `audience`, with its choices, and its values. */
function audienceSql(audience: Audience): { sql: string; values: string[] } {
  const wants = wantsSql(audience.wants);
  const base = baseSql(audience, wants);
  if (audience.to === "concerned" || audience.to === "invited") return base;
  return {
    sql: `${base.sql} AND ${wants.sql}`,
    values: [...base.values, ...wants.values],
  };
}

/**
 * The condition on `users u` that selects `audience` before its choices, and its values;
 * `concerned` and `invited` apply `wants` to those who have not answered.
 */
function baseSql(
  audience: Audience,
  wants: { sql: string; values: string[] },
): { sql: string; values: string[] } {
  const answered = (which: string) =>
    `EXISTS (SELECT 1 FROM answers a WHERE a.meeting_id = ? AND a.user_id = u.id
       AND a.answer IN (${which}))`;
  const holding = (seat: string) =>
    `EXISTS (SELECT 1 FROM answers a WHERE a.meeting_id = ? AND a.user_id = u.id
       AND a.seat = '${seat}')`;
  switch (audience.to) {
    case "registered":
      return { sql: "u.is_active = 1 AND u.is_registered = 1", values: [] };
    case "attendees":
      return {
        sql: `u.is_active = 1 AND ${holding("seat")}`,
        values: [audience.meetingId],
      };
    case "waitlisted":
      return {
        sql: `u.is_active = 1 AND ${holding("waitlist")}`,
        values: [audience.meetingId],
      };
    case "joined":
      return {
        sql: `u.is_active = 1 AND EXISTS (SELECT 1 FROM attendance j
          WHERE j.meeting_id = ? AND j.user_id = u.id) AND NOT ${
          holding("waitlist")
        }`,
        values: [audience.meetingId, audience.meetingId],
      };
    case "answered":
      return {
        sql: `u.is_active = 1 AND ${answered("'yes', 'no'")}`,
        values: [audience.meetingId],
      };
    case "concerned":
      return {
        sql: `u.is_active = 1 AND (${answered("'yes', 'no'")}
          OR (u.is_registered = 1 AND ${wants.sql}))`,
        values: [audience.meetingId, ...wants.values],
      };
    case "invited":
      return {
        sql: `u.is_active = 1 AND (${answered("'yes', 'no'")} OR (u.id IN (
          SELECT o.user_id FROM outbox o WHERE o.ref = ? AND o.kind IN (${
          WITH_BUTTONS.map((kind) => `'${kind}'`).join(", ")
        }) AND o.status IN ('sent', 'unknown')) AND ${wants.sql}))`,
        values: [audience.meetingId, audience.meetingId, ...wants.values],
      };
    case "unanswered":
      return {
        sql: `u.is_active = 1 AND u.is_registered = 1 AND NOT ${
          answered("'yes', 'no'")
        } AND EXISTS (SELECT 1 FROM outbox o WHERE o.key = 'invitation/' || ? || '/u' || u.id
          AND o.status IN ('sent', 'unknown'))`,
        values: [audience.meetingId, audience.meetingId],
      };
    case "pause_ended":
      return {
        sql: "u.is_active = 1 AND u.paused_through = ?",
        values: [audience.meetingId],
      };
  }
}

/**
 * Adds one row per recipient of `audience` to the batch `kind/ref` (or
 * `kind/ref/round`), keyed `batch/u<user id>`: a key is written once, so whatever
 * enqueues it twice, each recipient gets it once. Returns how many rows were new.
 */
export function addBroadcast(
  statements: Statements,
  { audience, ...item }: BroadcastItem & { audience: Audience },
): number {
  const batch = batchOf(item.kind, item.ref, item.round);
  const at = item.now.toISOString();
  const payload = item.payload === undefined
    ? null
    : JSON.stringify(item.payload);
  const head =
    `INSERT INTO outbox (key, batch, kind, ref, chat_id, user_id, payload, lane,
       not_before, created_at, updated_at)
     SELECT ? || '/u' || u.id, ?, ?, ?, u.tg_id, u.id, ?, ?, ?, ?, ? FROM users u`;
  const tail = "ORDER BY u.id ON CONFLICT (key) DO NOTHING";
  const values = [
    batch,
    batch,
    item.kind,
    item.ref,
    payload,
    item.lane,
    at,
    at,
    at,
  ];
  const { sql, values: extra } = audienceSql(audience);
  return Number(
    statements.sql(`${head} WHERE ${sql} ${tail}`).run(...values, ...extra)
      .changes,
  );
}

/**
 * How many people `audience` is now; with `notIn`, only those the broadcast of that
 * batch has no row for yet: how many {@linkcode addBroadcast} would add.
 */
export function countAudience(
  statements: Statements,
  audience: Audience,
  { notIn }: { notIn?: string } = {},
): number {
  const { sql, values } = audienceSql(audience);
  const fresh = notIn === undefined
    ? ""
    : " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.key = ? || '/u' || u.id)";
  const row = statements.sql(
    `SELECT count(*) AS n FROM users u WHERE ${sql}${fresh}`,
  ).get(...values, ...(notIn === undefined ? [] : [notIn])) as { n: number };
  return Number(row.n);
}
