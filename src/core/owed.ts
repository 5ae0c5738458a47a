/**
 * What the bot owes a person, as the outbox names it: each kind of message, the keys
 * that make each one be delivered once, the lanes rows go out in, the statuses a row
 * passes through, and the Bot API call a row becomes when its turn comes.
 *
 * @module
 */

/**
 * The kinds of outbox rows; each has its renderer. Each says what happens when its
 * outcome is unknown (see {@linkcode IF_UNKNOWN}).
 */
export const OWED = {
  /** The weekly invitation with the answer buttons (a job). Unknown: left. */
  invitation: "invitation",
  /** The nudge to those who have not answered (a job). Unknown: left. */
  nudge: "nudge",
  /** The reminders with the link (jobs). Unknown: left. */
  first_reminder: "first_reminder",
  second_reminder: "second_reminder",
  /** "The meeting is cancelled" to those who said yes. Unknown: left. */
  cancellation: "cancellation",
  /** An admin's announcement, or a follow-up after a meeting (the same table). Unknown: left. */
  announcement: "announcement",
  /**
   * The edit that took a cancelled meeting's answer buttons away; no longer written (a
   * cancellation owes `week_edit`s), rows of earlier versions are still delivered.
   * Unknown: resent.
   */
  cancel_edit: "cancel_edit",
  /** "The meeting takes place after all", with the answer buttons again. Unknown: left. */
  restored: "restored",
  /** "The meeting moves to …" to those who were invited or answered. Unknown: left. */
  moved: "moved",
  /** "The new link is …" to those who said yes. Unknown: left. */
  link_changed: "link_changed",
  /** A participant's message passed on to an admin (the header, then a copy). Unknown: left. */
  relay: "relay",
  /** An admin's reply passed on to the participant. Unknown: left. */
  relay_answer: "relay_answer",
  /** The edit that shows a participant's answer in the message they pressed. Unknown: resent. */
  answer_edit: "answer_edit",
  /**
   * The edit of one message that shows a week's details (an invitation, a nudge, a
   * restore notice, a reminder), to show the week as it is when the edit is sent:
   * moved, relinked, its topic, cancelled, restored, the participant's answer, and no
   * answer buttons once it is over. One row per message, renewed by every change.
   * Unknown: resent.
   */
  week_edit: "week_edit",
  /**
   * The meeting's calendar file for one person, when what their calendar should hold
   * changed: the entry after a "yes", its removal after a "no", its update after a
   * change. Unknown: resent (the same UID and SEQUENCE: a calendar that has it keeps one
   * entry; what the person was sent is recorded only once a file is delivered).
   */
  calendar: "calendar",
  /** A text written when it was owed. Unknown: left. */
  text: "text",
  /** A report to an admin, rendered from a text of the config at send time. Unknown: left. */
  report: "report",
  /**
   * The question after a meeting, with the 1-5 buttons, to each who came (a job).
   * Unknown: left (asked twice is worse than once not at all).
   */
  feedback: "feedback",
  /** The edit that shows a participant's rating in the question. Unknown: resent. */
  feedback_edit: "feedback_edit",
  /**
   * "A seat freed up: you are coming", to one promoted from the waitlist, with the link
   * once the reminders went out, and the answer buttons. Unknown: left.
   */
  seat_granted: "seat_granted",
  /** "No seat for you this time", before the start, to those still waiting. Unknown: left. */
  waitlist_note: "waitlist_note",
  /**
   * "Your pause is over", once, when the meeting of the last week it skipped is over
   * (`/settings`). Unknown: left.
   */
  pause_ended: "pause_ended",
} as const;

/** One kind of outbox row. */
export type OwedKind = typeof OWED[keyof typeof OWED];

/**
 * What happens to a row whose request may have reached Telegram with no answer back (a
 * timeout, a connection broken mid-request, a process killed mid-request):
 * - `resend`: it is sent again, because a repeat is harmless: an edit makes the same
 *   change twice, a calendar file with the same UID and SEQUENCE leaves one entry;
 * - `leave`: it is settled as `unknown` and never sent again, because a repeat would be
 *   a second message in the chat, which is worse than a rare missing one.
 */
export type IfUnknown = "resend" | "leave";

/** The one place that decides, per kind, what an unknown outcome leads to. */
export const IF_UNKNOWN: Readonly<Record<OwedKind, IfUnknown>> = {
  invitation: "leave",
  nudge: "leave",
  first_reminder: "leave",
  second_reminder: "leave",
  cancellation: "leave",
  announcement: "leave",
  cancel_edit: "resend",
  restored: "leave",
  moved: "leave",
  link_changed: "leave",
  relay: "leave",
  relay_answer: "leave",
  answer_edit: "resend",
  week_edit: "resend",
  calendar: "resend",
  text: "leave",
  report: "leave",
  feedback: "leave",
  feedback_edit: "resend",
  seat_granted: "leave",
  waitlist_note: "leave",
  pause_ended: "leave",
};

/** The kinds that are sent again after an unknown outcome (for SQL). */
export const RESENT_WHEN_UNKNOWN: readonly OwedKind[] = (
  Object.keys(IF_UNKNOWN) as OwedKind[]
).filter((kind) => IF_UNKNOWN[kind] === "resend");

/**
 * Whether a row of `kind` is sent again after an unknown outcome (and may go on a
 * kept-alive connection); a kind this version does not know is not.
 */
export function resendsUnknown(kind: string): boolean {
  return (RESENT_WHEN_UNKNOWN as readonly string[]).includes(kind);
}

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
  /** The edit of message `messageId` in `chatId` that shows its week as it is now. */
  weekEdit: (chatId: number, messageId: number): string =>
    `week_edit/${chatId}/${messageId}`,
  /**
   * The calendar file of `meetingId` that user `userId`'s answers owe: one row, renewed
   * on every answer that may change what their calendar should hold.
   */
  calendar: (meetingId: string, userId: number): string =>
    `calendar/${meetingId}/u${userId}`,
  /** The update of the calendar entry of `meetingId` at `sequence`, for user `userId`. */
  calendarUpdate: (
    meetingId: string,
    sequence: number,
    userId: number,
  ): string => `calendar/${meetingId}/s${sequence}/u${userId}`,
  /** The edit of the question `messageId` in `chatId` (renewed on every new rating). */
  feedbackEdit: (chatId: number, messageId: number): string =>
    `feedback_edit/${chatId}/${messageId}`,
  /** The invitation to comment on `meetingId`, to user `userId`: once. */
  feedbackComment: (meetingId: string, userId: number): string =>
    `feedback_comment/${meetingId}/u${userId}`,
  /** The message that tells user `userId` the seat of `meetingId` is theirs (press `queued`). */
  seatGranted: (meetingId: string, userId: number, queued: number): string =>
    `seat_granted/${meetingId}/u${userId}/q${queued}`,
  /** A report about `subject` to the admin chat `chatId`. */
  report: (subject: string, chatId: number): string =>
    `report/${subject}/${chatId}`,
};

/**
 * Where a row stands. `unknown`: its request may have reached Telegram and no answer
 * came; a kind that {@linkcode resendsUnknown} is sent again instead.
 */
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
