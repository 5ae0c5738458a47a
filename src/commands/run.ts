/**
 * `run`: checks the token and the database, then starts the bot until a signal stops it.
 *
 * @module
 */
import { type Api, GrammyError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { sleep } from "../core/sleep.ts";
import type { Logger } from "../log.ts";
import { describeError, UsageError } from "../core/errors.ts";
import type { Config } from "../config/schema.ts";
import { createPlainApi } from "../bot/bot.ts";
import { type RunningBot, startBot } from "../app/lifecycle.ts";
import { type Listener, startListener } from "../app/listener.ts";
import type { CronRegistrar } from "../app/schedule.ts";
import { type AppDeps, type Env, openStore, requireToken } from "./common.ts";
import { requireApiRoot } from "./places.ts";

export type { RunningBot } from "../app/lifecycle.ts";

/** Options of {@linkcode runCommand}. */
export interface RunOptions extends AppDeps {
  /** The token and the Bot API root, from the environment. */
  env: Env;
  /** Registers the cron jobs; default `Deno.cron`. Tests pass a recorder. */
  cron?: CronRegistrar;
}

/**
 * `run`: long polling through the grammY runner, the weekly jobs on `Deno.cron`, and a
 * catch-up tick at start for jobs missed while the bot was down. The database, then the
 * health listener's port are taken before the Bot API is asked anything.
 */
export async function runCommand(
  config: Config,
  options: RunOptions,
): Promise<RunningBot> {
  const { env, ...deps } = options;
  const token = requireToken(env);
  requireApiRoot(env.apiRoot);
  // Local problems first: a database that cannot be used stops the start at once.
  // A short busy wait: writes wait for another process's lock off the event loop.
  const { db, store } = openStore(config, {
    verify: "quick",
    busyTimeoutMs: 20,
  });
  let listener: Listener | undefined;
  try {
    // The port next: a busy one stops the start before Telegram is asked anything.
    listener = startListener(config, { store, log: deps.log, now: deps.now });
    const botInfo = await whoAmI(createPlainApi(token, env.apiRoot), {
      log: deps.log,
      maxWaitMs: config.polling.retry_max_seconds * 1000,
    });
    return await startBot(config, {
      token,
      apiRoot: env.apiRoot,
      botInfo,
      store,
      close: () => db.close(),
      log: deps.log,
      now: deps.now,
      retry: deps.retry,
      cron: deps.cron,
      listener,
    });
  } catch (error) {
    await listener?.http.shutdown();
    db.close();
    throw error;
  }
}

/**
 * The bot's identity from `getMe`. A token or address Telegram refuses (4xx) is an
 * operator error at once; no network or a 5xx (Telegram is down, the machine just
 * booted) is waited out, so that a service started during an outage comes up after it.
 */
async function whoAmI(
  api: Api,
  { log, maxWaitMs }: { log: Logger; maxWaitMs: number },
): Promise<UserFromGetMe> {
  let wait = 500;
  for (let attempt = 1;; attempt++) {
    try {
      return await api.getMe();
    } catch (error) {
      const refused = error instanceof GrammyError && error.error_code < 500 &&
        error.error_code !== 429;
      if (refused) {
        throw new UsageError(
          `Cannot use the Bot API: ${describeError(error)}`,
          { cause: error },
        );
      }
      if (attempt === 1) {
        log.warn("bot.waiting_for_telegram", { error: describeError(error) });
      }
      await sleep(wait);
      wait = Math.min(wait * 2, maxWaitMs);
    }
  }
}
