/**
 * The composition root: the bot, the job runner and the sender, wired to one store, one
 * pacer and one Bot API root. `run`, `send`, the tests and the bench build them here.
 *
 * @module
 */
import type { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Config } from "../config/schema.ts";
import type { Store } from "../db/store.ts";
import { Pacer } from "../delivery/pacer.ts";
import { type RetryPolicy, Sender } from "../delivery/sender.ts";
import { TelegramClient } from "../delivery/telegram.ts";
import { createBot } from "../bot/bot.ts";
import { createJobRunner, type JobRunner } from "../jobs/runner.ts";
import type { Logger } from "../log.ts";
import { createRenderer } from "../messages/render.ts";
import { BOT_METRICS, type Metrics } from "../metrics.ts";

/** What {@linkcode createApp} needs besides the config. */
export interface AppParts {
  token: string;
  apiRoot?: string;
  /** Known bot identity, to skip `getMe`. */
  botInfo?: UserFromGetMe;
  store: Store;
  log: Logger;
  now: () => Date;
  /** Paces notices and broadcasts; default the config's `broadcast.messages_per_second`. */
  pacer?: Pacer;
  /** How failed sends are retried; default the config's `delivery`. */
  retry?: RetryPolicy;
  /** Gives up waiting for a Bot API answer after this long; default the config's. */
  requestTimeoutMs?: number;
  metrics?: Metrics;
}

/** The running parts of the bot. */
export interface App extends Delivery {
  bot: Bot;
}

/** The job runner and the sender that delivers what it enqueues. */
export interface Delivery {
  jobs: JobRunner;
  sender: Sender;
}

/** The bot, the job runner and the sender, sharing one store. */
export function createApp(config: Config, parts: AppParts): App {
  const { jobs, sender } = createDelivery(config, parts);
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
  });
  return { bot, jobs, sender };
}

/** The job runner and the outbox's sender, without the bot (`send` needs only these). */
export function createDelivery(
  config: Config,
  parts: Omit<AppParts, "botInfo">,
): Delivery {
  const { store, log, now, metrics } = parts;
  const renderer = createRenderer({ config, store, now });
  const api = new TelegramClient(parts.token, {
    apiRoot: parts.apiRoot,
    timeoutMs: parts.requestTimeoutMs ??
      config.delivery.request_timeout_seconds * 1000,
  });
  // The sender is created below; the runner only needs to wake it.
  const kick = () => sender.kick();
  const jobs = createJobRunner({
    config,
    store,
    log,
    now,
    kick,
    onJobDone: metrics === undefined ? undefined : (done) => {
      const labels = { job: done.job };
      metrics.observe(
        BOT_METRICS.jobDuration,
        (done.finishedAt.getTime() - done.startedAt.getTime()) / 1000,
        { labels },
      );
      metrics.set(
        BOT_METRICS.lastJobTimestamp,
        done.finishedAt.getTime() / 1000,
        { labels },
      );
    },
  });
  const sender: Sender = new Sender({
    outbox: store.outbox,
    api,
    render: renderer.render,
    pacer: parts.pacer ?? new Pacer(config.broadcast.messages_per_second),
    log,
    now,
    write: (fn) => store.write(fn),
    onUnreachable: (row) => {
      if (row.user_id !== null) store.users.deactivate(row.chat_id, now());
    },
    onBatchDone: (batch) => jobs.batchDone(batch),
    onDelivered: renderer.delivered,
    onOutcome: metrics === undefined ? undefined : (row, outcome) => {
      if (outcome === "rate_limited") {
        metrics.inc(BOT_METRICS.tooManyRequests);
      } else {
        metrics.inc(BOT_METRICS.messages, {
          labels: { job: row.kind, outcome },
        });
      }
    },
    retry: parts.retry ?? {
      initialMs: config.delivery.retry_initial_seconds * 1000,
      maxMs: config.delivery.retry_max_seconds * 1000,
      giveUpMs: config.delivery.give_up_after_hours * 3_600_000,
    },
  });
  return { jobs, sender };
}
