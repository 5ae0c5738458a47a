/**
 * `GET /cal/<token>.ics`: a person's calendar subscription (usecases/feed.ts), made
 * afresh from the database on every request, so that it follows every change within
 * one fetch; nothing is kept between requests but the ETag and the instant it last
 * changed (`calendar_feeds`), which make Last-Modified exact. A repeat with the ETag
 * (If-None-Match) or a date not before the last change (If-Modified-Since, only without
 * If-None-Match) gets 304. `Cache-Control: private, no-cache`: whoever keeps a copy
 * asks again each time. An unknown, revoked or stopped person's address gets the same
 * 404 as any other unknown path; the log shows only the token's first characters.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { tokenPrefix } from "../domain/tokens.ts";
import { feedCalendar } from "../messages/feed.ts";
import { feedLinks, feedOwner, feedWeeks } from "../usecases/feed.ts";
import { notFound } from "./pages.ts";
import type { FeedKeys, Route, WebDeps } from "./routes.ts";

/** Seconds a client is asked to wait while the bot's username is not known yet. */
const STARTING_RETRY_S = 10;

/** The ETag of `body`: 128 bits of its SHA-256, quoted. */
export function etagOf(body: string): string {
  return `"${
    createHash("sha256").update(body, "utf8").digest().subarray(0, 16)
      .toString("base64url")
  }"`;
}

/** Whether `request` already holds the feed of `etag`, last changed at `changedAt`. */
export function notModified(
  request: Request,
  { etag, changedAt }: { etag: string; changedAt: Date },
): boolean {
  const match = request.headers.get("if-none-match");
  if (match !== null) {
    // Weak comparison (RFC 9110 §13.1.2): `W/"x"` matches `"x"`.
    return match.split(",").map((tag) => tag.trim().replace(/^W\//, ""))
      .some((tag) => tag === "*" || tag === etag);
  }
  const since = Date.parse(request.headers.get("if-modified-since") ?? "");
  return !Number.isNaN(since) &&
    Math.floor(changedAt.getTime() / 1000) * 1000 <= since;
}

/** The feed route. */
export function feedRoute(deps: WebDeps, feed: FeedKeys): Route {
  const { config, store, log, now } = deps;
  const publicUrl = config.http?.public?.url ?? "";
  return {
    path: /^\/cal\/([^/]*)\.ics$/,
    async handle(request, match) {
      const bot = feed.botUsername();
      if (bot === undefined) {
        return new Response(null, {
          status: 503,
          headers: { "retry-after": String(STARTING_RETRY_S) },
        });
      }
      const token = match[1]!;
      const served = await store.write(() => {
        const at = now();
        const user = feedOwner(store, { token, now: at });
        if (user === undefined) return undefined;
        const weeks = feedWeeks(store, { config, now: at });
        const links = feedLinks(store, {
          config,
          key: feed.key,
          publicUrl,
          userId: user.id,
          weeks: weeks.weeks,
          now: at,
        });
        // The person's language plugs in here: their texts instead of the config's.
        const body = feedCalendar(config, {
          texts: config.texts,
          weeks,
          links,
          bot,
          now: at,
        });
        const etag = etagOf(body);
        const state = store.feeds.served(user.id, { etag, now: at });
        return { user, body, etag, changedAt: state.changedAt };
      });
      if (served === undefined) {
        log.info("feed.unknown", { token: tokenPrefix(token) });
        return notFound(config);
      }
      const headers = {
        "etag": served.etag,
        "last-modified": served.changedAt.toUTCString(),
        "cache-control": "private, no-cache",
      };
      const fields = { token: tokenPrefix(token), user: served.user.tg_id };
      if (notModified(request, served)) {
        log.info("feed.not_modified", fields);
        return new Response(null, { status: 304, headers });
      }
      log.info("feed.served", { ...fields, bytes: served.body.length });
      return new Response(request.method === "HEAD" ? null : served.body, {
        headers: {
          ...headers,
          "content-type": "text/calendar; charset=utf-8",
          "content-disposition": 'inline; filename="meeting.ics"',
        },
      });
    },
  };
}
