/**
 * Signing in to the panel: `GET /panel/login/<token>` opens a one-time sign-in link
 * (usecases/panel_access.ts) and answers with the session cookie (HttpOnly, Secure when
 * `public_url` is https, SameSite=Strict, for the session's hours, holding a random
 * token the database keeps only hashed) and a page that goes on to the panel. Sign-in
 * attempts have their own, tighter rate limit per address. A link preview's fetch or a
 * `HEAD` never uses the link up. Logs show a token's first characters only.
 *
 * @module
 */
import { tokenPrefix } from "../../domain/tokens.ts";
import {
  SESSION_HOURS,
  sessionAdmin,
  SIGN_IN_MINUTES,
  signIn,
} from "../../usecases/panel_access.ts";
import { countsAsClick } from "../join.ts";
import { RateLimiter } from "../limit.ts";
import { notice } from "../pages.ts";
import type { Route, WebDeps } from "../routes.ts";
import { panelNotice, type PanelPlace } from "./layout.ts";
import { render } from "../../config/texts.ts";

/** The session cookie's name. */
export const SESSION_COOKIE = "meeting_bot_panel";
/** Sign-in attempts one address may make at once, and then per minute. */
export const SIGN_IN_RATE = { burst: 10, perMinute: 10 };

/** The session token in `request`'s cookies, if any. */
export function sessionCookie(request: Request): string | undefined {
  const header = request.headers.get("cookie") ?? "";
  for (const pair of header.split(";")) {
    const [name, ...value] = pair.trim().split("=");
    if (name === SESSION_COOKIE) return value.join("=");
  }
  return undefined;
}

/** The `Set-Cookie` of a session: `token` for `maxAge` seconds, under the panel's path. */
export function sessionCookieHeader(
  token: string,
  { place, secure, maxAge }: {
    place: PanelPlace;
    secure: boolean;
    maxAge: number;
  },
): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    `Path=${place.base}/panel`,
    `Max-Age=${maxAge}`,
    "HttpOnly",
    "SameSite=Strict",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

/** The admin whose valid session `request` carries, or `undefined`. */
export function requestAdmin(
  deps: Pick<WebDeps, "config" | "store" | "now">,
  request: Request,
): number | undefined {
  const token = sessionCookie(request);
  if (token === undefined) return undefined;
  return sessionAdmin(deps.store, {
    token,
    admins: deps.config.admins,
    now: deps.now(),
  });
}

/** The page that says how to get a sign-in link (401 without a session). */
export function signInNeeded(
  deps: Pick<WebDeps, "config">,
  { place, status = 401 }: { place: PanelPlace; status?: number },
): Response {
  const { config } = deps;
  return panelNotice(config, {
    place,
    title: config.texts.panel_sign_in_title,
    text: render(config.texts.panel_sign_in, { minutes: SIGN_IN_MINUTES }),
    status,
  });
}

/** The sign-in route. */
export function signInRoute(
  deps: WebDeps,
  { place, secure }: { place: PanelPlace; secure: boolean },
): Route {
  const { config, store, log, now } = deps;
  const limiter = new RateLimiter({ ...SIGN_IN_RATE, clock: deps.clock });
  const title = config.texts.panel_sign_in_title;
  return {
    path: /^\/panel\/login\/([^/]*)$/,
    async handle(request, match, { client }) {
      const wait = limiter.take(client);
      if (wait > 0) {
        return notice(config, {
          key: "web_too_many",
          status: 429,
          headers: { "retry-after": String(Math.ceil(wait / 1000)) },
        });
      }
      const token = match[1]!;
      if (!countsAsClick(request)) {
        return panelNotice(config, {
          place,
          title,
          text: config.texts.panel_open_in_browser,
        });
      }
      const session = await store.write(() =>
        signIn(store, { token, admins: config.admins, now: now() })
      );
      if (session === undefined) {
        log.info("panel.sign_in_refused", { token: tokenPrefix(token) });
        return panelNotice(config, {
          place,
          title,
          text: config.texts.panel_link_refused,
          status: 403,
        });
      }
      log.info("panel.signed_in", {
        admin: session.adminId,
        token: tokenPrefix(token),
      });
      return panelNotice(config, {
        place,
        title,
        text: config.texts.panel_signed_in,
        next: { href: `${place.base}/panel`, text: config.texts.panel_open },
        refresh: true,
        headers: {
          "set-cookie": sessionCookieHeader(session.token, {
            place,
            secure,
            maxAge: SESSION_HOURS * 3600,
          }),
        },
      });
    },
  };
}
