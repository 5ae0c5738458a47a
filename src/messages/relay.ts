/**
 * Messages passed between a participant and the admins: the participant's message goes
 * to each admin as a header and a forward; an admin's reply to either goes back to the
 * participant under a header ("Ответ ведущего:"), in reply to their question, and the
 * admin then gets a note, in reply to their message, on how it went. Everything they
 * need is written in the row's payload.
 *
 * @module
 */
import type { OutboxRow } from "../db/outbox.ts";
import type { Delivery } from "../core/owed.ts";
import type { RelayPayload } from "../usecases/relays.ts";
import { CAPTION_LIMIT, TEXT_LIMIT, withHeader } from "./limits.ts";

/** The call that delivers a relay row. */
export function relayDelivery(row: OutboxRow): Delivery {
  const payload = JSON.parse(row.payload ?? "{}") as RelayPayload;
  switch (payload.step) {
    case "header":
      return {
        method: "sendMessage",
        params: { chat_id: row.chat_id, text: payload.text },
      };
    case "forward":
      return {
        method: "forwardMessage",
        params: {
          chat_id: row.chat_id,
          from_chat_id: payload.from_chat_id,
          message_id: payload.message_id,
        },
      };
    case "answer":
      return answerDelivery(row.chat_id, payload);
    case "outcome":
      return {
        method: "sendMessage",
        params: {
          chat_id: row.chat_id,
          text: payload.text,
          reply_parameters: {
            message_id: payload.reply_to,
            allow_sending_without_reply: true,
          },
        },
      };
  }
}

/**
 * An admin's reply to a participant: a text under the header, or a copy of the media with
 * the header above its caption (content without a caption is copied as it is), in reply
 * to the participant's question; sent anyway when the question is gone.
 */
function answerDelivery(
  chatId: number,
  payload: Extract<RelayPayload, { step: "answer" }>,
): Delivery {
  const reply_parameters = payload.reply_to === undefined ? undefined : {
    message_id: payload.reply_to, // the participant's question
    allow_sending_without_reply: true, // the participant may have deleted it
  };
  if ("text" in payload) {
    const { text, entities } = withHeader(payload.header, {
      text: payload.text,
      entities: payload.entities,
      limit: TEXT_LIMIT,
    });
    return {
      method: "sendMessage",
      params: { chat_id: chatId, text, entities, reply_parameters },
    };
  }
  const params: Record<string, unknown> = {
    chat_id: chatId,
    from_chat_id: payload.from_chat_id,
    message_id: payload.message_id,
    reply_parameters,
  };
  if ("caption" in payload) {
    const { text, entities } = withHeader(payload.header, {
      text: payload.caption,
      entities: payload.caption_entities,
      limit: CAPTION_LIMIT,
    });
    params.caption = text;
    params.caption_entities = entities;
  }
  return { method: "copyMessage", params };
}
