/**
 * How the registry of `metrics.ts` writes the Prometheus text format: label sets with
 * their names checked and sorted, escapes, and sample values.
 *
 * @module
 */

/** Label names and values of one series, e.g. `{ weekly_job: "invitation", outcome: "sent" }`. */
export type Labels = Readonly<Record<string, string>>;

/** A bad metric name, label, value, or a use that does not fit the metric's type. */
export class MetricsError extends Error {
  /** Shows in logs and stack traces as `MetricsError: …`. */
  override name = "MetricsError";
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * The rendered label set of a series of `metric`, `{a="1",b="2"}` with names sorted, or
 * `""` for none; a bad label name or value throws a {@linkcode MetricsError}.
 */
export function labelKey(metric: string, labels: Labels): string {
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

/** A `# HELP` text with its backslashes and line breaks escaped. */
export function escapeHelp(help: string): string {
  return help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

/** A sample value as Prometheus writes it: `+Inf`, `-Inf`, `NaN` or a decimal. */
export function formatValue(value: number): string {
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return String(value);
}
