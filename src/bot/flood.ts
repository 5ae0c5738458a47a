/**
 * Fairness under floods: each chat may send a burst of updates, then a steady trickle.
 * What goes beyond is dropped at once, before it can queue behind the chat's other
 * updates and hold the runner's slots, and the chat is told once per flood. A button
 * press is answered even when dropped (the notice, as a toast, not awaited): an
 * unanswered press leaves its button spinning until Telegram gives up on it.
 *
 * @module
 */
import type { Context, MiddlewareFn } from "grammy";
import type { Logger } from "../log.ts";

/** Options of {@linkcode floodGuard}. */
export interface FloodOptions {
  /** Updates a chat may send at once. */
  burst: number;
  /** Updates a chat may send per minute after the burst. */
  perMinute: number;
  /**
   * The polite notice, sent once when a chat goes over the limit (and on each dropped
   * press); a function gives it in the chat's language.
   */
  notice: string | ((ctx: Context) => string);
  /** Gets `update.flood` when a chat goes over its limit. */
  log: Logger;
  /** Monotonic milliseconds; default `performance.now()`. */
  clock?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
  noticed: boolean;
}

/**
 * Drops updates of a chat over its limit; the first dropped one gets the notice, and every
 * dropped button press gets it as its answer.
 */
export function floodGuard(options: FloodOptions): MiddlewareFn<Context> {
  const clock = options.clock ?? (() => performance.now());
  const perMs = options.perMinute / 60_000;
  const buckets = new Map<number, Bucket>();
  let lastSweep = clock();
  return (ctx, next) => {
    const chat = ctx.chat?.id ?? ctx.from?.id;
    if (chat === undefined) return next();
    const now = clock();
    if (now - lastSweep > 60_000) {
      lastSweep = now;
      for (const [id, bucket] of buckets) {
        if (refill(bucket, now) >= options.burst) buckets.delete(id);
      }
    }
    let bucket = buckets.get(chat);
    if (bucket === undefined) {
      bucket = { tokens: options.burst, at: now, noticed: false };
      buckets.set(chat, bucket);
    }
    refill(bucket, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      if (bucket.tokens >= 1) bucket.noticed = false;
      return next();
    }
    // Not awaited: neither the notice nor an answer may hold a slot.
    const press = ctx.callbackQuery !== undefined;
    const notice = () =>
      typeof options.notice === "string" ? options.notice : options.notice(ctx);
    if (press) {
      ctx.answerCallbackQuery({ text: notice() }).catch(() => {});
    }
    if (!bucket.noticed) {
      bucket.noticed = true;
      options.log.warn("update.flood", { chat });
      if (!press) ctx.reply(notice()).catch(() => {});
    }
    return Promise.resolve();
  };

  function refill(bucket: Bucket, now: number): number {
    bucket.tokens = Math.min(
      options.burst,
      bucket.tokens + (now - bucket.at) * perMs,
    );
    bucket.at = now;
    return bucket.tokens;
  }
}
