/**
 * The question after a meeting: who is asked (each who joined; where joins were not
 * counted, each who said yes and kept it; with a limit of seats, a seat held, never a
 * place on the waitlist: db/audiences.ts), once per person and meeting through the
 * outbox; a rating pressed, checked against the question that person was sent; and the
 * comment they may write next, kept with the rating and passed on to the admins.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import { batchOf, keys, LANE, OWED } from "../core/owed.ts";
import type { Store } from "../db/store.ts";
import type { User } from "../db/users.ts";
import { feedbackCloses } from "../domain/meeting.ts";
import { relayToAdmins } from "./relays.ts";
import type { Said, TextPayload } from "./jobs.ts";
import { type Week, weekById } from "./weeks.ts";

/** The job's name in the job log, and its batch's kind. */
export const FEEDBACK: "feedback" = OWED.feedback;

/** The longest comment kept: a thought, not an essay (the relay passes it whole). */
export const COMMENT_MAX_LENGTH = 1_000;

/**
 * Starts the question after `meeting`: records the job as running and owes it to each
 * who joined (or, when joins were not counted, said yes) and wants it, in one
 * transaction; each once, whatever calls it again. Returns how many rows were new.
 */
export function enqueueFeedback(
  store: Store,
  { meeting, now }: { meeting: Pick<Week, "id">; now: Date },
): number {
  return store.transaction(() => {
    store.jobRuns.start({ meetingId: meeting.id, job: FEEDBACK }, now);
    // Not to whoever turned the question off or paused the week (/settings).
    const wants = { message: "feedback" as const, week: meeting.id };
    const audience = store.attendance.tracked(meeting.id)
      ? { to: "joined" as const, meetingId: meeting.id, wants }
      : { to: "attendees" as const, meetingId: meeting.id, wants };
    return store.outbox.addBroadcast(audience, {
      kind: OWED.feedback,
      ref: meeting.id,
      lane: LANE.broadcast,
      now,
    });
  });
}

/** Closes the question's job once every question is settled; false when not yet. */
export function finishFeedback(
  store: Store,
  { meetingId, now }: { meetingId: string; now: Date },
): boolean {
  const batch = batchOf(OWED.feedback, meetingId);
  return store.transaction(() => {
    if (store.jobRuns.get(meetingId, FEEDBACK)?.status !== "running") {
      return false;
    }
    if (store.outbox.batchOpen(batch)) return false;
    store.jobRuns.finish({ meetingId, job: FEEDBACK }, {
      counts: store.outbox.batchCounts(batch),
      now,
    });
    return true;
  });
}

/** What a press of a rating button came to. */
export type RatingOutcome =
  /** Data the bot never sent, or a button of another message: forged or stale. */
  | { kind: "invalid" }
  /** This person was not asked about this meeting. */
  | { kind: "not_invited" }
  /** The feedback on the meeting has closed. */
  | { kind: "closed"; meeting: Week }
  /** Recorded; `previous` is the rating it replaced, if any. */
  | {
    kind: "recorded";
    user: User;
    meeting: Week;
    rating: number;
    previous: number | undefined;
  };

/** Statuses of a question that may have reached the person. */
const ASKED = new Set(["sending", "sent", "unknown"]);

/**
 * Records `rating` (1-5) of the user `tgId` for `meetingId`, pressed in the message
 * `messageId`, if that is the question the user was sent about that meeting and its
 * feedback is open. In the same transaction: the edit that shows the rating in the
 * question, and after a first rating the invitation to comment. Anything else records
 * nothing: an unknown meeting or person, a question never sent to them, a button of
 * another message (another meeting's question), or a closed feedback.
 */
export function rateMeeting(
  deps: { store: Store; config: Config; now: Date },
  request: {
    tgId: number;
    meetingId: string;
    rating: number;
    messageId?: number;
  },
): RatingOutcome {
  const { store, config, now } = deps;
  if (!Number.isInteger(request.rating) || request.rating < 1) {
    return { kind: "invalid" };
  }
  if (request.rating > 5) return { kind: "invalid" };
  const meeting = weekById(store, { config, id: request.meetingId });
  if (meeting === undefined) return { kind: "invalid" };
  const user = store.users.byTgId(request.tgId);
  if (user === undefined) return { kind: "not_invited" };
  const asked = store.outbox.byKey(
    `${batchOf(OWED.feedback, meeting.id)}/u${user.id}`,
  );
  if (asked === undefined || !ASKED.has(asked.status)) {
    return { kind: "not_invited" };
  }
  // The press must come from that very question: a button of another message (another
  // meeting's question, anything) names what it was not sent for.
  if (asked.message_id !== null && asked.message_id !== request.messageId) {
    return { kind: "invalid" };
  }
  if (now >= feedbackCloses(config, meeting)) {
    return { kind: "closed", meeting };
  }
  return store.transaction(() => {
    const previous = store.attendance.rate({
      meetingId: meeting.id,
      userId: user.id,
      rating: request.rating,
    }, now);
    if (request.messageId !== undefined && previous !== request.rating) {
      store.outbox.renew({
        key: keys.feedbackEdit(user.tg_id, request.messageId),
        kind: OWED.feedback_edit,
        ref: meeting.id,
        chatId: user.tg_id,
        userId: user.id,
        lane: LANE.reply,
        payload: { message_id: request.messageId },
      }, now);
    }
    if (previous === undefined) {
      store.outbox.add({
        key: keys.feedbackComment(meeting.id, user.id),
        kind: OWED.text,
        ref: meeting.id,
        chatId: user.tg_id,
        userId: user.id,
        lane: LANE.reply,
        payload: { key: "feedback_comment_ask" } satisfies TextPayload,
      }, now);
    }
    return {
      kind: "recorded",
      user,
      meeting,
      rating: request.rating,
      previous,
    };
  });
}

/** What a participant's message came to as a comment. */
export type CommentOutcome =
  /** No comment is awaited from them: it is an ordinary message. */
  | { kind: "none" }
  /** Longer than {@linkcode COMMENT_MAX_LENGTH}: nothing kept, they may send a shorter one. */
  | { kind: "too_long"; length: number }
  /** Kept with their rating; `relayed`: passed on to the admins too. */
  | { kind: "saved"; meeting: Week; relayed: boolean };

/**
 * Takes `text` (the message `messageId`) of `user` as their comment on the meeting they
 * rated last, if they have not commented on it and its feedback is open: kept once, and
 * passed on to the admins through the relay (within its hourly limit). Call inside a
 * write.
 */
export function commentOnMeeting(
  deps: { store: Store; config: Config; now: Date },
  { user, text, messageId, header }: {
    user: User;
    text: string;
    messageId: number;
    /**
     * The line above the comment for the admins: who rated which meeting how, written
     * out in each admin's language when it is sent.
     */
    header: (meeting: Week, rating: number) => Said;
  },
): CommentOutcome {
  const { store, config, now } = deps;
  const since = new Date(
    now.getTime() - config.feedback.open_hours * 3_600_000,
  );
  const meetingId = store.attendance.awaitingComment(user.id, since);
  const meeting = meetingId === undefined
    ? undefined
    : weekById(store, { config, id: meetingId });
  if (meeting === undefined || now >= feedbackCloses(config, meeting)) {
    return { kind: "none" };
  }
  const length = [...text].length;
  if (length > COMMENT_MAX_LENGTH) return { kind: "too_long", length };
  const rating = store.attendance.feedback(meeting.id, user.id)?.rating ?? 0;
  return store.transaction(() => {
    store.attendance.comment(
      { meetingId: meeting.id, userId: user.id, text },
      now,
    );
    const verdict = relayToAdmins(store, {
      user,
      messageId,
      admins: config.admins,
      header: header(meeting, rating),
      perHour: config.forwarding.per_hour,
      now,
    });
    return {
      kind: "saved",
      meeting,
      relayed: verdict === "passed" && config.admins.length > 0,
    };
  });
}
