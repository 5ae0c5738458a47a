/**
 * Group commit: the writes asked for in one turn of the event loop go to SQLite in one
 * transaction at the end of the turn, each in its own savepoint, and each caller's
 * promise settles once that transaction is committed.
 *
 * It also keeps a lock held by another process off the event loop: the write lock is
 * taken with no busy wait, and when SQLite says the database is locked the batch waits
 * (asynchronously, with a growing delay) and tries again, while reads go on. A write
 * still waiting after `timeoutMs` fails with {@linkcode DatabaseBusyError}.
 *
 * @module
 */
import type { StatementSync } from "node:sqlite";
import type { Database } from "./sqlite.ts";

/** A write waited too long for a lock another process holds. */
export class DatabaseBusyError extends Error {
  /** Shows in logs and stack traces as `DatabaseBusyError: …`. */
  override name = "DatabaseBusyError";
}

/** Options of {@linkcode Writer}. */
export interface WriterOptions {
  /** A write still waiting for the lock after this long fails; default 10 s. */
  timeoutMs?: number;
  /** First wait after "database is locked"; doubles up to `maxRetryMs`. Default 10 ms. */
  retryMs?: number;
  /** Longest wait between tries; default 500 ms. */
  maxRetryMs?: number;
  /** Monotonic milliseconds; default `performance.now()`. */
  clock?: () => number;
}

/** Whether the last writes went through, and why not. */
export interface WriterHealth {
  /** False while a lock has blocked writes for over 2 s, or after a failed batch. */
  ok: boolean;
  /** What is wrong, when not ok. */
  detail?: string;
}

interface Job {
  fn: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  deadline: number;
}

/** How long a lock may block writes before health says so. */
const LOCKED_UNHEALTHY_MS = 2_000;

/** The kind of a `node:sqlite` error, from its message. */
export function sqliteProblem(
  error: unknown,
): "locked" | "readonly" | "corrupt" | "full" | "io" | undefined {
  const message = error instanceof Error ? error.message : String(error);
  if (/database (table )?is locked|database is busy/i.test(message)) {
    return "locked";
  }
  if (/readonly database|read-only/i.test(message)) return "readonly";
  if (/malformed|not a database|corrupt/i.test(message)) return "corrupt";
  if (/disk is full/i.test(message)) return "full";
  if (/disk I\/O error/i.test(message)) return "io";
  return undefined;
}

/** Each problem in the operator's words, for health and logs. */
const PROBLEMS = {
  full: "the disk is full (disk full): free some space",
  readonly: "the database is read-only",
  corrupt: "the database is damaged: restore a backup",
  io: "disk I/O error",
} as const;

/** Batches writes into one transaction per event-loop turn; see the module doc. */
export class Writer {
  #db: Database;
  #queue: Job[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #retryMs: number;
  #delay: number;
  #maxRetryMs: number;
  #timeoutMs: number;
  #clock: () => number;
  #lockedSince: number | undefined;
  #failure: string | undefined;
  #idle: (() => void)[] = [];
  #total: StatementSync | undefined;

  /** Writes to `db`; the waits are in {@linkcode WriterOptions}. */
  constructor(db: Database, options: WriterOptions = {}) {
    this.#db = db;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#retryMs = this.#delay = options.retryMs ?? 10;
    this.#maxRetryMs = options.maxRetryMs ?? 500;
    this.#clock = options.clock ?? (() => performance.now());
  }

  /**
   * Runs `fn` inside the next batch transaction and resolves with its result once
   * committed; rejects with `fn`'s error (its writes undone, the others' kept) or with
   * {@linkcode DatabaseBusyError} when the lock did not come in time.
   */
  write<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({
        fn,
        resolve: resolve as (value: unknown) => void,
        reject,
        deadline: this.#clock() + this.#timeoutMs,
      });
      this.#schedule(0);
    });
  }

  /** Writes still waiting for a commit. */
  get pending(): number {
    return this.#queue.length;
  }

  /** Unhealthy while a lock has blocked writes for a while, or the last batch failed. */
  health(): WriterHealth {
    if (
      this.#lockedSince !== undefined &&
      this.#clock() - this.#lockedSince > LOCKED_UNHEALTHY_MS
    ) {
      const seconds = Math.round((this.#clock() - this.#lockedSince) / 1000);
      return {
        ok: false,
        detail:
          `database is locked by another process: writes waiting for ${seconds} s`,
      };
    }
    if (this.#failure !== undefined) {
      return { ok: false, detail: this.#failure };
    }
    return { ok: true };
  }

  /** Resolves once every queued write has been committed or has failed. */
  settled(): Promise<void> {
    if (this.#queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #schedule(ms: number) {
    if (this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#flush();
    }, ms);
  }

  #flush() {
    this.#expire();
    if (this.#queue.length === 0) return this.#settle();
    const jobs = this.#queue;
    this.#queue = [];
    try {
      this.#db.exec("BEGIN IMMEDIATE");
    } catch (error) {
      this.#queue = jobs.concat(this.#queue);
      return this.#blocked(error);
    }
    // After a failure only a batch that really wrote proves writes work again: one that
    // changed nothing commits even on a full disk.
    const failing = this.#failure !== undefined;
    const changesBefore = failing ? this.#changes() : 0;
    let failedNow = false;
    const results: { job: Job; ok: boolean; value: unknown }[] = [];
    for (const job of jobs) {
      try {
        this.#db.exec("SAVEPOINT w");
        const value = job.fn();
        this.#db.exec("RELEASE w");
        results.push({ job, ok: true, value });
      } catch (error) {
        try {
          this.#db.exec("ROLLBACK TO w");
          this.#db.exec("RELEASE w");
        } catch {
          // The transaction is gone (e.g. disk full): COMMIT below reports it.
        }
        results.push({ job, ok: false, value: error });
        failedNow = this.#noteFailure(error) || failedNow;
      }
    }
    try {
      this.#db.exec("COMMIT");
    } catch (error) {
      try {
        this.#db.exec("ROLLBACK");
      } catch {
        // nothing open
      }
      if (sqliteProblem(error) === "locked") {
        this.#queue = jobs.concat(this.#queue);
        return this.#blocked(error);
      }
      this.#noteFailure(error);
      for (const job of jobs) job.reject(error);
      return this.#after();
    }
    this.#lockedSince = undefined;
    this.#delay = this.#retryMs;
    if (failing && !failedNow && this.#changes() > changesBefore) {
      this.#failure = undefined;
    }
    for (const { job, ok, value } of results) {
      if (ok) job.resolve(value);
      else job.reject(value);
    }
    this.#after();
  }

  #after() {
    if (this.#queue.length > 0) this.#schedule(0);
    else this.#settle();
  }

  #blocked(error: unknown) {
    if (sqliteProblem(error) !== "locked") {
      this.#noteFailure(error);
      const jobs = this.#queue;
      this.#queue = [];
      for (const job of jobs) job.reject(error);
      return this.#settle();
    }
    this.#lockedSince ??= this.#clock();
    const wait = this.#delay;
    this.#delay = Math.min(this.#delay * 2, this.#maxRetryMs);
    this.#schedule(wait);
  }

  /** Fails the writes that waited past their deadline. */
  #expire() {
    const now = this.#clock();
    const late = this.#queue.filter((job) => job.deadline <= now);
    if (late.length === 0) return;
    this.#queue = this.#queue.filter((job) => job.deadline > now);
    const error = new DatabaseBusyError(
      `The database stayed locked by another process for ${
        Math.round(this.#timeoutMs / 1000)
      } s: the write was not made`,
    );
    for (const job of late) job.reject(error);
  }

  /** Records a failure of the database itself (not a lock); true if it was one. */
  #noteFailure(error: unknown): boolean {
    const problem = sqliteProblem(error);
    if (problem === undefined || problem === "locked") return false;
    const message = error instanceof Error ? error.message : String(error);
    this.#failure = `writes fail: ${PROBLEMS[problem]} (${message})`;
    return true;
  }

  /** Whether the last batch failed for the database itself (not a lock): see `probe`. */
  get failing(): boolean {
    return this.#failure !== undefined;
  }

  /** Rows changed on this connection so far (SQLite's `total_changes()`). */
  #changes(): number {
    this.#total ??= this.#db.prepare("SELECT total_changes() AS n");
    return Number((this.#total.get() as { n: number }).n);
  }

  #settle() {
    const waiting = this.#idle;
    this.#idle = [];
    for (const resolve of waiting) resolve();
  }
}
