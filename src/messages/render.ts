/**
 * What each outbox row becomes when its turn comes: the Bot API call, built from the
 * config and the database as they are now, or `null` when it is no longer owed (the
 * participant stopped, changed their answer, or the meeting was cancelled or began).
 *
 * @module
 */
import type { MessageEntity } from "grammy/types";
import type { Answer } from "../core/answers.ts";
import type { JobName } from "../core/jobs.ts";
import { OWED } from "../core/owed.ts";
import type { Config } from "../config/schema.ts";
import { render } from "../config/texts.ts";
import type { OutboxRow } from "../db/outbox.ts";
import type { Store } from "../db/store.ts";
import { meetingIcs } from "../domain/ics.ts";
import { meetingById, type MeetingSlot, planJobs } from "../domain/meeting.ts";
import type { Delivery } from "../delivery/sender.ts";
import { isCancelled } from "../usecases/meetings.ts";
import {
  answeredInvitation,
  answerKeyboard,
  invitation,
  meetingValues,
  type OutgoingMessage,
  reminder,
} from "./build.ts";
import { CAPTION_LIMIT, TEXT_LIMIT, truncate } from "./limits.ts";

/** A text payload written when the row was owed (reports to admins). */
export interface TextPayload {
  text: string;
  entities?: MessageEntity[];
}

/** Builds the renderer of the sender, reading the config and the store at send time. */
export function createRenderer(
  deps: { config: Config; store: Store; now: () => Date },
): {
  render: (row: OutboxRow) => Delivery | null;
  /** Tells the renderer what a delivery returned (a calendar upload's `file_id`). */
  delivered: (row: OutboxRow, result: unknown) => void;
} {
  const { config, store, now } = deps;
  /** Calendar files uploaded once per meeting, then sent by `file_id`. */
  const calendarFiles = new Map<string, string>();

  function participant(row: OutboxRow) {
    if (row.user_id === null) return undefined;
    const user = store.users.byTgId(row.chat_id);
    return user?.is_active ? user : undefined;
  }

  function liveMeeting(row: OutboxRow): MeetingSlot | undefined {
    const meeting = row.ref === null ? undefined : meetingById(config, row.ref);
    if (meeting === undefined || isCancelled(store, meeting.id)) return;
    return now() < meeting.startsAt ? meeting : undefined;
  }

  function jobMessage(row: OutboxRow, job: JobName): Delivery | null {
    const user = participant(row);
    const meeting = liveMeeting(row);
    if (user === undefined || meeting === undefined) return null;
    const deadline = planJobs(config, meeting).find((p) => p.job === job)
      ?.deadline;
    if (deadline !== undefined && now() >= deadline) return null;
    const answer = store.answers.get(meeting.id, user.id);
    let message: OutgoingMessage;
    switch (job) {
      case "invitation":
        if (!user.is_registered) return null;
        message = invitation(config, meeting);
        break;
      case "nudge":
        if (!user.is_registered || answer !== undefined) return null;
        message = {
          text: render(config.texts.nudge, meetingValues(config, meeting)),
          reply_markup: answerKeyboard(config, meeting),
        };
        break;
      case "first_reminder":
      case "second_reminder":
        if (answer !== "yes") return null;
        message = reminder(config, { meeting, job });
        break;
    }
    return sendMessage(row.chat_id, message, {
      preview: job === "first_reminder" || job === "second_reminder",
    });
  }

  function answerEdit(row: OutboxRow): Delivery | null {
    const user = participant(row);
    const meeting = row.ref === null ? undefined : meetingById(config, row.ref);
    if (user === undefined || meeting === undefined) return null;
    const answer: Answer | undefined = store.answers.get(meeting.id, user.id);
    if (answer === undefined) return null;
    const { message_id } = JSON.parse(row.payload ?? "{}") as {
      message_id: number;
    };
    const message = answeredInvitation(config, { meeting, answer });
    return {
      method: "editMessageText",
      params: {
        chat_id: row.chat_id,
        message_id,
        text: truncate(message.text, TEXT_LIMIT),
        reply_markup: message.reply_markup,
      },
    };
  }

  function calendar(row: OutboxRow): Delivery | null {
    const user = participant(row);
    const meeting = liveMeeting(row);
    if (user === undefined || meeting === undefined) return null;
    if (store.answers.get(meeting.id, user.id) !== "yes") return null;
    const caption = truncate(
      render(config.texts.calendar_caption, meetingValues(config, meeting)),
      CAPTION_LIMIT,
    );
    const cached = calendarFiles.get(meeting.id);
    if (cached !== undefined) {
      return {
        method: "sendDocument",
        params: { chat_id: row.chat_id, document: cached, caption },
      };
    }
    const ics = meetingIcs({
      id: meeting.id,
      startsAt: meeting.startsAt,
      durationMinutes: config.meeting.duration_minutes,
      title: config.meeting.title,
      link: config.meeting.link,
      timeZone: config.timezone,
    }, { now: now() });
    return {
      method: "sendDocument",
      params: { chat_id: row.chat_id, document: "attach://file", caption },
      upload: {
        field: "file",
        filename: `meeting-${meeting.id}.ics`,
        bytes: new TextEncoder().encode(ics),
      },
    };
  }

  function announcement(row: OutboxRow): Delivery | null {
    if (participant(row) === undefined || row.ref === null) return null;
    const found = store.announcements.get(Number(row.ref));
    if (found === undefined) return null;
    return {
      method: "sendMessage",
      params: {
        chat_id: row.chat_id,
        text: found.text,
        entities: found.entities,
      },
    };
  }

  function cancellation(row: OutboxRow): Delivery | null {
    const meeting = row.ref === null ? undefined : meetingById(config, row.ref);
    if (participant(row) === undefined || meeting === undefined) return null;
    return sendMessage(row.chat_id, {
      text: render(
        config.texts.meeting_cancelled,
        meetingValues(config, meeting),
      ),
    }, { preview: false });
  }

  function text(row: OutboxRow): Delivery {
    const payload = JSON.parse(row.payload ?? "{}") as TextPayload;
    return {
      method: "sendMessage",
      params: {
        chat_id: row.chat_id,
        text: truncate(payload.text, TEXT_LIMIT),
        entities: payload.entities,
        link_preview_options: { is_disabled: true },
      },
    };
  }

  return {
    render(row) {
      switch (row.kind) {
        case OWED.invitation:
        case OWED.nudge:
        case OWED.first_reminder:
        case OWED.second_reminder:
          return jobMessage(row, row.kind);
        case OWED.answer_edit:
          return answerEdit(row);
        case OWED.calendar:
          return calendar(row);
        case OWED.announcement:
          return announcement(row);
        case OWED.cancellation:
          return cancellation(row);
        case OWED.text:
          return text(row);
        default:
          throw new RangeError(`Unknown outbox kind "${row.kind}"`);
      }
    },
    delivered(row, result) {
      if (row.kind !== OWED.calendar || row.ref === null) return;
      const document = (result as { document?: { file_id?: string } })
        ?.document;
      if (document?.file_id) calendarFiles.set(row.ref, document.file_id);
    },
  };
}

function sendMessage(
  chatId: number,
  message: OutgoingMessage,
  { preview }: { preview: boolean },
): Delivery {
  return {
    method: "sendMessage",
    params: {
      chat_id: chatId,
      text: truncate(message.text, TEXT_LIMIT),
      reply_markup: message.reply_markup,
      link_preview_options: { is_disabled: !preview },
    },
  };
}
