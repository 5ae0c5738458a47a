/**
 * Recording a participant's answer to a meeting's invitation.
 *
 * @module
 */
import type { Answer } from "../core/answers.ts";
import { keys, LANE, OWED } from "../core/owed.ts";
import type { Store } from "../db/store.ts";
import type { User } from "../db/users.ts";
import { answersOpen, planJobs } from "../domain/meeting.ts";
import {
  beyondWeeksAround,
  type Week,
  weekById,
  type WeekConfig,
} from "./weeks.ts";

/** What a press of an answer button came to. */
export type AnswerOutcome =
  /** The button does not name a real meeting, or the user is unknown. */
  | { kind: "invalid" }
  /** Its invitation has not gone out yet: no button of the bot names it. */
  | { kind: "early"; user: User; meeting: Week }
  /** The user unsubscribed (`/stop`): nothing is recorded until they come back. */
  | { kind: "unsubscribed"; user: User; meeting: Week }
  /** An admin cancelled the meeting: there is nothing to answer. */
  | { kind: "cancelled"; user: User; meeting: Week }
  /** The meeting has started: the answer is not changed. */
  | { kind: "closed"; user: User; meeting: Week }
  /** Recorded; `previous` is the answer it replaced, if any. */
  | {
    kind: "recorded";
    user: User;
    meeting: Week;
    answer: Answer;
    previous: Answer | undefined;
  };

/** The reminders, latest first: a late "yes" gets the latest that went out. */
const REMINDERS = ["second_reminder", "first_reminder"] as const;

/**
 * How long after a person's calendar file the next one waits: presses in between only
 * change what that next file says (or make it unneeded), so that "yes, no, yes…" sends
 * at most the first file at once and one more after the pause, not one per press.
 */
export const CALENDAR_PAUSE_MS = 60_000;

/**
 * Records `answer` of the user `tgId` for the meeting `meetingId`, if it takes answers:
 * its invitation has gone out (or is due), it is not cancelled and has not started, and
 * the user has not unsubscribed (an answer given then would not count: db/counted.ts).
 * In the same transaction it enqueues what the answer owes: the edit that shows it in
 * the message pressed (`messageId`) and in the participant's other messages with this
 * meeting's buttons (the invitation after a press under the nudge); after a "yes", or a
 * "no" after a "yes", the person's calendar file (one row, renewed: see
 * {@linkcode oweCalendarFile}); and after a "yes" given once the reminders went out, the
 * latest reminder (with the link).
 */
export function recordAnswer(
  deps: { store: Store; schedule: WeekConfig; now: Date },
  request: {
    tgId: number;
    meetingId: string;
    answer: Answer;
    /** The message whose button was pressed, to show the answer in. */
    messageId?: number;
  },
): AnswerOutcome {
  const { store, schedule, now } = deps;
  const meeting = weekById(store, { config: schedule, id: request.meetingId });
  const user = store.users.byTgId(request.tgId);
  if (meeting === undefined || user === undefined) return { kind: "invalid" };
  // No button names a meeting far ahead: it is forged, and must not create a row.
  if (
    meeting.scheduledAt > now &&
    beyondWeeksAround(schedule, { id: meeting.id, now })
  ) {
    return { kind: "invalid" };
  }
  if (!user.is_active) return { kind: "unsubscribed", user, meeting };
  if (meeting.cancelled) return { kind: "cancelled", user, meeting };
  if (!answersOpen(meeting, now)) return { kind: "closed", user, meeting };
  if (!invited(store, { schedule, meeting, now })) {
    return { kind: "early", user, meeting };
  }
  return store.transaction(() => {
    const previous = store.answers.get(meeting.id, user.id);
    store.meetings.ensure(meeting, now);
    store.answers.record(
      { meetingId: meeting.id, userId: user.id, answer: request.answer },
      now,
    );
    if (request.messageId !== undefined && previous !== request.answer) {
      store.outbox.renew({
        key: keys.answerEdit(user.tg_id, request.messageId),
        kind: OWED.answer_edit,
        ref: meeting.id,
        chatId: user.tg_id,
        userId: user.id,
        lane: LANE.reply,
        payload: { message_id: request.messageId },
      }, now);
    }
    if (previous !== request.answer) {
      const pressed = request.messageId === undefined
        ? undefined
        : { chatId: user.tg_id, messageId: request.messageId };
      store.outbox.renewWeekEdits(
        {
          meetingId: meeting.id,
          user: { id: user.id, chatId: user.tg_id },
          buttonsOnly: true,
          except: pressed,
        },
        { lane: LANE.reply, now },
      );
    }
    // A "yes" that comes or goes may change what the person's calendar should hold.
    if ((previous === "yes") !== (request.answer === "yes")) {
      oweCalendarFile(store, { meetingId: meeting.id, user, now });
    }
    if (request.answer === "yes" && previous !== "yes") {
      const item = { ref: meeting.id, chatId: user.tg_id, userId: user.id };
      const missed = REMINDERS.find((job) =>
        store.jobRuns.get(meeting.id, job) !== undefined
      );
      if (missed !== undefined) {
        // The same key as the broadcast's: whoever had it does not get it again.
        store.outbox.add({
          ...item,
          key: `${OWED[missed]}/${meeting.id}/u${user.id}`,
          batch: `${OWED[missed]}/${meeting.id}`,
          kind: OWED[missed],
          lane: LANE.reply,
        }, now);
      }
    }
    return {
      kind: "recorded",
      user,
      meeting,
      answer: request.answer,
      previous,
    };
  });
}

/**
 * Owes the person the calendar file of the meeting as their answers leave it, on their
 * one calendar row, renewed: due now if nothing was sent to them and nothing is on its
 * way, else {@linkcode CALENDAR_PAUSE_MS} after their last file. What it holds is decided
 * when it is sent (`messages/calendar.ts`): nothing, if their calendar already holds
 * what it should.
 */
function oweCalendarFile(
  store: Store,
  { meetingId, user, now }: { meetingId: string; user: User; now: Date },
): void {
  const key = keys.calendar(meetingId, user.id);
  const last = store.calendars.get(meetingId, user.id)?.sentAt;
  const after = store.outbox.inFlight(key) ? now : last;
  const notBefore = after === undefined ? now : new Date(
    Math.max(now.getTime(), after.getTime() + CALENDAR_PAUSE_MS),
  );
  store.outbox.renew({
    key,
    kind: OWED.calendar,
    ref: meetingId,
    chatId: user.tg_id,
    userId: user.id,
    lane: LANE.reply,
    notBefore,
  }, now);
}

/**
 * Whether the meeting's answer buttons may exist at `now`: its invitation went out (or
 * a restore notice stood for it), or is due.
 */
function invited(
  store: Store,
  { schedule, meeting, now }: {
    schedule: WeekConfig;
    meeting: Week;
    now: Date;
  },
): boolean {
  if (store.jobRuns.get(meeting.id, "invitation") !== undefined) return true;
  const plan = planJobs(schedule, meeting).find((p) => p.job === "invitation");
  return plan !== undefined && plan.due <= now;
}
