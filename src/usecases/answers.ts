/**
 * Recording a participant's answer to a meeting's invitation.
 *
 * @module
 */
import type { Answer } from "../core/answers.ts";
import { keys, OWED } from "../core/owed.ts";
import { LANE } from "../db/outbox.ts";
import type { Store } from "../db/store.ts";
import type { User } from "../db/users.ts";
import {
  answersOpen,
  meetingById,
  type MeetingSlot,
  type Schedule,
  upcomingMeeting,
} from "../domain/meeting.ts";
import { nextOccurrence } from "../domain/time.ts";
import { isCancelled } from "./meetings.ts";

/** What a press of an answer button came to. */
export type AnswerOutcome =
  /** The button does not name a real meeting, or the user is unknown. */
  | { kind: "invalid" }
  /** The meeting has started (or was cancelled): the answer is not changed. */
  | { kind: "closed"; user: User; meeting: MeetingSlot }
  /** Recorded; `previous` is the answer it replaced, if any. */
  | {
    kind: "recorded";
    user: User;
    meeting: MeetingSlot;
    answer: Answer;
    previous: Answer | undefined;
  };

/**
 * Records `answer` of the user `tgId` for the meeting `meetingId`, if it still takes
 * answers. In the same transaction it enqueues what the answer owes: the edit that shows
 * it in the message pressed (`messageId`), and after a first "yes" the calendar file.
 */
export function recordAnswer(
  deps: { store: Store; schedule: Schedule; now: Date },
  request: {
    tgId: number;
    meetingId: string;
    answer: Answer;
    /** The message whose button was pressed, to show the answer in. */
    messageId?: number;
  },
): AnswerOutcome {
  const { store, schedule, now } = deps;
  const meeting = meetingById(schedule, request.meetingId);
  const user = store.users.byTgId(request.tgId);
  if (meeting === undefined || user === undefined) return { kind: "invalid" };
  // Buttons exist for the upcoming meeting and, early, the one after: anything later
  // is forged, and must not even create a meeting row.
  const upcoming = upcomingMeeting(schedule, now);
  const afterNext = nextOccurrence(schedule.meeting, {
    timeZone: schedule.timezone,
    after: upcoming.startsAt,
  });
  if (meeting.startsAt > afterNext) return { kind: "invalid" };
  if (!answersOpen(meeting, now) || isCancelled(store, meeting.id)) {
    return { kind: "closed", user, meeting };
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
        idempotent: true,
      }, now);
    }
    if (request.answer === "yes" && previous !== "yes") {
      store.outbox.add({
        key: keys.calendar(
          meeting.id,
          user.id,
          store.outbox.countFor({
            kind: OWED.calendar,
            ref: meeting.id,
            userId: user.id,
          }) + 1,
        ),
        kind: OWED.calendar,
        ref: meeting.id,
        chatId: user.tg_id,
        userId: user.id,
        lane: LANE.reply,
      }, now);
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
