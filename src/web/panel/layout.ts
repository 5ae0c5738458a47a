/**
 * The frame of every panel page: its Content-Security-Policy (the bot's own stylesheet
 * and nothing else: no script, no inline style, nothing from elsewhere), the header with
 * the pages, and the tables that turn into cards on a phone. Every value goes through
 * the escaping template of html.ts.
 *
 * @module
 */
import type { Config } from "../../config/schema.ts";
import { render, type TextKey } from "../../config/texts.ts";
import { localParts } from "../../domain/time.ts";
import { Html, html } from "../html.ts";
import { htmlResponse } from "../pages.ts";

/** The policy of the panel's pages: its stylesheet from the bot, nothing else. */
export const PANEL_CSP: string = [
  "default-src 'none'",
  "style-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** The panel's pages, by the path under `/panel` and the text of their link. */
export const PANEL_PAGES = [
  { page: "next", path: "", text: "panel_nav_next" },
  { page: "trends", path: "/trends", text: "panel_nav_trends" },
  { page: "history", path: "/history", text: "panel_nav_history" },
  { page: "deliveries", path: "/deliveries", text: "panel_nav_deliveries" },
] as const satisfies readonly { page: string; path: string; text: TextKey }[];

/** One of the panel's pages. */
export type PanelPage = typeof PANEL_PAGES[number]["page"];

/** Where the panel is: the path of `http.public_url` before `/panel`. */
export interface PanelPlace {
  /** `""`, or e.g. `/meet` when `public_url` has a path. */
  base: string;
}

/** The base path of `publicUrl`: `""` for `https://bot.example.org`, `/meet` for `…/meet`. */
export function basePath(publicUrl: string): string {
  return new URL(publicUrl).pathname.replace(/\/+$/, "");
}

/** "25.11": a local day and month, for the charts and the tables. */
export function shortDate(config: Config, at: Date): string {
  const p = localParts(at, config.timezone);
  return `${pad(p.day)}.${pad(p.month)}`;
}

/** "25.11.2026": a local date. */
export function fullDate(config: Config, at: Date): string {
  const p = localParts(at, config.timezone);
  return `${shortDate(config, at)}.${p.year}`;
}

/** "25.11, 16:05": a local day, month and time. */
export function shortDateTime(config: Config, at: Date): string {
  const p = localParts(at, config.timezone);
  return `${shortDate(config, at)}, ${pad(p.hour)}:${pad(p.minute)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** The column names of a text such as `panel_history_columns`: split at `|`. */
export function columns(config: Config, key: TextKey): string[] {
  return config.texts[key].split("|").map((column) => column.trim());
}

/** A cell: its value, and whether it is a number (aligned right). */
export type Cell = { value: unknown; number?: boolean };

/** ` class="n"` on a number's cell (aligned right), else nothing. */
const NUMBER = new Html(' class="n"');

/**
 * A table; `cards` (default): its rows become cards on a narrow screen, each cell
 * carrying its column's name (`data-label`), shown before the value there. A table of a
 * few short columns stays a table.
 */
export function table(
  names: readonly string[],
  { rows, cards = true }: {
    rows: readonly (readonly Cell[])[];
    cards?: boolean;
  },
): Html {
  const head = names.map((name, i) =>
    html`<th${rows[0]?.[i]?.number ? NUMBER : ""}>${name}</th>`
  );
  const body = rows.map((row) =>
    html`<tr>${
      row.map((cell, i) =>
        cards
          ? html`<td${cell.number ? NUMBER : ""} data-label="${
            names[i] ?? ""
          }">${cell.value}</td>`
          : html`<td${cell.number ? NUMBER : ""}>${cell.value}</td>`
      )
    }</tr>`
  );
  return html`
    <table${cards ? new Html(' class="cards"') : ""}>
      <thead>
        <tr>${head}</tr>
      </thead>
      <tbody>${body}</tbody>
      </table>
  `;
}

/** A whole panel page as a response, with the panel's policy. */
export function panelResponse(
  config: Config,
  { place, current, heading, body, status = 200 }: {
    place: PanelPlace;
    current: PanelPage | undefined;
    heading: string;
    body: Html;
    status?: number;
  },
): Response {
  const panel = `${place.base}/panel`;
  const title = render(config.texts.panel_title, {
    title: config.meeting.title,
  });
  const links = PANEL_PAGES.map(({ page, path, text }) =>
    html`
      <a href="${panel}${path}" ${page === current
        ? html`
          aria-current="page"
        `
        : ""}>${config.texts[text]}</a>
    `
  );
  const markup = html`
    <!doctype html>
    <html lang="${config.texts.web_lang}">
      <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <title>${heading} — ${title}</title>
        <link rel="stylesheet" href="${panel}/style.css">
      </head>
      <body>
        <header>
          <p>${title}</p>
          <nav>${links}<a href="${panel}/export.csv" download>${config.texts
            .panel_nav_export}</a></nav>
        </header>
        <main><h1>${heading}</h1>${body}</main>
      </body>
    </html>
  `;
  return htmlResponse(markup, {
    status,
    headers: { "content-security-policy": PANEL_CSP },
  });
}

/**
 * A short panel page that says one thing (the sign-in, a refused link), with a link on
 * if `next` is given; `refresh`: the browser goes there at once (a `<meta>` refresh, no
 * script), which also carries the SameSite=Strict cookie a redirect after a click in
 * another site would not.
 */
export function panelNotice(
  config: Config,
  { place, title, text, next, refresh = false, status = 200, headers = {} }: {
    place: PanelPlace;
    title: string;
    text: string;
    next?: { href: string; text: string };
    refresh?: boolean;
    status?: number;
    headers?: Record<string, string>;
  },
): Response {
  const markup = html`
    <!doctype html>
    <html lang="${config.texts.web_lang}">
      <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex, nofollow">
    ${refresh && next !== undefined
      ? html`<meta http-equiv="refresh" content="0; url=${next.href}">`
      : ""}<title>${title}</title>
    <link rel="stylesheet" href="${place.base}/panel/style.css">
      </head>
      <body>
        <main>
          <h1>${title}</h1>
          <section><p>${text}</p>${next === undefined
            ? ""
            : html`<p><a href="${next.href}">${next.text}</a></p>`}</section>
        </main>
      </body>
    </html>
  `;
  return htmlResponse(markup, {
    status,
    headers: { "content-security-policy": PANEL_CSP, ...headers },
  });
}
