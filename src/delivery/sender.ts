/**
 * The sender drains the outbox: at start, whenever something is added, and whenever a
 * retry falls due. Replies to a person's own action go first and unpaced; notices and
 * broadcasts share one `Pacer`; one chat gets one request at a time, in order. Each row
 * is claimed just before its request and settled just after (see outcome.ts); a stop
 * lets requests in flight land and starts none.
 *
 * @module
 */
import { describeError, TokenRejectedError } from "../core/errors.ts";
import { type Delivery, LANE, resendsUnknown } from "../core/owed.ts";
import { Alarm, type Sleep, sleep } from "../core/sleep.ts";
import type { OutboxRow, Outcome } from "../db/outbox.ts";
import {
  decide,
  DEFAULT_RETRY,
  logDecision,
  type RetryPolicy,
} from "./outcome.ts";
import { recoverClaims } from "./claims.ts";
import type { DrainOptions, SenderDeps } from "./seams.ts";

export { DEFAULT_RETRY, type RetryPolicy } from "./outcome.ts";
export type { DrainOptions, Render, SenderDeps } from "./seams.ts";

const PAGE = 200;
/** Longest sleep between looks at the outbox, for leases and clock jumps. */
const IDLE_MAX_MS = 30_000;

/** Drains the outbox; see the module doc. */
export class Sender {
  /** This process's name in the claims it makes (`claimed_by`). */
  readonly id: string;
  #deps: SenderDeps;
  #retry: RetryPolicy;
  #concurrency: number;
  #leaseMs: number;
  #sleep: Sleep;
  #inflight = new Set<Promise<void>>();
  #busy = new Set<number>();
  #kicked = false;
  #alarm = new Alarm();
  #stop = new AbortController();
  #loop: Promise<void> | undefined;
  /** Set by `drain`: stop when nothing is due, unless a row it waits for falls due soon. */
  #drain: DrainOptions | undefined;

  /** An idle sender: {@linkcode Sender.start} starts draining. */
  constructor(deps: SenderDeps) {
    this.#deps = deps;
    this.#retry = deps.retry ?? DEFAULT_RETRY;
    this.#concurrency = deps.concurrency ?? 32;
    this.#leaseMs = deps.leaseMs ?? 120_000;
    this.#sleep = deps.sleep ?? sleep;
    this.id = deps.id ?? crypto.randomUUID().slice(0, 8);
  }

  /**
   * Starts draining. `alone`: no other process sends from this database, so every claim
   * left behind is settled now rather than after its lease.
   */
  start(options: { alone?: boolean } = {}): void {
    if (this.#loop !== undefined) return;
    this.#loop = this.#run(options.alone ?? false);
  }

  /** Requests in flight now. */
  get inflight(): number {
    return this.#inflight.size;
  }

  /** Something was added: look at the outbox now. */
  kick(): void {
    this.#kicked = true;
    this.#alarm.wake();
  }

  /**
   * Delivers what is due now and resolves when nothing due is left and nothing is in
   * flight. Rows waiting to be retried later stay pending, except those of
   * `options.batch` that fall due by `options.until`: drain waits for them too. For
   * `send`; a drain may follow another. Claims of other processes are settled only
   * after their lease, since `run` may be sending beside it.
   */
  async drain(options: DrainOptions = {}): Promise<void> {
    if (this.#loop !== undefined && this.#drain === undefined) {
      throw new Error("Sender.drain() on a sender started by start()");
    }
    await this.#loop;
    this.#drain = options;
    this.#loop = undefined;
    this.start();
    await this.#loop;
  }

  /** Starts no new request, lets those in flight land, and resolves when they have. */
  async stop(): Promise<void> {
    this.#stop.abort();
    this.#alarm.wake();
    await this.#loop;
    await Promise.allSettled([...this.#inflight]);
    this.#deps.api.close?.();
  }

  async #run(alone: boolean): Promise<void> {
    const signal = this.#stop.signal;
    await this.#recover(alone);
    while (!signal.aborted) {
      this.#kicked = false;
      let started = 0;
      try {
        const due = this.#deps.outbox.due({
          now: this.#deps.now(),
          limit: PAGE,
        });
        // A chat passed over in this pass stays passed over: its later rows must not
        // overtake the earlier one while the pacer sleeps and the chat comes free.
        const passed = new Set<number>();
        for (const row of due) {
          if (signal.aborted) break;
          if (passed.has(row.chat_id) || this.#busy.has(row.chat_id)) {
            passed.add(row.chat_id);
            continue;
          }
          if (row.lane !== LANE.reply) {
            if (this.#kicked) break; // replies may be waiting: they go first
            if (!await this.#deps.pacer.take(signal)) break;
          }
          while (this.#inflight.size >= this.#concurrency) {
            await Promise.race(this.#inflight);
          }
          if (signal.aborted) break;
          if (this.#busy.has(row.chat_id) || !await this.#claim(row)) {
            passed.add(row.chat_id);
            continue;
          }
          started++;
          this.#launch(row);
        }
      } catch (error) {
        // The database is locked or failing: back off, the rows wait.
        this.#deps.log.error("outbox.error", { error: describeError(error) });
        await this.#sleep(1_000, signal);
        continue;
      }
      if (signal.aborted) break;
      if (started > 0 || this.#kicked) continue;
      const now = this.#deps.now();
      const idle = this.#inflight.size === 0 &&
        this.#deps.outbox.due({ now, limit: 1 }).length === 0;
      if (this.#drain !== undefined && idle && !this.#awaited(now)) break;
      await this.#idle(signal);
    }
  }

  /** Claims `row` for this sender, committed before its request leaves. */
  #claim(row: OutboxRow): Promise<boolean> {
    return this.#deps.write(() =>
      this.#deps.outbox.claim(row.id, { by: this.id, now: this.#deps.now() })
    );
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
        this.#alarm.wake();
      });
    this.#inflight.add(task);
  }

  /** Whether a drain still waits for a row of its batch that falls due by its `until`. */
  #awaited(now: Date): boolean {
    const { batch, until } = this.#drain ?? {};
    if (batch === undefined || until === undefined || now > until) return false;
    const next = this.#deps.outbox.nextDue(batch);
    return next !== undefined && next <= until;
  }

  /** Sleeps until the next row falls due, a kick, a request landing, or the stop. */
  async #idle(signal: AbortSignal): Promise<void> {
    const next = this.#deps.outbox.nextDue();
    const wait = next === undefined ? IDLE_MAX_MS : Math.min(
      IDLE_MAX_MS,
      Math.max(5, next.getTime() - this.#deps.now().getTime()),
    );
    await this.#alarm.sleep(this.#sleep, { ms: wait, signal });
    if (!signal.aborted) await this.#recover(false);
  }

  #recover(alone: boolean): Promise<void> {
    const now = this.#deps.now();
    const before = alone ? undefined : new Date(now.getTime() - this.#leaseMs);
    return recoverClaims(this.#deps, { by: this.id, before });
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
        { upload: delivery.upload, idempotent: resendsUnknown(row.kind) },
      );
      const messageId = typeof result === "object"
        ? result.message_id
        : undefined;
      return await this.#settle(
        row,
        { status: "sent", messageId },
        () => deps.onDelivered?.(row, result, delivery),
      );
    } catch (error) {
      return await this.#failed(row, error);
    }
  }

  async #failed(row: OutboxRow, error: unknown): Promise<void> {
    const deps = this.#deps;
    const decision = decide(row, {
      error,
      policy: this.#retry,
      now: deps.now(),
    });
    logDecision(deps.log, { row, decision });
    if (decision.action === "later") {
      if (decision.halt) {
        this.#stop.abort(); // no new request after a refused token; the row stays owed
        deps.onHalt?.(new TokenRejectedError({ cause: error }));
      }
      if (decision.event === "rate_limited") {
        if (row.lane !== LANE.reply) deps.pacer.pause(decision.ms);
        deps.onOutcome?.(row, "rate_limited");
      }
      return await this.#later(row, {
        ms: decision.ms,
        reason: decision.error,
      });
    }
    return await this.#settle(
      row,
      {
        status: decision.status,
        error: decision.status === "sent" ? undefined : decision.error,
      },
      decision.event === "unreachable"
        ? () => deps.onUnreachable?.(row)
        : undefined,
    );
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

  /** Records `outcome`, and what `also` writes with it, in one committed write. */
  async #settle(row: OutboxRow, outcome: Outcome, also?: () => void) {
    const deps = this.#deps;
    await deps.write(() => {
      also?.();
      deps.outbox.finish(row.id, { ...outcome, now: deps.now() });
    });
    deps.onOutcome?.(row, outcome.status);
    if (row.batch !== null && !deps.outbox.batchOpen(row.batch)) {
      await deps.onBatchDone?.(row.batch);
    }
  }
}
