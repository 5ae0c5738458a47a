/** Peak resident memory of this process (every thread and worker), sampled on a timer. */
import { round } from "./stats.ts";

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
