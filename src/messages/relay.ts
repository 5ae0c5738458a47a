/**
 * Messages passed between a participant and the admins: the participant's message goes
 * to each admin as a header and a forward; an admin's reply to either goes back to the
 * participant as a copy, and the admin then gets a note, in reply to their message, on
 * how it went. Everything they need is written in the row's payload.
 *
 * @module
 */
import type { OutboxRow } from "../db/outbox.ts";
import type { Delivery } from "../core/owed.ts";
import type { RelayPayload } from "../usecases/relays.ts";

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
      return {
        method: "copyMessage",
        params: {
          chat_id: row.chat_id,
          from_chat_id: payload.from_chat_id,
          message_id: payload.message_id,
        },
      };
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
