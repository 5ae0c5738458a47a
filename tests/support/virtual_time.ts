/**
 * Time that moves only when the test lets it: a clock and a sleep to inject into the
 * sender, the pacer and the send command. Sleepers wait until the test steps time to
 * them, so a retry two days away is reached at once and its instant is exact.
 *
 * @module
 */

interface Timer {
  at: number;
  seq: number;
  wake: () => void;
}

/** A virtual clock with a sleep that waits for it. */
export class VirtualTime {
  #now: number;
  #seq = 0;
  #timers: Timer[] = [];

  /** Starts at `start`. */
  constructor(start: string | Date) {
    this.#now = new Date(start).getTime();
  }

  /** The current instant: the `now` seam. */
  now = (): Date => new Date(this.#now);

  /** The current instant in milliseconds: the pacer's monotonic `now`. */
  ms = (): number => this.#now;

  /** Waits until time reaches now + `ms`, or until `signal` aborts. */
  sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const timer: Timer = {
        at: this.#now + Math.max(0, ms),
        seq: this.#seq++,
        wake: () => {
          this.#timers = this.#timers.filter((t) => t !== timer);
          signal?.removeEventListener("abort", timer.wake);
          resolve();
        },
      };
      this.#timers.push(timer);
      signal?.addEventListener("abort", timer.wake, { once: true });
    });
  };

  /** How many are asleep now. */
  get sleepers(): number {
    return this.#timers.length;
  }

  /** Lets everything that does not wait for time run: a few turns of the event loop. */
  async settle(): Promise<void> {
    for (let i = 0; i < 10; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  /**
   * Settles, then moves time to the earliest sleeper and wakes it (with any other due
   * then), and settles again. False if nobody was asleep.
   */
  async step(): Promise<boolean> {
    await this.settle();
    if (this.#timers.length === 0) return false;
    const next = Math.min(...this.#timers.map((t) => t.at));
    this.#now = Math.max(this.#now, next);
    const due = this.#timers.filter((t) => t.at <= this.#now)
      .sort((a, b) => a.at - b.at || a.seq - b.seq);
    for (const timer of due) timer.wake();
    await this.settle();
    return true;
  }

  /** Steps time until `done()` holds; throws if it never does within `maxSteps`. */
  async runUntil(
    done: () => boolean,
    { maxSteps = 10_000 }: { maxSteps?: number } = {},
  ): Promise<void> {
    for (let i = 0; i < maxSteps; i++) {
      await this.settle();
      if (done()) return;
      if (!await this.step() && !done()) {
        throw new Error("Nothing left to wait for, and the condition is unmet");
      }
    }
    throw new Error(`Condition unmet after ${maxSteps} steps of virtual time`);
  }

  /** Steps time until `ms` from now have passed (and nobody is due before then). */
  async runFor(ms: number): Promise<void> {
    const end = this.#now + ms;
    while (true) {
      await this.settle();
      const next = this.#timers.length === 0
        ? Infinity
        : Math.min(...this.#timers.map((t) => t.at));
      if (next > end) break;
      await this.step();
    }
    this.#now = Math.max(this.#now, end);
    await this.settle();
  }
}
