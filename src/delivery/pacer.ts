/**
 * Paces sends to a rate, process-wide, and pauses every send after a 429.
 *
 * Start times are spaced evenly, 3% under the rate, and never bunch up to catch up after
 * a stall: any one-second window holds at most `perSecond` starts even when network
 * jitter brings two requests closer on arrival than they left. Pacing at the exact rate
 * meets a 429 now and then, and each costs a whole `retry_after` of silence.
 *
 * @module
 */
import { type Sleep, sleep } from "../core/sleep.ts";

/** The share of the configured rate actually used. */
const SAFETY = 0.97;

/** Options of {@linkcode Pacer}. */
export interface PacerOptions {
  /** Monotonic milliseconds; default `performance.now()`. */
  now?: () => number;
  /** Waits `ms` milliseconds, less if `signal` aborts; default a timer. */
  sleep?: Sleep;
}

/** Hands out send slots at a steady rate. */
export class Pacer {
  /** The configured rate in sends a second; the pacer stays 3% under it. */
  readonly perSecond: number;
  #interval: number;
  #next = 0;
  #pausedUntil = 0;
  #now: () => number;
  #sleep: Sleep;

  /** Paces to `perSecond` sends a second; a rate that is not positive is a `RangeError`. */
  constructor(perSecond: number, options: PacerOptions = {}) {
    if (!(perSecond > 0)) {
      throw new RangeError(`Rate must be positive, got ${perSecond}`);
    }
    this.perSecond = perSecond;
    this.#interval = 1000 / (perSecond * SAFETY);
    this.#now = options.now ?? (() => performance.now());
    this.#sleep = options.sleep ?? sleep;
  }

  /**
   * Resolves when the caller may send one message: true, or false if `signal` was
   * aborted while it waited (a stop: the slot is not used).
   */
  async take(signal?: AbortSignal): Promise<boolean> {
    while (true) {
      if (signal?.aborted) return false;
      const now = this.#now();
      const slot = Math.max(now, this.#next, this.#pausedUntil);
      this.#next = slot + this.#interval;
      if (slot > now) await this.#sleep(slot - now, signal);
      if (signal?.aborted) return false;
      // A 429 that arrived while this caller slept pauses it too.
      if (this.#pausedUntil <= this.#now()) return true;
    }
  }

  /** Holds every send for `ms` milliseconds from now (Telegram's `retry_after`). */
  pause(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, this.#now() + ms);
  }
}
