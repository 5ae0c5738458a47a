/**
 * The question after a meeting as its rows become it at send time, with the 1-5 buttons;
 * and the edit that shows a person's rating in it (the buttons stay, to change it while
 * the feedback is open). Nothing is sent for a meeting that was cancelled, after the
 * feedback closed, or to someone who stopped.
 *
 * @module
 */
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Config } from "../config/schema.ts";
import { renderText } from "../config/language.ts";
import type { Delivery } from "../core/owed.ts";
import type { OutboxRow } from "../db/outbox.ts";
import { feedbackCloses } from "../domain/meeting.ts";
import type { Week } from "../usecases/weeks.ts";
import { meetingValues } from "./build.ts";
import { editMessage, sendMessage } from "./deliveries.ts";
import {
  activeParticipant,
  rowWeek,
  type SendTime,
  stillWanted,
} from "./recipients.ts";
import { userZone } from "./zone.ts";

/** The ratings, as buttons show them. */
const RATINGS = [1, 2, 3, 4, 5] as const;

/** Button data of a rating: `fb:<meeting>:<1-5>`. */
export function ratingData(meetingId: string, rating: number): string {
  return `fb:${meetingId}:${rating}`;
}

/** Decodes rating button data; anything the bot never sends gives `undefined`. */
export function parseRatingData(
  data: string,
): { meetingId: string; rating: number } | undefined {
  const match = /^fb:(\d{4}-\d{2}-\d{2}):([1-5])$/.exec(data);
  return match === null
    ? undefined
    : { meetingId: match[1]!, rating: Number(match[2]) };
}

/** The 1-5 buttons under the question, the chosen one marked. */
export function ratingKeyboard(
  config: Config,
  { meeting, chosen }: { meeting: Pick<Week, "id">; chosen?: number },
): InlineKeyboardMarkup {
  return {
    inline_keyboard: [RATINGS.map((rating) => ({
      text: renderText(
        config,
        rating === chosen ? "button_rating_chosen" : "button_rating",
        { rating },
      ),
      callback_data: ratingData(meeting.id, rating),
    }))],
  };
}

/** When the feedback on `meeting` closes, as texts show it: "26 ноября, 12:15 (мск)". */
export function closesText(config: Config, meeting: Week): string {
  const closes = meetingValues(config, {
    ...meeting,
    startsAt: feedbackCloses(config, meeting),
  });
  return `${closes.day}, ${closes.time} (${closes.tz})`;
}

/**
 * The question, while the meeting's feedback is open and its person subscribed, with
 * the question on and the week not paused (`/settings`), in their zone.
 */
export function feedbackQuestion(
  at: SendTime,
  row: OutboxRow,
): Delivery | null {
  const { config } = at;
  const week = rowWeek(at, row);
  const user = activeParticipant(at, row);
  if (user === undefined || week === undefined) return null;
  if (week.cancelled || at.now() >= feedbackCloses(config, week)) return null;
  if (!stillWanted(at, { user, message: "feedback", weekId: week.id })) {
    return null;
  }
  const meeting = { ...week, zone: userZone(config, user) };
  return sendMessage(row.chat_id, {
    text: renderText(
      config,
      "feedback_question",
      meetingValues(config, meeting),
    ),
    reply_markup: ratingKeyboard(config, { meeting }),
  }, { preview: false });
}

/** The edit that shows the person's rating as it is now, in the question they pressed. */
export function feedbackEdit(at: SendTime, row: OutboxRow): Delivery | null {
  const { config, store } = at;
  const user = activeParticipant(at, row);
  const week = rowWeek(at, row);
  if (user === undefined || week === undefined) return null;
  const meeting = { ...week, zone: userZone(config, user) };
  const rating = store.attendance.feedback(meeting.id, user.id)?.rating;
  if (rating === undefined) return null;
  return editMessage(row, {
    text: renderText(config, "feedback_rated", {
      ...meetingValues(config, meeting),
      rating,
      until: closesText(config, meeting),
    }),
    reply_markup: ratingKeyboard(config, { meeting, chosen: rating }),
  });
}
