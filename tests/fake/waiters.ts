/**
 * Waiting for a condition on the fake Bot API: checked on every change the
 * fake sees and every 25 ms for state outside it.
 *
 * @module
 */
import type { WaitOptions } from "./types.ts";

interface Waiter {
  check(): void;
  fail(error: Error): void;
}

/** The pending waits of one fake. */
export class Waiters {
  #waiters = new Set<Waiter>();
  #closed = false;
  #describe: () => string;

  /** `describe` names the last requests in a timeout's message. */
  constructor(describe: () => string) {
    this.#describe = describe;
  }

  /**
   * Resolves with `check`'s first truthy result: checked now, on every
   * {@link notify} and every 25 ms; rejects after `timeout` ms (5000 by
   * default) or on {@link close}, or with what `check` throws.
   */
  wait<T>(check: () => T, options: WaitOptions = {}): Promise<NonNullable<T>> {
    const timeout = options.timeout ?? 5000;
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        clearInterval(poll);
        this.#waiters.delete(waiter);
      };
      const waiter: Waiter = {
        check: () => {
          try {
            const value = check();
            if (value) {
              done();
              resolve(value);
            }
          } catch (error) {
            done();
            reject(error);
          }
        },
        fail: (error) => {
          done();
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        waiter.fail(
          new Error(
            `Condition not met within ${timeout} ms, last requests: ${this.#describe()}`,
          ),
        );
      }, timeout);
      const poll = setInterval(waiter.check, 25);
      this.#waiters.add(waiter);
      if (this.#closed) waiter.fail(new Error("Fake Bot API is closed"));
      else waiter.check();
    });
  }

  /** Checks every pending wait now. */
  notify(): void {
    for (const waiter of [...this.#waiters]) waiter.check();
  }

  /** Rejects every pending and later wait. */
  close(): void {
    this.#closed = true;
    for (const waiter of [...this.#waiters]) {
      waiter.fail(new Error("Fake Bot API is closed"));
    }
  }
}
