/**
 * Each person's calendar feed as it was last served: the hash of its bytes (the ETag),
 * since when it has been so (the Last-Modified), and when a calendar app last fetched
 * it. Kept so that Last-Modified is exactly the moment the feed changed, whatever
 * changed it (a meeting, the config, the person's links, the days going by).
 *
 * @module
 */
import type { Statements } from "./sqlite.ts";

/** One person's feed as last served. */
export interface FeedState {
  /** The ETag of what was served, without quotes. */
  etag: string;
  /** Since when the feed has been what the ETag says. */
  changedAt: Date;
  /** When it was last fetched (to within the hour). */
  fetchedAt: Date;
}

/** How stale the kept fetch time may get before a fetch writes it again. */
const FETCH_PRECISION_MS = 3_600_000;

/** The `calendar_feeds` table. */
export class Feeds {
  #s: Statements;

  /** Works through the store's statement cache, which every table shares. */
  constructor(statements: Statements) {
    this.#s = statements;
  }

  /** The person's feed as last served, if it ever was. */
  get(userId: number): FeedState | undefined {
    const row = this.#s.sql(
      "SELECT etag, changed_at, fetched_at FROM calendar_feeds WHERE user_id = ?",
    ).get(userId) as
      | { etag: string; changed_at: string; fetched_at: string }
      | undefined;
    return row === undefined ? undefined : {
      etag: row.etag,
      changedAt: new Date(row.changed_at),
      fetchedAt: new Date(row.fetched_at),
    };
  }

  /** Forgets the person's feed as served (a new address: no app has read it yet). */
  forget(userId: number): void {
    this.#s.sql("DELETE FROM calendar_feeds WHERE user_id = ?").run(userId);
  }

  /**
   * Records that the feed with ETag `etag` was served at `now`, and returns its state:
   * a new ETag is changed as of `now`, the same one keeps its time. Writes only when
   * something changed, or the fetch time is an hour old.
   */
  served(
    userId: number,
    { etag, now }: { etag: string; now: Date },
  ): FeedState {
    const kept = this.get(userId);
    if (
      kept !== undefined && kept.etag === etag &&
      now.getTime() - kept.fetchedAt.getTime() < FETCH_PRECISION_MS
    ) {
      return kept;
    }
    const changedAt = kept?.etag === etag ? kept.changedAt : now;
    this.#s.sql(
      `INSERT INTO calendar_feeds (user_id, etag, changed_at, fetched_at)
       VALUES (?1, ?2, ?3, ?4) ON CONFLICT (user_id)
       DO UPDATE SET etag = ?2, changed_at = ?3, fetched_at = ?4`,
    ).run(userId, etag, changedAt.toISOString(), now.toISOString());
    return { etag, changedAt, fetchedAt: now };
  }
}
