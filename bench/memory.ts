/** Peak resident memory of this process, sampled on a timer. */

const MIB = 1024 * 1024;

/** A running RSS sampler; `stop()` ends it and gives the peak in MiB. */
export interface RssSampler {
  stop(): number;
}

/** Samples `Deno.memoryUsage().rss` every `intervalMs` ms (and once now). */
export function sampleRss(intervalMs = 50): RssSampler {
  let peak = Deno.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, Deno.memoryUsage().rss);
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, Deno.memoryUsage().rss);
      return round(peak / MIB, 1);
    },
  };
}

/** Rounds to `digits` decimals. */
export function round(value: number, digits = 0): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The `p`-th percentile (0–100) of `values`, nearest rank; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
