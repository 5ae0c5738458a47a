/**
 * Messages between participants and the admins: what a participant writes reaches every
 * admin, with who wrote it, at most a number of messages an hour (kept in the database,
 * so a restart does not reset it); an admin's reply to it reaches the participant, and
 * once its outcome is known the admin is told whether it arrived. Everything goes
 * through the outbox, so it survives a crash.
 *
 * @module
 */
import type { MessageEntity } from "grammy/types";
import type { Config } from "../config/schema.ts";
import { render, type TextKey } from "../config/texts.ts";
import { FINAL_STATUSES, LANE, OWED } from "../core/owed.ts";
import type { Store } from "../db/store.ts";
import type { User } from "../db/users.ts";

const HOUR_MS = 3_600_000;

/**
 * What an admin's reply holds that the participant gets with a header: its text, or the
 * caption of a photo, video, animation, audio, document or voice message; nothing for
 * other content (a sticker, a location…), which is copied as it is.
 */
export type ReplyContent =
  | { text: string; entities?: MessageEntity[] }
  | { caption: string; caption_entities?: MessageEntity[] }
  | Record<never, never>;

/** What a relay row carries. */
export type RelayPayload =
  /** The header that says who wrote (`message_id`: what they wrote), to an admin. */
  | { step: "header"; user_id: number; text: string; message_id?: number }
  /** The participant's message itself, forwarded to an admin. */
  | {
    step: "forward";
    user_id: number;
    from_chat_id: number;
    message_id: number;
  }
  /**
   * An admin's reply (`message_id` in the admin's chat), sent to the participant under
   * `header`, in reply to their question (`reply_to`, in their chat) when it is known.
   */
  | {
    step: "answer";
    from_chat_id: number;
    message_id: number;
    /** The participant as the admin knows them, for the note about the outcome. */
    name?: string;
    /** The header above the reply ("Ответ ведущего:"); none when empty or absent. */
    header?: string;
    /** The participant's message the reply answers, in their chat. */
    reply_to?: number;
  } & ReplyContent
  /** The note to an admin about how their reply (`reply_to`) went. */
  | { step: "outcome"; user_id: number; text: string; reply_to: number };

/**
 * What became of a participant's message: passed on, refused with a notice (the first
 * time over the limit), or refused quietly (they were told already).
 */
export type RelayVerdict = "passed" | "limited" | "quiet";

/**
 * Enqueues, for each admin, a header saying who wrote (`header`) and the participant's
 * message forwarded, unless the participant had `perHour` messages passed on in the last
 * hour. Keyed by the message, so a redelivered update adds (and counts) nothing.
 */
export function relayToAdmins(
  store: Store,
  { user, messageId, admins, header, perHour, now }: {
    user: User;
    messageId: number;
    admins: readonly number[];
    header: string;
    perHour: number;
    now: Date;
  },
): RelayVerdict {
  return store.transaction(() => {
    const since = new Date(now.getTime() - HOUR_MS);
    const recent = store.relays.recentRelays(user.id, since);
    if (recent.passed >= perHour) {
      if (recent.told) return "quiet";
      store.relays.logRelay({ userId: user.id, passed: false, since }, now);
      return "limited";
    }
    let added = false;
    for (const admin of admins) {
      const steps: RelayPayload[] = [
        {
          step: "header",
          user_id: user.id,
          text: header,
          message_id: messageId,
        },
        {
          step: "forward",
          user_id: user.id,
          from_chat_id: user.tg_id,
          message_id: messageId,
        },
      ];
      for (const payload of steps) {
        added = store.outbox.add({
          key: `relay/${user.tg_id}/${messageId}/${admin}/${payload.step}`,
          kind: OWED.relay,
          chatId: admin,
          lane: LANE.reply,
          payload,
        }, now) || added;
      }
    }
    if (added) {
      store.relays.logRelay({ userId: user.id, passed: true, since }, now);
    }
    return "passed";
  });
}

/** The key of an admin's reply: its message id counts only in its own chat. */
function answerKey(adminChatId: number, messageId: number): string {
  return `relay_answer/${adminChatId}/${messageId}`;
}

/** The key of the note about a reply's outcome, from the reply's key. */
function outcomeKey(key: string): string {
  return key.replace(/^relay_answer\//, "relay_outcome/");
}

/**
 * Enqueues an admin's reply (`messageId` in `adminChatId`) for the participant whose
 * relayed message it answers (`replyTo`, in the same chat), under `header` and threaded
 * to the participant's question; the participant, or `undefined` when the replied-to
 * message is not a relayed one. The reply is a batch of its own: when it settles,
 * {@linkcode finishRelayAnswer} tells the admin how it went.
 */
export function replyToParticipant(
  store: Store,
  { adminChatId, replyTo, messageId, content = {}, header = "", name, now }: {
    adminChatId: number;
    replyTo: number;
    messageId: number;
    /** The reply's text or caption, to send under the header. */
    content?: ReplyContent;
    /** The header above it, e.g. "Ответ ведущего:"; empty for none. */
    header?: string;
    /** The participant as the admin should read it in the note. */
    name: (user: User) => string;
    now: Date;
  },
): User | undefined {
  return store.transaction(() => {
    const origin = store.relays.origin({
      adminChatId,
      adminMessageId: replyTo,
    });
    if (origin === undefined) return undefined;
    const user = store.users.byId(origin.userId);
    if (user === undefined) return undefined;
    const payload: RelayPayload = {
      step: "answer",
      from_chat_id: adminChatId,
      message_id: messageId,
      name: name(user),
      header,
      reply_to: origin.userMessageId,
      ...content,
    };
    const key = answerKey(adminChatId, messageId);
    store.outbox.add({
      key,
      batch: key,
      kind: OWED.relay_answer,
      chatId: user.tg_id,
      userId: user.id,
      lane: LANE.reply,
      payload,
    }, now);
    return user;
  });
}

/** The note an admin gets for each outcome of their reply. */
const OUTCOME_TEXTS: Readonly<Record<string, TextKey>> = {
  sent: "relay_answered",
  blocked: "relay_answer_blocked",
  unknown: "relay_answer_unknown",
  failed: "relay_answer_failed",
  dropped: "relay_answer_failed",
};

/**
 * Once the admin's reply `key` has settled, owes the admin a note that says how it went
 * (delivered; the participant blocked the bot; Telegram refused it; no answer came),
 * as a reply to their message. Safe to call again; false when nothing was owed now.
 */
export function finishRelayAnswer(
  store: Store,
  { key, texts, now }: { key: string; texts: Config["texts"]; now: Date },
): boolean {
  return store.transaction(() => {
    const row = store.outbox.byKey(key);
    if (row === undefined || row.kind !== OWED.relay_answer) return false;
    if (!FINAL_STATUSES.includes(row.status) || row.user_id === null) {
      return false;
    }
    const answer = JSON.parse(row.payload ?? "{}") as RelayPayload;
    if (answer.step !== "answer") return false;
    const note: RelayPayload = {
      step: "outcome",
      user_id: row.user_id,
      text: render(texts[OUTCOME_TEXTS[row.status] ?? "relay_answer_failed"], {
        name: answer.name ?? String(row.chat_id),
      }),
      reply_to: answer.message_id,
    };
    return store.outbox.add({
      key: outcomeKey(key),
      kind: OWED.relay,
      chatId: answer.from_chat_id,
      lane: LANE.reply,
      payload: note,
    }, now);
  });
}

/**
 * Owes the notes of replies that settled while no note was owed (the process stopped in
 * between), for replies of the last day; returns how many.
 */
export function finishSettledAnswers(
  store: Store,
  { texts, now }: { texts: Config["texts"]; now: Date },
): number {
  const since = new Date(now.getTime() - 24 * HOUR_MS);
  let owed = 0;
  for (const key of store.relays.settledAnswersWithoutNote(since)) {
    if (finishRelayAnswer(store, { key, texts, now })) owed++;
  }
  return owed;
}
