/** Small number helpers for the bench figures. */

/** Rounds to `digits` decimals. */
export function round(value: number, digits = 0): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The `p`-th percentile (0–100) of `values`, nearest rank; NaN when empty. */
export function percentile(values: ArrayLike<number>, p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Array.from(values).sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Median, minimum and maximum of some figures. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** The {@linkcode Spread} of `values` (NaN values left out), rounded to `digits`. */
export function spread(values: readonly number[], digits = 1): Spread {
  const known = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (known.length === 0) return { median: NaN, min: NaN, max: NaN };
  const mid = known.length / 2;
  const median = known.length % 2 === 1
    ? known[Math.floor(mid)]!
    : (known[mid - 1]! + known[mid]!) / 2;
  return {
    median: round(median, digits),
    min: round(known[0]!, digits),
    max: round(known.at(-1)!, digits),
  };
}

/** Bytes to MiB, one decimal. */
export function mib(bytes: number): number {
  return round(bytes / 1024 / 1024, 1);
}
