/**
 * `run`: checks the token and the database, then starts the bot until a signal stops it.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import { DiskFullError } from "../db/database.ts";
import { sleep } from "../core/sleep.ts";
import { type RunningBot, startBot } from "../app/lifecycle.ts";
import { type Listener, startListener } from "../app/listener.ts";
import type { CronRegistrar } from "../app/schedule.ts";
import {
  type AppDeps,
  type Env,
  linkKeyOf,
  openStore,
  requireToken,
} from "./common.ts";
import { requireApiRoot } from "./places.ts";
import { whoAmI } from "./token.ts";

export type { RunningBot } from "../app/lifecycle.ts";

/** Options of {@linkcode runCommand}. */
export interface RunOptions extends AppDeps {
  /** The token and the Bot API root, from the environment. */
  env: Env;
  /** Registers the cron jobs; default `Deno.cron`. Tests pass a recorder. */
  cron?: CronRegistrar;
  /** SIGINT / SIGTERM: a start still waiting (for Telegram) ends cleanly, nothing started. */
  signal?: AbortSignal;
}

/** A bot that never started: stopped by a signal while it waited to start. */
const NOT_STARTED: RunningBot = {
  done: Promise.resolve(),
  stop: () => Promise.resolve(),
};

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
  const apiRoot = requireApiRoot(env.apiRoot);
  // Local problems first: a database that cannot be used stops the start at once.
  // A short busy wait: writes wait for another process's lock off the event loop.
  let opened: ReturnType<typeof openStore>;
  try {
    opened = openStore(config, { verify: "quick", busyTimeoutMs: 20 });
  } catch (error) {
    if (!(error instanceof DiskFullError)) throw error;
    // Exit code 1 restarts the service; waiting first keeps systemd's restarts under
    // its start limit, so that it keeps trying until space is freed.
    const waitS = config.polling.retry_max_seconds;
    deps.log.error("database.disk_full", {
      database: config.database,
      exit_in_s: waitS,
    });
    await sleep(waitS * 1000, deps.signal);
    if (deps.signal?.aborted) return NOT_STARTED;
    throw error;
  }
  const { db, store } = opened;
  let listener: Listener | undefined;
  try {
    const linkKey = linkKeyOf(config);
    // The port next: a busy one stops the start before Telegram is asked anything.
    // Feeds answer 503 until getMe has told the bot's username (their UIDs' domain).
    const bot: { username?: string } = {};
    listener = startListener(config, {
      store,
      log: deps.log,
      now: deps.now,
      feed: linkKey === undefined
        ? undefined
        : { key: linkKey, botUsername: () => bot.username },
    });
    const botInfo = await whoAmI(token, {
      apiRoot,
      log: deps.log,
      maxWaitMs: config.polling.retry_max_seconds * 1000,
      timeoutMs: config.delivery.request_timeout_seconds * 1000,
      signal: deps.signal,
    });
    bot.username = botInfo?.username;
    if (botInfo === undefined) {
      await listener?.shutdown();
      db.close();
      deps.log.info("bot.stopped", { reason: "stopped before it started" });
      return NOT_STARTED;
    }
    return await startBot(config, {
      token,
      apiRoot,
      botInfo,
      store,
      close: () => db.close(),
      log: deps.log,
      now: deps.now,
      retry: deps.retry,
      cron: deps.cron,
      listener,
      linkKey,
    });
  } catch (error) {
    await listener?.shutdown();
    db.close();
    throw error;
  }
}
