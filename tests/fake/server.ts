/**
 * The fake Telegram Bot API: a real HTTP server on 127.0.0.1, reached through
 * a TCP proxy that tests can cut. This class wires the parts: the update
 * queue, the chats, the faults, the proxy; it records every request and
 * wakes the waits of tests.
 *
 * @module
 */
import type { Message, Update } from "grammy/types";
import { createParts, FakeControls, type FakeParts } from "./controls.ts";
import { DROP } from "./faults.ts";
import {
  type Answer,
  type CallBody,
  dropped,
  failure,
  readParams,
  success,
} from "./http.ts";
import { TcpProxy } from "./proxy.ts";
import { route } from "./routes.ts";
import {
  ApiFailure,
  type CutOptions,
  DEFAULT_TOKEN,
  type DocumentOptions,
  type FakeBotApiOptions,
  type FakeUser,
  type PhotoOptions,
  type RecordedRequest,
  type VoiceOptions,
  type WaitOptions,
} from "./types.ts";
import type { NewUpdate } from "./updates.ts";
import * as users from "./users.ts";

/** A fake Telegram Bot API server; see the module doc. */
export class FakeBotApi extends FakeControls {
  /** Pass as grammY's `client.apiRoot`: the proxy, which {@link cutNetwork} cuts. */
  readonly apiRoot: string;
  /** The HTTP server itself, bypassing the proxy (for benchmarks). */
  readonly directApiRoot: string;
  /** The only bot token the fake accepts. */
  readonly token: string;
  /** Answer 400 "chat not found" for chats never seen in an injected update. */
  knownChatsOnly: boolean;
  /** While true, every call answers 401 Unauthorized, as for a token revoked in @BotFather. */
  tokenRevoked = false;

  #parts: FakeParts;
  #server: Deno.HttpServer<Deno.NetAddr>;
  #proxy: TcpProxy;
  #methodCounts = new Map<string, number>();
  #restoreTimer?: ReturnType<typeof setTimeout>;
  #closing?: Promise<void>;

  private constructor(options: FakeBotApiOptions, parts: FakeParts) {
    super(parts);
    this.#parts = parts;
    this.token = options.token ?? DEFAULT_TOKEN;
    this.knownChatsOnly = options.knownChatsOnly ?? false;
    this.#server = Deno.serve(
      { hostname: "127.0.0.1", port: 0, onListen() {} },
      (request, info) => this.#handle(request, info),
    );
    this.directApiRoot = `http://127.0.0.1:${this.#server.addr.port}`;
    this.#proxy = new TcpProxy(this.#server.addr.port);
    this.apiRoot = `http://127.0.0.1:${this.#proxy.port}`;
  }

  /** Starts a fake on a random port of 127.0.0.1. */
  static start(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
    return Promise.resolve(new FakeBotApi(options, createParts(options)));
  }

  /** Ends pending long polls with `[]`, rejects pending waits, and stops the server and proxy. */
  close(): Promise<void> {
    this.#closing ??= this.#shutdown();
    return this.#closing;
  }

  /** Same as {@link close}, for `await using`. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  // --- Updates (users' side)

  /** Queues an update for `getUpdates`, numbering it if `update_id` is absent. */
  injectUpdate(update: NewUpdate): Update {
    return this.#parts.queue.inject(update);
  }

  /** Queues a private text message from `from`, with a `bot_command` entity if it starts with "/". */
  sendText(from: FakeUser, text: string): Update {
    return this.injectUpdate({
      message: users.textMessage(this.#parts.store, from, { text }),
    });
  }

  /**
   * Queues a private text from `from` that replies to `to`: a message (e.g.
   * one the bot sent, copied or forwarded to `from`) or its id in `from`'s chat.
   */
  sendReply(from: FakeUser, to: Message | number, text: string): Update {
    const replyTo = typeof to === "number"
      ? this.#parts.store.anyMessage(from.id, to)
      : to;
    if (!replyTo) throw new Error(`No message ${to} in chat ${from.id}`);
    return this.injectUpdate({
      message: users.textMessage(this.#parts.store, from, { text, replyTo }),
    });
  }

  /** Queues a private photo from `from`. */
  sendPhoto(from: FakeUser, options: PhotoOptions = {}): Update {
    const message = users.photoMessage(this.#parts.store, from, options);
    return this.injectUpdate({ message });
  }

  /** Queues a private voice message from `from`. */
  sendVoice(from: FakeUser, options: VoiceOptions = {}): Update {
    const message = users.voiceMessage(this.#parts.store, from, options);
    return this.injectUpdate({ message });
  }

  /** Queues a private document from `from`. */
  sendDocument(from: FakeUser, options: DocumentOptions = {}): Update {
    const message = users.documentMessage(this.#parts.store, from, options);
    return this.injectUpdate({ message });
  }

  /** Queues a private message from `from` with any content: a video, a sticker, a location… */
  sendContent(from: FakeUser, content: users.MessageContent): Update {
    const message = users.contentMessage(this.#parts.store, from, content);
    return this.injectUpdate({ message });
  }

  /**
   * Queues a callback query from `from` with `data`. The query's message is
   * `message`, else the last message sent to `from` whose inline keyboard has
   * this data, else a new message with one such button (editable by the bot).
   */
  pressButton(from: FakeUser, data: string, message?: Message): Update {
    const query = users.buttonPress(this.#parts.store, from, { data, message });
    return this.injectUpdate({ callback_query: query });
  }

  /** Number of queued updates not yet confirmed by a `getUpdates` offset. */
  get pendingUpdates(): number {
    return this.#parts.queue.pending;
  }

  /**
   * Cuts the network: every open connection to {@link apiRoot} is closed and
   * new ones are refused (ECONNREFUSED) until {@link restoreNetwork}, or for
   * `for` ms. Calls the server had read take effect; their answers are lost.
   * Resolves once connects are refused.
   */
  async cutNetwork(options: CutOptions = {}): Promise<void> {
    clearTimeout(this.#restoreTimer);
    const cutting = this.#proxy.cut();
    if (options.for !== undefined) {
      this.#restoreTimer = setTimeout(() => this.restoreNetwork(), options.for);
    }
    const closed = await cutting;
    if (closed !== undefined) {
      this.stats.cuts++;
      this.stats.connectionsCut += closed;
    }
  }

  /** Accepts connections again, on the same port; resolves once it listens. */
  restoreNetwork(): Promise<void> {
    clearTimeout(this.#restoreTimer);
    return this.#proxy.restore();
  }

  /** Whether the network is cut. */
  get networkCut(): boolean {
    return this.#proxy.isCut;
  }

  // --- Queries

  /** Every call received, in order of arrival. */
  get requests(): readonly RecordedRequest[] {
    return this.#parts.requests;
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
    return this.#parts.waiters.wait(() => predicate(this), options);
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
    return this.#parts.requests.filter((request) => request.method === method);
  }

  // --- HTTP

  async #handle(
    request: Request,
    info: Deno.ServeHandlerInfo<Deno.NetAddr>,
  ): Promise<Response> {
    const url = new URL(request.url);
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match) return failure(new ApiFailure(404, "Not Found")).response;
    const token = decodeURIComponent(match[1]!);
    const method = match[2]!;
    let body: CallBody;
    try {
      body = await readParams(request, url);
    } catch {
      const error = new ApiFailure(
        400,
        "Bad Request: can't parse request body",
      );
      return failure(error).response;
    }
    const entry: RecordedRequest = {
      method,
      params: body.params,
      at: performance.now(),
    };
    this.#parts.requests.push(entry);
    this.#methodCounts.set(method, (this.#methodCounts.get(method) ?? 0) + 1);
    this.#parts.waiters.notify();

    const { response, status } = token === this.token && !this.tokenRevoked
      ? await this.#answerCall(method, body)
      : failure(new ApiFailure(401, "Unauthorized"));
    entry.status = status;
    this.#parts.waiters.notify();
    const latency = this.#parts.faults.latencyFor(method);
    entry.delayMs = latency;
    if (latency > 0) await this.#parts.pauses.pause(latency);
    if (status !== 0 && this.#proxy.closedUpstream(info.remoteAddr.port)) {
      entry.answerLost = true;
      this.stats.answersLost++;
      this.#parts.waiters.notify();
    }
    return response;
  }

  async #answerCall(method: string, body: CallBody): Promise<Answer> {
    try {
      const result = await route(method, body, {
        store: this.#parts.store,
        queue: this.#parts.queue,
        faults: this.#parts.faults,
        knownChatsOnly: () => this.knownChatsOnly,
      });
      return result === DROP ? dropped() : success(result);
    } catch (error) {
      return failure(
        error instanceof ApiFailure
          ? error
          : new ApiFailure(500, `Internal Server Error: fake failed: ${error}`),
      );
    }
  }

  async #shutdown(): Promise<void> {
    clearTimeout(this.#restoreTimer);
    this.#parts.pauses.close();
    this.#parts.waiters.close();
    const proxyClosed = this.#proxy.close();
    await this.#server.shutdown();
    await proxyClosed;
  }
}
