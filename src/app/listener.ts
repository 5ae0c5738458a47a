/**
 * The listeners of `run`: `/healthz` and `/metrics` on the `http:` address, and with
 * `http.public_url` the public side (src/web/) on its own port; both bound first, so that
 * a busy port stops the start before anything else.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import type { JobTotals } from "../db/job_runs.ts";
import type { Store } from "../db/store.ts";
import { type HttpServer, startHttpServer } from "../http.ts";
import type { Logger } from "../log.ts";
import {
  BOT_METRICS,
  createBotMetrics,
  type Metrics,
  setBuildInfo,
} from "../metrics.ts";
import { dueTimes } from "../usecases/job_plans.ts";
import { VERSION } from "../version.ts";
import type { FeedKeys } from "../web/routes.ts";
import { startWebServer } from "../web/server.ts";
import { healthReport } from "./health.ts";
import type { Polling } from "./polling.ts";

/**
 * The health and metrics listener, bound before anything else starts: a busy port or an
 * address the program may not use stops the start with one line, before the Bot API is
 * asked anything.
 */
export interface Listener {
  /** The local server (`/healthz`, `/metrics`); shut down when the bot stops. */
  http: HttpServer;
  /** The public server (join links, feeds), when `http.public_url` is set. */
  web?: HttpServer;
  /** Shuts both down; again, the same. */
  shutdown(): Promise<void>;
  /** The registry `/metrics` renders; the bot and the sender count into it. */
  metrics: Metrics;
  /** From now on `/healthz` and `/metrics` report this polling. */
  attach(polling: Polling): void;
}

/**
 * Starts the listeners of `config.http` (`undefined` when not configured); throws an
 * {@linkcode HttpServerError} when one cannot listen. Until polling is attached,
 * `/healthz` answers 503 "polling not started".
 */
export function startListener(
  config: Config,
  deps: {
    store: Store;
    log: Logger;
    now: () => Date;
    /** The link key and the bot's username, for calendar feeds (src/web/feed.ts). */
    feed?: FeedKeys;
  },
): Listener | undefined {
  if (config.http === null) return undefined;
  const { store } = deps;
  const metrics = createBotMetrics();
  setBuildInfo(metrics, { version: VERSION, deno: Deno.version.deno });
  let polling: Polling | undefined;
  const http = startHttpServer({
    hostname: config.http.hostname,
    port: config.http.port,
    metrics,
    log: deps.log,
    health: () =>
      healthReport(config, {
        store,
        polling: () =>
          polling?.health() ?? { ok: false, detail: "polling not started" },
        now: deps.now(),
      }),
    beforeScrape: async () => {
      // First what needs no read: a database that fails reads leaves the rest stale.
      const database = await store.checkWrites();
      metrics.set(BOT_METRICS.databaseWritable, database.ok ? 1 : 0);
      if (polling !== undefined) {
        metrics.set(BOT_METRICS.pollingLag, polling.sinceSuccessMs() / 1000);
      }
      setStoreMetrics(metrics, { config, store, now: deps.now() });
    },
  });
  let web: HttpServer | undefined;
  if (config.http.public !== undefined) {
    try {
      web = startWebServer(config.http.public, {
        config,
        store,
        log: deps.log,
        now: deps.now,
        feed: deps.feed,
      });
    } catch (error) {
      void http.shutdown();
      throw error;
    }
  }
  let closing: Promise<void> | undefined;
  return {
    http,
    web,
    metrics,
    attach(started) {
      polling = started;
    },
    shutdown: () =>
      closing ??= Promise.all([http.shutdown(), web?.shutdown()]).then(
        () => {},
      ),
  };
}

/**
 * What the database says: subscribers, the outbox's backlog, each job's next time and what
 * its runs did, the last backup. Every process's doing (`send`, `backup`), across restarts.
 */
function setStoreMetrics(
  metrics: Metrics,
  { config, store, now }: { config: Config; store: Store; now: Date },
): void {
  const { active, registered } = store.users.counts();
  metrics.set(BOT_METRICS.subscribers, active, { labels: { state: "active" } });
  metrics.set(BOT_METRICS.subscribers, registered, {
    labels: { state: "registered" },
  });
  const backlog = store.outbox.backlog();
  metrics.set(BOT_METRICS.outboxPending, backlog.rows);
  metrics.set(
    BOT_METRICS.outboxOldest,
    backlog.oldest === undefined
      ? 0
      : Math.max(0, now.getTime() - backlog.oldest.getTime()) / 1000,
  );
  const due = dueTimes(store, { schedule: config, now });
  metrics.clear(BOT_METRICS.jobNextDue);
  for (const [job, at] of due) {
    metrics.set(BOT_METRICS.jobNextDue, at.getTime() / 1000, {
      labels: { weekly_job: job },
    });
  }
  setJobMetrics(metrics, store.jobRuns.totals());
  const backup = store.backups.latest();
  metrics.set(
    BOT_METRICS.lastBackup,
    backup === undefined ? 0 : Date.parse(backup.taken_at) / 1000,
  );
}

/**
 * The jobs' outcomes, durations and last runs from the job log in the database: what the
 * bot did, every process (`send` too) and across restarts, not what this process saw.
 */
function setJobMetrics(metrics: Metrics, totals: readonly JobTotals[]): void {
  for (const total of totals) {
    const weekly_job = total.job;
    for (const outcome of ["sent", "blocked", "failed", "unknown"] as const) {
      metrics.setTotal(BOT_METRICS.messages, total[outcome], {
        labels: { weekly_job, outcome },
      });
    }
    metrics.setSummary(BOT_METRICS.jobDuration, {
      sum: total.seconds,
      count: total.runs,
    }, { labels: { weekly_job } });
    metrics.set(
      BOT_METRICS.lastJobTimestamp,
      Date.parse(total.lastFinishedAt) / 1000,
      { labels: { weekly_job } },
    );
  }
}
