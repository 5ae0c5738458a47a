/**
 * What the bot owes a person, as the outbox names it: each kind of message, the keys
 * that make each one be delivered once, the lanes rows go out in, the statuses a row
 * passes through, and the Bot API call a row becomes when its turn comes.
 *
 * @module
 */

/** The kinds of outbox rows; each has its renderer. */
export const OWED = {
  /** The weekly invitation with the answer buttons (a job). */
  invitation: "invitation",
  /** The nudge to those who have not answered (a job). */
  nudge: "nudge",
  /** The reminders with the link (jobs). */
  first_reminder: "first_reminder",
  second_reminder: "second_reminder",
  /** "The meeting is cancelled" to those who said yes. */
  cancellation: "cancellation",
  /** An admin's announcement, or a follow-up after a meeting (the same table). */
  announcement: "announcement",
  /** The edit that takes a cancelled meeting's answer buttons away. */
  cancel_edit: "cancel_edit",
  /** "The meeting takes place after all", with the answer buttons again. */
  restored: "restored",
  /** "The meeting moves to …" to those who answered. */
  moved: "moved",
  /** "The new link is …" to those who said yes. */
  link_changed: "link_changed",
  /** A participant's message passed on to an admin (the header, then a copy). */
  relay: "relay",
  /** An admin's reply passed on to the participant. */
  relay_answer: "relay_answer",
  /** The edit that shows a participant's answer in the message they pressed. */
  answer_edit: "answer_edit",
  /** The meeting's calendar file after a "yes". */
  calendar: "calendar",
  /** A text written when it was owed. */
  text: "text",
  /** A report to an admin, rendered from a text of the config at send time. */
  report: "report",
} as const;

/** One kind of outbox row. */
export type OwedKind = typeof OWED[keyof typeof OWED];

/**
 * The batch of a broadcast: `invitation/2026-12-02`, `announcement/7`, or with a round
 * (a second broadcast of the same kind about the same thing) `cancellation/2026-12-02/s2`.
 */
export function batchOf(kind: string, ref: string, round?: string): string {
  return round === undefined ? `${kind}/${ref}` : `${kind}/${ref}/${round}`;
}

/** Splits a batch name into its kind and its ref. */
export function parseBatch(batch: string): { kind: string; ref: string } {
  const slash = batch.indexOf("/");
  return { kind: batch.slice(0, slash), ref: batch.slice(slash + 1) };
}

/** Outbox keys: what a row is and for whom, so that it is written once. */
export const keys = {
  /** The edit of message `messageId` in `chatId` (renewed on every new answer). */
  answerEdit: (chatId: number, messageId: number): string =>
    `answer_edit/${chatId}/${messageId}`,
  /** The `nth` calendar file of `meetingId` for user `userId` (one per "yes"). */
  calendar: (meetingId: string, userId: number, nth: number): string =>
    `calendar/${meetingId}/u${userId}/${nth}`,
  /** The update of the calendar entry of `meetingId` at `sequence`, for user `userId`. */
  calendarUpdate: (
    meetingId: string,
    sequence: number,
    userId: number,
  ): string => `calendar/${meetingId}/s${sequence}/u${userId}`,
  /** A report about `subject` to the admin chat `chatId`. */
  report: (subject: string, chatId: number): string =>
    `report/${subject}/${chatId}`,
};

/** Where a row stands. `unknown`: its request left and no answer came; never resent. */
export type OutboxStatus =
  | "pending"
  | "sending"
  | "sent"
  | "blocked"
  | "failed"
  | "unknown"
  | "dropped";

/** Statuses after which nothing more happens to a row. */
export const FINAL_STATUSES: readonly OutboxStatus[] = [
  "sent",
  "blocked",
  "failed",
  "unknown",
  "dropped",
];

/**
 * The order rows go out in: replies to a person's own action first (not paced), then
 * notices (paced), then broadcasts (paced).
 */
export const LANE = { reply: 0, notice: 1, broadcast: 2 } as const;

/** One of {@linkcode LANE}. */
export type Lane = typeof LANE[keyof typeof LANE];

/** A file to upload with a call, e.g. a calendar file. */
export interface Upload {
  /** The parameter it fills, e.g. `document`. */
  field: string;
  /** The file name the recipient sees, e.g. `meeting-2026-11-25.ics`. */
  filename: string;
  /** The file's content. */
  bytes: Uint8Array;
}

/** One Bot API call that delivers a row: what the renderer makes of it at send time. */
export interface Delivery {
  /** The Bot API method, e.g. `sendMessage`. */
  method: string;
  /** Its parameters: sent as JSON, or as form fields beside an upload. */
  params: Record<string, unknown>;
  /** A file sent with it, e.g. a calendar file. */
  upload?: Upload;
  /** Whatever the renderer wants back with the result (see the sender's `onDelivered`). */
  meta?: Record<string, string>;
}
