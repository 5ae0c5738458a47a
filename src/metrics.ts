/**
 * A tiny Prometheus registry: counters, gauges and summaries (sum and count only) with
 * labels, rendered in the text exposition format 0.0.4.
 *
 * Families render in the order they were first described or used; the series of a family
 * render sorted by their labels, and label names sorted, so a scrape is deterministic.
 *
 * @module
 */

/** The Prometheus metric types this registry supports. */
export type MetricType = "counter" | "gauge" | "summary";

/** Label names and values of one series, e.g. `{ job: "invitation", outcome: "sent" }`. */
export type Labels = Readonly<Record<string, string>>;

/** Options that pick one series of a family. */
export interface SeriesOptions {
  /** The series' labels; none when left out. */
  labels?: Labels;
}

/** Options of {@linkcode Metrics.inc}. */
export interface IncOptions extends SeriesOptions {
  /** How much to add; default 1, never negative for a counter. */
  by?: number;
}

/** Options of {@linkcode Metrics.describe}. */
export interface DescribeOptions {
  /** The `# HELP` text. */
  help: string;
  /** The `# TYPE`; describing it again with another throws. */
  type: MetricType;
}

/** A bad metric name, label, value, or a use that does not fit the metric's type. */
export class MetricsError extends Error {
  /** Shows in logs and stack traces as `MetricsError: …`. */
  override name = "MetricsError";
}

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
} as const;

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

interface Series {
  value: number;
  /** Summaries only: the number of observations; `value` is their sum. */
  count: number;
}

interface Family {
  name: string;
  type: MetricType;
  help: string | undefined;
  /** Series by their rendered label set, e.g. `{job="invitation"}`. */
  series: Map<string, Series>;
}

/** A registry of metrics; a metric used before {@linkcode Metrics.describe} gets its type from the first use. */
export class Metrics {
  #families = new Map<string, Family>();

  /** Registers the HELP text and type of `name`; describing it again must keep the type. */
  describe(name: string, options: DescribeOptions): void {
    const family = this.#family(name, [options.type]);
    family.help = options.help;
  }

  /** Adds `by` (default 1) to a counter or a gauge. */
  inc(name: string, options: IncOptions = {}): void {
    const by = options.by ?? 1;
    const family = this.#family(name, ["counter", "gauge"]);
    if (!Number.isFinite(by) || (family.type === "counter" && by < 0)) {
      throw new MetricsError(
        `Invalid increment ${by} of ${family.type} "${name}": expected a finite${
          family.type === "counter" ? " non-negative" : ""
        } number`,
      );
    }
    this.#series(family, options.labels).value += by;
  }

  /** Sets a gauge to `value`. */
  set(name: string, value: number, options: SeriesOptions = {}): void {
    const family = this.#family(name, ["gauge"]);
    this.#series(family, options.labels).value = value;
  }

  /** Sets a counter to a total kept elsewhere (the database), 0 or more. */
  setTotal(name: string, total: number, options: SeriesOptions = {}): void {
    const family = this.#family(name, ["counter"]);
    if (!Number.isFinite(total) || total < 0) {
      throw new MetricsError(
        `Invalid total ${total} of counter "${name}": expected a finite non-negative number`,
      );
    }
    this.#series(family, options.labels).value = total;
  }

  /** Sets a summary's sum and count, kept elsewhere (the database). */
  setSummary(
    name: string,
    { sum, count }: { sum: number; count: number },
    options: SeriesOptions = {},
  ): void {
    const series = this.#series(
      this.#family(name, ["summary"]),
      options.labels,
    );
    series.value = sum;
    series.count = count;
  }

  /** Records one observation of a summary, e.g. a job's duration in seconds. */
  observe(name: string, value: number, options: SeriesOptions = {}): void {
    const family = this.#family(name, ["summary"]);
    if (Number.isNaN(value)) {
      throw new MetricsError(`Invalid observation NaN of summary "${name}"`);
    }
    const series = this.#series(family, options.labels);
    series.value += value;
    series.count += 1;
  }

  /** The registry in the Prometheus text format 0.0.4, ending with a newline. */
  render(): string {
    const lines: string[] = [];
    for (const family of this.#families.values()) {
      if (family.help !== undefined) {
        lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`);
      }
      lines.push(`# TYPE ${family.name} ${family.type}`);
      const keys = [...family.series.keys()].sort();
      for (const key of keys) {
        const series = family.series.get(key)!;
        if (family.type === "summary") {
          lines.push(`${family.name}_sum${key} ${formatValue(series.value)}`);
          lines.push(`${family.name}_count${key} ${formatValue(series.count)}`);
        } else {
          lines.push(`${family.name}${key} ${formatValue(series.value)}`);
        }
      }
    }
    return lines.length === 0 ? "" : lines.join("\n") + "\n";
  }

  /** The family `name`, whose type must be one of `allowed`; created with the first when new. */
  #family(
    name: string,
    allowed: readonly [MetricType, ...MetricType[]],
  ): Family {
    let family = this.#families.get(name);
    if (family === undefined) {
      if (!METRIC_NAME.test(name)) {
        throw new MetricsError(
          `Invalid metric name "${name}": expected [a-zA-Z_:][a-zA-Z0-9_:]*`,
        );
      }
      family = { name, type: allowed[0], help: undefined, series: new Map() };
      this.#families.set(name, family);
    } else if (!allowed.includes(family.type)) {
      throw new MetricsError(
        `Metric "${name}" is a ${family.type}: expected ${
          allowed.join(" or ")
        }`,
      );
    }
    return family;
  }

  #series(family: Family, labels: Labels = {}): Series {
    const key = labelKey(family.name, labels);
    let series = family.series.get(key);
    if (series === undefined) {
      series = { value: 0, count: 0 };
      family.series.set(key, series);
    }
    return series;
  }
}

/**
 * A registry with the bot's metrics described, and its unlabelled counters at 0:
 * updates, messages by `job` and `outcome` (sent, blocked, failed), 429 answers, job
 * durations by `job`, subscribers by `state` (active, registered) and the last run of each
 * `job`.
 */
export function createBotMetrics(): Metrics {
  const metrics = new Metrics();
  metrics.describe(BOT_METRICS.updates, {
    help: "Telegram updates received by this process",
    type: "counter",
  });
  metrics.describe(BOT_METRICS.messages, {
    help:
      "Messages of the weekly jobs' finished runs by job and outcome (sent, blocked, failed, unknown), from the database: every process, send included",
    type: "counter",
  });
  metrics.describe(BOT_METRICS.tooManyRequests, {
    help: "Bot API answers 429 Too Many Requests to this process",
    type: "counter",
  });
  metrics.describe(BOT_METRICS.jobDuration, {
    help:
      "Duration of the weekly jobs' finished runs in seconds, start to done, from the database",
    type: "summary",
  });
  metrics.describe(BOT_METRICS.subscribers, {
    help: "Subscribers by state (active, registered)",
    type: "gauge",
  });
  metrics.describe(BOT_METRICS.lastJobTimestamp, {
    help:
      "Unix time in seconds of the last finished run of each job, from the database",
    type: "gauge",
  });
  metrics.describe(BOT_METRICS.pollingLag, {
    help: "Seconds since getUpdates last succeeded (grows during an outage)",
    type: "gauge",
  });
  metrics.inc(BOT_METRICS.updates, { by: 0 });
  metrics.inc(BOT_METRICS.tooManyRequests, { by: 0 });
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

/** The rendered label set, `{a="1",b="2"}` with names sorted, or `""` for none. */
function labelKey(metric: string, labels: Labels): string {
  const pairs = sortedLabels(labels);
  for (const [name, value] of pairs) {
    if (!LABEL_NAME.test(name) || name.startsWith("__")) {
      throw new MetricsError(
        `Invalid label name "${name}" of metric "${metric}": expected [a-zA-Z_][a-zA-Z0-9_]* not starting with "__"`,
      );
    }
    if (typeof value !== "string") {
      throw new MetricsError(
        `Invalid value of label "${name}" of metric "${metric}": expected a string`,
      );
    }
  }
  if (pairs.length === 0) return "";
  const body = pairs.map(([name, value]) =>
    `${name}="${escapeLabelValue(value)}"`
  );
  return `{${body.join(",")}}`;
}

function sortedLabels(labels: Labels): [string, string][] {
  return Object.entries(labels).sort((
    [a],
    [b],
  ) => (a < b ? -1 : a > b ? 1 : 0));
}

function escapeLabelValue(value: string): string {
  return value.replace(/[\\"\n]/g, (c) => c === "\n" ? "\\n" : `\\${c}`);
}

function escapeHelp(help: string): string {
  return help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

/** A sample value as Prometheus writes it: `+Inf`, `-Inf`, `NaN` or a decimal. */
function formatValue(value: number): string {
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return String(value);
}
