/**
 * The delivery half of the composition root: the job runner and the outbox's sender,
 * wired to one store and one pacer. `send` needs only these, and so loads no grammY.
 *
 * @module
 */
import type { TokenRejectedError } from "../core/errors.ts";
import type { Sleep } from "../core/sleep.ts";
import type { Config } from "../config/schema.ts";
import type { Store } from "../db/store.ts";
import { Pacer } from "../delivery/pacer.ts";
import { type RetryPolicy, Sender } from "../delivery/sender.ts";
import { type BotApi, TelegramClient } from "../delivery/telegram.ts";
import { createJobRunner, type JobRunner } from "../jobs/runner.ts";
import type { Logger } from "../log.ts";
import { createRenderer } from "../messages/render.ts";
import { BOT_METRICS, type Metrics } from "../metrics.ts";
import { newKey } from "../domain/tokens.ts";
import { createLinks, type Links } from "../usecases/links.ts";
import { stopUser } from "../usecases/users.ts";

/** What {@linkcode createDelivery} needs besides the config. */
export interface DeliveryParts {
  /** The bot token, from `BOT_TOKEN`. */
  token: string;
  /** Bot API root; default `https://api.telegram.org`. */
  apiRoot?: string;
  /** The open database: the job runner and the sender share it. */
  store: Store;
  /**
   * The bot's username, from `getMe`: the domain of its calendar files' UIDs
   * (`meeting_bot.t.me`), so that two bots' meetings never collide in one calendar.
   */
  botUsername?: string;
  /** Shared by the job runner and the sender (`job.*`, `delivery.*`, `outbox.*`). */
  log: Logger;
  /** The clock; tests pass a fake one. */
  now: () => Date;
  /** The sender's and the pacer's waits, on `now`; default a timer (tests pass a virtual one). */
  sleep?: Sleep;
  /** The Bot API the sender calls; default a `TelegramClient` for `token` at `apiRoot`. */
  api?: BotApi;
  /** Paces notices and broadcasts; default the config's `broadcast.messages_per_second`. */
  pacer?: Pacer;
  /** How failed sends are retried; default the config's `delivery`. */
  retry?: RetryPolicy;
  /** Gives up waiting for a Bot API answer after this long; default the config's. */
  requestTimeoutMs?: number;
  /** Counts 429 answers and settled rows for `/metrics`; none without a listener. */
  metrics?: Metrics;
  /** Telegram refused the token: the sender has stopped; stop the rest (see `Sender`). */
  onHalt?: (error: TokenRejectedError) => void;
  /**
   * The key personal links are derived under (db/link_key.ts); default one of this
   * process's own, which is enough for an in-memory database.
   */
  linkKey?: Uint8Array;
}

/** The job runner and the sender that delivers what it enqueues. */
export interface Delivery {
  /** Decides and enqueues the weekly jobs. */
  jobs: JobRunner;
  /** Drains the outbox, once started. */
  sender: Sender;
  /** The meeting link each person gets (the bot's `/status` shows the same). */
  links: Links;
}

/** The job runner and the outbox's sender, without the bot (`send` needs only these). */
export function createDelivery(
  config: Config,
  parts: DeliveryParts,
): Delivery {
  const { store, log, now, metrics } = parts;
  const links = createLinks({
    config,
    store,
    key: parts.linkKey ?? newKey(),
    now,
  });
  const renderer = createRenderer({
    config,
    store,
    now,
    botUsername: parts.botUsername,
    links,
  });
  const api = parts.api ?? new TelegramClient(parts.token, {
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
  });
  const sender: Sender = new Sender({
    outbox: store.outbox,
    api,
    render: renderer.render,
    pacer: parts.pacer ?? new Pacer(
      config.broadcast.messages_per_second,
      // An injected sleep comes with its clock: the pacer keeps to both.
      parts.sleep === undefined
        ? {}
        : { sleep: parts.sleep, now: () => now().getTime() },
    ),
    log,
    now,
    sleep: parts.sleep,
    write: (fn) => store.write(fn),
    onUnreachable: (row) => {
      if (row.user_id === null) return;
      // The chat is gone: as a /stop, a seat it held goes to the waitlist.
      stopUser(store, { tgId: row.chat_id, schedule: config, now: now() });
    },
    onBatchDone: (batch) => jobs.batchDone(batch),
    onDelivered: renderer.delivered,
    onHalt: parts.onHalt,
    // What the jobs did comes from the database (see listener.ts); a 429 and the outcome
    // of each request are this process's.
    onOutcome: metrics === undefined ? undefined : (_row, outcome) => {
      if (outcome === "rate_limited") {
        metrics.inc(BOT_METRICS.tooManyRequests);
      } else {
        metrics.inc(BOT_METRICS.deliveries, { labels: { status: outcome } });
      }
    },
    retry: parts.retry ?? {
      initialMs: config.delivery.retry_initial_seconds * 1000,
      maxMs: config.delivery.retry_max_seconds * 1000,
      giveUpMs: config.delivery.give_up_after_hours * 3_600_000,
    },
  });
  return { jobs, sender, links };
}
