/**
 * `run`: checks the token and the database, then starts the bot until a signal stops it.
 *
 * @module
 */
import type { UserFromGetMe } from "grammy/types";
import { describeError, UsageError } from "../core/errors.ts";
import type { Config } from "../config/schema.ts";
import { createPlainApi } from "../bot/bot.ts";
import { type RunningBot, startBot } from "../app/lifecycle.ts";
import type { CronRegistrar } from "../app/schedule.ts";
import { type AppDeps, type Env, openStore, requireToken } from "./common.ts";

export type { RunningBot } from "../app/lifecycle.ts";

/** Options of {@linkcode runCommand}. */
export interface RunOptions extends AppDeps {
  env: Env;
  /** Registers the cron jobs; default `Deno.cron`. Tests pass a recorder. */
  cron?: CronRegistrar;
}

/**
 * `run`: long polling through the grammY runner, the weekly jobs on `Deno.cron`, and a
 * catch-up tick at start for jobs missed while the bot was down.
 */
export async function runCommand(
  config: Config,
  options: RunOptions,
): Promise<RunningBot> {
  const { env, ...deps } = options;
  const token = requireToken(env);
  let botInfo: UserFromGetMe;
  try {
    // One try, no automatic retries: a wrong token or root must fail at once.
    botInfo = await createPlainApi(token, env.apiRoot).getMe();
  } catch (error) {
    throw new UsageError(`Cannot use the Bot API: ${describeError(error)}`, {
      cause: error,
    });
  }
  const { db, store } = openStore(config);
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
  });
}
