/**
 * The bot's metrics: their names, types and `# HELP` texts, over the small registry of
 * `metrics_registry.ts` (re-exported here), which renders the Prometheus text format.
 * The README lists them; the alerts and the dashboard in deploy/ use only these.
 *
 * @module
 */
import { FINAL_STATUSES } from "./core/owed.ts";
import { Metrics, type MetricType } from "./metrics_registry.ts";

export { type Labels, MetricsError } from "./metrics_format.ts";
export {
  type DescribeOptions,
  type IncOptions,
  Metrics,
  type MetricType,
  type SeriesOptions,
} from "./metrics_registry.ts";

/** The names of the bot's metrics, described by {@linkcode createBotMetrics}. */
export const BOT_METRICS = {
  updates: "meeting_bot_updates_total",
  messages: "meeting_bot_messages_total",
  tooManyRequests: "meeting_bot_too_many_requests_total",
  jobDuration: "meeting_bot_job_duration_seconds",
  subscribers: "meeting_bot_subscribers",
  lastJobTimestamp: "meeting_bot_last_job_timestamp_seconds",
  pollingLag: "meeting_bot_seconds_since_last_poll",
  buildInfo: "meeting_bot_build_info",
  deliveries: "meeting_bot_deliveries_total",
  outboxPending: "meeting_bot_outbox_pending",
  outboxOldest: "meeting_bot_outbox_oldest_pending_age_seconds",
  databaseWritable: "meeting_bot_database_writable",
  jobNextDue: "meeting_bot_job_next_due_timestamp_seconds",
  lastBackup: "meeting_bot_last_backup_timestamp_seconds",
} as const;

/** Each metric of {@linkcode createBotMetrics}: its type and `# HELP` text. */
const DESCRIBED: readonly [string, MetricType, string][] = [
  [BOT_METRICS.updates, "counter", "Telegram updates received by this process"],
  [
    BOT_METRICS.messages,
    "counter",
    "Messages of the weekly jobs' finished runs by weekly_job and outcome (sent, blocked, failed, unknown), from the database: every process, send included",
  ],
  [
    BOT_METRICS.deliveries,
    "counter",
    "Outbox rows this process settled, by status (sent, blocked, failed, unknown, dropped): every kind of message",
  ],
  [
    BOT_METRICS.tooManyRequests,
    "counter",
    "Bot API answers 429 Too Many Requests to this process",
  ],
  [
    BOT_METRICS.jobDuration,
    "summary",
    "Duration of the weekly jobs' finished runs in seconds, start to done, from the database",
  ],
  [
    BOT_METRICS.subscribers,
    "gauge",
    "Subscribers by state (active, registered)",
  ],
  [
    BOT_METRICS.lastJobTimestamp,
    "gauge",
    "Unix time in seconds of the last finished run of each weekly_job, from the database",
  ],
  [
    BOT_METRICS.jobNextDue,
    "gauge",
    "Unix time in seconds at which each weekly_job is next due: its earliest time, as planned for each week, that has no run yet; in the past while the job is late (until an hour after its deadline)",
  ],
  [
    BOT_METRICS.pollingLag,
    "gauge",
    "Seconds since getUpdates last succeeded (grows during an outage)",
  ],
  [
    BOT_METRICS.outboxPending,
    "gauge",
    "Outbox rows owed and not yet settled (pending or in flight), every process's",
  ],
  [
    BOT_METRICS.outboxOldest,
    "gauge",
    "Seconds since the oldest outbox row still owed was written; 0 when none is",
  ],
  [
    BOT_METRICS.databaseWritable,
    "gauge",
    "1 when the database takes writes, 0 from a failed write until one succeeds (as /healthz)",
  ],
  [
    BOT_METRICS.lastBackup,
    "gauge",
    "Unix time in seconds of the last backup the backup command made and checked, from the database; 0 when none was",
  ],
];

/**
 * A registry with the bot's metrics described (see {@linkcode BOT_METRICS}), and its
 * counters of this process at 0: updates, 429 answers, deliveries by `status`.
 */
export function createBotMetrics(): Metrics {
  const metrics = new Metrics();
  for (const [name, type, help] of DESCRIBED) {
    metrics.describe(name, { type, help });
  }
  metrics.inc(BOT_METRICS.updates, { by: 0 });
  metrics.inc(BOT_METRICS.tooManyRequests, { by: 0 });
  for (const status of FINAL_STATUSES) {
    metrics.inc(BOT_METRICS.deliveries, { by: 0, labels: { status } });
  }
  return metrics;
}

/**
 * Adds the constant gauge `meeting_bot_build_info{version="1.0.0",deno="2.9.6"} 1`, by
 * which a dashboard sees what runs.
 */
export function setBuildInfo(
  metrics: Metrics,
  build: { version: string; deno: string },
): void {
  metrics.describe(BOT_METRICS.buildInfo, {
    help: "The program's version and the Deno it runs on; always 1",
    type: "gauge",
  });
  metrics.set(BOT_METRICS.buildInfo, 1, {
    labels: { version: build.version, deno: build.deno },
  });
}
