/**
 * The composition root: the bot and the job runner, wired to one store, one pacer and
 * one Bot API root. `run`, `send`, the tests and the bench all build them here.
 *
 * @module
 */
import type { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Config } from "../config/schema.ts";
import type { Store } from "../db/store.ts";
import { Pacer } from "../delivery/pacer.ts";
import { createBot, createBroadcastApi } from "../bot/bot.ts";
import {
  createJobRunner,
  type JobDeps,
  type JobRunner,
} from "../jobs/runner.ts";
import type { Logger } from "../log.ts";
import type { Metrics } from "../metrics.ts";

/** What {@linkcode createBotWithJobs} needs besides the config. */
export interface BotWithJobsDeps {
  token: string;
  apiRoot?: string;
  /** Known bot identity, to skip `getMe`. */
  botInfo?: UserFromGetMe;
  store: Store;
  log: Logger;
  now: () => Date;
  /** Paces broadcasts; default the config's `broadcast.messages_per_second`. */
  pacer?: Pacer;
  retryDelaysMs?: readonly number[];
  metrics?: Metrics;
  /** Aborted on shutdown: broadcasts stop starting sends. */
  signal?: AbortSignal;
}

/** The bot and the job runner its admin commands use, sharing one store. */
export function createBotWithJobs(
  config: Config,
  deps: BotWithJobsDeps,
): { bot: Bot; jobs: JobRunner } {
  const { token, apiRoot, botInfo, ...shared } = deps;
  const jobs = createJobRunner(
    jobDeps(config, { ...shared, api: createBroadcastApi(token, apiRoot) }),
  );
  const bot = createBot(config, { ...shared, token, apiRoot, botInfo, jobs });
  return { bot, jobs };
}

/** The job runner's deps, with the config's pacer unless one is given. */
export function jobDeps(
  config: Config,
  deps: Omit<JobDeps, "config" | "pacer"> & { pacer?: Pacer },
): JobDeps {
  return {
    ...deps,
    config,
    pacer: deps.pacer ?? new Pacer(config.broadcast.messages_per_second),
  };
}
