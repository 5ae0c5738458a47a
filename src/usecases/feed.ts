/**
 * Calendar subscriptions as use cases: each person's feed address, who an address
 * presented in a URL belongs to, the weeks a feed shows, and the link each week shows
 * the person: their own join link where they have one, and none in a week with a limit
 * of seats in which they hold no seat (the link goes to seats only, as the reminders').
 *
 * The address is `<public_url>/cal/<token>.ics`, the token one of `web_tokens` (purpose
 * `feed`), derived as join links are (domain/tokens.ts): 192 bits of HMAC under the link
 * key, nothing of the person in it, kept only as its SHA-256. So `/calendar` shows the
 * same address each time, and a reset revokes it (it answers 404 from then on) and
 * shows the next one. It belongs to a subscriber: once the person stops (or never
 * signed up), it answers 404, and again from their next `/start` on.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import type { Store } from "../db/store.ts";
import type { User } from "../db/users.ts";
import { meetingById, upcomingMeeting } from "../domain/meeting.ts";
import { isoLocalDate, previousOccurrence } from "../domain/time.ts";
import { deriveToken } from "../domain/tokens.ts";
import { JOIN, joinPath } from "./links.ts";
import { capacityOf } from "./seats.ts";
import { issueToken, resolveToken, revokeTokens } from "./tokens.ts";
import { type Week, type WeekConfig, weekOf } from "./weeks.ts";

/** The purpose of feed tokens. */
export const FEED = "feed";

/** Weeks before the upcoming meeting that a feed still shows: a quarter. */
export const FEED_WEEKS_BACK = 13;

/** The path of a feed under the public address. */
export function feedPath(token: string): string {
  return `/cal/${token}.ics`;
}

/** A feed's address in both forms a calendar app takes. */
export interface FeedAddress {
  /** `https://…/cal/<token>.ics`: pasted into Google Calendar or Outlook. */
  https: string;
  /** `webcal://…/cal/<token>.ics`: opens the subscription in Apple Calendar, Outlook. */
  webcal: string;
}

/** The address of the feed `token` under `publicUrl`. */
export function feedAddress(publicUrl: string, token: string): FeedAddress {
  const https = `${publicUrl}${feedPath(token)}`;
  return { https, webcal: https.replace(/^https?:/, "webcal:") };
}

/** Whether `user` may have a feed: they get the invitations. */
export function subscribed(user: User | undefined): user is User {
  return user !== undefined && user.is_active && user.is_registered;
}

/**
 * The feed token of the person with Telegram id `tgId`, or with `reset` a new one (the
 * old one revoked); `undefined` for someone who does not get the invitations, and then
 * nothing changes. Call inside a write.
 */
export function feedToken(
  store: Store,
  { key, tgId, reset = false, now }: {
    key: Uint8Array;
    tgId: number;
    reset?: boolean;
    now: Date;
  },
): string | undefined {
  const user = store.users.byTgId(tgId);
  if (!subscribed(user)) return undefined;
  if (reset) {
    revokeTokens(store, { scope: { purpose: FEED, userId: user.id }, now });
    store.feeds.forget(user.id); // no app reads the new address yet
  }
  return issueToken(store, {
    key,
    subject: { purpose: FEED, userId: user.id, ref: "" },
    now,
  });
}

/** The subscriber whose feed `token` is, or `undefined` (unknown, revoked, stopped). */
export function feedOwner(
  store: Store,
  { token, now }: { token: string; now: Date },
): User | undefined {
  const record = resolveToken(store, { token, purpose: FEED, now });
  if (record?.user_id === null || record?.user_id === undefined) {
    return undefined;
  }
  const user = store.users.byId(record.user_id);
  return subscribed(user) ? user : undefined;
}

/** The weeks a feed shows. */
export interface FeedWeeks {
  /** The local date of the first meeting shown: the series' DTSTART. */
  first: string;
  /** Every week from `first` on that the bot has a row for, by date. */
  weeks: Week[];
  /** The last change among them (or the first meeting's start): the DTSTAMP. */
  changedAt: Date;
}

/**
 * The weeks of a feed at `now`: from {@linkcode FEED_WEEKS_BACK} weeks before the
 * upcoming meeting on, each as it really is (moved, cancelled, its own topic or link).
 * Weeks the bot has no row for are as the schedule says, which the series shows.
 */
export function feedWeeks(
  store: Store,
  { config, now }: { config: WeekConfig; now: Date },
): FeedWeeks {
  let at = upcomingMeeting(config, now).startsAt;
  for (let i = 0; i < FEED_WEEKS_BACK; i++) {
    at = previousOccurrence(config.meeting, {
      timeZone: config.timezone,
      before: at,
    });
  }
  const first = { id: isoLocalDate(at, config.timezone), startsAt: at };
  let changedAt = first.startsAt;
  const weeks: Week[] = [];
  for (const row of store.meetings.between(first.id, "9999-12-31")) {
    const slot = meetingById(config, row.id);
    if (slot === undefined) continue; // a day the schedule no longer has
    weeks.push(weekOf(store, { config, slot }));
    const changed = store.meetings.changedAt(row.id);
    if (changed !== undefined && changed > changedAt) changedAt = changed;
  }
  return { first: first.id, weeks, changedAt };
}

/**
 * The person's own join link for the meeting `meetingId` if they have one (it was
 * given to them: a reminder, `/status`, a calendar file), else `undefined`. Only reads:
 * a feed never makes a link.
 */
export function ownJoinLink(
  store: Store,
  { key, publicUrl, userId, meetingId, now }: {
    key: Uint8Array;
    publicUrl: string;
    userId: number;
    meetingId: string;
    now: Date;
  },
): string | undefined {
  const subject = { purpose: JOIN, userId, ref: meetingId };
  const token = deriveToken(key, {
    ...subject,
    generation: store.tokens.revoked(subject),
  });
  return resolveToken(store, { token, purpose: JOIN, now }) === undefined
    ? undefined
    : `${publicUrl}${joinPath(token)}`;
}

/**
 * The link each of `weeks` shows the person in their feed (messages/feed.ts): `null`,
 * none, in a week with a limit of seats in which they hold no seat (waiting, not
 * answered, or a link kept from a seat given up: no reminder would give it them now);
 * else their own join link where they have one; else nothing (the week's own link).
 */
export function feedLinks(
  store: Store,
  { config, key, publicUrl, userId, weeks, now }: {
    config: WeekConfig;
    key: Uint8Array;
    publicUrl: string;
    userId: number;
    weeks: readonly Week[];
    now: Date;
  },
): Map<string, string | null> {
  const links = new Map<string, string | null>();
  for (const { id: meetingId } of weeks) {
    const limited = capacityOf(store, { config, meetingId }) !== null;
    if (limited && store.seats.held(meetingId, userId)?.seat !== "seat") {
      links.set(meetingId, null);
      continue;
    }
    const own = ownJoinLink(store, { key, publicUrl, userId, meetingId, now });
    if (own !== undefined) links.set(meetingId, own);
  }
  return links;
}

/**
 * Days a feed counts as read by a calendar app after its last fetch: apps fetch from
 * hourly to daily, some weekly.
 */
export const FEED_IN_USE_DAYS = 8;

/**
 * Whether the person's calendar app reads their feed: it fetched it within
 * {@linkcode FEED_IN_USE_DAYS}. Then their calendar shows every week already.
 */
export function feedInUse(
  store: Store,
  { userId, now }: { userId: number; now: Date },
): boolean {
  const fetched = store.feeds.get(userId)?.fetchedAt;
  return fetched !== undefined &&
    now.getTime() - fetched.getTime() < FEED_IN_USE_DAYS * 86_400_000;
}

/** Gives people their feed addresses (`/calendar`). */
export interface Feeds {
  /** Whether there are feeds: `http.public_url` is set. */
  readonly enabled: boolean;
  /**
   * The address of the feed of the person with Telegram id `tgId` (with `reset`, a new
   * one, the old one revoked), or `undefined` when they do not get the invitations.
   */
  address(
    tgId: number,
    options?: { reset?: boolean },
  ): Promise<FeedAddress | undefined>;
}

/** The feeds of `config`: none without `http.public_url`. */
export function createFeeds(
  { config, store, key, now }: {
    config: Pick<Config, "http">;
    store: Store;
    /** The key tokens are derived under (db/link_key.ts). */
    key: Uint8Array;
    now: () => Date;
  },
): Feeds {
  const publicUrl = config.http?.public?.url;
  return {
    enabled: publicUrl !== undefined,
    async address(tgId, { reset } = {}) {
      if (publicUrl === undefined) return undefined;
      const token = await store.write(() =>
        feedToken(store, { key, tgId, reset, now: now() })
      );
      return token === undefined ? undefined : feedAddress(publicUrl, token);
    },
  };
}
