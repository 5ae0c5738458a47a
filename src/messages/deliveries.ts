/**
 * The Bot API calls that rows of the outbox become: a message, an edit, and the rows
 * whose content was written when they were owed (a text, a report, an announcement).
 *
 * @module
 */
import type { MessageEntity } from "grammy/types";
import type { Config } from "../config/schema.ts";
import { render, type TextKey } from "../config/texts.ts";
import type { Announcement } from "../db/announcements.ts";
import type { OutboxRow } from "../db/outbox.ts";
import type { Store } from "../db/store.ts";
import type { Delivery } from "../core/owed.ts";
import type { ReportPayload } from "../usecases/jobs.ts";
import { weekById } from "../usecases/weeks.ts";
import type { User } from "../db/users.ts";
import { wants } from "../domain/choices.ts";
import type { Zone } from "../domain/zones.ts";
import { meetingValues, type OutgoingMessage } from "./build.ts";
import { userZone } from "./zone.ts";
import { TEXT_LIMIT, truncate, withHeader } from "./limits.ts";

/** A text payload written when the row was owed (reports to admins). */
export interface TextPayload {
  /** The report, as written when it was owed. */
  text: string;
  /** Its formatting, as Telegram entities. */
  entities?: MessageEntity[];
}

/** A text message, its link preview shown only when asked. */
export function sendMessage(
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

/**
 * An edit of the message whose id the row's payload holds; with `preview`, whether its
 * link gets a preview (an edit without it gets Telegram's default, a preview).
 */
export function editMessage(
  row: OutboxRow,
  message: OutgoingMessage,
  { preview }: { preview?: boolean } = {},
): Delivery {
  const { message_id } = JSON.parse(row.payload ?? "{}") as {
    message_id: number;
  };
  return {
    method: "editMessageText",
    params: {
      chat_id: row.chat_id,
      message_id,
      text: truncate(message.text, TEXT_LIMIT),
      reply_markup: message.reply_markup,
      ...(preview === undefined
        ? {}
        : { link_preview_options: { is_disabled: !preview } }),
    },
  };
}

/**
 * An announcement, as text or as a copy of the admin's message, to `user`. A text goes
 * under its header (`texts.announcement_header`, or `followup_header` with the meeting's
 * values in their zone) when the two fit in one message; a copy goes as it is. A
 * follow-up is not sent to one who turned follow-ups off or paused its week since.
 */
export function announcementDelivery(
  row: OutboxRow,
  { store, config, user }: {
    store: Store;
    config: Config;
    user: User;
  },
): Delivery | null {
  if (row.ref === null) return null;
  const found = store.announcements.get(Number(row.ref));
  if (found === undefined) return null;
  if (
    found.kind === "followup" &&
    !wants(store.settings.choices(user.id), {
      message: "followups",
      weekId: found.meeting_id ?? undefined,
    })
  ) {
    return null;
  }
  if (found.copy !== undefined) {
    return {
      method: "copyMessage",
      params: {
        chat_id: row.chat_id,
        from_chat_id: found.copy.chatId,
        message_id: found.copy.messageId,
      },
    };
  }
  const { text, entities } = withHeader(
    announcementHeader(found, { config, store, zone: userZone(config, user) }),
    {
      text: found.text,
      entities: found.entities,
      limit: TEXT_LIMIT,
    },
  );
  return {
    method: "sendMessage",
    params: { chat_id: row.chat_id, text, entities },
  };
}

/** The header of an announcement, or of a follow-up with its meeting's date in `zone`. */
function announcementHeader(
  found: Announcement,
  { config, store, zone }: { config: Config; store: Store; zone: Zone },
): string {
  if (found.kind !== "followup") return config.texts.announcement_header;
  const meeting = found.meeting_id === null
    ? undefined
    : weekById(store, { config, id: found.meeting_id });
  return meeting === undefined ? "" : render(
    config.texts.followup_header,
    meetingValues(config, { ...meeting, zone }),
  );
}

/** A text written when the row was owed. */
export function textDelivery(row: OutboxRow): Delivery {
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

/** A report to an admin, rendered from the texts of the config as it is now. */
export function reportDelivery(
  row: OutboxRow,
  { config, store }: { config: Config; store: Store },
): Delivery {
  const payload = JSON.parse(row.payload ?? "{}") as ReportPayload;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(payload.values)) {
    values[name] = typeof value === "string" && value in config.texts
      ? config.texts[value as TextKey]
      : value;
  }
  if (payload.meeting_id !== undefined) {
    const meeting = weekById(store, { config, id: payload.meeting_id });
    if (meeting === undefined) values.date = payload.meeting_id;
    else Object.assign(values, meetingValues(config, meeting));
  }
  return {
    method: "sendMessage",
    params: {
      chat_id: row.chat_id,
      text: truncate(render(config.texts[payload.text], values), TEXT_LIMIT),
      link_preview_options: { is_disabled: true },
    },
  };
}
