/**
 * The responses of the public side: small pages in the person's language from the
 * config's texts (a visitor the bot cannot name gets their browser's), a redirect, and the headers every response carries (a strict
 * Content-Security-Policy, no caching, no referrer, no framing).
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import { renderText } from "../config/language.ts";
import { type TextKey } from "../config/texts.ts";
import { firstContactLanguage, inLanguage } from "../config/language.ts";
import { meetingValues, type ShownMeeting } from "../messages/build.ts";
import type { Week } from "../usecases/weeks.ts";
import { CONTENT_SECURITY_POLICY, type Html, page } from "./html.ts";

/** The headers of every response of the public side. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "x-robots-tag": "noindex, nofollow",
};

/**
 * `response` with {@linkcode SECURITY_HEADERS} set; what the route set itself stays: a
 * Content-Security-Policy (the panel's, which allows its stylesheet) and a
 * `Cache-Control` (a calendar feed's `no-cache`: kept, but asked for again each time).
 */
export function secured(response: Response): Response {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (name === CSP && response.headers.has(CSP)) continue;
    if (name === "cache-control" && response.headers.has(name)) continue;
    response.headers.set(name, value);
  }
  return response;
}

const CSP = "content-security-policy";

/** An HTML page as a response. */
export function htmlResponse(
  body: Html,
  { status = 200, headers = {} }: {
    status?: number;
    headers?: Record<string, string>;
  } = {},
): Response {
  return new Response(body.markup, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", ...headers },
  });
}

/** A page that says one thing (the text `key`), under the title `title`. */
export function notice(
  config: Config,
  { key, title, status = 200, headers }: {
    key: TextKey;
    title?: string;
    status?: number;
    headers?: Record<string, string>;
  },
): Response {
  const text = config.texts[key];
  return htmlResponse(
    page({
      lang: config.texts.web_lang,
      title: title ?? text,
      text: title === undefined ? "" : text,
    }),
    { status, headers },
  );
}

/** A page about a meeting: its title, and the text `key` about it. */
export function meetingPage(
  config: Config,
  { key, meeting }: { key: TextKey; meeting: ShownMeeting & Week },
): Response {
  return htmlResponse(page({
    lang: config.texts.web_lang,
    title: config.meeting.title,
    text: renderText(config, key, meetingValues(config, meeting)),
  }));
}

/**
 * The config in the language of a visitor the bot cannot name: their browser's first
 * choice (`Accept-Language`), taken as Telegram's `language_code` is at first contact.
 */
export function visitorConfig(config: Config, request: Request): Config {
  const first = request.headers.get("accept-language")?.split(",")[0]
    ?.split(";")[0]?.trim();
  // "*" (any language, as Deno's fetch says by default) names none.
  const code = first === "" || first === "*" ? undefined : first;
  return inLanguage(config, firstContactLanguage(config, code));
}

/** The same answer for anything that is not there: no detail of why. */
export function notFound(config: Config): Response {
  return notice(config, { key: "web_not_found", status: 404 });
}

/** A 302 to `location`. */
export function redirect(location: string): Response {
  return new Response(null, { status: 302, headers: { location } });
}
