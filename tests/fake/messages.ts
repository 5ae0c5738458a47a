/**
 * The Bot API methods by which the bot changes a chat: sendMessage,
 * sendDocument, sendPhoto, copyMessage, forwardMessage, editMessageText,
 * editMessageReplyMarkup and deleteMessage, with Telegram's checks.
 *
 * @module
 */
import type { Message, MessageOrigin, PhotoSize } from "grammy/types";
import type { ChatStore } from "./chats.ts";
import { checkCaption, checkMarkup, checkText } from "./limits.ts";
import {
  ApiFailure,
  BOT_USER,
  ERRORS,
  type Params,
  type ReplyMarkup,
  type SentRecord,
  type UploadedFile,
} from "./types.ts";
import { isInlineKeyboard, sameJson, toInteger, toText } from "./util.ts";

/** Files of a multipart request by field name. */
export type Files = Map<string, UploadedFile>;

/** sendMessage, sendDocument or sendPhoto to `chatId`. */
export function send(
  store: ChatStore,
  call: { method: string; chatId: number; params: Params; files: Files },
): Message {
  const { method, chatId, params, files } = call;
  const markup = params.reply_markup as ReplyMarkup | undefined;
  checkMarkup(markup);
  const content: Partial<Message> = {};
  let upload: UploadedFile | undefined;
  if (method === "sendMessage") {
    content.text = checkText(params.text);
    if (Array.isArray(params.entities)) content.entities = params.entities;
  } else {
    const caption = checkCaption(params.caption);
    const field = method === "sendPhoto" ? "photo" : "document";
    const file = params[field];
    if (typeof file !== "string" || file === "") {
      throw new ApiFailure(
        400,
        `Bad Request: there is no ${field} in the request`,
      );
    }
    upload = file.startsWith("attach://")
      ? files.get(file.slice("attach://".length))
      : undefined;
    if (caption !== undefined) content.caption = caption;
    if (Array.isArray(params.caption_entities)) {
      content.caption_entities = params.caption_entities;
    }
  }
  const message = newMessage(store, chatId, params);
  const id = message.message_id;
  if (method === "sendDocument") {
    const fileId = upload ? `document-${id}` : String(params.document);
    message.document = {
      file_id: fileId,
      file_unique_id: `unique-${id}`,
      file_name: upload?.filename,
      file_size: upload?.bytes.length,
    };
  } else if (method === "sendPhoto") {
    message.photo = photoSizes(
      upload ? `photo-${id}` : String(params.photo),
      upload?.bytes.length,
    );
  }
  Object.assign(message, content);
  if (isInlineKeyboard(markup)) message.reply_markup = markup;
  store.storeMessage(message);
  const record = newRecord(method, message, params);
  if (markup !== undefined) record.reply_markup = markup;
  if (upload && method === "sendDocument") record.document = upload;
  if (upload && method === "sendPhoto") record.photo = upload;
  store.record(record, "send");
  return message;
}

/**
 * copyMessage (answers `{ message_id }`) or forwardMessage (answers the
 * message, with `forward_origin`). A source message the fake never saw is
 * copied as an empty message.
 */
export function copy(
  store: ChatStore,
  call: { method: string; chatId: number; params: Params },
): Message | { message_id: number } {
  const { method, chatId, params } = call;
  const fromChatId = toInteger(params.from_chat_id);
  const sourceId = toInteger(params.message_id);
  if (fromChatId === undefined || sourceId === undefined) {
    throw new ApiFailure(400, "Bad Request: message to copy not found");
  }
  const forward = method === "forwardMessage";
  const markup = forward ? undefined : params.reply_markup as ReplyMarkup;
  checkMarkup(markup);
  const caption = forward ? undefined : checkCaption(params.caption);
  const source = store.anyMessage(fromChatId, sourceId);
  const message = newMessage(store, chatId, params);
  if (source) Object.assign(message, contentOf(source));
  if (caption !== undefined && message.text === undefined) {
    message.caption = caption;
  }
  if (forward && source) message.forward_origin = originOf(source);
  if (isInlineKeyboard(markup)) message.reply_markup = markup;
  store.storeMessage(message);
  const record = newRecord(method, message, params);
  record.from_chat_id = fromChatId;
  record.source_message_id = sourceId;
  if (markup !== undefined) record.reply_markup = markup;
  store.record(record, "send");
  return forward ? message : { message_id: message.message_id };
}

/** editMessageText or editMessageReplyMarkup of a message the bot sent. */
export function edit(
  store: ChatStore,
  call: { method: string; chatId: number; params: Params },
): Message {
  const { method, chatId, params } = call;
  const messageId = toInteger(params.message_id) ?? 0;
  const current = store.message(chatId, messageId);
  if (!current) {
    throw new ApiFailure(400, "Bad Request: message to edit not found");
  }
  checkMarkup(params.reply_markup);
  const markup = isInlineKeyboard(params.reply_markup)
    ? params.reply_markup
    : undefined;
  let text = current.text;
  if (method === "editMessageText") {
    if (current.text === undefined) {
      throw new ApiFailure(
        400,
        "Bad Request: there is no text in the message to edit",
      );
    }
    text = checkText(params.text);
  }
  if (text === current.text && sameJson(markup, current.reply_markup)) {
    throw new ApiFailure(400, ERRORS.notModified);
  }
  const { reply_markup: _old, ...rest } = current;
  const edited: Message = { ...rest, text, edit_date: store.date() };
  if (markup) edited.reply_markup = markup;
  store.replaceMessage(edited);
  const record: SentRecord = {
    method,
    chat_id: chatId,
    message_id: messageId,
    at: performance.now(),
    params,
  };
  if (text !== undefined) record.text = text;
  if (markup) record.reply_markup = markup;
  store.record(record, "edit");
  return edited;
}

/** deleteMessage of a message the bot sent. */
export function remove(store: ChatStore, chatId: number, params: Params): true {
  const messageId = toInteger(params.message_id) ?? 0;
  if (!store.deleteMessage(chatId, messageId)) {
    throw new ApiFailure(400, "Bad Request: message to delete not found");
  }
  store.record({
    method: "deleteMessage",
    chat_id: chatId,
    message_id: messageId,
    at: performance.now(),
    params,
  }, "delete");
  return true;
}

/** A new bot message in `chatId`, replying as `reply_parameters` or `reply_to_message_id` ask. */
function newMessage(store: ChatStore, chatId: number, params: Params): Message {
  const reply = replyTarget(store, chatId, params);
  const message: Message = {
    message_id: store.newMessageId(chatId),
    from: BOT_USER,
    chat: store.chat(chatId),
    date: store.date(),
  };
  if (reply) message.reply_to_message = reply;
  return message;
}

/** The message a send replies to; 400 if it is unknown and a reply without it is not allowed. */
function replyTarget(
  store: ChatStore,
  chatId: number,
  params: Params,
): Message.CommonMessage["reply_to_message"] {
  const parameters = typeof params.reply_parameters === "object"
    ? params.reply_parameters as Params
    : {};
  const messageId = toInteger(parameters.message_id) ??
    toInteger(params.reply_to_message_id);
  if (messageId === undefined) return undefined;
  const inChat = toInteger(parameters.chat_id) ?? chatId;
  const target = store.anyMessage(inChat, messageId);
  if (target) {
    const { reply_to_message: _nested, ...rest } = target;
    return rest as Message.CommonMessage["reply_to_message"];
  }
  const withoutReply = parameters.allow_sending_without_reply ??
    params.allow_sending_without_reply;
  if (withoutReply === true) return undefined;
  throw new ApiFailure(400, ERRORS.replyNotFound);
}

function newRecord(
  method: string,
  message: Message,
  params: Params,
): SentRecord {
  const record: SentRecord = {
    method,
    chat_id: message.chat.id,
    message_id: message.message_id,
    at: performance.now(),
    params,
  };
  if (message.text !== undefined) record.text = message.text;
  const caption = toText(message.caption);
  if (caption !== undefined) record.caption = caption;
  return record;
}

/** What copyMessage and forwardMessage take of a message: text or media and caption. */
function contentOf(source: Message): Partial<Message> {
  const {
    message_id: _id,
    from: _from,
    chat: _chat,
    date: _date,
    edit_date: _edit,
    reply_markup: _markup,
    reply_to_message: _reply,
    forward_origin: _origin,
    ...content
  } = source;
  return content as Partial<Message>;
}

function originOf(source: Message): MessageOrigin {
  return source.from
    ? { type: "user", date: source.date, sender_user: source.from }
    : { type: "hidden_user", date: source.date, sender_user_name: "Hidden" };
}

function photoSizes(fileId: string, size?: number): PhotoSize[] {
  const unique = fileId.replace(/\W/g, "");
  return [
    {
      file_id: `${fileId}-s`,
      file_unique_id: `${unique}s`,
      width: 90,
      height: 90,
    },
    {
      file_id: fileId,
      file_unique_id: unique,
      width: 800,
      height: 800,
      ...(size !== undefined && { file_size: size }),
    },
  ];
}
