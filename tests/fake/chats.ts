/**
 * What the fake Bot API knows of chats: the chats seen in updates, the
 * messages users sent and the bot sent (with their edits), the record of
 * sends, edits and deletes, callback queries and their answers, and command
 * menus.
 *
 * @module
 */
import type { BotCommand, Chat, Message, Update } from "grammy/types";
import {
  ApiFailure,
  BOT_USER,
  type CallbackAnswer,
  ERRORS,
  type FakeStats,
  type Params,
  type SentRecord,
} from "./types.ts";
import { inlineButtons, messageKey, privateChat, toText } from "./util.ts";

/** Options of {@link ChatStore}. */
export interface ChatStoreOptions {
  now: () => Date;
  stats: FakeStats;
  callbackQueryTtlMs: number;
  /** Every chat's message ids start after this one; 0 by default. */
  idsAfter?: number;
}

/** The chats, messages and records of one fake. */
export class ChatStore {
  /** Milliseconds a callback query stays answerable after injection. */
  callbackQueryTtlMs: number;
  /**
   * The last message id of each chat. Telegram numbers messages per chat (users' and the
   * bot's alike), so ids repeat across chats: code keyed on a message id alone is wrong.
   */
  #lastMessageId = new Map<number, number>();
  /** Every call of `answerCallbackQuery` that succeeded, in order. */
  readonly answers: CallbackAnswer[] = [];
  /** Every successful send, edit and delete, in order. */
  readonly log: SentRecord[] = [];
  /** Every successful send, in order. */
  readonly sent: SentRecord[] = [];
  /** Every successful edit, in order. */
  readonly edits: SentRecord[] = [];
  /** Command menus by `scopeKey` of scope and language. */
  readonly commands = new Map<string, BotCommand[]>();
  #now: () => Date;
  #stats: FakeStats;
  #idsAfter: number;
  #chats = new Map<number, Chat>();
  #messages = new Map<string, Message>();
  #incoming = new Map<string, Message>();
  #messageIdsByChat = new Map<number, number[]>();
  #sentByChat = new Map<number, SentRecord[]>();
  #editsByChat = new Map<number, SentRecord[]>();
  #nextCallbackId = 1;
  #callbackQueries = new Map<string, number>();
  #answerById = new Map<string, CallbackAnswer>();

  /** An empty store. */
  constructor(options: ChatStoreOptions) {
    this.#now = options.now;
    this.#stats = options.stats;
    this.callbackQueryTtlMs = options.callbackQueryTtlMs;
    this.#idsAfter = options.idsAfter ?? 0;
  }

  /** Whether an injected update mentioned `chatId`. */
  knows(chatId: number): boolean {
    return this.#chats.has(chatId);
  }

  /** The chat as last seen in an update, else a private chat named after its id. */
  chat(chatId: number): Chat {
    return this.#chats.get(chatId) ??
      { id: chatId, type: "private", first_name: `User ${chatId}` };
  }

  /** Unix seconds of the fake's clock. */
  date(): number {
    return Math.floor(this.#now().getTime() / 1000);
  }

  /** The next message id in `chatId`, numbered per chat as Telegram does. */
  newMessageId(chatId: number): number {
    const id = (this.#lastMessageId.get(chatId) ?? this.#idsAfter) + 1;
    this.#lastMessageId.set(chatId, id);
    return id;
  }

  /** A new callback query id. */
  newCallbackId(): string {
    return String(this.#nextCallbackId++);
  }

  /** A message the bot sent (as edited since), unless deleted. */
  message(chatId: number, messageId: number): Message | undefined {
    return this.#messages.get(messageKey(chatId, messageId));
  }

  /** A message the bot sent or a user sent in an injected update. */
  anyMessage(chatId: number, messageId: number): Message | undefined {
    const key = messageKey(chatId, messageId);
    return this.#messages.get(key) ?? this.#incoming.get(key);
  }

  /** Stores a message the bot sent. */
  storeMessage(message: Message): void {
    const chatId = message.chat.id;
    this.#messages.set(messageKey(chatId, message.message_id), message);
    const ids = this.#messageIdsByChat.get(chatId);
    if (ids) ids.push(message.message_id);
    else this.#messageIdsByChat.set(chatId, [message.message_id]);
  }

  /** Replaces a message the bot sent with its edited state. */
  replaceMessage(message: Message): void {
    this.#messages.set(
      messageKey(message.chat.id, message.message_id),
      message,
    );
  }

  /** Forgets a message the bot sent; false if there was none. */
  deleteMessage(chatId: number, messageId: number): boolean {
    return this.#messages.delete(messageKey(chatId, messageId));
  }

  /** Forgets a message a user sent (they deleted it); false if there was none. */
  deleteIncoming(chatId: number, messageId: number): boolean {
    return this.#incoming.delete(messageKey(chatId, messageId));
  }

  /** Successful sends, for one chat or all. */
  sentTo(chatId?: number): readonly SentRecord[] {
    return chatId === undefined
      ? this.sent
      : this.#sentByChat.get(chatId) ?? [];
  }

  /** Successful edits, for one chat or all. */
  editsOf(chatId?: number): readonly SentRecord[] {
    return chatId === undefined
      ? this.edits
      : this.#editsByChat.get(chatId) ?? [];
  }

  /** Records a successful send, edit or delete. */
  record(record: SentRecord, kind: "send" | "edit" | "delete"): void {
    this.log.push(record);
    if (kind === "delete") return;
    const [all, byChat] = kind === "send"
      ? [this.sent, this.#sentByChat]
      : [this.edits, this.#editsByChat];
    all.push(record);
    const list = byChat.get(record.chat_id);
    if (list) list.push(record);
    else byChat.set(record.chat_id, [record]);
  }

  /** The last message the bot sent to `chatId` with an inline button of `data`. */
  lastMessageWithButton(chatId: number, data: string): Message | undefined {
    const ids = this.#messageIdsByChat.get(chatId) ?? [];
    for (let i = ids.length - 1; i >= 0; i--) {
      const message = this.message(chatId, ids[i]!);
      const buttons = inlineButtons(message?.reply_markup);
      if (
        buttons.some((b) => "callback_data" in b && b.callback_data === data)
      ) {
        return message;
      }
    }
    return undefined;
  }

  /** A bot message with one button of `data`, stored as if sent to `chat`. */
  syntheticMessage(chat: Chat, data: string): Message {
    const message: Message = {
      message_id: this.newMessageId(chat.id),
      from: BOT_USER,
      chat,
      date: this.date(),
      text: "Synthetic message",
      reply_markup: {
        inline_keyboard: [[{ text: data, callback_data: data }]],
      },
    };
    this.storeMessage(message);
    return message;
  }

  /** Learns the chats, users' messages and callback queries (with their time) an update mentions. */
  remember(update: Update): void {
    const chats = [
      update.message?.chat,
      update.edited_message?.chat,
      update.channel_post?.chat,
      update.edited_channel_post?.chat,
      update.callback_query?.message?.chat,
      update.my_chat_member?.chat,
      update.chat_member?.chat,
      update.chat_join_request?.chat,
    ];
    for (const chat of chats) {
      if (chat && !this.#chats.has(chat.id)) this.#chats.set(chat.id, chat);
    }
    const message = update.message ?? update.channel_post;
    if (message) {
      this.#incoming.set(
        messageKey(message.chat.id, message.message_id),
        message,
      );
    }
    const query = update.callback_query;
    if (query) {
      this.#callbackQueries.set(query.id, performance.now());
      if (!this.#chats.has(query.from.id)) {
        this.#chats.set(query.from.id, privateChat(query.from));
      }
    }
  }

  /**
   * Answers a callback query once, within {@link callbackQueryTtlMs} of its
   * injection; else 400 "query is too old … or query ID is invalid".
   */
  answer(params: Params): true {
    const id = String(params.callback_query_id ?? "");
    const injectedAt = this.#callbackQueries.get(id);
    if (injectedAt === undefined || this.#answerById.has(id)) {
      throw new ApiFailure(400, ERRORS.invalidQuery);
    }
    if (performance.now() - injectedAt > this.callbackQueryTtlMs) {
      this.#stats.expiredCallbackQueries++;
      throw new ApiFailure(400, ERRORS.invalidQuery);
    }
    const answer: CallbackAnswer = {
      callback_query_id: id,
      at: performance.now(),
    };
    const text = toText(params.text);
    if (text !== undefined) answer.text = text;
    if (typeof params.show_alert === "boolean") {
      answer.show_alert = params.show_alert;
    }
    const url = toText(params.url);
    if (url !== undefined) answer.url = url;
    this.answers.push(answer);
    this.#answerById.set(id, answer);
    return true;
  }

  /** The answer to one callback query, if the bot gave one. */
  answerFor(callbackQueryId: string): CallbackAnswer | undefined {
    return this.#answerById.get(callbackQueryId);
  }
}
