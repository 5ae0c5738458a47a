/**
 * A small Bot API client for what the sender delivers: one JSON (or multipart) request a
 * call, and errors that say whether the message may have been delivered.
 *
 * A refused connection or a failed DNS lookup means the request never left: it is safe
 * to send again. A connection that broke after the request was written, or a timeout,
 * means the message may have arrived: {@linkcode NetworkError.maybeDelivered}.
 *
 * A call that must not happen twice (a message sent) goes on a connection of its own.
 * On a kept-alive connection that the server closes without an answer, Deno's HTTP
 * client silently sends the request again on a new one, so a message Telegram had
 * already taken would arrive twice, and the error seen would be the second try's.
 *
 * @module
 */
import type { Upload } from "../core/owed.ts";

/** The Bot API answered `ok: false`. */
export class ApiError extends Error {
  /** Shows in logs and stack traces as `ApiError: …`. */
  override name = "ApiError";
  /** HTTP-like error code: 400, 403, 429, 5xx… */
  readonly code: number;
  /** Telegram's description, e.g. "Forbidden: bot was blocked by the user". */
  readonly description: string;
  /** Seconds to wait, with a 429. */
  readonly retryAfter: number | undefined;

  /** From the method called and Telegram's `ok: false` answer. */
  constructor(
    method: string,
    answer: {
      error_code: number;
      description: string;
      parameters?: { retry_after?: number };
    },
  ) {
    super(`${method}: ${answer.error_code} ${answer.description}`);
    this.code = answer.error_code;
    this.description = answer.description;
    this.retryAfter = answer.parameters?.retry_after;
  }
}

/** No answer came; `maybeDelivered` is false only when the request certainly never left. */
export class NetworkError extends Error {
  /** Shows in logs and stack traces as `NetworkError: …`. */
  override name = "NetworkError";
  /** Whether Telegram may have received (and acted on) the request. */
  readonly maybeDelivered: boolean;

  /** `maybe`: whether the request may have reached Telegram. */
  constructor(message: string, options: { cause: unknown; maybe: boolean }) {
    super(message, { cause: options.cause });
    this.maybeDelivered = options.maybe;
  }
}

/** Options of one {@linkcode BotApi.call}. */
export interface CallOptions {
  /** A file to send with the call, as multipart form data. */
  upload?: Upload;
  /** Aborts the call; the client's own timeout applies too. */
  signal?: AbortSignal;
  /** Safe to repeat (an edit): may use a kept-alive connection. */
  idempotent?: boolean;
}

/** The calls the sender makes: any Bot API method, with its JSON parameters. */
export interface BotApi {
  /** Calls `method` with `params` and resolves with the Bot API's `result`. */
  call<T>(
    method: string,
    params: Record<string, unknown>,
    options?: CallOptions,
  ): Promise<T>;
  /** Releases its connections. */
  close?(): void;
}

/** Options of {@linkcode TelegramClient}. */
export interface TelegramClientOptions {
  /** Bot API root; default `https://api.telegram.org`. */
  apiRoot?: string;
  /** Gives up waiting for an answer after this long (the outcome is then unknown). */
  timeoutMs?: number;
}

interface Answer<T> {
  ok: boolean;
  result?: T;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

/** Connection errors that happen before a request is written: it never left. */
const NOT_SENT =
  /client error \(Connect\)|tcp connect error|dns error|Connection refused|Requests to port/i;

/** The Bot API over `fetch`, with keep-alive connections. */
export class TelegramClient implements BotApi {
  #base: string;
  #timeoutMs: number;
  /** Connections used once: nothing is ever sent twice on them. */
  #once: Deno.HttpClient;
  #closed = false;

  /** For the bot with `token`; the default timeout is 30 s. */
  constructor(token: string, options: TelegramClientOptions = {}) {
    this.#base = `${
      options.apiRoot ?? "https://api.telegram.org"
    }/bot${token}/`;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#once = Deno.createHttpClient({ poolMaxIdlePerHost: 0 });
  }

  /** Releases the client's connections. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#once.close();
  }

  /** Calls `method`; throws {@linkcode ApiError} or {@linkcode NetworkError}. */
  async call<T>(
    method: string,
    params: Record<string, unknown>,
    options: CallOptions = {},
  ): Promise<T> {
    // A timer cleared when the answer is in: `AbortSignal.timeout` would keep every
    // request's signal (and what hangs on it) alive for the whole timeout.
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(new DOMException("Timed out", "TimeoutError")),
      this.#timeoutMs,
    );
    const signal = options.signal
      ? AbortSignal.any([options.signal, timeout.signal])
      : timeout.signal;
    let response: Response;
    let text: string;
    try {
      response = await fetch(this.#base + method, {
        method: "POST",
        ...body(params, options.upload),
        signal,
        client: options.idempotent ? undefined : this.#once,
      });
      text = await response.text();
    } catch (cause) {
      const reason = describe(cause);
      throw new NetworkError(`${method}: ${reason}`, {
        cause,
        maybe: !NOT_SENT.test(reason),
      });
    } finally {
      clearTimeout(timer);
    }
    let answer: Answer<T>;
    try {
      answer = JSON.parse(text);
    } catch (cause) {
      // A gateway's own error page: the Bot API did not take the call.
      if (response.status >= 500) {
        throw new ApiError(method, {
          error_code: response.status,
          description: response.statusText,
        });
      }
      throw new NetworkError(`${method}: unreadable answer`, {
        cause,
        maybe: true,
      });
    }
    if (answer.ok) return answer.result as T;
    throw new ApiError(method, {
      error_code: answer.error_code ?? response.status,
      description: answer.description ?? response.statusText,
      parameters: answer.parameters,
    });
  }
}

function body(
  params: Record<string, unknown>,
  upload: Upload | undefined,
): { body: BodyInit; headers?: HeadersInit } {
  if (upload === undefined) {
    return {
      body: JSON.stringify(params),
      headers: { "content-type": "application/json" },
    };
  }
  const form = new FormData();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    form.append(
      name,
      typeof value === "object" ? JSON.stringify(value) : String(value),
    );
  }
  form.append(
    upload.field,
    new Blob([upload.bytes as BlobPart]),
    upload.filename,
  );
  return { body: form };
}

function describe(error: unknown): string {
  const parts: string[] = [];
  for (let e = error, i = 0; e !== undefined && i < 4; i++) {
    parts.push(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    e = e instanceof Error ? e.cause : undefined;
  }
  return parts.join(" <- ");
}

/** What a failed call means for the row that made it. */
export type Verdict =
  /** Telegram asks to wait: try again after `retryAfterMs`. */
  | { kind: "rate-limited"; retryAfterMs: number }
  /** The chat is gone for good (blocked, deactivated, not found): do not try again. */
  | { kind: "unreachable" }
  /** Not delivered, and worth trying again later (5xx, no connection). */
  | { kind: "transient" }
  /** The request left and no answer came: it may have been delivered. */
  | { kind: "unknown" }
  /** Telegram refused it and will refuse it again (a bad request). */
  | { kind: "permanent" }
  /** Telegram refused the bot token (401): no request of this bot can succeed. */
  | { kind: "unauthorized" };

/** Sorts a failed call into what to do next. */
export function classify(error: unknown): Verdict {
  if (error instanceof ApiError) {
    if (error.code === 429) {
      return {
        kind: "rate-limited",
        retryAfterMs: (error.retryAfter ?? 1) * 1000,
      };
    }
    if (error.code === 401) return { kind: "unauthorized" };
    if (error.code === 403) return { kind: "unreachable" };
    if (
      error.code === 400 &&
      /chat not found|user is deactivated|bot was blocked/i.test(
        error.description,
      )
    ) {
      return { kind: "unreachable" };
    }
    return error.code >= 500 ? { kind: "transient" } : { kind: "permanent" };
  }
  if (error instanceof NetworkError) {
    return error.maybeDelivered ? { kind: "unknown" } : { kind: "transient" };
  }
  return { kind: "permanent" };
}
