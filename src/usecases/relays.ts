/**
 * Messages between participants and the admins: what a participant writes reaches every
 * admin, with who wrote it; an admin's reply to it reaches the participant. Both go
 * through the outbox, so they survive a crash.
 *
 * @module
 */
import { LANE, OWED } from "../core/owed.ts";
import type { Store } from "../db/store.ts";
import type { User } from "../db/users.ts";

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

/**
 * Enqueues, for each admin, a header saying who wrote (`header`) and the participant's
 * message forwarded. Keyed by the message, so a redelivered update adds nothing.
 */
export function relayToAdmins(
  store: Store,
  { user, messageId, admins, header, now }: {
    user: User;
    messageId: number;
    admins: readonly number[];
    header: string;
    now: Date;
  },
): void {
  store.transaction(() => {
    for (const admin of admins) {
      const steps: RelayPayload[] = [
        { step: "header", user_id: user.id, text: header },
        {
          step: "forward",
          user_id: user.id,
          from_chat_id: user.tg_id,
          message_id: messageId,
        },
      ];
      for (const payload of steps) {
        store.outbox.add({
          key: `relay/${user.tg_id}/${messageId}/${admin}/${payload.step}`,
          kind: OWED.relay,
          chatId: admin,
          lane: LANE.reply,
          payload,
        }, now);
      }
    }
  });
}

/**
 * Enqueues an admin's reply (`messageId` in `adminChatId`) for the participant whose
 * relayed message it answers (`replyTo`); the participant, or `undefined` when the
 * replied-to message is not a relayed one.
 */
export function replyToParticipant(
  store: Store,
  { adminChatId, replyTo, messageId, now }: {
    adminChatId: number;
    replyTo: number;
    messageId: number;
    now: Date;
  },
): User | undefined {
  return store.transaction(() => {
    const userId = store.relays.userOf({
      adminChatId,
      adminMessageId: replyTo,
    });
    if (userId === undefined) return undefined;
    const user = store.users.byId(userId);
    if (user === undefined) return undefined;
    const payload: RelayPayload = {
      step: "answer",
      from_chat_id: adminChatId,
      message_id: messageId,
    };
    store.outbox.add({
      key: `relay_answer/${adminChatId}/${messageId}`,
      kind: OWED.relay_answer,
      chatId: user.tg_id,
      userId: user.id,
      lane: LANE.reply,
      payload,
    }, now);
    return user;
  });
}
