/**
 * The host's panel: who gets in (the one-time sign-in link, the session cookie, the
 * admins of the config of the moment, no page without a session, the sign-in's rate
 * limit), its policy and escaping, the tokens in logs, and what its pages show (the
 * chart's points and gaps, the unknowns, the tables, the phone's width, the CSV).
 *
 * @module
 */
import type { Breakage } from "./types.ts";

const ACCESS = "src/usecases/panel_access.ts";
const SESSION = "src/web/panel/session.ts";
const TEST = "tests/panel_test.ts";
const PAGES = "tests/panel_pages_test.ts";
const BROWSER = "tests/panel_browser_test.ts";
const COOKIE: [string, string] = [TEST, "a sign-in link opens once"];
const LOGS: [string, string] = [TEST, "logs show 4 characters"];
const NUMBERS: [string, string] = [BROWSER, "the database's numbers"];

/** Breakages of this area. */
export const BREAKAGES: Breakage[] = [
  {
    name: "panel: a sign-in link opens once",
    file: ACCESS,
    edits: [[
      "  if (!store.tokens.use(hashToken(token), now)) return undefined;",
      "  store.tokens.use(hashToken(token), now);",
    ]],
    test: COOKIE,
  },
  {
    name: "panel: a sign-in link works 10 minutes",
    file: ACCESS,
    edits: [["SIGN_IN_MINUTES * 60_000", "SIGN_IN_MINUTES * 600_000"]],
    test: [TEST, "a sign-in link expires after 10 minutes"],
  },
  {
    name: "panel: a session lasts 12 hours",
    file: ACCESS,
    edits: [["SESSION_HOURS * 3_600_000", "SESSION_HOURS * 36_000_000"]],
    test: [TEST, "a session ends after 12 hours"],
  },
  {
    name: "panel: a session opens nothing once its admin left the config",
    file: ACCESS,
    edits: [[
      "return admins.includes(adminId) ? adminId : undefined;",
      "return adminId;",
    ]],
    test: [BROWSER, "a removed admin's session opens nothing"],
  },
  {
    name: "panel: a removed admin's sign-in link is refused",
    file: ACCESS,
    edits: [["  if (!admins.includes(adminId)) return undefined;", ""]],
    test: [TEST, "a session ends after 12 hours"],
  },
  {
    name: "panel: no page without a session",
    file: "src/web/panel/routes.ts",
    edits: [[
      "if (admin === undefined) return signInNeeded(deps, { place });",
      "",
    ]],
    test: [TEST, "no panel page without a session"],
  },
  {
    name: "panel: the session cookie is HttpOnly",
    file: SESSION,
    edits: [['    "HttpOnly",\n', ""]],
    test: COOKIE,
  },
  {
    name: "panel: the session cookie is SameSite=Strict",
    file: SESSION,
    edits: [['"SameSite=Strict",', '"SameSite=Lax",']],
    test: COOKIE,
  },
  {
    name: "panel: the session cookie is Secure under an https public_url",
    file: "src/web/panel/routes.ts",
    edits: [[
      'const secure = new URL(settings.url).protocol === "https:";',
      'const secure = new URL(settings.url).protocol === "http:";',
    ]],
    test: COOKIE,
  },
  {
    name:
      "panel: the sign-in goes on by a page, so a click from another site keeps the cookie",
    file: SESSION,
    edits: [["        refresh: true,", "        refresh: false,"]],
    test: NUMBERS,
  },
  {
    name: "panel: sign-in attempts have their own rate limit",
    file: SESSION,
    edits: [["const wait = limiter.take(client);", "const wait = 0;"]],
    test: [TEST, "sign-in attempts are rate-limited"],
  },
  {
    name: "panel: a link preview's fetch never uses a sign-in link up",
    file: SESSION,
    edits: [["if (!countsAsClick(request)) {", "if (false) {"]],
    test: [TEST, "a link preview's fetch or a HEAD"],
  },
  {
    name: "panel: the pages' policy allows no inline style",
    file: "src/web/panel/layout.ts",
    edits: [[`"style-src 'self'",`, `"style-src 'self' 'unsafe-inline'",`]],
    test: [TEST, "allow the bot's own stylesheet"],
  },
  {
    name: "panel: a route's own policy is kept by the common headers",
    file: "src/web/pages.ts",
    edits: [[
      "    if (name === CSP && response.headers.has(CSP)) continue;\n",
      "",
    ]],
    test: NUMBERS,
  },
  {
    name: "panel: the sign-in's log shows a token's first characters only",
    file: SESSION,
    edits: [["        token: tokenPrefix(token),", "        token,"]],
    test: LOGS,
  },
  {
    name: "panel: /panel's log shows a token's first characters only",
    file: "src/bot/features/admin/panel.ts",
    edits: [["      token: tokenPrefix(token),", "      token,"]],
    test: LOGS,
  },
  {
    name: "panel: /panel's link goes without a preview",
    file: "src/bot/features/admin/panel.ts",
    edits: [["{ link_preview_options: { is_disabled: true } }", "{}"]],
    test: [TEST, "/panel sends an admin a one-time sign-in link"],
  },
  {
    name: "panel: /panel says the panel is off without public_url",
    file: "src/bot/features/admin/panel.ts",
    edits: [[
      "const publicUrl = config.http?.public?.url;",
      'const publicUrl = config.http?.public?.url ?? "http://localhost";',
    ]],
    test: [TEST, "/panel says the panel is off"],
  },
  {
    name: "panel: the next meeting shows where it was moved from",
    file: "src/web/panel/next.ts",
    edits: [[
      "if (week.startsAt.getTime() !== week.scheduledAt.getTime()) {",
      "if (false) {",
    ]],
    test: [PAGES, "the next meeting shows its move"],
  },
  {
    name: "panel: every name is escaped",
    file: "src/web/panel/next.ts",
    edits: [
      [
        'import { type Html, html } from "../html.ts";',
        'import { Html, html } from "../html.ts";',
      ],
      [
        'html`<ul class="names">${\n      people.map((user) => html`<li>${displayName(user)}</li>`)',
        'html`<ul class="names">${\n      people.map((user) => html`<li>${new Html(displayName(user))}</li>`)',
      ],
    ],
    test: [PAGES, "names escaped as text"],
  },
  {
    name: "panel: a chart's line breaks where a value is unknown",
    file: "src/web/panel/chart.ts",
    edits: [[
      "const joined = i > 0 && s.values[i - 1] !== null &&",
      "const joined = i > 0 &&",
    ]],
    test: [PAGES, "lineChart() draws a point per known value"],
  },
  {
    name: "panel: joins not counted are unknown in the trends, never 0",
    file: "src/web/panel/trends.ts",
    edits: [[
      "joined: held && summary.tracked ? summary.joined : null,",
      "joined: held ? summary.joined : null,",
    ]],
    test: [PAGES, "trendPoints()"],
  },
  {
    name: "panel: a cancelled meeting has no point in the trends",
    file: "src/web/panel/trends.ts",
    edits: [["yes: held ? summary.yes : null,", "yes: summary.yes,"]],
    test: [PAGES, "trendPoints()"],
  },
  {
    name: "panel: the trends go 26 weeks back, not 26 meetings",
    file: "src/web/panel/trends.ts",
    edits: [[".filter(({ week }) => week.startsAt.getTime() > since)", ""]],
    test: [PAGES, "trendPoints()"],
  },
  {
    name: "panel: subscribers are those the invitation went to",
    file: "src/db/panel.ts",
    edits: [[
      "WHERE job = 'invitation' AND status = 'done'",
      "WHERE status = 'done'",
    ]],
    test: NUMBERS,
  },
  {
    name: "panel: the history's numbers are the database's",
    file: "src/web/panel/history.ts",
    edits: [[
      "{ value: summary.yes, number: true },",
      "{ value: summary.no, number: true },",
    ]],
    test: NUMBERS,
  },
  {
    name: "panel: a running job shows its messages so far",
    file: "src/db/panel.ts",
    edits: [[
      '...counts(row, row.status === "running"),',
      "...counts(row, false),",
    ]],
    test: [PAGES, "a running job's messages so far"],
  },
  {
    name: "panel: a meeting still ahead has no history page",
    file: "src/web/panel/history.ts",
    edits: [["  if (week.startsAt > now) return notFound(config);", ""]],
    test: [PAGES, "404 for a day without one"],
  },
  {
    name: "panel: the CSV is the attendance of /export",
    file: "src/web/panel/routes.ts",
    edits: [[
      "rows: deps.store.answers.attendance(),",
      "rows: deps.store.answers.attendance().slice(1),",
    ]],
    test: [PAGES, "the very file /export sends"],
  },
  {
    name: "panel: links and the cookie carry public_url's path",
    file: "src/web/panel/layout.ts",
    edits: [[
      'return new URL(publicUrl).pathname.replace(/\\/+$/, "");',
      'return "";',
    ]],
    test: [PAGES, "under a public_url with a path"],
  },
  {
    name: "panel: no page scrolls sideways on a phone",
    file: "src/web/panel/style.ts",
    edits: [[
      '  "table{font-size:.85rem}th{font-size:.72rem}th,td{padding:.3rem .2rem}",\n',
      "",
    ]],
    test: [BROWSER, "no panel page scrolls sideways"],
  },
  {
    name: "panel: CI installs chromium where it is missing",
    file: ".ci/run",
    edits: [["  missing+=(chromium)", "  : chromium"]],
    test: [BROWSER, ".ci/run installs Debian's chromium"],
  },
];
