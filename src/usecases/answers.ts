/**
 * Recording a participant's answer to a meeting's invitation.
 *
 * @module
 */
import type { Answer } from "../core/answers.ts";
import type { Store } from "../db/store.ts";
import type { User } from "../db/users.ts";
import {
  answersOpen,
  meetingById,
  type MeetingSlot,
  type Schedule,
} from "../domain/meeting.ts";
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

/** Records `answer` of the user `tgId` for the meeting `meetingId`, if it still takes answers. */
export function recordAnswer(
  deps: { store: Store; schedule: Schedule; now: Date },
  request: { tgId: number; meetingId: string; answer: Answer },
): AnswerOutcome {
  const { store, schedule, now } = deps;
  const meeting = meetingById(schedule, request.meetingId);
  const user = store.users.byTgId(request.tgId);
  if (meeting === undefined || user === undefined) return { kind: "invalid" };
  if (!answersOpen(meeting, now) || isCancelled(store, meeting.id)) {
    return { kind: "closed", user, meeting };
  }
  const previous = store.answers.get(meeting.id, user.id);
  store.meetings.ensure(meeting, now);
  store.answers.record(
    { meetingId: meeting.id, userId: user.id, answer: request.answer },
    now,
  );
  return { kind: "recorded", user, meeting, answer: request.answer, previous };
}
