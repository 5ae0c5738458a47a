/**
 * What the messages about one meeting show of its seats: the free seats (`{seats_line}`
 * of the invitation and of the invitation after a "no"), and the invitation of one
 * waiting for a seat, with the button that leaves the waitlist. Pure: the seats come in
 * as figures (seat_messages.ts reads them at send time).
 *
 * @module
 */
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Config } from "../config/schema.ts";
import { renderText } from "../config/language.ts";

/** A meeting's seats as a message shows them: the capacity and how many are taken. */
export interface ShownSeats {
  /** The seats that week; `null`: no limit, and nothing is shown. */
  capacity: number | null;
  /** Those who hold a seat. */
  seated: number;
}

/** Button data of "leave the waitlist" of one meeting. */
export function leaveData(meetingId: string): string {
  return `rsvp:${meetingId}:leave`;
}

/** "Осталось 3 места", or that none is left; empty when the meeting has no limit. */
export function seatsLine(
  config: Pick<Config, "texts" | "language">,
  seats: ShownSeats | undefined,
): string {
  if (seats === undefined || seats.capacity === null) return "";
  const free = seats.capacity - seats.seated;
  return free > 0
    ? renderText(config, "seats_line", { free })
    : config.texts.seats_full_line;
}

/** The invitation of one on the waitlist: their `place`, and the button to leave it. */
export function waitlistedInvitation(
  config: Pick<Config, "texts" | "language">,
  { values, meetingId, place }: {
    values: Readonly<Record<string, string>>;
    meetingId: string;
    place: number;
  },
): { text: string; reply_markup: InlineKeyboardMarkup } {
  return {
    text: renderText(config, "answer_waitlisted", { ...values, place }),
    reply_markup: {
      inline_keyboard: [[{
        text: config.texts.button_leave_waitlist,
        callback_data: leaveData(meetingId),
      }]],
    },
  };
}
