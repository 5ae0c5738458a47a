/**
 * Routing of Bot API methods to the parts of the fake, after the faults that
 * apply to them; unknown methods answer 404 as Telegram does.
 *
 * @module
 */
import type { BotCommand, BotCommandScope } from "grammy/types";
import type { ChatStore } from "./chats.ts";
import { DROP, type Faults, SEND_METHODS } from "./faults.ts";
import type { CallBody } from "./http.ts";
import { copy, edit, remove, send } from "./messages.ts";
import { ApiFailure, BOT_INFO, ERRORS, type Params } from "./types.ts";
import type { UpdateQueue } from "./updates.ts";
import { scopeKey, toInteger, toText } from "./util.ts";

/** The parts a call may reach. */
export interface Routes {
  store: ChatStore;
  queue: UpdateQueue;
  faults: Faults;
  /** Answer 400 "chat not found" for chats never seen in an injected update. */
  knownChatsOnly: () => boolean;
}

const CHAT_METHODS = new Set([
  ...SEND_METHODS,
  "editMessageText",
  "editMessageReplyMarkup",
  "deleteMessage",
]);

/** Handles one call; resolves to its result or {@link DROP}, throws an {@link ApiFailure}. */
export async function route(
  method: string,
  body: CallBody,
  routes: Routes,
): Promise<unknown> {
  const { store, queue, faults } = routes;
  const { params, files } = body;
  if (method === "getUpdates") {
    faults.beforeGetUpdates();
    return await queue.getUpdates(params);
  }
  if (SEND_METHODS.has(method)) {
    if (faults.beforeSend(toInteger(params.chat_id)) === DROP) return DROP;
  }
  const chatId = CHAT_METHODS.has(method) ? targetChat(params, routes) : 0;
  const call = { method, chatId, params, files };
  switch (method) {
    case "getMe":
      return BOT_INFO;
    case "setWebhook":
      return queue.setWebhook(params);
    case "deleteWebhook":
      return queue.deleteWebhook(params);
    case "getWebhookInfo":
      return queue.webhookInfo();
    case "setMyCommands":
      store.commands.set(commandsKey(params), asCommands(params.commands));
      return true;
    case "deleteMyCommands":
      store.commands.delete(commandsKey(params));
      return true;
    case "getMyCommands":
      return store.commands.get(commandsKey(params)) ?? [];
    case "close":
    case "logOut":
      return true;
    case "sendMessage":
    case "sendDocument":
    case "sendPhoto":
      return send(store, call);
    case "copyMessage":
    case "forwardMessage":
      return copy(store, call);
    case "editMessageText":
    case "editMessageReplyMarkup":
      return edit(store, call);
    case "deleteMessage":
      return remove(store, chatId, params);
    case "answerCallbackQuery":
      return store.answer(params);
    default:
      throw new ApiFailure(404, "Not Found");
  }
}

/** The chat a call targets: 400 if absent or (with `knownChatsOnly`) unknown, 403 if blocked. */
function targetChat(params: Params, routes: Routes): number {
  const chatId = toInteger(params.chat_id);
  if (chatId === undefined) throw new ApiFailure(400, ERRORS.chatNotFound);
  routes.faults.checkChat(chatId);
  if (routes.knownChatsOnly() && !routes.store.knows(chatId)) {
    throw new ApiFailure(400, ERRORS.chatNotFound);
  }
  return chatId;
}

function commandsKey(params: Params): string {
  return scopeKey(
    params.scope as BotCommandScope | undefined,
    toText(params.language_code),
  );
}

function asCommands(value: unknown): BotCommand[] {
  if (!Array.isArray(value)) {
    throw new ApiFailure(400, 'Bad Request: parameter "commands" is required');
  }
  return value as BotCommand[];
}
