/**
 * A tiny Prometheus registry: counters, gauges and summaries (sum and count only) with
 * labels, rendered in the text exposition format 0.0.4.
 *
 * Families render in the order they were first described or used; the series of a family
 * render sorted by their labels, and label names sorted, so a scrape is deterministic.
 *
 * @module
 */
import {
  escapeHelp,
  formatValue,
  labelKey,
  type Labels,
  MetricsError,
} from "./metrics_format.ts";

/** The Prometheus metric types this registry supports. */
export type MetricType = "counter" | "gauge" | "summary";

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

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

interface Series {
  value: number;
  /** Summaries only: the number of observations; `value` is their sum. */
  count: number;
}

interface Family {
  name: string;
  type: MetricType;
  help: string | undefined;
  /** Series by their rendered label set, e.g. `{weekly_job="invitation"}`. */
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

  /**
   * Drops every series of the gauge `name` (its HELP and TYPE stay): before setting those
   * that still exist, so that one gone (a job with no time ahead) leaves no stale value.
   */
  clear(name: string): void {
    this.#family(name, ["gauge"]).series.clear();
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
