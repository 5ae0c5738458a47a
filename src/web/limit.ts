/**
 * A rate limit per client address: a token bucket each, `burst` requests at once and
 * `perMinute` after that. Memory is bounded: at most `maxClients` buckets are kept, the
 * least recently seen one going first (a full bucket is forgotten anyway: it is what a
 * new one would be).
 *
 * @module
 */

/** Options of {@linkcode RateLimiter}. */
export interface RateLimitOptions {
  /** Requests one address may make at once. */
  burst: number;
  /** Requests one address may make a minute after the burst. */
  perMinute: number;
  /** Addresses kept at most; default 10,000 (about a megabyte). */
  maxClients?: number;
  /** Monotonic milliseconds; default `performance.now()`. Tests pass their own. */
  clock?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** The limiter; {@linkcode RateLimiter.take} says whether a request may go on. */
export class RateLimiter {
  #buckets = new Map<string, Bucket>();
  #burst: number;
  #perMs: number;
  #max: number;
  #clock: () => number;

  /** A limiter of `burst` at once and `perMinute` after. */
  constructor(options: RateLimitOptions) {
    this.#burst = options.burst;
    this.#perMs = options.perMinute / 60_000;
    this.#max = options.maxClients ?? 10_000;
    this.#clock = options.clock ?? (() => performance.now());
  }

  /** Addresses kept now. */
  get size(): number {
    return this.#buckets.size;
  }

  /**
   * Takes one request of `client`: 0 when it may go on, else the milliseconds until it
   * may (for `Retry-After`).
   */
  take(client: string): number {
    const now = this.#clock();
    const kept = this.#buckets.get(client);
    const bucket: Bucket = kept === undefined
      ? { tokens: this.#burst, at: now }
      : {
        tokens: Math.min(
          this.#burst,
          kept.tokens + (now - kept.at) * this.#perMs,
        ),
        at: now,
      };
    // Re-inserted: the map's order is least recently seen first.
    this.#buckets.delete(client);
    let wait = 0;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
    } else {
      wait = Math.ceil((1 - bucket.tokens) / this.#perMs);
    }
    this.#buckets.set(client, bucket);
    while (this.#buckets.size > this.#max) {
      this.#buckets.delete(this.#buckets.keys().next().value!);
    }
    return wait;
  }
}
