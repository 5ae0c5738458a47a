/**
 * Builds the bot: middleware, features and the error boundary. Nothing starts here;
 * `main.ts` decides whether to poll, and tests feed updates through a fake Bot API.
 *
 * @module
 */
import { Api, Bot, type BotConfig, type Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { describeError } from "../core/errors.ts";
import type { Config } from "../config/schema.ts";
import type { Store } from "../db/store.ts";
import type { JobRunner } from "../jobs/runner.ts";
import type { Logger } from "../log.ts";
import { BOT_METRICS, type Metrics } from "../metrics.ts";
import { adminFeature } from "./features/admin.ts";
import { answersFeature } from "./features/answers.ts";
import { fallbackFeature } from "./features/fallback.ts";
import { infoFeature } from "./features/info.ts";
import { startFeature } from "./features/start.ts";
import { stopFeature } from "./features/stop.ts";
import { denoFetch } from "./fetch.ts";
import { handleOnce } from "./once.ts";

/** What {@linkcode createBot} needs besides the config. */
export interface BotDeps {
  token: string;
  store: Store;
  log: Logger;
  now: () => Date;
  /** Bot API root; default `https://api.telegram.org`. */
  apiRoot?: string;
  /** Known bot identity, to skip `getMe` (tests). */
  botInfo?: UserFromGetMe;
  /** Runs announcements and cancellation notices for the admin commands. */
  jobs: JobRunner;
  metrics?: Metrics;
}

/** The default Bot API root. */
export const TELEGRAM_API_ROOT = "https://api.telegram.org";

/** grammY client options shared by the bot and the broadcast API client. */
export function clientOptions(
  apiRoot: string | undefined,
): NonNullable<BotConfig<Context>["client"]> {
  return {
    apiRoot: apiRoot ?? TELEGRAM_API_ROOT,
    fetch: denoFetch as typeof fetch,
  };
}

/** A Bot API client without automatic retries, for broadcasts (they pace themselves). */
export function createBroadcastApi(token: string, apiRoot?: string): Api {
  return new Api(token, clientOptions(apiRoot));
}

/** Creates the bot with every feature registered and an error boundary installed. */
export function createBot(config: Config, deps: BotDeps): Bot {
  const bot = new Bot(deps.token, {
    client: clientOptions(deps.apiRoot),
    botInfo: deps.botInfo,
  });
  // Replies wait out a 429 and retry 5xx / network errors a few times.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));

  // Updates of one chat are handled in order, different chats concurrently.
  bot.use(
    sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()),
  );
  bot.use(handleOnce(deps));
  if (deps.metrics !== undefined) {
    const metrics = deps.metrics;
    bot.use((_ctx, next) => {
      metrics.inc(BOT_METRICS.updates);
      return next();
    });
  }

  const featureDeps = {
    config,
    store: deps.store,
    log: deps.log,
    now: deps.now,
  };
  const privateChats = bot.chatType("private");
  privateChats.use(startFeature(featureDeps));
  privateChats.use(stopFeature(featureDeps));
  privateChats.use(infoFeature(featureDeps));
  privateChats.use(adminFeature({ ...featureDeps, jobs: deps.jobs }));
  bot.use(answersFeature(featureDeps));
  bot.use(fallbackFeature(featureDeps));

  bot.catch((err) => {
    deps.log.error("update.error", {
      update_id: err.ctx.update.update_id,
      error: describeError(err.error),
    });
  });
  return bot;
}
