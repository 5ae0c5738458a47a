/**
 * The messages the bot sends, built from config texts: shared by the Telegram features
 * and the outbox, so that an invitation looks the same whoever sends it.
 *
 * @module
 */
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Answer } from "../core/answers.ts";
import type { JobName } from "../core/jobs.ts";
import { formatLocalTime } from "../core/week.ts";
import type { Config } from "../config/schema.ts";
import { renderText } from "../config/language.ts";
import type { MeetingSlot } from "../domain/meeting.ts";
import { grammarOf } from "../domain/grammar.ts";
import { DATE_FORMS } from "../domain/russian.ts";
import {
  dateValues,
  durationValues,
  inZone,
  zoneLabel,
} from "./date_values.ts";
import type { Zone } from "../domain/zones.ts";
import * as seats from "./seats_shown.ts";

export {
  dateValues,
  dayValues,
  durationValues,
  inZone,
  zoneLabel,
} from "./date_values.ts";

/** Text and keyboard of one message. */
export interface OutgoingMessage {
  /** Plain text, no parse mode; cut to `TEXT_LIMIT` when sent. */
  text: string;
  /** The buttons under it, if any. */
  reply_markup?: InlineKeyboardMarkup;
}

/** One row of buttons, each with its callback data: no grammY needed to send it. */
export function buttonRow(
  ...buttons: [text: string, data: string][]
): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      buttons.map(([text, callback_data]) => ({ text, callback_data })),
    ],
  };
}

/** A week's meeting as shown: a plain slot has the config's topic, link and zone. */
export type ShownMeeting = MeetingSlot & {
  topic?: string | null;
  link?: string;
  cancelled?: boolean;
  zone?: Zone;
  seats?: seats.ShownSeats;
};

/** Button data of the sign-up question. */
export const REGISTER_DATA = { yes: "reg:yes", no: "reg:no" } as const;

/** Button data of an answer to one meeting's invitation. */
export function answerData(meetingId: string, answer: Answer): string {
  return `rsvp:${meetingId}:${answer}`;
}

/** What a button press asks for, or `undefined` for data the bot never sends. */
export type ButtonAction =
  | { kind: "register"; register: boolean }
  | { kind: "answer"; meetingId: string; answer: Answer; leave?: boolean };

/** Decodes button data; forged or malformed data gives `undefined`. */
export function parseButtonData(data: string): ButtonAction | undefined {
  if (data === REGISTER_DATA.yes) return { kind: "register", register: true };
  if (data === REGISTER_DATA.no) return { kind: "register", register: false };
  const match = /^rsvp:(\d{4}-\d{2}-\d{2}):(yes|no|leave)$/.exec(data);
  if (match === null) return undefined;
  if (match[2] === "leave") {
    return { kind: "answer", meetingId: match[1]!, answer: "no", leave: true };
  }
  return { kind: "answer", meetingId: match[1]!, answer: match[2] as Answer };
}

/** The values every text about one meeting may use (see `TEXT_PLACEHOLDERS`). */
export interface MeetingValues extends Record<string, string> {
  /** The config's `meeting.title`. */
  title: string;
  /** "среда, 25 ноября"; `date_gen`, `date_acc`, `date_on`… are its other forms. */
  date: string;
  /** "25 ноября". */
  day: string;
  /** The local start time, "11:00". */
  time: string;
  /** The zone: the config's `timezone_label`, or "UTC+3". */
  tz: string;
  /** "среда"; `weekday_gen`, `weekday_acc`… are its other forms. */
  weekday: string;
  /** "в среду", "во вторник". */
  weekday_on: string;
  /** "1 час 30 минут". */
  duration: string;
  /** The same after "длится": "1 час 21 минуту". */
  duration_acc: string;
  /** This week's link, or the config's. */
  link: string;
  /** This week's topic; empty when none was set. */
  topic: string;
  /** `texts.topic_line` with the topic; empty when there is none. */
  topic_line: string;
  /** The free seats (`texts.seats_line`, or `seats_full_line`); empty without a limit. */
  seats_line: string;
}

/** The values every text about one meeting may use (see `TEXT_PLACEHOLDERS`). */
export function meetingValues(
  config: Config,
  meeting: ShownMeeting,
): MeetingValues {
  const topic = meeting.topic ?? "";
  const zone = meeting.zone ?? config;
  const date = dateValues(inZone(config, zone), { at: meeting.startsAt });
  return {
    ...date,
    title: config.meeting.title,
    date: date.date!,
    day: date.day!,
    time: date.time!,
    tz: zoneLabel(zone, meeting.startsAt),
    weekday: date.weekday!,
    weekday_on: date.weekday_on!,
    ...durationValues(config),
    link: meeting.link ?? config.meeting.link,
    topic,
    topic_line: topic === "" ? "" : renderText(config, "topic_line", { topic }),
    seats_line: seats.seatsLine(config, meeting.seats),
  };
}

/**
 * The values of a text about a moved meeting: the meeting as it is now, and every form
 * of the time before (`old_…`) and after (`new_…`) the move. `{date}` and `{time}` are
 * the meeting's as it is now, unless `date` says `"old"` (admin texts written before
 * the move named it so).
 */
export function moveValues(
  config: Config,
  { meeting, from, to, date = "new" }: {
    meeting: ShownMeeting;
    from: Date;
    to: Date;
    date?: "old" | "new";
  },
): Record<string, string> {
  const shown = date === "old" ? from : to;
  const zone = meeting.zone ?? config;
  return {
    ...meetingValues(config, { ...meeting, startsAt: shown }),
    ...dateValues(inZone(config, zone), { at: from, prefix: "old_" }),
    ...dateValues(inZone(config, zone), { at: to, prefix: "new_" }),
    tz: zoneLabel(zone, to),
  };
}

/** The values of the weekly schedule (see `TEXT_PLACEHOLDERS`). */
export function scheduleValues(
  config: Config,
  now: Date,
): Record<string, string> {
  const weekday = config.meeting.weekday;
  const grammar = grammarOf(config.language);
  const values: Record<string, string> = {
    title: config.meeting.title,
    weekday: grammar.weekday(weekday, "nom"),
    weekday_every: grammar.every(weekday),
    time: formatLocalTime(config.meeting.time),
    tz: zoneLabel(config, now),
    ...durationValues(config),
  };
  for (const form of DATE_FORMS) {
    values[`weekday_${form}`] = grammar.weekday(weekday, form);
  }
  return values;
}

/** The sign-up question of `/start`. */
export function greeting(
  config: Config,
  { name, now }: { name: string; now: Date },
): OutgoingMessage {
  return {
    text: renderText(config, "start_greeting", {
      ...scheduleValues(config, now),
      name,
    }),
    reply_markup: buttonRow(
      [config.texts.button_register_yes, REGISTER_DATA.yes],
      [config.texts.button_register_no, REGISTER_DATA.no],
    ),
  };
}

/** The answer buttons of a meeting's invitation. */
export function answerKeyboard(
  config: Config,
  meeting: MeetingSlot,
): InlineKeyboardMarkup {
  return buttonRow(
    [config.texts.button_attend_yes, answerData(meeting.id, "yes")],
    [config.texts.button_attend_no, answerData(meeting.id, "no")],
  );
}

/** The weekly invitation with its answer buttons. */
export function invitation(
  config: Config,
  meeting: ShownMeeting,
): OutgoingMessage {
  return {
    text: renderText(config, "invitation", meetingValues(config, meeting)),
    reply_markup: answerKeyboard(config, meeting),
  };
}

/**
 * The invitation after an answer: shows the choice and keeps the buttons to change it;
 * a cancelled meeting's says so, without buttons. A "yes" waiting for a seat (`place` on
 * the waitlist) shows its place and the button that leaves the waitlist.
 */
export function answeredInvitation(
  config: Config,
  { meeting, answer, place }: {
    meeting: ShownMeeting;
    answer: Answer;
    place?: number;
  },
): OutgoingMessage {
  const values = meetingValues(config, meeting);
  if (meeting.cancelled) {
    return { text: renderText(config, "meeting_cancelled_message", values) };
  }
  if (answer === "yes" && place !== undefined) {
    const meetingId = meeting.id;
    return seats.waitlistedInvitation(config, { values, meetingId, place });
  }
  return {
    text: renderText(
      config,
      answer === "yes" ? "answer_yes" : "answer_no",
      values,
    ),
    reply_markup: answerKeyboard(config, meeting),
  };
}

/** A reminder with the link; `when` is "сегодня", "завтра" or the date (zone.ts). */
export function reminder(
  config: Config,
  { meeting, job, when }: { meeting: ShownMeeting; job: JobName; when: string },
): OutgoingMessage {
  const values = { ...meetingValues(config, meeting), when };
  return { text: renderText(config, job, values) };
}
