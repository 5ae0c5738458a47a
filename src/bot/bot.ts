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
import type { Logger } from "../log.ts";
import { BOT_METRICS, type Metrics } from "../metrics.ts";
import { adminFeature } from "./features/admin/index.ts";
import { answersFeature } from "./features/answers.ts";
import { relayFeature, relayRepliesFeature } from "./features/relay.ts";
import { fallbackFeature } from "./features/fallback.ts";
import { feedbackFeature } from "./features/feedback.ts";
import { calendarFeature } from "./features/calendar.ts";
import { infoFeature } from "./features/info.ts";
import { settingsFeature } from "./features/settings.ts";
import { startFeature } from "./features/start.ts";
import { languageFeature } from "./features/language.ts";
import {
  type BotContext,
  personConfig,
  speakTheirLanguage,
} from "./language.ts";
import { stopFeature } from "./features/stop.ts";
import { DatabaseBusyError, sqliteProblem } from "../db/writer.ts";
import { denoFetch } from "./fetch.ts";
import { floodGuard } from "./flood.ts";
import { handleOnce } from "./once.ts";
import { jsonTransport, type Transport } from "./transport.ts";
import { newKey } from "../domain/tokens.ts";
import { createFeeds, type Feeds } from "../usecases/feed.ts";
import { createLinks, type Links } from "../usecases/links.ts";

/** What {@linkcode createBot} needs besides the config. */
export interface BotDeps {
  /** The bot token, from `BOT_TOKEN`. */
  token: string;
  /** The open database the features read and write. */
  store: Store;
  /** Shared with every feature; a failed handler is logged as `update.error`. */
  log: Logger;
  /** The clock; tests pass a fake one. */
  now: () => Date;
  /** Bot API root; default `https://api.telegram.org`. */
  apiRoot?: string;
  /** Known bot identity, to skip `getMe` (tests). */
  botInfo?: UserFromGetMe;
  /** Wakes the sender after something was enqueued in the outbox. */
  kick: () => void;
  /** Runs the jobs' tick now (after an admin changed this week's meeting). */
  tick: () => Promise<unknown>;
  /** Counts updates for `/metrics`; none without a listener. */
  metrics?: Metrics;
  /** Carries the bot's own calls; default a {@linkcode jsonTransport} to `apiRoot`. */
  transport?: Transport;
  /** The meeting link each person gets; default the meeting's own (links.ts). */
  links?: Links;
  /** Calendar feed addresses (`/calendar`); default under a key of this process's own. */
  feeds?: Feeds;
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

/** A grammY Bot API client without automatic retries (e.g. for `getMe` at start). */
export function createPlainApi(token: string, apiRoot?: string): Api {
  return new Api(token, clientOptions(apiRoot));
}

/** Creates the bot with every feature registered and an error boundary installed. */
export function createBot(config: Config, deps: BotDeps): Bot<BotContext> {
  const bot = new Bot<BotContext>(deps.token, {
    client: clientOptions(deps.apiRoot),
    botInfo: deps.botInfo,
  });
  // Calls without a file take the lean path; autoRetry, installed after, wraps it.
  const transport = deps.transport ??
    jsonTransport({
      apiRoot: deps.apiRoot ?? TELEGRAM_API_ROOT,
      token: deps.token,
    });
  bot.api.config.use(transport.transformer);
  // Replies wait out a 429 and retry 5xx / network errors a few times.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));

  // Each update once, also across a crash; a dropped one (a flood) counts as handled.
  bot.use(handleOnce(deps));
  // A chat that floods is cut off before its updates can queue and hold slots.
  bot.use(floodGuard({
    burst: config.flood.burst,
    perMinute: config.flood.per_minute,
    notice: (ctx) =>
      personConfig({ config, store: deps.store }, ctx.from).texts.flood_notice,
    log: deps.log,
  }));
  // Updates of one chat are handled in order, different chats concurrently.
  bot.use(
    sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()),
  );
  // After the chat's earlier updates: a language chosen just before is the one spoken.
  bot.use(speakTheirLanguage({ config, store: deps.store }));

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
    kick: deps.kick,
    tick: deps.tick,
    links: deps.links ??
      createLinks({ config, store: deps.store, key: newKey(), now: deps.now }),
    feeds: deps.feeds ??
      createFeeds({ config, store: deps.store, key: newKey(), now: deps.now }),
  };
  const privateChats = bot.chatType("private");
  // An admin's reply to a participant goes to them, even one that starts with "/".
  privateChats.use(relayRepliesFeature(featureDeps));
  privateChats.use(startFeature(featureDeps));
  privateChats.use(stopFeature(featureDeps));
  privateChats.use(infoFeature(featureDeps));
  privateChats.use(calendarFeature(featureDeps));
  privateChats.use(languageFeature(featureDeps));
  // Before the comment after a rating and the relay: a zone or date the screen asked for.
  privateChats.use(settingsFeature(featureDeps));
  privateChats.use(adminFeature(featureDeps));
  bot.use(answersFeature(featureDeps));
  bot.use(feedbackFeature(featureDeps));
  bot.use(relayFeature(featureDeps));
  bot.use(fallbackFeature(featureDeps));

  bot.catch(async (err) => {
    deps.log.error("update.error", {
      update_id: err.ctx.update.update_id,
      error: describeError(err.error),
    });
    // A change the database could not take fails visibly, never in silence: as an
    // alert on the button, or (the press is too old for one) as a message.
    if (err.error instanceof DatabaseBusyError || sqliteProblem(err.error)) {
      const ctx = err.ctx;
      // The person's language when it was known before the failure; no read now.
      const text = (ctx.config ?? config).texts.unavailable;
      if (ctx.chat?.type !== "private") return;
      const alerted = ctx.callbackQuery !== undefined &&
        await ctx.answerCallbackQuery({ text, show_alert: true }).then(
          () => true,
          () => false,
        );
      if (!alerted) await ctx.reply(text).catch(() => {});
    }
  });
  return bot;
}
