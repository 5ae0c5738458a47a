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
import { oweCalendarFile } from "./calendar_files.ts";
import {
  fillSeats,
  oweMissedReminder,
  seatForYes,
  waitlistPlace,
} from "./seats.ts";
import {
  beyondWeeksAround,
  type Week,
  weekById,
  type WeekConfig,
} from "./weeks.ts";

/** Where a "yes" stands after a press: a seat, or a place on the waitlist. */
export type Standing = { seat: "seat" } | { seat: "waitlist"; place: number };

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
  /**
   * Recorded; `previous` is the answer it replaced, if any; `standing` where a "yes"
   * stands now; `left` when the press took the user off the waitlist.
   */
  | {
    kind: "recorded";
    user: User;
    meeting: Week;
    answer: Answer;
    previous: Answer | undefined;
    standing?: Standing;
    left?: boolean;
  };

/**
 * Records `answer` of the user `tgId` for the meeting `meetingId`, if it takes answers:
 * its invitation has gone out (or is due), it is not cancelled and has not started, and
 * the user has not unsubscribed (an answer given then would not count: db/counted.ts).
 * A "yes" takes a seat, or a place on the waitlist when none is free; a "no" gives up a
 * seat, which goes to the first on the waitlist at once; `leave` gives up a place on the
 * waitlist and nothing else (see seats.ts). In the same transaction it enqueues what the
 * answer owes: the edit that shows it in the message pressed (`messageId`) and in the
 * participant's other messages with this meeting's buttons (the invitation after a press
 * under the nudge); after a seat taken or given up, the person's calendar file (one row,
 * renewed: see {@linkcode oweCalendarFile}; a place on the waitlist owes none); after a
 * "yes" that got a seat once the reminders went out, the latest reminder (with the
 * link); whatever a promotion owes.
 */
export function recordAnswer(
  deps: { store: Store; schedule: WeekConfig; now: Date },
  request: {
    tgId: number;
    meetingId: string;
    answer: Answer;
    /** The "leave the waitlist" button: a "no" only while on the waitlist. */
    leave?: boolean;
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
    const held = store.seats.held(meeting.id, user.id);
    const previous = held?.answer;
    store.meetings.ensure(meeting, now);
    const ids = { meetingId: meeting.id, userId: user.id };
    // Pressed "yes" again, or "leave" while not waiting: nothing changes.
    const same = request.leave
      ? held?.seat !== "waitlist"
      : request.answer === "yes"
      ? held?.answer === "yes" && held.seat !== null
      : held?.answer === "no";
    let seat = held?.seat ?? null;
    if (!same) {
      seat = request.answer === "yes"
        ? seatForYes(store, { config: schedule, meeting, now })
        : null;
      store.answers.record({ ...ids, answer: request.answer, seat }, now);
      if (held?.seat === "seat") {
        fillSeats(store, { config: schedule, meeting, now });
      }
    }
    if (request.messageId !== undefined && (!same || request.leave)) {
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
    if (!same) {
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
    // A seat taken or given up changes what the person's calendar should hold.
    if ((held?.seat === "seat") !== (seat === "seat")) {
      oweCalendarFile(store, { meetingId: meeting.id, user, now });
    }
    if (!same && seat === "seat") {
      oweMissedReminder(store, { meeting, user, now });
    }
    const answer = held !== undefined && same ? held.answer : request.answer;
    const place = waitlistPlace(store, ids);
    return {
      kind: "recorded",
      user,
      meeting,
      answer,
      previous,
      standing: seat === "seat"
        ? { seat }
        : place === undefined
        ? undefined
        : { seat: "waitlist", place },
      left: request.leave === true && !same,
    };
  });
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
