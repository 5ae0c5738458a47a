/**
 * Long polling that recovers within seconds after an outage and says how it is doing.
 *
 * The grammY runner's own fetcher backs off without bound (hours after a long outage)
 * and prints to the console; this one waits at most `retry_max_seconds` between tries,
 * logs once when polling stalls and once when it recovers, and reports unhealthy when
 * no poll has succeeded for `unhealthy_after_seconds`. A 401 (the token) or a 409
 * (another instance, or a webhook) is final: polling ends with one clear error, exit
 * code 2, which the unit does not restart. The instance that gets the 409 is the one
 * another has displaced: it keeps out, so two hosts never take turns.
 *
 * @module
 */
import {
  createConcurrentSink,
  createRunner,
  createSource,
  type RunnerHandle,
} from "@grammyjs/runner";
import { type Api, type Bot, type Context, GrammyError } from "grammy";
import type { Update } from "grammy/types";
import {
  describeError,
  OperatorError,
  TokenRejectedError,
} from "../core/errors.ts";
import type { Config } from "../config/schema.ts";
import { type Sleep, sleep as timer } from "../core/sleep.ts";
import type { HealthCheck } from "../http.ts";
import type { Logger } from "../log.ts";

/**
 * Polling cannot go on: another instance or a webhook takes the updates (409). Exit code
 * 2: restarting would only take them back, and be taken again.
 */
export class PollingError extends OperatorError {
  /** Shows in logs and stack traces as `PollingError: …`. */
  override name = "PollingError";
}

/** How long handling waits for received updates to be kept (a locked database). */
const KEEP_WAIT_MS = 1_000;

/** The kinds of updates the bot handles; Telegram sends no others. */
export const ALLOWED_UPDATES = ["message", "callback_query"] as const;

/** Long polling through the grammY runner, with health. */
export interface Polling {
  /** The grammY runner: `task()` settles when polling ends, `stop()` ends it. */
  runner: RunnerHandle;
  /** Healthy until no poll has succeeded for `unhealthy_after_seconds`. */
  health(): HealthCheck;
  /** Milliseconds since the last successful poll (or since start). */
  sinceSuccessMs(): number;
}

/** Where received updates are kept until they are handled. */
export interface Inbox {
  /** Keeps `updates`; polling confirms them to Telegram only after this resolves. */
  receive(updates: readonly Update[]): Promise<void>;
  /** Updates received before a stop and never handled: handled first at start. */
  unhandled(): Update[];
}

/** Options of {@linkcode startPolling}. */
export interface PollingOptions {
  /** Keeps updates between receiving and handling; none: a crash may lose some. */
  inbox?: Inbox;
  /** A Bot API client without automatic retries: this loop does its own. */
  api: Api;
  /** Gets `polling.failed`, `polling.stalled` and `polling.recovered`. */
  log: Logger;
  /** The longest wait between tries, and when polling counts as unhealthy. */
  config: Pick<Config, "polling">;
  /** Monotonic milliseconds; default `performance.now()`. */
  clock?: () => number;
  /** Waits between failed tries; default a timer (tests record the waits). */
  sleep?: Sleep;
  /** Updates handled at once; default 500. */
  concurrency?: number;
  /**
   * Long-poll timeout of each `getUpdates` in seconds; default 30, or half of
   * `unhealthy_after_seconds` if that is less, so that a quiet bot still reports in.
   */
  timeoutSeconds?: number;
}

/** Starts polling `bot` and handling its updates concurrently. */
export function startPolling<C extends Context>(
  bot: Bot<C>,
  options: PollingOptions,
): Polling {
  const { api, log, config } = options;
  const clock = options.clock ?? (() => performance.now());
  const sleep = options.sleep ?? timer;
  const maxWait = config.polling.retry_max_seconds * 1000;
  const unhealthyAfter = config.polling.unhealthy_after_seconds * 1000;
  const longPoll = options.timeoutSeconds ??
    Math.max(1, Math.min(30, Math.floor(unhealthyAfter / 2000)));
  let lastSuccess = clock();
  let failingSince: number | undefined;
  let stalledLogged = false;
  let offset = 0;

  /** `signal` is the runner's: an `abort-controller` polyfill with the same shape. */
  async function poll(batchSize: number, signal: AbortSignal) {
    let wait = 250;
    while (true) {
      try {
        const updates: Update[] = await api.getUpdates({
          offset,
          limit: Math.max(1, Math.min(batchSize, 100)),
          timeout: longPoll,
          allowed_updates: [...ALLOWED_UPDATES],
        }, signal as never);
        lastSuccess = clock();
        if (failingSince !== undefined) {
          log.info("polling.recovered", {
            down_ms: Math.round(lastSuccess - failingSince),
          });
          failingSince = undefined;
          stalledLogged = false;
        }
        const last = updates.at(-1);
        if (last !== undefined) offset = last.update_id + 1;
        if (updates.length > 0) await keep(updates);
        return updates;
      } catch (error) {
        if (signal.aborted) throw error;
        fatal(error);
        const now = clock();
        if (failingSince === undefined) {
          failingSince = now;
          log.warn("polling.failed", { error: describeError(error) });
        } else if (!stalledLogged && now - lastSuccess >= unhealthyAfter) {
          stalledLogged = true;
          log.error("polling.stalled", {
            since_ms: Math.round(now - lastSuccess),
            error: describeError(error),
          });
        }
        const retryAfter = error instanceof GrammyError &&
            error.error_code === 429
          ? (error.parameters.retry_after ?? 1) * 1000
          : 0;
        await sleep(Math.max(retryAfter, Math.min(wait, maxWait)), signal);
        wait = Math.min(wait * 2, maxWait);
      }
    }
  }

  /**
   * The next getUpdates confirms these to Telegram: keep them first. A database that
   * another process holds locked must not stop the bot from answering, so after a
   * short wait they are handled anyway (and kept when the lock goes).
   */
  async function keep(updates: Update[]) {
    const kept = (options.inbox?.receive(updates) ?? Promise.resolve()).catch(
      (error) =>
        log.error("updates.not_kept", {
          count: updates.length,
          error: describeError(error),
        }),
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      kept,
      new Promise((resolve) => timer = setTimeout(resolve, KEEP_WAIT_MS)),
    ]);
    clearTimeout(timer);
  }

  let replay = options.inbox?.unhandled() ?? [];
  if (replay.length > 0) {
    log.warn("updates.replayed", {
      count: replay.length,
      reason: "received before a stop and never handled",
    });
  }
  const source = createSource({
    supply: async (batchSize, signal) => {
      await bot.init();
      if (replay.length > 0) {
        const batch = replay.slice(0, batchSize);
        replay = replay.slice(batchSize);
        return batch;
      }
      return await poll(batchSize, signal as unknown as AbortSignal);
    },
  });
  const sink = createConcurrentSink<Update>(
    { consume: (update) => bot.handleUpdate(update) },
    async (error) => {
      try {
        await bot.errorHandler(error as never);
      } catch (again) {
        log.error("update.error", { error: describeError(again) });
      }
    },
    { concurrency: options.concurrency ?? 500 },
  );
  const runner = createRunner(source, sink);
  runner.start();
  return {
    runner,
    sinceSuccessMs: () => clock() - lastSuccess,
    health() {
      const since = clock() - lastSuccess;
      if (!runner.isRunning()) return { ok: false, detail: "polling stopped" };
      if (since < unhealthyAfter) return { ok: true };
      return {
        ok: false,
        detail: `no update poll has succeeded for ${
          Math.round(since / 1000)
        } s`,
      };
    },
  };
}

/** Throws the final form of a 401 or 409; any other error is worth a retry. */
function fatal(error: unknown) {
  if (!(error instanceof GrammyError)) return;
  if (error.error_code === 401) throw new TokenRejectedError({ cause: error });
  if (error.error_code !== 409) return;
  if (/webhook/i.test(error.description)) {
    throw new PollingError(
      "A webhook is set for this bot, so long polling cannot run: set " +
        "polling.delete_webhook: true in config.yaml (or call deleteWebhook) and start again",
      { cause: error },
    );
  }
  // Keeping out, not restarting: two hosts that kept retrying would take the updates
  // from each other forever. The unit does not restart exit code 2.
  throw new PollingError(
    "Another instance of this bot took over its updates (409 Conflict: the same token " +
      "polls elsewhere), so this one stops and stays stopped: run only one; to run it " +
      "here, stop the other one and start this one again",
    { cause: error },
  );
}
