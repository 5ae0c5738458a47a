/**
 * Waiting without blocking: the one `sleep` every module shares, and the shape a test
 * replaces it with (a virtual clock's sleep).
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
