/**
 * Waiting without blocking: the one `sleep` every module shares, the shape a test
 * replaces it with (a virtual clock's sleep), and a sleep that can be cut short.
 *
 * @module
 */

/** Waits `ms` milliseconds, less if `signal` aborts; the seam tests replace. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Waits `ms` milliseconds, or less if `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

/**
 * A sleep that {@linkcode Alarm.wake} cuts short, as a stop does. Each sleep has its own
 * signal and removes its listener after, so that a loop idling for months keeps nothing
 * per sleep.
 */
export class Alarm {
  #wake: (() => void) | undefined;

  /** Sleeps `ms` with `sleep`, until woken or until `signal` aborts. */
  async sleep(
    sleep: Sleep,
    { ms, signal }: { ms: number; signal: AbortSignal },
  ): Promise<void> {
    const wake = new AbortController();
    const done = () => wake.abort();
    signal.addEventListener("abort", done, { once: true });
    this.#wake = done;
    try {
      await sleep(ms, wake.signal);
    } finally {
      signal.removeEventListener("abort", done);
      this.#wake = undefined;
    }
  }

  /** Ends the sleep under way, if one is. */
  wake(): void {
    this.#wake?.();
  }
}
