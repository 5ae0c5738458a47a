/**
 * The Bot API calls that rows of the outbox become: a message, an edit, and the rows
 * whose content was written when they were owed (a text, a report, an announcement).
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import { renderText } from "../config/language.ts";
import { type TextKey } from "../config/texts.ts";
import type { Announcement } from "../db/announcements.ts";
import type { OutboxRow } from "../db/outbox.ts";
import type { Store } from "../db/store.ts";
import type { Delivery } from "../core/owed.ts";
import type { ReportPayload, Said, TextPayload } from "../usecases/jobs.ts";
import { weekById } from "../usecases/weeks.ts";
import type { User } from "../db/users.ts";
import { wants } from "../domain/choices.ts";
import type { Zone } from "../domain/zones.ts";
import { meetingValues, type OutgoingMessage } from "./build.ts";
import { userZone, zoneScheduleValues } from "./zone.ts";
import {
  commentLines,
  ratingText,
  reportSeatsLine,
} from "../usecases/meeting_report.ts";
import { TEXT_LIMIT, truncate, withHeader } from "./limits.ts";

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
  return meeting === undefined ? "" : renderText(
    config,
    "followup_header",
    meetingValues(config, { ...meeting, zone }),
  );
}

/**
 * A text of the config owed to someone, written out in `config`'s language (the
 * person's) and in `zone` (theirs): its values over the schedule's and, when it names
 * one, its meeting's.
 */
export function writeOut(
  said: Said,
  { config, store, now, zone = config }: {
    config: Config;
    store: Store;
    now: Date;
    /** The reader's zone; default the meeting's. */
    zone?: Zone;
  },
): string {
  const meeting = said.meeting_id === undefined
    ? undefined
    : weekById(store, { config, id: said.meeting_id });
  const text = renderText(config, said.key, {
    ...zoneScheduleValues(config, { now, zone }),
    ...(meeting === undefined
      ? {}
      : meetingValues(config, { ...meeting, zone })),
    ...said.values,
  });
  const more = (said.more ?? []).map((next) =>
    writeOut(next, { config, store, now, zone })
  );
  return [text, ...more].join("\n\n");
}

/** A text row: the config's text in the person's language (`config`), or as written. */
export function textDelivery(
  row: OutboxRow,
  at: { config: Config; store: Store; now: Date },
): Delivery {
  const payload = JSON.parse(row.payload ?? "{}") as TextPayload;
  const { text, entities } = "key" in payload
    ? {
      text: writeOut(payload, {
        ...at,
        zone: userZone(at.config, at.store.users.byTgId(row.chat_id)),
      }),
      entities: undefined,
    }
    : payload;
  return {
    method: "sendMessage",
    params: {
      chat_id: row.chat_id,
      text: truncate(text, TEXT_LIMIT),
      entities,
      link_preview_options: { is_disabled: true },
    },
  };
}

/**
 * A report to an admin, rendered from the texts of the config as it is now, in the
 * admin's language: values that name a text become it, and a meeting report's ratings
 * and comments (`rated`) are written out.
 */
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
  if (payload.rated !== undefined) {
    values.rating = ratingText(config, payload.rated);
    values.comments = commentLines(config, payload.rated);
  }
  if (payload.text.startsWith("admin_meeting_report")) {
    values.seat_figures ??= reportSeatsLine(config, payload.seats);
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
      text: truncate(renderText(config, payload.text, values), TEXT_LIMIT),
      link_preview_options: { is_disabled: true },
    },
  };
}
