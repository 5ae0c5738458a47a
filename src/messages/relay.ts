/**
 * Messages passed between a participant and the admins: the participant's message goes
 * to each admin as a header and a forward; an admin's reply to either goes back to the
 * participant as a copy. Everything they need is written in the row's payload.
 *
 * @module
 */
import type { OutboxRow } from "../db/outbox.ts";
import type { Delivery } from "../delivery/sender.ts";

/** What a relay row carries. */
export type RelayPayload =
  /** The header that says who wrote, to an admin. */
  | { step: "header"; user_id: number; text: string }
  /** The participant's message itself, forwarded to an admin. */
  | {
    step: "forward";
    user_id: number;
    from_chat_id: number;
    message_id: number;
  }
  /** An admin's reply, copied to the participant. */
  | { step: "answer"; from_chat_id: number; message_id: number };

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
  }
}
