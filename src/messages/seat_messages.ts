/**
 * The messages about seats as rows become them at send time: "a seat freed up, you are
 * coming" to one promoted from the waitlist, and the note before the start to those still
 * waiting. Each is `null` once it is no longer true (the seat was given up, the place
 * became a seat, the meeting was cancelled or began); see recipients.ts. Also what every
 * message about a week shows of its seats to one person (week_message.ts).
 *
 * @module
 */
import type { Answer } from "../core/answers.ts";
import type { Delivery } from "../core/owed.ts";
import { renderText } from "../config/language.ts";
import type { OutboxRow } from "../db/outbox.ts";
import type { SeatStatus } from "../db/seats.ts";
import { capacityOf, waitlistPlace } from "../usecases/seats.ts";
import type { Week } from "../usecases/weeks.ts";
import { answerKeyboard, meetingValues } from "./build.ts";
import { userZone, whenValue } from "./zone.ts";
import type { ShownSeats } from "./seats_shown.ts";
import { sendMessage } from "./deliveries.ts";
import {
  activeParticipant,
  liveWeek,
  personalized,
  type SendTime,
} from "./recipients.ts";

/** "12 мест", or "без ограничения" (`null`), as admins read a number of seats. */
export function capacityText(
  config: Pick<SendTime["config"], "texts" | "language">,
  capacity: number | null,
): string {
  return capacity === null
    ? config.texts.capacity_unlimited
    : renderText(config, "capacity_limit", { capacity });
}

/** The meeting's seats as messages show them now. */
export function shownSeats(
  { config, store }: SendTime,
  meetingId: string,
): ShownSeats {
  return {
    capacity: capacityOf(store, { config, meetingId }),
    seated: store.seats.counts(meetingId).seated,
  };
}

/** A week as one person's message shows it: its seats, their answer and where it stands. */
export interface SeatedWeek<M extends Week> {
  /** The week, with its seats as they are now. */
  meeting: M & { seats: ShownSeats };
  /** Their answer, if any. */
  answer: Answer | undefined;
  /** Where their "yes" stands: a seat, the waitlist, or none (a "no", or given up). */
  seat: SeatStatus | null;
  /** Their place on the waitlist, while they wait. */
  place: number | undefined;
  /** A "yes" with neither a seat nor a place (given up by a `/stop`). */
  seatless: boolean;
}

/** `meeting` as a message to `userId` shows it now: the seats, their answer and seat. */
export function seatedWeek<M extends Week>(
  at: SendTime,
  { meeting, userId }: { meeting: M; userId: number },
): SeatedWeek<M> {
  const held = at.store.seats.held(meeting.id, userId);
  const seat = held?.seat ?? null;
  return {
    meeting: { ...meeting, seats: shownSeats(at, meeting.id) },
    answer: held?.answer,
    seat,
    place: seat === "waitlist"
      ? waitlistPlace(at.store, { meetingId: meeting.id, userId })
      : undefined,
    seatless: held?.answer === "yes" && seat === null,
  };
}

/** Whether the reminders of `meeting` went out: a promotion then brings the link. */
function remindersSent({ store }: SendTime, meeting: Week): boolean {
  return store.jobRuns.get(meeting.id, "first_reminder") !== undefined ||
    store.jobRuns.get(meeting.id, "second_reminder") !== undefined;
}

/**
 * "A seat freed up: you are coming", with the link (their own: links.ts) once the
 * reminders went out and the answer buttons (a "no" passes the seat on), while the seat
 * is still theirs.
 */
export async function seatGrantedNotice(
  at: SendTime,
  row: OutboxRow,
): Promise<Delivery | null> {
  const user = activeParticipant(at, row);
  const week = liveWeek(at, row);
  if (user === undefined || week === undefined) return null;
  if (at.store.seats.held(week.id, user.id)?.seat !== "seat") return null;
  const { config } = at;
  const link = remindersSent(at, week);
  const meeting = link
    ? await personalized(at, { user, meeting: week, always: true })
    : { ...week, zone: userZone(config, user) };
  const values = meetingValues(config, meeting);
  // A preview of a personal link would be a fetch nobody clicked: never for those.
  return sendMessage(row.chat_id, {
    text: renderText(config, "seat_granted", {
      ...values,
      link_line: link
        ? renderText(config, "seat_link_line", { link: meeting.link })
        : "",
    }),
    reply_markup: answerKeyboard(config, meeting),
  }, { preview: link && !at.links.personal });
}

/** "No seat this time: you are number N on the waitlist", while they still wait. */
export function waitlistNote(at: SendTime, row: OutboxRow): Delivery | null {
  const user = activeParticipant(at, row);
  const meeting = liveWeek(at, row);
  if (user === undefined || meeting === undefined) return null;
  const place = waitlistPlace(at.store, {
    meetingId: meeting.id,
    userId: user.id,
  });
  if (place === undefined) return null;
  // The note goes minutes before the start: "today" where the person is, unless the
  // start is just past their midnight (whenValue names the day then).
  const shown = { ...meeting, zone: userZone(at.config, user) };
  return sendMessage(row.chat_id, {
    text: renderText(at.config, "waitlist_note", {
      ...meetingValues(at.config, shown),
      when: whenValue(at.config, { meeting: shown, now: at.now() }),
      place,
    }),
  }, { preview: false });
}
