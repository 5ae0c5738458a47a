/**
 * Each update is handled once, also across a crash: Telegram sends again what a killed
 * process had not confirmed.
 *
 * @module
 */
import type { Context, MiddlewareFn } from "grammy";
import type { Store } from "../db/store.ts";
import type { Logger } from "../log.ts";

/** How long handled update ids are kept: Telegram re-sends unconfirmed updates at once. */
const HANDLED_UPDATES_KEPT_MS = 24 * 60 * 60 * 1000;

/**
 * Skips an update that was already handled (or is being handled). The id is recorded
 * once the handlers are done, which also takes it out of the inbox; old ids are pruned
 * every thousand updates.
 */
export function handleOnce(
  deps: { store: Store; log: Logger; now: () => Date },
): MiddlewareFn<Context> {
  let handled = 0;
  /** Updates being handled now: one replayed from the inbox may also come again. */
  const running = new Set<number>();
  return async (ctx, next) => {
    const id = ctx.update.update_id;
    if (running.has(id)) {
      deps.log.info("update.duplicate", { update_id: id });
      return;
    }
    if (deps.store.updates.has(id)) {
      deps.log.info("update.duplicate", { update_id: id });
      // Received again after it was handled: out of the inbox, it is done.
      await deps.store.write(() => deps.store.updates.mark(id, deps.now()));
      return;
    }
    running.add(id);
    try {
      await next();
    } finally {
      const now = deps.now();
      await deps.store.write(() => {
        deps.store.updates.mark(id, now);
        if (++handled % 1000 === 0) {
          deps.store.updates.prune(
            new Date(now.getTime() - HANDLED_UPDATES_KEPT_MS),
          );
        }
      }).finally(() => running.delete(id));
    }
  };
}
