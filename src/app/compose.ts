/**
 * The composition root: the bot, the job runner and the sender, wired to one store, one
 * pacer and one Bot API root. `run`, the tests and the bench build them here; `send`
 * builds only the delivery half (`delivery.ts`).
 *
 * @module
 */
import type { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Config } from "../config/schema.ts";
import { createBot, TELEGRAM_API_ROOT } from "../bot/bot.ts";
import { jsonTransport } from "../bot/transport.ts";
import { newKey } from "../domain/tokens.ts";
import { createFeeds } from "../usecases/feed.ts";
import {
  createDelivery,
  type Delivery,
  type DeliveryParts,
} from "./delivery.ts";

export { createDelivery, type Delivery } from "./delivery.ts";

/** What {@linkcode createApp} needs besides the config. */
export interface AppParts extends DeliveryParts {
  /** Known bot identity, to skip `getMe`. */
  botInfo?: UserFromGetMe;
}

/** The running parts of the bot. */
export interface App extends Delivery {
  /** The grammY bot with every feature installed; `startPolling` runs it. */
  bot: Bot;
  /** Releases the bot's kept-alive Bot API connections (after the sender stopped). */
  close(): void;
}

/** The bot, the job runner and the sender, sharing one store. */
export function createApp(config: Config, parts: AppParts): App {
  const linkKey = parts.linkKey ?? newKey(); // one key for the bot and the sender
  const { jobs, sender, links } = createDelivery(config, {
    ...parts,
    linkKey,
    botUsername: parts.botUsername ?? parts.botInfo?.username,
  });
  const transport = jsonTransport({
    apiRoot: parts.apiRoot ?? TELEGRAM_API_ROOT,
    token: parts.token,
    timeoutMs: parts.requestTimeoutMs ??
      config.delivery.request_timeout_seconds * 1000,
  });
  const bot = createBot(config, {
    token: parts.token,
    apiRoot: parts.apiRoot,
    botInfo: parts.botInfo,
    store: parts.store,
    log: parts.log,
    now: parts.now,
    kick: () => sender.kick(),
    tick: () => jobs.tick(),
    metrics: parts.metrics,
    transport,
    links,
    feeds: createFeeds({
      config,
      store: parts.store,
      key: linkKey,
      now: parts.now,
    }),
  });
  return { bot, jobs, sender, links, close: transport.close };
}
