/**
 * The messages the bot sends, built from config texts: shared by the Telegram features
 * and by the weekly jobs, so that an invitation looks the same whoever sends it.
 */
import { InlineKeyboard } from "grammy";
import type { Answer } from "../core/answers.ts";
import { formatLocalTime } from "../core/week.ts";
import type { Config } from "../config/schema.ts";
import { render } from "../config/texts.ts";
import type { MeetingSlot } from "../domain/meeting.ts";
import { formatDate, formatTime, formatWeekday } from "../domain/time.ts";

/** Text and keyboard of one message. */
export interface OutgoingMessage {
  text: string;
  reply_markup?: InlineKeyboard;
}

/** Button data of the sign-up question. */
export const REGISTER_DATA = { yes: "reg:yes", no: "reg:no" } as const;

/** Button data of an answer to one meeting's invitation. */
export function answerData(meetingId: string, answer: Answer): string {
  return `rsvp:${meetingId}:${answer}`;
}

/** What a button press asks for, or `undefined` for data the bot never sends. */
export type ButtonAction =
  | { kind: "register"; register: boolean }
  | { kind: "answer"; meetingId: string; answer: Answer };

/** Decodes button data; forged or malformed data gives `undefined`. */
export function parseButtonData(data: string): ButtonAction | undefined {
  if (data === REGISTER_DATA.yes) return { kind: "register", register: true };
  if (data === REGISTER_DATA.no) return { kind: "register", register: false };
  const match = /^rsvp:(\d{4}-\d{2}-\d{2}):(yes|no)$/.exec(data);
  if (match === null) return undefined;
  return { kind: "answer", meetingId: match[1]!, answer: match[2] as Answer };
}

/** The values every meeting text may use: title, date, time, link. */
export function meetingValues(
  config: Config,
  meeting: MeetingSlot,
): Record<string, string> {
  return {
    title: config.meeting.title,
    date: formatDate(meeting.startsAt, config.timezone),
    time: formatTime(meeting.startsAt, config.timezone),
    link: config.meeting.link,
  };
}

/** The values of the weekly schedule: title, weekday, time. */
export function scheduleValues(config: Config): Record<string, string> {
  return {
    title: config.meeting.title,
    weekday: formatWeekday(config.meeting.weekday),
    time: formatLocalTime(config.meeting.time),
  };
}

/** The sign-up question of `/start`. */
export function greeting(config: Config, name: string): OutgoingMessage {
  return {
    text: render(config.texts.start_greeting, {
      name,
      title: config.meeting.title,
    }),
    reply_markup: new InlineKeyboard()
      .text(config.texts.button_register_yes, REGISTER_DATA.yes)
      .text(config.texts.button_register_no, REGISTER_DATA.no),
  };
}

/** The answer buttons of a meeting's invitation. */
export function answerKeyboard(
  config: Config,
  meeting: MeetingSlot,
): InlineKeyboard {
  return new InlineKeyboard()
    .text(config.texts.button_attend_yes, answerData(meeting.id, "yes"))
    .text(config.texts.button_attend_no, answerData(meeting.id, "no"));
}

/** The weekly invitation with its answer buttons. */
export function invitation(
  config: Config,
  meeting: MeetingSlot,
): OutgoingMessage {
  return {
    text: render(config.texts.invitation, meetingValues(config, meeting)),
    reply_markup: answerKeyboard(config, meeting),
  };
}

/** The invitation after an answer: shows the choice and keeps the buttons to change it. */
export function answeredInvitation(
  config: Config,
  { meeting, answer }: { meeting: MeetingSlot; answer: Answer },
): OutgoingMessage {
  return {
    text: render(
      config.texts[answer === "yes" ? "answer_yes" : "answer_no"],
      meetingValues(config, meeting),
    ),
    reply_markup: answerKeyboard(config, meeting),
  };
}

/** A reminder with the link. */
export function reminder(
  config: Config,
  { meeting, job }: {
    meeting: MeetingSlot;
    job: "first_reminder" | "second_reminder";
  },
): OutgoingMessage {
  return { text: render(config.texts[job], meetingValues(config, meeting)) };
}
