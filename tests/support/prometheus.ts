/**
 * Reads the Prometheus text format back, for tests of `/metrics` and of the registry.
 *
 * @module
 */
import assert from "node:assert/strict";

/** Each sample of a scrape by its series, e.g. `meeting_bot_messages_total{weekly_job="x"}`. */
export function parseMetrics(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][\w:]*(?:\{[^}]*\})?) (\S+)$/.exec(line);
    assert.ok(match, `a sample line: ${line}`);
    samples.set(match[1]!, Number(match[2]));
  }
  return samples;
}

/**
 * The value of one sample as a registry renders it, or `undefined` if it has none; a
 * summary's samples are `<name>_sum` and `<name>_count`.
 */
export function sample(
  registry: { render(): string },
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const pairs = Object.entries(labels).sort(([a], [b]) => a < b ? -1 : 1);
  const key = pairs.length === 0
    ? name
    : `${name}{${pairs.map(([k, v]) => `${k}="${v}"`).join(",")}}`;
  return parseMetrics(registry.render()).get(key);
}
