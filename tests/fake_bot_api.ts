/**
 * A fake Telegram Bot API: a real HTTP server on 127.0.0.1 that a real grammY
 * bot reaches through its `apiRoot`. Tests queue updates, the bot long-polls
 * them, and tests assert on what the bot sent. Failures (429, 403, 5xx,
 * dropped connections, latency) can be switched on for delivery tests.
 *
 * @module
 */
import type {
  BotCommand,
  BotCommandScope,
  Chat,
  ForceReply,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  Message,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  ResponseParameters,
  Update,
  User,
  UserFromGetMe,
} from "grammy/types";

/** The token a fake accepts unless `token` is given to {@link FakeBotApi.start}. */
export const DEFAULT_TOKEN = "123456:TEST-token";

/** What `getMe` answers. */
export const BOT_INFO: UserFromGetMe = {
  id: 42,
  is_bot: true,
  first_name: "Test bot",
  username: "test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/** The bot as `from` of the messages it sends. */
export const BOT_USER: User = {
  id: BOT_INFO.id,
  is_bot: true,
  first_name: BOT_INFO.first_name,
  username: BOT_INFO.username,
};

/** A Telegram user that tests act as. */
export interface FakeUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/**
 * Global flood limit on sendMessage and sendDocument: at most `perSecond`
 * calls pass in any sliding 1000 ms window (a call that passes counts even if
 * it then fails with 403 or 400); the rest get 429.
 */
export interface RateLimit {
  perSecond: number;
  /** Seconds put in `retry_after` of a 429 answer; 1 by default. */
  retryAfter?: number;
}

/** Options of {@link FakeBotApi.start}. */
export interface FakeBotApiOptions {
  token?: string;
  rateLimit?: RateLimit;
  /**
   * Milliseconds between handling a call (any but `getUpdates`) and answering
   * it: as on Telegram, a call whose client dies meanwhile has taken effect.
   */
  latency?: number;
  /** Answer 400 "chat not found" for chats never seen in an injected update. */
  knownChatsOnly?: boolean;
  /** Clock for the `date` of messages. */
  now?: () => Date;
}

/** Parameters of one Bot API call, JSON-decoded. */
export type Params = Record<string, unknown>;

/** One call the fake received; `status` is the HTTP status answered, 0 if dropped, absent while pending. */
export interface RecordedRequest {
  method: string;
  params: Params;
  at: number;
  status?: number;
}

/** A file uploaded with multipart/form-data. */
export interface UploadedFile {
  filename: string;
  bytes: Uint8Array;
}

/** Any reply markup a bot may attach to a message. */
export type ReplyMarkup =
  | InlineKeyboardMarkup
  | ReplyKeyboardMarkup
  | ReplyKeyboardRemove
  | ForceReply;

/** A successful sendMessage, sendDocument, editMessageText, editMessageReplyMarkup or deleteMessage. */
export interface SentRecord {
  method: string;
  chat_id: number;
  message_id: number;
  text?: string;
  caption?: string;
  reply_markup?: ReplyMarkup;
  document?: UploadedFile;
  /** `performance.now()` when the fake accepted the call. */
  at: number;
  params: Params;
}

/** One successful answerCallbackQuery. */
export interface CallbackAnswer {
  callback_query_id: string;
  text?: string;
  show_alert?: boolean;
  url?: string;
  at: number;
}

/** Counters of injected failures that the fake answered. */
export interface FakeStats {
  tooManyRequests: number;
  forbidden: number;
  serverErrors: number;
  dropped: number;
}

/** Options of {@link FakeBotApi.failNext}. */
export interface FailOptions {
  status?: 500 | 502;
  description?: string;
}

/** Options of {@link FakeBotApi.waitFor}. */
export interface WaitOptions {
  /** Milliseconds before the wait rejects; 5000 by default. */
  timeout?: number;
}

/** Builds a {@link FakeUser} with a default first name. */
export function user(id: number, overrides: Partial<FakeUser> = {}): FakeUser {
  return { id, first_name: `User ${id}`, ...overrides };
}

/** Canonical key of a command scope (keys sorted), as used by {@link FakeBotApi.commands}. */
export function scopeKey(
  scope: BotCommandScope | string = { type: "default" },
  languageCode?: string,
): string {
  const object: Record<string, unknown> = typeof scope === "string"
    ? JSON.parse(scope)
    : { ...scope };
  if (languageCode) object.language_code = languageCode;
  const entries = Object.entries(object).sort(([a], [b]) => a < b ? -1 : 1);
  return JSON.stringify(Object.fromEntries(entries));
}

/** All buttons of an inline keyboard, row by row; empty for other markup. */
export function inlineButtons(markup: unknown): InlineKeyboardButton[] {
  return isInlineKeyboard(markup) ? markup.inline_keyboard.flat() : [];
}

/** Deno's fetch adapted to grammY's npm build; the bot itself uses the same. */
export { denoFetch } from "../src/bot/fetch.ts";

const SEND_METHODS = new Set(["sendMessage", "sendDocument"]);
const CHAT_METHODS = new Set([
  "sendMessage",
  "sendDocument",
  "editMessageText",
  "editMessageReplyMarkup",
  "deleteMessage",
]);
const NUMERIC_FIELDS = new Set([
  "chat_id",
  "message_id",
  "message_thread_id",
  "reply_to_message_id",
]);
const DROP = Symbol("drop");
const NOT_MODIFIED = "Bad Request: message is not modified: specified new " +
  "message content and reply markup are exactly the same as a current " +
  "content and reply markup of the message";
const INVALID_QUERY = "Bad Request: query is too old and response timeout " +
  "expired or query ID is invalid";

/** An error answer of the Bot API, thrown inside the fake. */
class ApiFailure extends Error {
  constructor(
    readonly code: number,
    description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
  }
}

interface Waiter {
  check(): void;
  fail(error: Error): void;
}

/** A fake Telegram Bot API server; see the module doc. */
export class FakeBotApi {
  /** Pass as grammY's `client.apiRoot`. */
  readonly apiRoot: string;
  /** The only bot token the fake accepts. */
  readonly token: string;
  /** Failures answered so far. */
  readonly stats: FakeStats = {
    tooManyRequests: 0,
    forbidden: 0,
    serverErrors: 0,
    dropped: 0,
  };
  /**
   * Milliseconds between handling a call (any but `getUpdates`) and answering
   * it: as on Telegram, a call whose client dies meanwhile has taken effect.
   */
  latency: number;
  /** Answer 400 "chat not found" for chats never seen in an injected update. */
  knownChatsOnly: boolean;

  #server: Deno.HttpServer<Deno.NetAddr>;
  #closing?: Promise<void>;
  #closed = false;
  #now: () => Date;
  #rateLimit?: RateLimit;
  #acceptedSends: number[] = [];
  #failures: Required<FailOptions>[] = [];
  #dropNext = 0;
  #blocked = new Set<number>();
  #deactivated = new Set<number>();

  #queue: Update[] = [];
  #head = 0;
  #nextUpdateId = 1;
  #pollers = new Set<() => void>();
  #sleepers = new Set<() => void>();
  #waiters = new Set<Waiter>();

  #chats = new Map<number, Chat>();
  #nextMessageId = 1;
  #messages = new Map<string, Message>();
  #messageIdsByChat = new Map<number, number[]>();
  #nextCallbackId = 1;
  #callbackIds = new Set<string>();
  #commands = new Map<string, BotCommand[]>();

  #requests: RecordedRequest[] = [];
  #methodCounts = new Map<string, number>();
  #log: SentRecord[] = [];
  #sent: SentRecord[] = [];
  #sentByChat = new Map<number, SentRecord[]>();
  #edits: SentRecord[] = [];
  #editsByChat = new Map<number, SentRecord[]>();
  #answers: CallbackAnswer[] = [];
  #answerById = new Map<string, CallbackAnswer>();

  private constructor(options: FakeBotApiOptions) {
    this.token = options.token ?? DEFAULT_TOKEN;
    this.latency = options.latency ?? 0;
    this.knownChatsOnly = options.knownChatsOnly ?? false;
    this.#rateLimit = options.rateLimit;
    this.#now = options.now ?? (() => new Date());
    this.#server = Deno.serve(
      { hostname: "127.0.0.1", port: 0, onListen() {} },
      (request) => this.#handle(request),
    );
    this.apiRoot = `http://127.0.0.1:${this.#server.addr.port}`;
  }

  /** Starts a fake on a random port of 127.0.0.1. */
  static start(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
    return Promise.resolve(new FakeBotApi(options));
  }

  /** Ends pending long polls with `[]`, rejects pending waits, and stops the server. */
  close(): Promise<void> {
    this.#closing ??= this.#shutdown();
    return this.#closing;
  }

  /** Same as {@link close}, for `await using`. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /** The current flood limit on sendMessage and sendDocument, if any. */
  get rateLimit(): RateLimit | undefined {
    return this.#rateLimit;
  }

  /** Sets or (with `undefined`) lifts the flood limit; the window starts empty. */
  set rateLimit(limit: RateLimit | undefined) {
    this.#rateLimit = limit;
    this.#acceptedSends = [];
  }

  // --- Updates

  /** Queues an update for `getUpdates`, numbering it if `update_id` is absent. */
  injectUpdate(
    update: Omit<Update, "update_id"> & { update_id?: number },
  ): Update {
    const full: Update = {
      ...update,
      update_id: update.update_id ?? this.#nextUpdateId,
    };
    this.#nextUpdateId = Math.max(this.#nextUpdateId, full.update_id + 1);
    this.#remember(full);
    this.#queue.push(full);
    for (const wake of [...this.#pollers]) wake();
    this.#notify();
    return full;
  }

  /** Queues a private text message from `from`, with a `bot_command` entity if it starts with "/". */
  sendText(from: FakeUser, text: string): Update {
    const message: Message & Update.NonChannel = {
      message_id: this.#nextMessageId++,
      from: toUser(from),
      chat: privateChat(from),
      date: this.#date(),
      text,
    };
    if (text.startsWith("/")) {
      const end = text.search(/\s/);
      const length = end === -1 ? text.length : end;
      message.entities = [{ type: "bot_command", offset: 0, length }];
    }
    return this.injectUpdate({ message });
  }

  /**
   * Queues a callback query from `from` with `data`. The query's message is
   * `message`, else the last message sent to `from` whose inline keyboard has
   * this data, else a new message with one such button (editable by the bot).
   */
  pressButton(from: FakeUser, data: string, message?: Message): Update {
    const target = message ?? this.#lastMessageWithButton(from.id, data) ??
      this.#syntheticMessage(from, data);
    const id = String(this.#nextCallbackId++);
    return this.injectUpdate({
      callback_query: {
        id,
        from: toUser(from),
        message: target,
        chat_instance: String(target.chat.id),
        data,
      },
    });
  }

  /** Number of queued updates not yet confirmed by a `getUpdates` offset. */
  get pendingUpdates(): number {
    return this.#queue.length - this.#head;
  }

  // --- Failure injection

  /** Makes calls to `chatId` fail with 403 "bot was blocked by the user". */
  block(chatId: number): void {
    this.#blocked.add(chatId);
  }

  /** Undoes {@link block}. */
  unblock(chatId: number): void {
    this.#blocked.delete(chatId);
  }

  /** Makes calls to `chatId` fail with 403 "user is deactivated". */
  deactivate(chatId: number): void {
    this.#deactivated.add(chatId);
  }

  /** Makes the next `n` sendMessage/sendDocument calls fail with a 5xx (500 by default). */
  failNext(n: number, options: FailOptions = {}): void {
    const status = options.status ?? 500;
    const description = options.description ??
      (status === 502 ? "Bad Gateway" : "Internal Server Error");
    for (let i = 0; i < n; i++) this.#failures.push({ status, description });
  }

  /** Makes the next `n` sendMessage/sendDocument calls end with a broken connection and no answer. */
  dropNext(n: number): void {
    this.#dropNext += n;
  }

  // --- Queries

  /** Every call received, in order of arrival. */
  get requests(): readonly RecordedRequest[] {
    return this.#requests;
  }

  /** Every successful send, edit and delete, in order. */
  get log(): readonly SentRecord[] {
    return this.#log;
  }

  /** Successful sendMessage/sendDocument calls, for one chat or all. */
  sent(chatId?: number): readonly SentRecord[] {
    return chatId === undefined
      ? this.#sent
      : this.#sentByChat.get(chatId) ?? [];
  }

  /** Texts (or document captions) sent to `chatId`, as sent. */
  messagesTo(chatId: number): string[] {
    return this.sent(chatId).map((record) =>
      record.text ?? record.caption ?? ""
    );
  }

  /** How many sendMessage/sendDocument calls to `chatId` succeeded. */
  deliveredCount(chatId: number): number {
    return this.#sentByChat.get(chatId)?.length ?? 0;
  }

  /** Successful editMessageText/editMessageReplyMarkup calls, for one chat or all. */
  edits(chatId?: number): readonly SentRecord[] {
    return chatId === undefined
      ? this.#edits
      : this.#editsByChat.get(chatId) ?? [];
  }

  /** The current state of a message the bot sent (after edits), unless deleted. */
  message(chatId: number, messageId: number): Message | undefined {
    return this.#messages.get(messageKey(chatId, messageId));
  }

  /** Successful answerCallbackQuery calls, in order. */
  get answers(): readonly CallbackAnswer[] {
    return this.#answers;
  }

  /** The answer to one callback query, if the bot gave one. */
  answerFor(callbackQueryId: string): CallbackAnswer | undefined {
    return this.#answerById.get(callbackQueryId);
  }

  /** Commands set for a scope (object or JSON string; default scope if omitted). */
  commands(
    scope?: BotCommandScope | string,
    languageCode?: string,
  ): BotCommand[] {
    return this.#commands.get(scopeKey(scope, languageCode)) ?? [];
  }

  /**
   * Resolves with the predicate's first truthy result. The predicate runs now,
   * whenever a request arrives or is answered or an update is injected, and
   * every 25 ms for state outside the fake (a database, a handler's effects);
   * rejects after `timeout` ms (listing the last requests) or on close.
   */
  waitFor<T>(
    predicate: (fake: FakeBotApi) => T,
    options: WaitOptions = {},
  ): Promise<NonNullable<T>> {
    const timeout = options.timeout ?? 5000;
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        clearInterval(poll);
        this.#waiters.delete(waiter);
      };
      const waiter: Waiter = {
        check: () => {
          try {
            const value = predicate(this);
            if (value) {
              done();
              resolve(value);
            }
          } catch (error) {
            done();
            reject(error);
          }
        },
        fail: (error) => {
          done();
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        waiter.fail(
          new Error(
            `Condition not met within ${timeout} ms, last requests: ${this.#describeLastRequests()}`,
          ),
        );
      }, timeout);
      const poll = setInterval(waiter.check, 25);
      this.#waiters.add(waiter);
      if (this.#closed) waiter.fail(new Error("Fake Bot API is closed"));
      else waiter.check();
    });
  }

  /** Resolves with the requests of `method` once at least `n` have arrived. */
  async waitForCount(
    method: string,
    n: number,
    options: WaitOptions = {},
  ): Promise<RecordedRequest[]> {
    await this.waitFor(
      () => (this.#methodCounts.get(method) ?? 0) >= n,
      options,
    );
    return this.#requests.filter((request) => request.method === method);
  }

  // --- HTTP

  async #handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match) return failure(new ApiFailure(404, "Not Found")).response;
    const token = decodeURIComponent(match[1]!);
    const method = match[2]!;
    let body: { params: Params; files: Map<string, UploadedFile> };
    try {
      body = await readParams(request, url);
    } catch {
      return failure(
        new ApiFailure(400, "Bad Request: can't parse request body"),
      ).response;
    }
    const entry: RecordedRequest = {
      method,
      params: body.params,
      at: performance.now(),
    };
    this.#requests.push(entry);
    this.#methodCounts.set(method, (this.#methodCounts.get(method) ?? 0) + 1);
    this.#notify();

    const { response, status } = token === this.token
      ? await this.#answerCall(method, body)
      : failure(new ApiFailure(401, "Unauthorized"));
    entry.status = status;
    this.#notify();
    if (this.latency > 0 && method !== "getUpdates") {
      await this.#pause(this.latency, this.#sleepers);
    }
    return response;
  }

  async #answerCall(
    method: string,
    body: { params: Params; files: Map<string, UploadedFile> },
  ): Promise<Answer> {
    try {
      const result = await this.#call(method, body);
      if (result === DROP) return { response: dropped(), status: 0 };
      return { response: Response.json({ ok: true, result }), status: 200 };
    } catch (error) {
      return failure(
        error instanceof ApiFailure
          ? error
          : new ApiFailure(500, `Internal Server Error: fake failed: ${error}`),
      );
    }
  }

  async #call(
    method: string,
    { params, files }: { params: Params; files: Map<string, UploadedFile> },
  ): Promise<unknown> {
    if (method === "getUpdates") return await this.#getUpdates(params);
    if (SEND_METHODS.has(method)) {
      if (this.#dropNext > 0) {
        this.#dropNext--;
        this.stats.dropped++;
        return DROP;
      }
      const failure = this.#failures.shift();
      if (failure) {
        this.stats.serverErrors++;
        throw new ApiFailure(failure.status, failure.description);
      }
      this.#takeSendSlot();
    }
    const chatId = CHAT_METHODS.has(method) ? this.#targetChat(params) : 0;
    switch (method) {
      case "getMe":
        return BOT_INFO;
      case "deleteWebhook":
        if (params.drop_pending_updates === true) {
          this.#confirm(this.#nextUpdateId);
        }
        return true;
      case "getWebhookInfo":
        return {
          url: "",
          has_custom_certificate: false,
          pending_update_count: this.pendingUpdates,
        };
      case "setMyCommands":
        this.#commands.set(
          scopeKey(scopeParam(params), langParam(params)),
          asCommands(params.commands),
        );
        return true;
      case "deleteMyCommands":
        this.#commands.delete(scopeKey(scopeParam(params), langParam(params)));
        return true;
      case "getMyCommands":
        return this.#commands.get(
          scopeKey(scopeParam(params), langParam(params)),
        ) ?? [];
      case "close":
      case "logOut":
        return true;
      case "sendMessage":
      case "sendDocument":
        return this.#send(method, chatId, params, files);
      case "editMessageText":
      case "editMessageReplyMarkup":
        return this.#edit(method, chatId, params);
      case "deleteMessage":
        return this.#delete(chatId, params);
      case "answerCallbackQuery":
        return this.#answer(params);
      default:
        throw new ApiFailure(404, "Not Found");
    }
  }

  async #shutdown(): Promise<void> {
    this.#closed = true;
    for (const wake of [...this.#pollers, ...this.#sleepers]) wake();
    for (const waiter of [...this.#waiters]) {
      waiter.fail(new Error("Fake Bot API is closed"));
    }
    await this.#server.shutdown();
  }

  // --- Methods

  async #getUpdates(params: Params): Promise<Update[]> {
    const offset = toInteger(params.offset);
    if (offset !== undefined) this.#confirm(offset);
    const limit = Math.min(Math.max(toInteger(params.limit) ?? 100, 1), 100);
    const timeout = Math.max(toInteger(params.timeout) ?? 0, 0);
    if (this.pendingUpdates === 0 && timeout > 0) {
      await this.#pause(timeout * 1000, this.#pollers);
    }
    if (this.#closed) return [];
    return this.#queue.slice(this.#head, this.#head + limit);
  }

  #send(
    method: string,
    chatId: number,
    params: Params,
    files: Map<string, UploadedFile>,
  ): Message {
    const message: Message = this.#newMessage(chatId);
    const record: SentRecord = {
      method,
      chat_id: chatId,
      message_id: message.message_id,
      at: performance.now(),
      params,
    };
    const markup = params.reply_markup as ReplyMarkup | undefined;
    if (markup !== undefined) record.reply_markup = markup;
    if (isInlineKeyboard(markup)) message.reply_markup = markup;
    if (method === "sendMessage") {
      const text = typeof params.text === "string" ? params.text : "";
      if (text.trim() === "") {
        throw new ApiFailure(400, "Bad Request: message text is empty");
      }
      message.text = record.text = text;
    } else {
      const document = params.document;
      if (typeof document !== "string" || document === "") {
        throw new ApiFailure(
          400,
          "Bad Request: there is no document in the request",
        );
      }
      const upload = document.startsWith("attach://")
        ? files.get(document.slice("attach://".length))
        : undefined;
      if (upload) record.document = upload;
      message.document = {
        file_id: upload ? `document-${message.message_id}` : document,
        file_unique_id: `unique-${message.message_id}`,
        file_name: upload?.filename,
        file_size: upload?.bytes.length,
      };
      if (typeof params.caption === "string") {
        message.caption = record.caption = params.caption;
      }
    }
    this.#storeMessage(message);
    this.#record(record, this.#sent, this.#sentByChat);
    return message;
  }

  #edit(method: string, chatId: number, params: Params): Message {
    const messageId = toInteger(params.message_id) ?? 0;
    const current = this.#messages.get(messageKey(chatId, messageId));
    if (!current) {
      throw new ApiFailure(400, "Bad Request: message to edit not found");
    }
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
      text = typeof params.text === "string" ? params.text : "";
      if (text.trim() === "") {
        throw new ApiFailure(400, "Bad Request: message text is empty");
      }
    }
    if (text === current.text && sameJson(markup, current.reply_markup)) {
      throw new ApiFailure(400, NOT_MODIFIED);
    }
    const { reply_markup: _old, ...rest } = current;
    const edited: Message = { ...rest, text, edit_date: this.#date() };
    if (markup) edited.reply_markup = markup;
    this.#messages.set(messageKey(chatId, messageId), edited);
    const record: SentRecord = {
      method,
      chat_id: chatId,
      message_id: messageId,
      at: performance.now(),
      params,
    };
    if (text !== undefined) record.text = text;
    if (markup) record.reply_markup = markup;
    this.#record(record, this.#edits, this.#editsByChat);
    return edited;
  }

  #delete(chatId: number, params: Params): true {
    const messageId = toInteger(params.message_id) ?? 0;
    if (!this.#messages.delete(messageKey(chatId, messageId))) {
      throw new ApiFailure(400, "Bad Request: message to delete not found");
    }
    this.#log.push({
      method: "deleteMessage",
      chat_id: chatId,
      message_id: messageId,
      at: performance.now(),
      params,
    });
    return true;
  }

  #answer(params: Params): true {
    const id = String(params.callback_query_id ?? "");
    if (!this.#callbackIds.has(id) || this.#answerById.has(id)) {
      throw new ApiFailure(400, INVALID_QUERY);
    }
    const answer: CallbackAnswer = {
      callback_query_id: id,
      at: performance.now(),
    };
    if (typeof params.text === "string") answer.text = params.text;
    if (typeof params.show_alert === "boolean") {
      answer.show_alert = params.show_alert;
    }
    if (typeof params.url === "string") answer.url = params.url;
    this.#answers.push(answer);
    this.#answerById.set(id, answer);
    return true;
  }

  // --- Helpers

  /** Rejects with 429 unless the sliding one-second window has room. */
  #takeSendSlot(): void {
    const limit = this.#rateLimit;
    if (!limit) return;
    const now = performance.now();
    const window = this.#acceptedSends;
    while (window.length > 0 && window[0]! <= now - 1000) window.shift();
    if (window.length >= limit.perSecond) {
      this.stats.tooManyRequests++;
      const seconds = limit.retryAfter ?? 1;
      throw new ApiFailure(429, `Too Many Requests: retry after ${seconds}`, {
        retry_after: seconds,
      });
    }
    window.push(now);
  }

  #targetChat(params: Params): number {
    const chatId = toInteger(params.chat_id);
    if (chatId === undefined) {
      throw new ApiFailure(400, "Bad Request: chat not found");
    }
    if (this.#blocked.has(chatId)) {
      this.stats.forbidden++;
      throw new ApiFailure(403, "Forbidden: bot was blocked by the user");
    }
    if (this.#deactivated.has(chatId)) {
      this.stats.forbidden++;
      throw new ApiFailure(403, "Forbidden: user is deactivated");
    }
    if (this.knownChatsOnly && !this.#chats.has(chatId)) {
      throw new ApiFailure(400, "Bad Request: chat not found");
    }
    return chatId;
  }

  #newMessage(chatId: number): Message {
    return {
      message_id: this.#nextMessageId++,
      from: BOT_USER,
      chat: this.#chats.get(chatId) ??
        { id: chatId, type: "private", first_name: `User ${chatId}` },
      date: this.#date(),
    };
  }

  #storeMessage(message: Message): void {
    const chatId = message.chat.id;
    this.#messages.set(messageKey(chatId, message.message_id), message);
    const ids = this.#messageIdsByChat.get(chatId);
    if (ids) ids.push(message.message_id);
    else this.#messageIdsByChat.set(chatId, [message.message_id]);
  }

  #record(
    record: SentRecord,
    all: SentRecord[],
    byChat: Map<number, SentRecord[]>,
  ): void {
    this.#log.push(record);
    all.push(record);
    const list = byChat.get(record.chat_id);
    if (list) list.push(record);
    else byChat.set(record.chat_id, [record]);
  }

  #lastMessageWithButton(chatId: number, data: string): Message | undefined {
    const ids = this.#messageIdsByChat.get(chatId) ?? [];
    for (let i = ids.length - 1; i >= 0; i--) {
      const message = this.#messages.get(messageKey(chatId, ids[i]!));
      const buttons = inlineButtons(message?.reply_markup);
      if (
        buttons.some((b) => "callback_data" in b && b.callback_data === data)
      ) {
        return message;
      }
    }
    return undefined;
  }

  #syntheticMessage(from: FakeUser, data: string): Message {
    const message: Message = {
      message_id: this.#nextMessageId++,
      from: BOT_USER,
      chat: this.#chats.get(from.id) ?? privateChat(from),
      date: this.#date(),
      text: "Synthetic message",
      reply_markup: {
        inline_keyboard: [[{ text: data, callback_data: data }]],
      },
    };
    this.#storeMessage(message);
    return message;
  }

  /** Learns the chats and callback query ids an update mentions. */
  #remember(update: Update): void {
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
    const query = update.callback_query;
    if (query) {
      this.#callbackIds.add(query.id);
      if (!this.#chats.has(query.from.id)) {
        this.#chats.set(query.from.id, privateChat(query.from));
      }
    }
  }

  /** Drops queued updates whose id is below `offset`. */
  #confirm(offset: number): void {
    while (
      this.#head < this.#queue.length &&
      this.#queue[this.#head]!.update_id < offset
    ) {
      this.#head++;
    }
    if (this.#head >= 1024 && this.#head * 2 >= this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
  }

  /** Waits `ms`, or less if woken through `wakers` or the fake closes. */
  #pause(ms: number, wakers: Set<() => void>): Promise<void> {
    if (this.#closed) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      wakers.add(wake);
    });
  }

  #notify(): void {
    for (const waiter of [...this.#waiters]) waiter.check();
  }

  #describeLastRequests(): string {
    const last = this.#requests.slice(-10);
    if (last.length === 0) return "none";
    return last.map((r) => `${r.method} ${r.status ?? "pending"}`).join(", ");
  }

  #date(): number {
    return Math.floor(this.#now().getTime() / 1000);
  }
}

// --- Request and response helpers

async function readParams(
  request: Request,
  url: URL,
): Promise<{ params: Params; files: Map<string, UploadedFile> }> {
  const params: Params = {};
  const files = new Map<string, UploadedFile>();
  for (const [key, value] of url.searchParams) {
    params[key] = decodeField(key, value);
  }
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("application/json")) {
    const text = await request.text();
    if (text !== "") Object.assign(params, JSON.parse(text));
  } else if (
    type.startsWith("multipart/form-data") ||
    type.startsWith("application/x-www-form-urlencoded")
  ) {
    for (const [key, value] of await request.formData()) {
      if (typeof value === "string") params[key] = decodeField(key, value);
      else files.set(key, { filename: value.name, bytes: await value.bytes() });
    }
  }
  return { params, files };
}

/** Decodes a form field: JSON objects and arrays, booleans, and numeric ids. */
function decodeField(key: string, value: string): unknown {
  if (value.startsWith("{") || value.startsWith("[")) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  if (value === "true" || value === "false") return value === "true";
  if (NUMERIC_FIELDS.has(key) && /^-?\d+$/.test(value)) return Number(value);
  return value;
}

/** An HTTP answer and the status recorded for it (0 for a dropped connection). */
interface Answer {
  response: Response;
  status: number;
}

function failure(error: ApiFailure): Answer {
  const body = {
    ok: false,
    error_code: error.code,
    description: error.message,
    ...(error.parameters && { parameters: error.parameters }),
  };
  const response = Response.json(body, { status: error.code });
  return { response, status: error.code };
}

/** A response whose body errors at once, so the client sees a broken connection. */
function dropped(): Response {
  return new Response(
    new ReadableStream({
      start(controller) {
        controller.error("Fake Bot API dropped this connection on purpose");
      },
    }),
  );
}

function toInteger(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}

function isInlineKeyboard(markup: unknown): markup is InlineKeyboardMarkup {
  return typeof markup === "object" && markup !== null &&
    Array.isArray((markup as InlineKeyboardMarkup).inline_keyboard);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function scopeParam(params: Params): BotCommandScope | undefined {
  return params.scope as BotCommandScope | undefined;
}

function langParam(params: Params): string | undefined {
  return typeof params.language_code === "string"
    ? params.language_code
    : undefined;
}

function asCommands(value: unknown): BotCommand[] {
  if (!Array.isArray(value)) {
    throw new ApiFailure(400, 'Bad Request: parameter "commands" is required');
  }
  return value as BotCommand[];
}

function messageKey(chatId: number, messageId: number): string {
  return `${chatId}:${messageId}`;
}

function toUser(from: FakeUser): User {
  return { is_bot: false, ...from };
}

function privateChat(from: FakeUser | User): Chat.PrivateChat {
  const chat: Chat.PrivateChat = {
    id: from.id,
    type: "private",
    first_name: from.first_name,
  };
  if (from.last_name !== undefined) chat.last_name = from.last_name;
  if (from.username !== undefined) chat.username = from.username;
  return chat;
}
