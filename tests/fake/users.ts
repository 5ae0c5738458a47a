/**
 * What users do, as updates for the fake's queue: texts (commands and
 * replies), photos, voice messages, documents, any other content (a video, a
 * sticker, a location…) and button presses, all in the user's private chat
 * with the bot.
 *
 * @module
 */
import type { CallbackQuery, Message, Update } from "grammy/types";
import type { ChatStore } from "./chats.ts";
import type {
  DocumentOptions,
  FakeUser,
  PhotoOptions,
  VoiceOptions,
} from "./types.ts";
import { privateChat, toUser } from "./util.ts";

/** A user's message in their private chat. */
export type UserMessage = Message & Update.NonChannel;

/** A private text from `from`, with a `bot_command` entity if it starts with "/", replying to `replyTo` if given. */
export function textMessage(
  store: ChatStore,
  from: FakeUser,
  options: { text: string; replyTo?: Message },
): UserMessage {
  const { text, replyTo } = options;
  const message: UserMessage = { ...base(store, from), text };
  if (text.startsWith("/")) {
    const end = text.search(/\s/);
    const length = end === -1 ? text.length : end;
    message.entities = [{ type: "bot_command", offset: 0, length }];
  }
  if (replyTo) {
    const { reply_to_message: _nested, ...rest } = replyTo;
    message.reply_to_message = rest as UserMessage["reply_to_message"];
  }
  return message;
}

/** A private photo from `from`, in two sizes. */
export function photoMessage(
  store: ChatStore,
  from: FakeUser,
  options: PhotoOptions,
): UserMessage {
  const message: UserMessage = base(store, from);
  const fileId = options.fileId ?? `user-photo-${message.message_id}`;
  const width = options.width ?? 1280;
  const height = options.height ?? 960;
  message.photo = [
    {
      file_id: `${fileId}-s`,
      file_unique_id: `u${message.message_id}s`,
      width: Math.round(width / 10),
      height: Math.round(height / 10),
    },
    {
      file_id: fileId,
      file_unique_id: `u${message.message_id}`,
      width,
      height,
      file_size: width * height / 10,
    },
  ];
  if (options.caption !== undefined) message.caption = options.caption;
  return message;
}

/** A private voice message from `from`. */
export function voiceMessage(
  store: ChatStore,
  from: FakeUser,
  options: VoiceOptions,
): UserMessage {
  const message: UserMessage = base(store, from);
  const duration = options.duration ?? 3;
  message.voice = {
    file_id: options.fileId ?? `user-voice-${message.message_id}`,
    file_unique_id: `u${message.message_id}`,
    duration,
    mime_type: "audio/ogg",
    file_size: duration * 4000,
  };
  if (options.caption !== undefined) message.caption = options.caption;
  return message;
}

/** A private document from `from`. */
export function documentMessage(
  store: ChatStore,
  from: FakeUser,
  options: DocumentOptions,
): UserMessage {
  const message: UserMessage = base(store, from);
  message.document = {
    file_id: options.fileId ?? `user-document-${message.message_id}`,
    file_unique_id: `u${message.message_id}`,
    file_name: options.fileName ?? "document.pdf",
    mime_type: options.mimeType ?? "application/pdf",
    file_size: 1024,
  };
  if (options.caption !== undefined) message.caption = options.caption;
  return message;
}

/** What a user's message may carry besides its id, sender, chat and date. */
export type MessageContent = Omit<
  Partial<Message>,
  "message_id" | "from" | "chat" | "date"
>;

/** A private message from `from` with `content`: a video, a sticker, a contact… */
export function contentMessage(
  store: ChatStore,
  from: FakeUser,
  content: MessageContent,
): UserMessage {
  return { ...content, ...base(store, from) } as UserMessage;
}

/**
 * A callback query from `from` with `data`. Its message is `message`, else
 * the last message sent to `from` whose inline keyboard has this data, else a
 * new message with one such button (editable by the bot).
 */
export function buttonPress(
  store: ChatStore,
  from: FakeUser,
  options: { data: string; message?: Message },
): CallbackQuery {
  const { data } = options;
  const target = options.message ??
    store.lastMessageWithButton(from.id, data) ??
    store.syntheticMessage(
      store.knows(from.id) ? store.chat(from.id) : privateChat(from),
      data,
    );
  return {
    id: store.newCallbackId(),
    from: toUser(from),
    message: target,
    chat_instance: String(target.chat.id),
    data,
  };
}

function base(store: ChatStore, from: FakeUser): UserMessage {
  return {
    message_id: store.newMessageId(from.id),
    from: toUser(from),
    chat: privateChat(from),
    date: store.date(),
  };
}
