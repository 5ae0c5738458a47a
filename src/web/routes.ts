/**
 * The public side as one request handler: every request is rate-limited per client
 * address, routed to the one route whose path it matches (only `GET` and `HEAD`), and
 * answered with the security headers of pages.ts; one log line each, whose path shows
 * at most the first characters of a token. Routes only translate HTTP to and from use
 * cases, as features do for updates.
 *
 * @module
 */
import { describeError } from "../core/errors.ts";
import type { Config, PublicHttp } from "../config/schema.ts";
import type { Store } from "../db/store.ts";
import { tokenPrefix } from "../domain/tokens.ts";
import type { Logger } from "../log.ts";
import { clientAddress } from "./client.ts";
import { RateLimiter } from "./limit.ts";
import { notFound, notice, secured } from "./pages.ts";

/** What the feed route needs beyond the other routes. */
export interface FeedKeys {
  /** The key join links are derived under (db/link_key.ts): the person's own links. */
  key: Uint8Array;
  /** The bot's username once `getMe` has told it (the UID's domain); 503 until then. */
  botUsername: () => string | undefined;
}

/** What the routes need; all of it injected. */
export interface WebDeps {
  /** Texts, the meeting, and the public side's settings. */
  config: Config;
  /** The tokens, the meetings and the attendance. */
  store: Store;
  /** One line per request (`web.request`), and what each route did. */
  log: Logger;
  /** The clock that decides (the join window); tests pass a fake one. */
  now: () => Date;
  /** Monotonic milliseconds for the rate limit; default `performance.now()`. */
  clock?: () => number;
  /** The link key and the bot's username, for calendar feeds; without them, no feeds. */
  feed?: FeedKeys;
}

/** What the handler knows of a request beyond the request itself. */
export interface RouteInfo {
  /** The client's address, as the rate limit counts it (client.ts). */
  client: string;
}

/** One route: a path pattern, and what a request of it gets. */
export interface Route {
  /** Matched against the whole path; its groups are passed on. */
  path: RegExp;
  /** The response to a `GET` or `HEAD` of the path. */
  handle(
    request: Request,
    match: RegExpExecArray,
    info: RouteInfo,
  ): Response | Promise<Response>;
}

/** The handler of `Deno.serve`. */
export type WebHandler = (
  request: Request,
  info: Deno.ServeHandlerInfo,
) => Promise<Response>;

/** A path as a log may show it: a long segment (a token) cut to its first characters. */
export function loggedPath(pathname: string): string {
  return pathname.split("/").map((part) =>
    part.length > 12 ? tokenPrefix(part) : part
  ).join("/").slice(0, 200);
}

/** The handler of `routes` under the settings `settings`. */
export function createWebHandler(
  deps: WebDeps,
  { routes, settings }: { routes: readonly Route[]; settings: PublicHttp },
): WebHandler {
  const { config, log } = deps;
  const limiter = new RateLimiter({
    burst: settings.rate_limit.burst,
    perMinute: settings.rate_limit.per_minute,
    clock: deps.clock,
  });
  async function answer(
    request: Request,
    client: string,
  ): Promise<Response> {
    const wait = limiter.take(client);
    if (wait > 0) {
      return notice(config, {
        key: "web_too_many",
        status: 429,
        headers: { "retry-after": String(Math.ceil(wait / 1000)) },
      });
    }
    const { pathname } = new URL(request.url);
    for (const route of routes) {
      const match = route.path.exec(pathname);
      if (match === null) continue;
      if (request.method !== "GET" && request.method !== "HEAD") {
        return new Response(null, { status: 405, headers: { allow: "GET" } });
      }
      return await route.handle(request, match, { client });
    }
    return notFound(config);
  }
  return async (request, info) => {
    const client = clientAddress(request, {
      peer: info.remoteAddr,
      header: settings.client_ip_header,
    });
    let response: Response;
    try {
      response = await answer(request, client);
    } catch (error) {
      log.error("web.error", {
        path: loggedPath(new URL(request.url).pathname),
        error: describeError(error),
      });
      response = new Response("Internal server error", { status: 500 });
    }
    log.info("web.request", {
      method: request.method,
      path: loggedPath(new URL(request.url).pathname),
      status: response.status,
      client,
    });
    return secured(response);
  };
}
