/**
 * A message about a week as it should read now, whatever happened since it was sent:
 * the edits of `week_edit` rows (and of `answer_edit` rows, the message pressed) are
 * rendered from it, so that every message with a week's details shows the week as it is
 * when the edit is sent: its time, link and topic, cancelled or not, the participant's
 * answer under the answer buttons (a "yes" on the waitlist with its place and the button
 * that leaves it; the free seats where a text shows them), and no buttons once the
 * meeting is over.
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
import type { User } from "../db/users.ts";
import {
  answerKeyboard,
  meetingValues,
  type OutgoingMessage,
  type ShownMeeting,
} from "./build.ts";
import { editMessage } from "./deliveries.ts";
import { personalized, rowWeek, type SendTime } from "./recipients.ts";
import { seatedWeek } from "./seat_messages.ts";
import { type ShownSeats, waitlistedInvitation } from "./seats_shown.ts";

/** Kinds of messages that show a week without answer buttons. */
const REMINDERS: readonly string[] = [
  OWED.first_reminder,
  OWED.second_reminder,
];

/** What a message about a week is to become: a new text, or only no buttons. */
export type WeekMessage = OutgoingMessage | "no_buttons";

/** The text of the notice that a cancelled meeting takes place after all, by answer. */
export function restoredText(
  config: Config,
  answer: Answer | undefined,
): string {
  const texts = config.texts;
  return answer === undefined
    ? texts.meeting_restored
    : answer === "yes"
    ? texts.meeting_restored_yes
    : texts.meeting_restored_no;
}

/**
 * The notice that a cancelled meeting takes place after all, with the answer buttons:
 * it asks those who had not answered, and shows the others the answer they gave.
 */
export function restoredMessage(
  config: Config,
  { meeting, answer }: { meeting: ShownMeeting; answer: Answer | undefined },
): OutgoingMessage {
  return {
    text: render(restoredText(config, answer), meetingValues(config, meeting), {
      language: config.language,
    }),
    reply_markup: answerKeyboard(config, meeting),
  };
}

/** What a message about a week is about: the week, the answer, its kind, the instant. */
export interface WeekShown {
  /**
   * The week as it is (with the person's own link, for the message itself), and its
   * seats where it has a limit.
   */
  meeting: Week & { seats?: ShownSeats };
  /** The participant's answer, if any. */
  answer: Answer | undefined;
  /** Their place on the waitlist, for a "yes" waiting for a seat. */
  place?: number;
  /** A "yes" with neither a seat nor a place (given up by a `/stop`): asked again. */
  seatless?: boolean;
  /** The kind it was sent as, or `answer_edit` for one whose buttons were pressed. */
  shows: string;
  /** When it is to read so. */
  now: Date;
}

/**
 * The text a message about a week reads with at `now` (see {@linkcode weekMessage}):
 * "no_buttons" once the meeting is over for one with buttons, `undefined` for a reminder
 * then (it stays as it is).
 */
export function weekText(
  config: Config,
  { meeting, answer, place, seatless, shows, now }: WeekShown,
): string | "no_buttons" | undefined {
  const texts = config.texts;
  if (meeting.cancelled) return texts.meeting_cancelled_message;
  const buttons = !REMINDERS.includes(shows);
  if (now >= meetingEnd(meeting, config.meeting.duration_minutes)) {
    return buttons ? "no_buttons" : undefined;
  }
  if (!buttons) return texts.reminder_updated;
  if (answer === "yes" && place !== undefined) return texts.answer_waitlisted;
  // A "yes" whose place was given up is asked again, like one never given.
  const given = answer === "yes" && seatless ? undefined : answer;
  if (given !== undefined) {
    return given === "yes" ? texts.answer_yes : texts.answer_no;
  }
  switch (shows) {
    case OWED.nudge:
      return texts.nudge;
    case OWED.restored:
      return restoredText(config, given);
    default:
      return texts.invitation;
  }
}

/**
 * How a message that showed `meeting` as `shows` (its kind: `invitation`, `nudge`,
 * `restored`, a reminder, or `answer_edit` for one whose buttons were pressed) reads at
 * `now`: cancelled, without its buttons once the meeting is over (a reminder then stays
 * as it is: `undefined`), a reminder with the meeting's details, or with answer buttons
 * the participant's answer (on the waitlist: the place, and the button that leaves it),
 * or, without one, the question it asked.
 */
export function weekMessage(
  config: Config,
  shown: WeekShown,
): WeekMessage | undefined {
  const text = weekText(config, shown);
  if (text === undefined || text === "no_buttons") return text;
  const { meeting, shows, answer, place } = shown;
  const values = meetingValues(config, meeting);
  if (meeting.cancelled || REMINDERS.includes(shows)) {
    return { text: render(text, values, config) };
  }
  if (answer === "yes" && place !== undefined) {
    return waitlistedInvitation(config, {
      values,
      meetingId: meeting.id,
      place,
    });
  }
  return {
    text: render(text, values, config),
    reply_markup: answerKeyboard(config, meeting),
  };
}

/**
 * The message about a week that `row` is to become for `user`: the week as it is, with
 * their own link where the text shows one (recipients.ts `personalized`).
 */
export async function personalWeekMessage(
  at: SendTime,
  { user, shown }: { user: Pick<User, "id" | "timezone">; shown: WeekShown },
): Promise<WeekMessage | undefined> {
  const text = weekText(at.config, shown);
  const templates = text === undefined ? [] : [text];
  const meeting = await personalized(at, {
    user,
    meeting: shown.meeting,
    templates,
  });
  return weekMessage(at.config, { ...shown, meeting });
}

/**
 * The edit of the row's message (its payload's `message_id`) into `message`, with a
 * link preview only where its message had one when it was sent (`preview`).
 */
export function weekMessageEdit(
  row: OutboxRow,
  message: WeekMessage,
  { preview }: { preview: boolean },
): Delivery {
  if (message !== "no_buttons") return editMessage(row, message, { preview });
  const { message_id } = JSON.parse(row.payload ?? "{}") as {
    message_id: number;
  };
  return {
    method: "editMessageReplyMarkup",
    params: { chat_id: row.chat_id, message_id },
  };
}

/**
 * Whether a message about a week shown as `shows` has a link preview: a reminder's, as
 * it was sent (jobs' messages), while links are not personal; a personal link's preview
 * would be a fetch nobody clicked.
 */
export function weekPreview(at: SendTime, shows: string): boolean {
  return REMINDERS.includes(shows) && !at.links.personal;
}

/**
 * A `week_edit` row: its message as the week is now, whether or not its participant is
 * still subscribed (an edit notifies nobody), with their own link where it shows one and
 * the seats as they are now; `null` when nothing is to change.
 */
export async function weekEdit(
  at: SendTime,
  row: OutboxRow,
): Promise<Delivery | null> {
  const week = rowWeek(at, row);
  const user = at.store.users.byTgId(row.chat_id);
  if (week === undefined || user === undefined) return null;
  const { of } = JSON.parse(row.payload ?? "{}") as { of?: string };
  const shows = of ?? OWED.invitation;
  const seated = seatedWeek(at, { meeting: week, userId: user.id });
  const message = await personalWeekMessage(at, {
    user,
    shown: { ...seated, shows, now: at.now() },
  });
  return message === undefined
    ? null
    : weekMessageEdit(row, message, { preview: weekPreview(at, shows) });
}
