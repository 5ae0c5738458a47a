/**
 * The token check of `run` and `send`: `getMe` before anything is enqueued or polled.
 *
 * A token Telegram refuses (401) is a {@linkcode TokenRejectedError}, at once; another
 * refusal (a 4xx) is an operator error that quotes Telegram. No network, a 5xx or a 429
 * (Telegram is down, the machine just booted) is waited out with a growing pause, so
 * that a service started during an outage comes up after it; a stop ends the wait.
 *
 * @module
 */
import type { UserFromGetMe } from "grammy/types";
import {
  describeError,
  TokenRejectedError,
  UsageError,
} from "../core/errors.ts";
import { type Sleep, sleep as realSleep } from "../core/sleep.ts";
import { ApiError, type BotApi, TelegramClient } from "../delivery/telegram.ts";
import type { Logger } from "../log.ts";

/** Options of {@linkcode whoAmI}. */
export interface WhoAmIOptions {
  /** `TELEGRAM_API_ROOT`; default `https://api.telegram.org`. */
  apiRoot?: string;
  /** Gets `bot.waiting_for_telegram` once while Telegram cannot be reached. */
  log: Logger;
  /** The longest pause between tries. */
  maxWaitMs: number;
  /** Gives up waiting for one answer after this long; default 30 s. */
  timeoutMs?: number;
  /** Ends the wait (SIGTERM): resolves to `undefined`. */
  signal?: AbortSignal;
  /** The Bot API to ask instead of a client of its own (tests on virtual time). */
  api?: BotApi;
  /** The pause between tries; default the real clock's. */
  sleep?: Sleep;
}

/**
 * The bot's identity from `getMe`, or `undefined` when `signal` stopped the wait; throws
 * {@linkcode TokenRejectedError} on a 401 and a {@linkcode UsageError} on another 4xx.
 */
export async function whoAmI(
  token: string,
  options: WhoAmIOptions,
): Promise<UserFromGetMe | undefined> {
  const { log, maxWaitMs, signal, sleep = realSleep } = options;
  const client = options.api ?? new TelegramClient(token, {
    apiRoot: options.apiRoot,
    timeoutMs: options.timeoutMs,
  });
  try {
    let wait = 500;
    for (let attempt = 1; !signal?.aborted; attempt++) {
      try {
        return await client.call<UserFromGetMe>("getMe", {}, {
          idempotent: true,
          signal,
        });
      } catch (error) {
        if (signal?.aborted) break;
        refused(error);
        if (attempt === 1) {
          log.warn("bot.waiting_for_telegram", { error: describeError(error) });
        }
        await sleep(wait, signal);
        wait = Math.min(wait * 2, maxWaitMs);
      }
    }
    return undefined;
  } finally {
    if (options.api === undefined) client.close?.();
  }
}

/** Throws the operator's form of an answer that waiting cannot change. */
function refused(error: unknown): void {
  if (!(error instanceof ApiError)) return;
  if (error.code === 401) throw new TokenRejectedError({ cause: error });
  if (error.code < 500 && error.code !== 429) {
    throw new UsageError(
      `Telegram refused getMe (${error.code} ${error.description}): check BOT_TOKEN and TELEGRAM_API_ROOT`,
      { cause: error },
    );
  }
}
