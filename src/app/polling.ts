/**
 * Long polling that recovers within seconds after an outage and says how it is doing.
 *
 * The grammY runner's own fetcher backs off without bound (hours after a long outage)
 * and prints to the console; this one waits at most `retry_max_seconds` between tries,
 * logs once when polling stalls and once when it recovers, and reports unhealthy when
 * no poll has succeeded for `unhealthy_after_seconds`. A 401 (the token) or a 409
 * (another instance, or a webhook) is final: polling ends with one clear error.
 *
 * @module
 */
import {
  createConcurrentSink,
  createRunner,
  createSource,
  type RunnerHandle,
} from "@grammyjs/runner";
import { type Api, type Bot, GrammyError } from "grammy";
import type { Update } from "grammy/types";
import { describeError, OperatorError } from "../core/errors.ts";
import type { Config } from "../config/schema.ts";
import { sleep } from "../delivery/pacer.ts";
import type { HealthCheck } from "../http.ts";
import type { Logger } from "../log.ts";

/** Polling cannot go on: the token was rejected, or someone else takes the updates. */
export class PollingError extends OperatorError {
  override name = "PollingError";
  /** 1 when a restart may help (another instance may stop), 2 when the operator must act. */
  override readonly exitCode: 1 | 2;

  constructor(message: string, options: { exitCode: 1 | 2; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.exitCode = options.exitCode;
  }
}

/** The kinds of updates the bot handles; Telegram sends no others. */
export const ALLOWED_UPDATES = ["message", "callback_query"] as const;

/** Long polling through the grammY runner, with health. */
export interface Polling {
  runner: RunnerHandle;
  /** Healthy until no poll has succeeded for `unhealthy_after_seconds`. */
  health(): HealthCheck;
  /** Milliseconds since the last successful poll (or since start). */
  sinceSuccessMs(): number;
}

/** Options of {@linkcode startPolling}. */
export interface PollingOptions {
  /** A Bot API client without automatic retries: this loop does its own. */
  api: Api;
  log: Logger;
  config: Pick<Config, "polling">;
  /** Monotonic milliseconds; default `performance.now()`. */
  clock?: () => number;
  /** Updates handled at once; default 500. */
  concurrency?: number;
  /** Long-poll timeout of each `getUpdates` in seconds; default 30. */
  timeoutSeconds?: number;
}

/** Starts polling `bot` and handling its updates concurrently. */
export function startPolling(bot: Bot, options: PollingOptions): Polling {
  const { api, log, config } = options;
  const clock = options.clock ?? (() => performance.now());
  const maxWait = config.polling.retry_max_seconds * 1000;
  const unhealthyAfter = config.polling.unhealthy_after_seconds * 1000;
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
          timeout: options.timeoutSeconds ?? 30,
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

  const source = createSource({
    supply: async (batchSize, signal) => {
      await bot.init();
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
  if (error.error_code === 401) {
    throw new PollingError(
      "Telegram rejected the bot token (401 Unauthorized): check BOT_TOKEN",
      { exitCode: 2, cause: error },
    );
  }
  if (error.error_code !== 409) return;
  if (/webhook/i.test(error.description)) {
    throw new PollingError(
      "A webhook is set for this bot, so long polling cannot run: set " +
        "polling.delete_webhook: true in config.yaml (or call deleteWebhook) and start again",
      { exitCode: 2, cause: error },
    );
  }
  throw new PollingError(
    "Another instance of this bot is polling with the same token (409 Conflict): " +
      "stop it, then start this one",
    { exitCode: 1, cause: error },
  );
}
