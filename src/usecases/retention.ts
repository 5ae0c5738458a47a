/**
 * Retention: records of finished deliveries (who got what, and how it went), drafts of
 * admin actions, the links between relayed messages, the hashes of personal links and
 * what each calendar was last sent for a meeting long over are kept
 * `delivery.keep_days`, then pruned (such a link then opens nothing; a calendar
 * subscription's address stays until the person resets it). Answers,
 * meetings, who came and the ratings stay: they are the attendance history.
 *
 * @module
 */
import type { Store } from "../db/store.ts";
import { FEED } from "./feed.ts";

/** Rows deleted per transaction, so that a large prune never holds the lock for long. */
const PRUNE_BATCH = 2_000;

/** What one prune deleted. */
export interface Pruned {
  /** Finished outbox rows. */
  deliveries: number;
  /** Drafts of admin actions, confirmed or not. */
  drafts: number;
  /** Links from relayed messages to the participants they came from. */
  relays: number;
  /** Hashes of personal links (and other secrets in URLs). */
  tokens: number;
  /** What each person's calendar was last sent for meetings long over. */
  calendars: number;
}

/** Deletes what is older than `keepDays` days before `now`, in short transactions. */
export async function pruneOld(
  store: Store,
  { keepDays, now }: { keepDays: number; now: Date },
): Promise<Pruned> {
  const before = new Date(now.getTime() - keepDays * 86_400_000);
  let deliveries = 0;
  for (;;) {
    const deleted = await store.write(() =>
      store.outbox.prune(before, PRUNE_BATCH)
    );
    deliveries += deleted;
    if (deleted < PRUNE_BATCH) break;
  }
  const { drafts, relays, tokens, calendars } = await store.write(() => ({
    drafts: store.drafts.prune(before),
    relays: store.relays.prune(before),
    // A calendar subscription lasts until it is reset: its address is kept.
    tokens: store.tokens.prune(before, [FEED]),
    calendars: store.calendars.prune(before),
  }));
  return { deliveries, drafts, relays, tokens, calendars };
}
