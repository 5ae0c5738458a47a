/**
 * The sender drains the outbox: at start, whenever something is added, and whenever a
 * retry falls due. Replies to a person's own action go first and unpaced; notices and
 * broadcasts share one {@linkcode Pacer}. One chat gets one request at a time, in the
 * order its rows were written.
 *
 * Each row is claimed in SQLite just before its request and settled just after: sent,
 * blocked (the chat is gone), failed (Telegram refuses it), dropped (no longer due),
 * unknown (the request left and no answer came: never sent twice), or pending again at
 * a later time (429, 5xx, no connection), with a growing delay, until it is delivered
 * or gives up after `giveUpMs`. A stop lets requests in flight land and starts none.
 *
 * @module
 */
import { describeError } from "../core/errors.ts";
import { LANE, type Outbox, type OutboxRow } from "../db/outbox.ts";
import type { Logger } from "../log.ts";
import type { Pacer } from "./pacer.ts";
import { sleep } from "./pacer.ts";
import { type BotApi, classify, type Upload } from "./telegram.ts";

/** One Bot API call that delivers a row. */
export interface Delivery {
  method: string;
  params: Record<string, unknown>;
  upload?: Upload;
}

/** Turns a row into its call, or `null` when it is no longer owed (the row is dropped). */
export type Render = (
  row: OutboxRow,
) => Delivery | null | Promise<Delivery | null>;

/** How rows that fail for a while are retried. */
export interface RetryPolicy {
  /** Wait after the first failure; doubles each time. */
  initialMs: number;
  /** Longest wait between tries. */
  maxMs: number;
  /** A row still failing this long after it was written is recorded as failed. */
  giveUpMs: number;
}

/** The default {@linkcode RetryPolicy}: 2 s doubling to 5 min, for up to 2 days. */
export const DEFAULT_RETRY: RetryPolicy = {
  initialMs: 2_000,
  maxMs: 300_000,
  giveUpMs: 48 * 3_600_000,
};

/** What the sender needs; all of it injected. */
export interface SenderDeps {
  outbox: Outbox;
  api: BotApi;
  render: Render;
  pacer: Pacer;
  log: Logger;
  now: () => Date;
  /** Runs a write after a request (group commit); rejections are logged. */
  write: <T>(fn: () => T) => Promise<T>;
  /** A row's chat is gone for good: e.g. deactivate its user. */
  onUnreachable?: (row: OutboxRow) => void;
  /** Every row of `batch` is settled: e.g. close the job and report to admins. */
  onBatchDone?: (batch: string) => void | Promise<void>;
  /** A row was delivered; `result` is what the Bot API returned. */
  onDelivered?: (row: OutboxRow, result: unknown) => void;
  /** Counts an outcome, e.g. for metrics. */
  onOutcome?: (row: OutboxRow, outcome: string) => void;
  retry?: RetryPolicy;
  /** Requests in flight at once; default 32. */
  concurrency?: number;
  /** A claim older than this by another process is settled by this one; default 2 min. */
  leaseMs?: number;
  /** This process's name in claims; default a random id. */
  id?: string;
}

const PAGE = 200;
/** Longest sleep between looks at the outbox, for leases and clock jumps. */
const IDLE_MAX_MS = 30_000;

/** Drains the outbox; see the module doc. */
export class Sender {
  readonly id: string;
  #deps: SenderDeps;
  #retry: RetryPolicy;
  #concurrency: number;
  #leaseMs: number;
  #inflight = new Set<Promise<void>>();
  #busy = new Set<number>();
  #kicked = false;
  #wake: (() => void) | undefined;
  #stop = new AbortController();
  #loop: Promise<void> | undefined;
  #untilIdle = false;

  constructor(deps: SenderDeps) {
    this.#deps = deps;
    this.#retry = deps.retry ?? DEFAULT_RETRY;
    this.#concurrency = deps.concurrency ?? 32;
    this.#leaseMs = deps.leaseMs ?? 120_000;
    this.id = deps.id ?? crypto.randomUUID().slice(0, 8);
  }

  /**
   * Starts draining. `alone`: no other process sends from this database, so every claim
   * left behind is settled now rather than after its lease.
   */
  start(options: { alone?: boolean } = {}): void {
    if (this.#loop !== undefined) return;
    this.#recover(options.alone ?? false);
    this.#loop = this.#run();
  }

  /** Requests in flight now. */
  get inflight(): number {
    return this.#inflight.size;
  }

  /** Something was added: look at the outbox now. */
  kick(): void {
    this.#kicked = true;
    this.#wake?.();
  }

  /**
   * Delivers what is due now and resolves when nothing due is left (rows waiting to be
   * retried later stay pending). For `send`, which runs alone.
   */
  async drain(): Promise<void> {
    this.#untilIdle = true;
    this.start();
    await this.#loop;
  }

  /** Starts no new request, lets those in flight land, and resolves when they have. */
  async stop(): Promise<void> {
    this.#stop.abort();
    this.#wake?.();
    await this.#loop;
    await Promise.allSettled([...this.#inflight]);
    this.#deps.api.close?.();
  }

  async #run(): Promise<void> {
    const signal = this.#stop.signal;
    while (!signal.aborted) {
      this.#kicked = false;
      let started = 0;
      try {
        const due = this.#deps.outbox.due({
          now: this.#deps.now(),
          limit: PAGE,
        });
        for (const row of due) {
          if (signal.aborted) break;
          if (this.#busy.has(row.chat_id)) continue;
          if (row.lane !== LANE.reply) {
            if (this.#kicked) break; // replies may be waiting: they go first
            if (!await this.#deps.pacer.take(signal)) break;
          }
          while (this.#inflight.size >= this.#concurrency) {
            await Promise.race(this.#inflight);
          }
          if (signal.aborted) break;
          if (this.#busy.has(row.chat_id)) continue;
          if (
            !this.#deps.outbox.claim(row.id, {
              by: this.id,
              now: this.#deps.now(),
            })
          ) {
            continue;
          }
          started++;
          this.#launch(row);
        }
      } catch (error) {
        // The database is locked or failing: back off, the rows wait.
        this.#deps.log.error("outbox.error", { error: describeError(error) });
        await sleep(1_000, signal);
        continue;
      }
      if (signal.aborted) break;
      if (started > 0 || this.#kicked) continue;
      if (
        this.#untilIdle && this.#inflight.size === 0 && this.#nothingDue()
      ) {
        break;
      }
      await this.#idle(signal);
    }
  }

  #nothingDue(): boolean {
    return this.#deps.outbox.due({ now: this.#deps.now(), limit: 1 }).length ===
      0;
  }

  #launch(row: OutboxRow) {
    this.#busy.add(row.chat_id);
    const task: Promise<void> = this.#deliver(row)
      .catch((error) =>
        this.#deps.log.error("outbox.deliver_error", {
          id: row.id,
          key: row.key,
          error: describeError(error),
        })
      )
      .finally(() => {
        this.#busy.delete(row.chat_id);
        this.#inflight.delete(task);
        this.#wake?.();
      });
    this.#inflight.add(task);
  }

  /** Sleeps until the next row falls due, a kick, a request landing, or the stop. */
  async #idle(signal: AbortSignal): Promise<void> {
    const next = this.#deps.outbox.nextDue();
    const wait = next === undefined ? IDLE_MAX_MS : Math.min(
      IDLE_MAX_MS,
      Math.max(5, next.getTime() - this.#deps.now().getTime()),
    );
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        this.#wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, wait);
      signal.addEventListener("abort", done, { once: true });
      this.#wake = done;
    });
    if (!signal.aborted) this.#recover(false);
  }

  #recover(alone: boolean) {
    const now = this.#deps.now();
    const before = alone ? undefined : new Date(now.getTime() - this.#leaseMs);
    try {
      const settled = this.#deps.outbox.recover({ by: this.id, before, now });
      if (settled.retried + settled.unknown > 0) {
        this.#deps.log.warn("outbox.recovered", {
          retried: settled.retried,
          unknown: settled.unknown,
          reason: "claims of a sender that stopped mid-request",
        });
      }
    } catch (error) {
      this.#deps.log.error("outbox.error", { error: describeError(error) });
    }
  }

  async #deliver(row: OutboxRow): Promise<void> {
    const deps = this.#deps;
    let delivery: Delivery | null;
    try {
      delivery = await deps.render(row);
    } catch (error) {
      return await this.#settle(row, {
        status: "failed",
        error: `cannot render: ${describeError(error)}`,
      });
    }
    if (delivery === null) {
      return await this.#settle(row, { status: "dropped" });
    }
    try {
      const result = await deps.api.call<{ message_id?: number } | true>(
        delivery.method,
        delivery.params,
        { upload: delivery.upload, idempotent: row.idempotent === 1 },
      );
      const messageId = typeof result === "object"
        ? result.message_id
        : undefined;
      deps.onDelivered?.(row, result);
      return await this.#settle(row, { status: "sent", messageId });
    } catch (error) {
      return await this.#failed(row, error);
    }
  }

  async #failed(row: OutboxRow, error: unknown): Promise<void> {
    const deps = this.#deps;
    const reason = describeError(error);
    if (/message is not modified/i.test(reason)) {
      return await this.#settle(row, { status: "sent" });
    }
    const verdict = classify(error);
    switch (verdict.kind) {
      case "rate-limited": {
        if (row.lane !== LANE.reply) deps.pacer.pause(verdict.retryAfterMs);
        deps.log.warn("delivery.rate_limited", {
          kind: row.kind,
          chat: row.chat_id,
          retry_after_ms: verdict.retryAfterMs,
        });
        deps.onOutcome?.(row, "rate_limited");
        return await this.#later(row, { ms: verdict.retryAfterMs, reason });
      }
      case "unreachable":
        deps.log.info("delivery.unreachable", {
          kind: row.kind,
          chat: row.chat_id,
          error: reason,
        });
        deps.onUnreachable?.(row);
        return await this.#settle(row, { status: "blocked", error: reason });
      case "unknown":
        if (row.idempotent) break; // an edit is safe to make again
        deps.log.warn("delivery.unknown", {
          kind: row.kind,
          chat: row.chat_id,
          error: reason,
          reason: "the request left and no answer came: not resent",
        });
        return await this.#settle(row, { status: "unknown", error: reason });
      case "permanent":
        deps.log.error("delivery.failed", {
          kind: row.kind,
          chat: row.chat_id,
          error: reason,
        });
        return await this.#settle(row, { status: "failed", error: reason });
      case "transient":
        break;
    }
    const age = deps.now().getTime() - new Date(row.created_at).getTime();
    if (age >= this.#retry.giveUpMs) {
      deps.log.error("delivery.gave_up", {
        kind: row.kind,
        chat: row.chat_id,
        attempts: row.attempts + 1,
        error: reason,
      });
      return await this.#settle(row, { status: "failed", error: reason });
    }
    const ms = Math.min(
      this.#retry.maxMs,
      this.#retry.initialMs * 2 ** Math.min(row.attempts, 30),
    );
    deps.log.warn("delivery.retry", {
      kind: row.kind,
      chat: row.chat_id,
      attempt: row.attempts + 1,
      retry_in_ms: ms,
      error: reason,
    });
    return await this.#later(row, { ms, reason });
  }

  async #later(row: OutboxRow, { ms, reason }: { ms: number; reason: string }) {
    const now = this.#deps.now();
    await this.#deps.write(() =>
      this.#deps.outbox.retry(row.id, {
        notBefore: new Date(now.getTime() + ms),
        error: reason,
        now,
      })
    );
  }

  async #settle(
    row: OutboxRow,
    outcome: {
      status: "sent" | "blocked" | "failed" | "unknown" | "dropped";
      messageId?: number;
      error?: string;
    },
  ) {
    const deps = this.#deps;
    await deps.write(() =>
      deps.outbox.finish(row.id, { ...outcome, now: deps.now() })
    );
    deps.onOutcome?.(row, outcome.status);
    if (row.batch !== null && !deps.outbox.batchOpen(row.batch)) {
      await deps.onBatchDone?.(row.batch);
    }
  }
}
