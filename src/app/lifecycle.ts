/**
 * The life of a running bot: the health listener (see `listener.ts`), the sender, long polling
 * and the weekly jobs, catch up on what was missed, and stop cleanly.
 *
 * @module
 */
import type { UserFromGetMe } from "grammy/types";
import {
  describeError,
  OperatorError,
  type TokenRejectedError,
} from "../core/errors.ts";
import type { Config } from "../config/schema.ts";
import { configWarnings } from "../config/warnings.ts";
import type { Store } from "../db/store.ts";
import type { Pacer } from "../delivery/pacer.ts";
import type { RetryPolicy } from "../delivery/sender.ts";
import { clientOptions, createPlainApi } from "../bot/bot.ts";
import { setCommandMenus } from "../bot/menus.ts";
import type { Logger } from "../log.ts";
import { VERSION } from "../version.ts";
import { pruneOld } from "../usecases/retention.ts";
import { newKey } from "../domain/tokens.ts";
import { createApp } from "./compose.ts";
import { type Listener, startListener } from "./listener.ts";
import { type Polling, startPolling } from "./polling.ts";
import {
  cronName,
  type CronRegistrar,
  denoCron,
  describeSchedule,
} from "./schedule.ts";

/** A running bot: stop it to finish in-flight work and close the database. */
export interface RunningBot {
  /**
   * Resolves when the bot has stopped by `stop()`; rejects with an `OperatorError`
   * when it cannot go on: the token refused (401, polling or sending), or another
   * instance or a webhook takes the updates (409).
   */
  done: Promise<void>;
  /**
   * Stops polling and the jobs, lets the work in flight finish, then closes the database;
   * called again, the same promise.
   */
  stop(): Promise<void>;
  /** The port of the health and metrics listener, when `http` is configured. */
  httpPort?: number;
  /** The port of the public listener, when `http.public_url` is set. */
  publicPort?: number;
}

/** What {@linkcode startBot} needs: an open store and a checked token. */
export interface StartDeps {
  /** The bot token, already checked by `run`. */
  token: string;
  /** Bot API root; `undefined` for `https://api.telegram.org`. */
  apiRoot: string | undefined;
  /** The bot's identity from `getMe`, asked once before the start. */
  botInfo: UserFromGetMe;
  /** The open database; `close` closes it once everything has stopped. */
  store: Store;
  /** Closes the database once everything has stopped. */
  close: () => void;
  /** Gets `bot.starting`, `bot.started`, `bot.stopped`, and is shared with every part. */
  log: Logger;
  /** The clock; tests pass a fake one. */
  now: () => Date;
  /** Registers the cron jobs; default `Deno.cron`. Tests pass a recorder. */
  cron?: CronRegistrar;
  /** Paces notices and broadcasts; default the config's `broadcast.messages_per_second`. */
  pacer?: Pacer;
  /** How failed sends are retried; default the config's `delivery`. */
  retry?: RetryPolicy;
  /** The listener, when the caller bound it before asking the Bot API anything. */
  listener?: Listener;
  /** The key of personal links (db/link_key.ts); default one of this process's own. */
  linkKey?: Uint8Array;
}

/** How often records older than `delivery.keep_days` are pruned. */
const PRUNE_EVERY_MS = 24 * 3_600_000;
/** How soon a tick that the database refused is tried again. */
const TICK_RETRY_MS = 30_000;
/** The longest a wake timer for a job moved off the cron times waits before looking again. */
const WAKE_MAX_MS = 3_600_000;

/**
 * Starts the health listener (first, unless `deps.listener` was started earlier: a bad
 * address stops everything before it starts), the sender, long polling, the weekly jobs
 * on `Deno.cron`, and a catch-up tick. The listener is shut down when the bot stops, or
 * when the start fails.
 */
export async function startBot(
  config: Config,
  deps: StartDeps,
): Promise<RunningBot> {
  const { store, log } = deps;
  const stopping = new AbortController();
  // One key for the bot, the sender and the public side: the same personal links.
  const linkKey = deps.linkKey ?? newKey();
  const listener = deps.listener ??
    startListener(config, {
      store,
      log,
      now: deps.now,
      feed: { key: linkKey, botUsername: () => deps.botInfo.username },
    });
  const http = listener?.http;
  const web = listener?.web;
  const metrics = listener?.metrics;
  try {
    const plainApi = createPlainApi(deps.token, deps.apiRoot);
    await dropWebhook(plainApi, { config, log });
    // A token refused while sending stops everything, as one refused while polling does.
    let refused: TokenRejectedError | undefined;
    const started: { polling?: Polling } = {};
    const onHalt = (error: TokenRejectedError) => {
      if (refused !== undefined) return;
      refused = error;
      void started.polling?.runner.stop();
    };
    const { bot, jobs, sender, close } = createApp(config, {
      token: deps.token,
      apiRoot: deps.apiRoot,
      botInfo: deps.botInfo,
      store,
      log,
      now: deps.now,
      pacer: deps.pacer,
      retry: deps.retry,
      metrics,
      onHalt,
      linkKey,
    });
    log.info("bot.starting", {
      version: VERSION,
      bot: bot.botInfo.username,
      api_root: clientOptions(deps.apiRoot).apiRoot,
      database: config.database,
      timezone: config.timezone,
      admins: config.admins.length,
    });
    for (const warning of configWarnings(config)) {
      log.warn("config.warning", { ...warning });
    }
    await setCommandMenus(bot.api, { config, log });

    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let wakeTimer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      if (stopping.signal.aborted) return;
      const ok = await jobs.tick();
      clearTimeout(retryTimer);
      clearTimeout(wakeTimer);
      if (stopping.signal.aborted) return;
      if (!ok) retryTimer = setTimeout(tick, TICK_RETRY_MS);
      // A job moved off the cron times (an admin moved the meeting) gets a timer.
      const next = jobs.nextDue();
      if (next !== undefined) {
        const wait = next.getTime() - deps.now().getTime();
        wakeTimer = setTimeout(tick, Math.max(0, Math.min(wait, WAKE_MAX_MS)));
      }
    };
    const cron = deps.cron ?? denoCron;
    for (const job of describeSchedule(config, deps.now())) {
      for (const expression of job.cron) {
        cron(cronName(job.job, expression), expression, tick, stopping.signal);
      }
      log.info("job.scheduled", {
        job: job.job,
        local: job.local,
        cron_utc: job.cron.join(" + "),
        next_run: job.nextRun,
      });
    }

    sender.start({ alone: true });
    const polling = started.polling = startPolling(bot, {
      api: plainApi,
      log,
      config,
      inbox: {
        receive: (updates) =>
          store.write(() => store.updates.receive(updates, deps.now())),
        unhandled: () => store.updates.unhandled(),
      },
    });
    if (refused !== undefined) void polling.runner.stop();
    listener?.attach(polling);
    log.info("bot.started", {
      bot: bot.botInfo.username,
      http_port: http?.port,
      public_port: web?.port,
    });
    const catchUp = tick();
    // Old delivery records go at start and once a day after (see usecases/retention.ts).
    const prune = () =>
      pruneOld(store, { keepDays: config.delivery.keep_days, now: deps.now() })
        .then(
          (pruned) => {
            if (Object.values(pruned).some((n) => n > 0)) {
              log.info("retention.pruned", { ...pruned });
            }
          },
          (error) =>
            log.error("retention.error", { error: describeError(error) }),
        );
    let pruning = catchUp.then(prune, prune);
    const pruneTimer = setInterval(() => {
      pruning = pruning.then(prune);
    }, PRUNE_EVERY_MS);

    let stopped: Promise<void> | undefined;
    const runner = polling.runner;
    const stop = () =>
      stopped ??= (async () => {
        log.info("bot.stopping");
        stopping.abort();
        clearTimeout(retryTimer);
        clearTimeout(wakeTimer);
        clearInterval(pruneTimer);
        if (runner.isRunning()) await runner.stop();
        await catchUp;
        await pruning;
        await sender.stop();
        close();
        await web?.shutdown(); // no click is taken once the database may close
        await store.settled();
        await listener?.shutdown();
        deps.close();
        log.info("bot.stopped");
      })();
    const done = (async () => {
      let failure: unknown;
      try {
        await runner.task();
      } catch (error) {
        failure = error;
        log.error("polling.failed", { error: describeError(error) });
      }
      await stop();
      failure = refused ?? failure;
      if (failure instanceof OperatorError) throw failure;
    })();
    return { done, stop, httpPort: http?.port, publicPort: web?.port };
  } catch (error) {
    await listener?.shutdown();
    throw error;
  }
}

/** A webhook blocks long polling: delete it when the config says so, else stop. */
async function dropWebhook(
  api: ReturnType<typeof createPlainApi>,
  { config, log }: { config: Config; log: Logger },
): Promise<void> {
  let url: string;
  try {
    url = (await api.getWebhookInfo()).url ?? "";
  } catch (error) {
    log.warn("webhook.unknown", { error: describeError(error) });
    return;
  }
  if (url === "") return;
  if (!config.polling.delete_webhook) {
    throw new OperatorError(
      `A webhook is set for this bot (${url}), so long polling cannot run: set ` +
        "polling.delete_webhook: true in config.yaml (or call deleteWebhook) and start again",
    );
  }
  await api.deleteWebhook();
  log.warn("webhook.deleted", { url });
}
