/**
 * The life of a running bot: start long polling, the weekly jobs and the health
 * listener, catch up on what was missed, and stop cleanly.
 *
 * @module
 */
import { run as runPolling, type RunnerHandle } from "@grammyjs/runner";
import type { UserFromGetMe } from "grammy/types";
import { describeError } from "../core/errors.ts";
import type { Config } from "../config/schema.ts";
import type { Store } from "../db/store.ts";
import { clientOptions } from "../bot/bot.ts";
import { setCommandMenus } from "../bot/menus.ts";
import { startHttpServer } from "../http.ts";
import type { Logger } from "../log.ts";
import { BOT_METRICS, createBotMetrics } from "../metrics.ts";
import { createBotWithJobs } from "./compose.ts";
import { healthReport } from "./health.ts";
import {
  cronName,
  type CronRegistrar,
  denoCron,
  describeSchedule,
} from "./schedule.ts";

/** A running bot: stop it to finish in-flight work and close the database. */
export interface RunningBot {
  /** Resolves when the bot has stopped (by `stop()` or a fatal polling error). */
  done: Promise<void>;
  stop(): Promise<void>;
  /** The port of the health and metrics listener, when `http` is configured. */
  httpPort?: number;
}

/** What {@linkcode startBot} needs: an open store and a checked token. */
export interface StartDeps {
  token: string;
  apiRoot: string | undefined;
  botInfo: UserFromGetMe;
  store: Store;
  /** Closes the database once everything has stopped. */
  close: () => void;
  log: Logger;
  now: () => Date;
  retryDelaysMs?: readonly number[];
  /** Registers the cron jobs; default `Deno.cron`. Tests pass a recorder. */
  cron?: CronRegistrar;
}

/**
 * Starts long polling through the grammY runner, the weekly jobs on `Deno.cron`, the
 * optional HTTP listener, and a catch-up tick for jobs missed while the bot was down.
 */
export async function startBot(
  config: Config,
  deps: StartDeps,
): Promise<RunningBot> {
  const { store, log } = deps;
  const stopping = new AbortController();
  const metrics = config.http === null ? undefined : createBotMetrics();
  const { bot, jobs } = createBotWithJobs(config, {
    token: deps.token,
    apiRoot: deps.apiRoot,
    botInfo: deps.botInfo,
    store,
    log,
    now: deps.now,
    retryDelaysMs: deps.retryDelaysMs,
    metrics,
    signal: stopping.signal,
  });
  log.info("bot.starting", {
    bot: bot.botInfo.username,
    api_root: clientOptions(deps.apiRoot).apiRoot,
    database: config.database,
    timezone: config.timezone,
    admins: config.admins.length,
  });
  await setCommandMenus(bot.api, { config, log });

  const cron = deps.cron ?? denoCron;
  for (const job of describeSchedule(config, deps.now())) {
    for (const expression of job.cron) {
      cron(
        cronName(job.job, expression),
        expression,
        jobs.tick,
        stopping.signal,
      );
    }
    log.info("job.scheduled", {
      job: job.job,
      local: job.local,
      cron_utc: job.cron.join(" + "),
      next_run: job.nextRun,
    });
  }

  const runner: RunnerHandle = runPolling(bot, {
    runner: { fetch: { allowed_updates: ["message", "callback_query"] } },
  });
  const http = config.http === null || metrics === undefined
    ? undefined
    : startHttpServer({
      hostname: config.http.hostname,
      port: config.http.port,
      metrics,
      log,
      health: () =>
        healthReport(config, {
          store,
          polling: () => runner.isRunning(),
          now: deps.now(),
        }),
      beforeScrape: () => {
        const { active, registered } = store.users.counts();
        metrics.set(BOT_METRICS.subscribers, active, {
          labels: { state: "active" },
        });
        metrics.set(BOT_METRICS.subscribers, registered, {
          labels: { state: "registered" },
        });
      },
    });
  log.info("bot.started", { bot: bot.botInfo.username, http_port: http?.port });
  const catchUp = jobs.tick();

  let stopped: Promise<void> | undefined;
  const stop = () =>
    stopped ??= (async () => {
      log.info("bot.stopping");
      stopping.abort();
      if (runner.isRunning()) await runner.stop();
      await catchUp;
      await jobs.tick().catch(() => {}); // waits for a job in flight; starts none (aborted)
      await http?.shutdown();
      deps.close();
      log.info("bot.stopped");
    })();
  const done = (async () => {
    try {
      await runner.task();
    } catch (error) {
      log.error("polling.failed", { error: describeError(error) });
    }
    await stop();
  })();
  return { done, stop, httpPort: http?.port };
}
