/**
 * A message about a week as it should read now, whatever happened since it was sent:
 * the edits of `week_edit` rows (and of `answer_edit` rows, the message pressed) are
 * rendered from it, so that every message with a week's details shows the week as it is
 * when the edit is sent: its time, link and topic, cancelled or not, the participant's
 * answer under the answer buttons, and no buttons once the meeting is over.
 *
 * @module
 */
import type { Answer } from "../core/answers.ts";
import { type Delivery, OWED } from "../core/owed.ts";
import type { Config } from "../config/schema.ts";
import { render } from "../config/texts.ts";
import type { OutboxRow } from "../db/outbox.ts";
import { meetingEnd } from "../domain/meeting.ts";
import type { Week } from "../usecases/weeks.ts";
import {
  answeredInvitation,
  answerKeyboard,
  invitation,
  meetingValues,
  type OutgoingMessage,
} from "./build.ts";
import { editMessage } from "./deliveries.ts";
import { rowWeek, type SendTime } from "./recipients.ts";

/** Kinds of messages that show a week without answer buttons. */
const REMINDERS: readonly string[] = [
  OWED.first_reminder,
  OWED.second_reminder,
];

/** What a message about a week is to become: a new text, or only no buttons. */
export type WeekMessage = OutgoingMessage | "no_buttons";

/**
 * The notice that a cancelled meeting takes place after all, with the answer buttons:
 * it asks those who had not answered, and shows the others the answer they gave.
 */
export function restoredMessage(
  config: Config,
  { meeting, answer }: { meeting: Week; answer: Answer | undefined },
): OutgoingMessage {
  const texts = config.texts;
  const text = answer === undefined
    ? texts.meeting_restored
    : answer === "yes"
    ? texts.meeting_restored_yes
    : texts.meeting_restored_no;
  return {
    text: render(text, meetingValues(config, meeting)),
    reply_markup: answerKeyboard(config, meeting),
  };
}

/**
 * How a message that showed `meeting` as `shows` (its kind: `invitation`, `nudge`,
 * `restored`, a reminder, or `answer_edit` for one whose buttons were pressed) reads at
 * `now`: cancelled, without its buttons once the meeting is over (a reminder then stays
 * as it is: `undefined`), a reminder with the meeting's details, or with answer buttons
 * the participant's answer, or, without one, the question it asked.
 */
export function weekMessage(
  config: Config,
  { meeting, answer, shows, now }: {
    meeting: Week;
    answer: Answer | undefined;
    shows: string;
    now: Date;
  },
): WeekMessage | undefined {
  const values = meetingValues(config, meeting);
  const buttons = !REMINDERS.includes(shows);
  if (meeting.cancelled) {
    return { text: render(config.texts.meeting_cancelled_message, values) };
  }
  if (now >= meetingEnd(meeting, config.meeting.duration_minutes)) {
    return buttons ? "no_buttons" : undefined;
  }
  if (!buttons) return { text: render(config.texts.reminder_updated, values) };
  if (answer !== undefined) {
    return answeredInvitation(config, { meeting, answer });
  }
  switch (shows) {
    case OWED.nudge:
      return {
        text: render(config.texts.nudge, values),
        reply_markup: answerKeyboard(config, meeting),
      };
    case OWED.restored:
      return restoredMessage(config, { meeting, answer });
    default:
      return invitation(config, meeting);
  }
}

/** The edit of the row's message (its payload's `message_id`) into `message`. */
export function weekMessageEdit(
  row: OutboxRow,
  message: WeekMessage,
): Delivery {
  if (message !== "no_buttons") return editMessage(row, message);
  const { message_id } = JSON.parse(row.payload ?? "{}") as {
    message_id: number;
  };
  return {
    method: "editMessageReplyMarkup",
    params: { chat_id: row.chat_id, message_id },
  };
}

/**
 * A `week_edit` row: its message as the week is now, whether or not its participant is
 * still subscribed (an edit notifies nobody); `null` when nothing is to change.
 */
export function weekEdit(at: SendTime, row: OutboxRow): Delivery | null {
  const meeting = rowWeek(at, row);
  const user = at.store.users.byTgId(row.chat_id);
  if (meeting === undefined || user === undefined) return null;
  const { of } = JSON.parse(row.payload ?? "{}") as { of?: string };
  const message = weekMessage(at.config, {
    meeting,
    answer: at.store.answers.get(meeting.id, user.id),
    shows: of ?? OWED.invitation,
    now: at.now(),
  });
  return message === undefined ? null : weekMessageEdit(row, message);
}
