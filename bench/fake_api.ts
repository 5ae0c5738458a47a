/**
 * A lean fake Telegram Bot API for the bench, on 127.0.0.1, that any bot reaches through
 * its API root (grammY's `apiRoot`, Telegraf's `telegram.apiRoot`). Unlike the fake of
 * the tests it keeps almost nothing per message, so that a 100,000-user broadcast costs
 * it little, and it answers a method it does not know with `ok: true, result: true`
 * (counted in {@linkcode FakeApi.unknown}) instead of 404, so that neither bot fails on
 * a call the other does not make.
 */
import type { Message, Update, UserFromGetMe } from "grammy/types";
import {
  ApiFailure,
  failure,
  type Params,
  readParams,
  toInteger,
} from "./fake_http.ts";

/** What `getMe` answers. */
export const BENCH_BOT: UserFromGetMe = {
  id: 42,
  is_bot: true,
  first_name: "Bench bot",
  username: "bench_bot",
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

/** Options of {@linkcode FakeApi.start}. */
export interface FakeApiOptions {
  token: string;
  /** Global flood limit: at most this many sends in any sliding second; the rest get 429. */
  perSecond?: number;
}

/** Hooks the load generator sets to see what the bot does. */
export interface FakeObserver {
  sent?(message: Message): void;
  answered?(callbackQueryId: string): void;
  edited?(chatId: number): void;
}

/** Sends (sendMessage, sendDocument, copyMessage) the fake accepted or refused. */
export interface SendCounts {
  ok: number;
  tooManyRequests: number;
  /** `performance.now()` of the first and last accepted send. */
  firstAt: number;
  lastAt: number;
  /** Accepted sends per chat. */
  chats: Map<number, number>;
}

/** Sends, rate-limited when a limit is set. */
const SEND_METHODS = new Set(["sendMessage", "sendDocument", "copyMessage"]);
/** Methods every bot may call at start; answered `true`, and not "unknown". */
const TRUE_METHODS = new Set([
  "deleteWebhook",
  "setWebhook",
  "setMyCommands",
  "deleteMyCommands",
  "setMyDescription",
  "setMyShortDescription",
  "setChatMenuButton",
  "close",
  "logOut",
]);

/** The fake server; see the module doc. */
export class FakeApi {
  /** The API root to give the bot. */
  readonly apiRoot: string;
  /** The only token accepted. */
  readonly token: string;
  /** Calls received, by method. */
  readonly calls = new Map<string, number>();
  /** Calls of methods the fake does not know, answered `true`, by method. */
  readonly unknown = new Map<string, number>();
  /** See {@linkcode SendCounts}. */
  readonly sends: SendCounts = {
    ok: 0,
    tooManyRequests: 0,
    firstAt: NaN,
    lastAt: NaN,
    chats: new Map(),
  };
  /** Set by the load generator. */
  observer: FakeObserver = {};

  #server: Deno.HttpServer<Deno.NetAddr>;
  #perSecond?: number;
  #window: number[] = [];
  #queue: Update[] = [];
  #head = 0;
  #nextUpdateId = 1;
  #nextMessageId = 1;
  #pollers = new Set<() => void>();
  #parked = 0;
  #closed = false;

  private constructor(options: FakeApiOptions) {
    this.token = options.token;
    this.#perSecond = options.perSecond;
    this.#server = Deno.serve(
      { hostname: "127.0.0.1", port: 0, onListen() {} },
      (request) => this.#handle(request),
    );
    this.apiRoot = `http://127.0.0.1:${this.#server.addr.port}`;
  }

  /** Starts a fake on a free port of 127.0.0.1. */
  static start(options: FakeApiOptions): FakeApi {
    return new FakeApi(options);
  }

  /** Long polls waiting right now (the bot is idle when one is and nothing is queued). */
  get parked(): number {
    return this.#parked;
  }

  /** Updates queued and not yet confirmed by a `getUpdates` offset. */
  get pending(): number {
    return this.#queue.length - this.#head;
  }

  /** Queues updates (numbered here) and wakes the long poll. */
  inject(updates: readonly Omit<Update, "update_id">[]): void {
    for (const update of updates) {
      this.#queue.push({ ...update, update_id: this.#nextUpdateId++ });
    }
    for (const wake of [...this.#pollers]) wake();
  }

  /** A new message id, for messages the load generator makes up. */
  messageId(): number {
    return this.#nextMessageId++;
  }

  /** Ends the long polls with `[]` and stops the server. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const wake of [...this.#pollers]) wake();
    await this.#server.shutdown();
  }

  async #handle(request: Request): Promise<Response> {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(
      new URL(request.url).pathname,
    );
    if (!match) return failure(new ApiFailure(404, "Not Found"));
    const method = match[2]!;
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
    if (decodeURIComponent(match[1]!) !== this.token) {
      return failure(new ApiFailure(401, "Unauthorized"));
    }
    try {
      const params = await readParams(request);
      return Response.json({
        ok: true,
        result: await this.#call(method, params),
      });
    } catch (error) {
      if (error instanceof ApiFailure) return failure(error);
      return failure(new ApiFailure(400, `Bad Request: ${error}`));
    }
  }

  async #call(method: string, params: Params): Promise<unknown> {
    if (method === "getUpdates") return await this.#getUpdates(params);
    if (SEND_METHODS.has(method)) return this.#send(method, params);
    if (TRUE_METHODS.has(method)) return true;
    switch (method) {
      case "getMe":
        return BENCH_BOT;
      case "getWebhookInfo":
        return {
          url: "",
          has_custom_certificate: false,
          pending_update_count: this.pending,
        };
      case "getMyCommands":
        return [];
      case "editMessageText":
      case "editMessageReplyMarkup":
        return this.#edit(params);
      case "answerCallbackQuery":
        this.observer.answered?.(String(params.callback_query_id));
        return true;
      default:
        this.unknown.set(method, (this.unknown.get(method) ?? 0) + 1);
        return true;
    }
  }

  async #getUpdates(params: Params): Promise<Update[]> {
    const offset = toInteger(params.offset);
    if (offset !== undefined) {
      while (this.pending > 0 && this.#queue[this.#head]!.update_id < offset) {
        this.#head++;
      }
      if (this.#head >= 1024 && this.#head * 2 >= this.#queue.length) {
        this.#queue = this.#queue.slice(this.#head);
        this.#head = 0;
      }
    }
    const limit = Math.min(Math.max(toInteger(params.limit) ?? 100, 1), 100);
    const timeout = Math.max(toInteger(params.timeout) ?? 0, 0);
    if (this.pending === 0 && timeout > 0 && !this.#closed) {
      this.#parked++;
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.#pollers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, timeout * 1000);
        this.#pollers.add(wake);
      });
      this.#parked--;
    }
    if (this.#closed) return [];
    return this.#queue.slice(this.#head, this.#head + limit);
  }

  #send(method: string, params: Params): Message {
    const now = performance.now();
    if (this.#perSecond !== undefined) {
      const window = this.#window;
      while (window.length > 0 && window[0]! <= now - 1000) window.shift();
      if (window.length >= this.#perSecond) {
        this.sends.tooManyRequests++;
        throw new ApiFailure(429, "Too Many Requests: retry after 1", 1);
      }
      window.push(now);
    }
    const chatId = toInteger(params.chat_id);
    if (chatId === undefined) {
      throw new ApiFailure(400, "Bad Request: chat not found");
    }
    const message = botMessage(this.#nextMessageId++, chatId);
    if (method === "sendMessage") message.text = String(params.text ?? "");
    const markup = params.reply_markup as Message["reply_markup"];
    if (markup !== undefined) message.reply_markup = markup;
    const counts = this.sends;
    counts.ok++;
    if (Number.isNaN(counts.firstAt)) counts.firstAt = now;
    counts.lastAt = now;
    counts.chats.set(chatId, (counts.chats.get(chatId) ?? 0) + 1);
    this.observer.sent?.(message);
    return message;
  }

  #edit(params: Params): Message {
    const chatId = toInteger(params.chat_id) ?? 0;
    this.observer.edited?.(chatId);
    return {
      ...botMessage(toInteger(params.message_id) ?? 0, chatId),
      edit_date: Math.floor(Date.now() / 1000),
      text: String(params.text ?? ""),
    };
  }
}

/** A message from the bench bot in the private chat `chatId`. */
function botMessage(messageId: number, chatId: number): Message {
  return {
    message_id: messageId,
    from: { id: BENCH_BOT.id, is_bot: true, first_name: BENCH_BOT.first_name },
    chat: { id: chatId, type: "private", first_name: `User ${chatId}` },
    date: Math.floor(Date.now() / 1000),
  };
}
