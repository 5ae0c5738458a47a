/**
 * A Bot API the test scripts call by call, on virtual time: each call is recorded with
 * its instant and answered by the script (a result, or the error the real client would
 * throw: a refusal, a 429, no answer). For the sender's decisions; what the real client
 * makes of HTTP is tested against the fake Bot API.
 *
 * @module
 */
import {
  ApiError,
  type BotApi,
  type CallOptions,
  NetworkError,
} from "../../src/delivery/telegram.ts";
import type { VirtualTime } from "./virtual_time.ts";

/** One call the sender made. */
export interface ScriptedCall {
  method: string;
  params: Record<string, unknown>;
  chat: number;
  /** Virtual milliseconds when it was made, and when it was answered. */
  at: number;
  endedAt?: number;
  /** Whether the sender let it use a kept-alive connection (safe to repeat). */
  idempotent: boolean;
  /** 1 for the first call, and so on. */
  n: number;
}

/** What a call gets: a result, or an error to throw. */
export type Script = (call: ScriptedCall) => unknown;

/** Options of {@linkcode ScriptedApi}. */
export interface ScriptedApiOptions {
  /** Virtual milliseconds each call takes; 0 by default. */
  latencyMs?: number;
}

/** A recording {@linkcode BotApi}; by default every call succeeds with a new message. */
export class ScriptedApi implements BotApi {
  /** Every call, in order. */
  readonly calls: ScriptedCall[] = [];
  /** Most calls in flight to one chat at once. */
  maxPerChat = 0;
  #time: VirtualTime;
  #script: Script;
  #latency: number;
  #open = new Map<number, number>();

  /** Answers each call with `script`, after `latencyMs` of virtual time. */
  constructor(
    time: VirtualTime,
    script: Script = (call) => ({ message_id: call.n }),
    options: ScriptedApiOptions = {},
  ) {
    this.#time = time;
    this.#script = script;
    this.#latency = options.latencyMs ?? 0;
  }

  /** Records the call and answers it as scripted. */
  async call<T>(
    method: string,
    params: Record<string, unknown>,
    options: CallOptions = {},
  ): Promise<T> {
    const chat = Number(params.chat_id);
    const call: ScriptedCall = {
      method,
      params,
      chat,
      at: this.#time.ms(),
      idempotent: options.idempotent ?? false,
      n: this.calls.length + 1,
    };
    this.calls.push(call);
    const open = (this.#open.get(chat) ?? 0) + 1;
    this.#open.set(chat, open);
    this.maxPerChat = Math.max(this.maxPerChat, open);
    try {
      if (this.#latency > 0) await this.#time.sleep(this.#latency);
      const answer = this.#script(call);
      if (answer instanceof Error) throw answer;
      return answer as T;
    } finally {
      call.endedAt = this.#time.ms();
      this.#open.set(chat, (this.#open.get(chat) ?? 1) - 1);
    }
  }

  /** The calls of `method`. */
  of(method: string): ScriptedCall[] {
    return this.calls.filter((c) => c.method === method);
  }
}

/** A 5xx from a gateway: worth trying again. */
export function serverError(method = "sendMessage", code = 502): ApiError {
  return new ApiError(method, { error_code: code, description: "Bad Gateway" });
}

/** A 429 with `retryAfter` seconds. */
export function tooManyRequests(
  retryAfter: number,
  method = "sendMessage",
): ApiError {
  return new ApiError(method, {
    error_code: 429,
    description: `Too Many Requests: retry after ${retryAfter}`,
    parameters: { retry_after: retryAfter },
  });
}

/** Telegram's answer to an edit that changes nothing. */
export function notModified(method = "editMessageText"): ApiError {
  return new ApiError(method, {
    error_code: 400,
    description:
      "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
  });
}

/** No answer came after the request left (a timeout): it may have arrived. */
export function noAnswer(method = "sendMessage"): NetworkError {
  return new NetworkError(`${method}: TimeoutError: Timed out`, {
    cause: new DOMException("Timed out", "TimeoutError"),
    maybe: true,
  });
}

/** The connection could not be made: the request never left. */
export function refused(method = "sendMessage"): NetworkError {
  return new NetworkError(`${method}: Connection refused`, {
    cause: new Error("Connection refused"),
    maybe: false,
  });
}
