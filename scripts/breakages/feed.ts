/**
 * The calendar subscription: the series and its VTIMEZONE as a real parser expands
 * them, the weeks it shows, the person's own links, the address (one per person,
 * revocable, only a subscriber's), the HTTP side (ETag, Last-Modified, 304, the rate
 * limit, the logs), retention, the one-off files beside it, and `run`'s wiring.
 *
 * @module
 */
import type { Breakage } from "./types.ts";

const EXPANSION = "tests/feed_expansion_test.ts";
const BERLIN: [string, string] = [EXPANSION, "(Europe/Berlin)"];
const NEW_YORK: [string, string] = [EXPANSION, "(America/New_York)"];
const WEB = "tests/feed_web_test.ts";
const ZONES = "tests/vtimezone_test.ts";

/** Breakages of this area. */
export const BREAKAGES: Breakage[] = [
  {
    name: "feed: a cancelled week is an EXDATE of the series",
    file: "src/domain/series.ts",
    edits: [[
      "...shown.filter((week) => week.cancelled).map",
      "...shown.filter((week) => !week).map",
    ]],
    test: BERLIN,
  },
  {
    name: "feed: a moved week's override starts where the week really is",
    file: "src/domain/series.ts",
    edits: [[
      "`DTSTART${dateTime(week.startsAt, timeZone)}`",
      "`DTSTART${tzid}:${scheduledWall(series, week.id)}`",
    ]],
    test: NEW_YORK,
  },
  {
    name:
      "feed: the series' DTSTART is the zone's wall time (TZID), not a fixed UTC instant",
    file: "src/domain/series.ts",
    edits: [[
      "`DTSTART${tzid}:${firstStart}`",
      '`DTSTART:${utcDateTime(firstInstant, "DTSTART")}`',
    ]],
    test: BERLIN,
  },
  {
    name: "feed: a wall time the zone skips or repeats is written in UTC",
    file: "src/domain/series.ts",
    edits: [[
      "...edgeWeeks(series).filter((week) => !ids.has(week.id)),",
      "",
    ]],
    test: ["tests/series_test.ts", "spring-forward gap"],
  },
  {
    name: "feed: a week moved into the repeated hour names its instant in UTC",
    file: "src/domain/series.ts",
    edits: [[
      "if (earlier === instant.getTime() && later === instant.getTime()) {",
      "if (earlier === instant.getTime() || later === instant.getTime()) {",
    ]],
    test: ["tests/series_test.ts", "second pass"],
  },
  {
    name: "feed: the VTIMEZONE's offsets are the zone's real ones",
    file: "src/domain/vtimezone.ts",
    edits: [[
      "`TZOFFSETTO:${formatOffset(first.to)}`",
      "`TZOFFSETTO:${formatOffset(first.from)}`",
    ]],
    test: [ZONES, "(America/New_York)"],
  },
  {
    name:
      "feed: the VTIMEZONE starts with the onset in effect at the first meeting",
    file: "src/domain/vtimezone.ts",
    edits: [["if (first !== null) changes.push(first);", ""]],
    test: [ZONES, "(Australia/Sydney)"],
  },
  {
    name: "feed: a rule in force at the end of the covered years stays open",
    file: "src/domain/vtimezone.ts",
    edits: [[
      "const until = last.local.year >= lastYear",
      "const until = false",
    ]],
    test: [ZONES, "Europe/Berlin is its two yearly rules"],
  },
  {
    name: "feed: a rule the zone gave up is closed with UNTIL",
    file: "src/domain/vtimezone.ts",
    edits: [[
      "const until = last.local.year >= lastYear",
      "const until = true",
    ]],
    test: [ZONES, "ended DST"],
  },
  {
    name: "feed: the last Sunday of a month is BYDAY=-1SU, not an nth",
    file: "src/domain/vtimezone.ts",
    edits: [[
      "const position = run.positions.has(-1) ? -1 : Math.min(...run.positions);",
      "const position = Math.max(...run.positions);",
    ]],
    test: [ZONES, "the last Sunday"],
  },
  {
    name: "feed: a week carries the person's own join link where they have one",
    file: "src/messages/feed.ts",
    edits: [[
      "const link = own === undefined ? week.link : own;",
      "const link = week.link;",
    ]],
    test: BERLIN,
  },
  {
    name: "feed: a feed shows a quarter back",
    file: "src/usecases/feed.ts",
    edits: [[
      "export const FEED_WEEKS_BACK = 13;",
      "export const FEED_WEEKS_BACK = 3;",
    ]],
    test: [EXPANSION, "the past quarter"],
  },
  {
    name: "feed: a feed only reads join links, never makes one",
    file: "src/usecases/feed.ts",
    edits: [
      [
        "return resolveToken(store, { token, purpose: JOIN, now }) === undefined",
        "return issueToken(store, { key, subject, now }) === undefined",
      ],
    ],
    test: [WEB, "304 to a repeat"],
  },
  {
    name: "feed: a stopped person's address answers 404",
    file: "src/usecases/feed.ts",
    edits: [["return subscribed(user) ? user : undefined;", "return user;"]],
    test: [WEB, "stopped person"],
  },
  {
    name: "feed: /calendar gives no address to someone without invitations",
    file: "src/usecases/feed.ts",
    edits: [[
      "if (!subscribed(user)) return undefined;",
      "if (user === undefined) return undefined;",
    ]],
    test: ["tests/feed_command_test.ts", "without invitations"],
  },
  {
    name: "feed: a reset revokes the old address",
    file: "src/usecases/feed.ts",
    edits: [[
      "revokeTokens(store, { scope: { purpose: FEED, userId: user.id }, now });",
      "",
    ]],
    test: [WEB, "the old one answer 404"],
  },
  {
    name: "feed: one address per person, the same each time",
    file: "src/usecases/feed.ts",
    edits: [
      [
        "import { issueToken, resolveToken, revokeTokens }",
        "import { issueToken, mintToken, resolveToken, revokeTokens }",
      ],
      [
        "return issueToken(store, {\n    key,",
        "return mintToken(store, {\n    expiresAt: new Date(8.64e15),\n    key,",
      ],
    ],
    test: [WEB, "the old one answer 404"],
  },
  {
    name: "feed: the ETag is of the bytes, so a change is a new feed at once",
    file: "src/web/feed.ts",
    edits: [[
      "const etag = etagOf(body);",
      "const etag = etagOf(String(user.id));",
    ]],
    test: [WEB, "304 to a repeat"],
  },
  {
    name: "feed: If-None-Match with the ETag gets 304",
    file: "src/web/feed.ts",
    edits: [[
      '.some((tag) => tag === "*" || tag === etag);',
      '.some((tag) => tag === "*");',
    ]],
    test: [WEB, "304 to a repeat"],
  },
  {
    name: "feed: Last-Modified is when the feed last changed",
    file: "src/db/feeds.ts",
    edits: [[
      "const changedAt = kept?.etag === etag ? kept.changedAt : now;",
      "const changedAt = now;",
    ]],
    test: [WEB, "304 to a repeat"],
  },
  {
    name: "feed: a route's Cache-Control (no-cache) is kept",
    file: "src/web/pages.ts",
    edits: [[
      'if (name === "cache-control" && response.headers.has(name)) continue;',
      "",
    ]],
    test: [WEB, "304 to a repeat"],
  },
  {
    name: "feed: the log shows a feed token's first characters only",
    file: "src/web/feed.ts",
    edits: [[
      "const fields = { token: tokenPrefix(token), user: served.user.tg_id };",
      "const fields = { token, user: served.user.tg_id };",
    ]],
    test: [WEB, "no log line holds a feed token"],
  },
  {
    name: "feed: 503 until getMe has told the bot's username",
    file: "src/web/feed.ts",
    edits: [["if (bot === undefined) {", "if (bot === null) {"]],
    test: [WEB, "503"],
  },
  {
    name: "feed: feeds go through the rate limit",
    file: "src/web/routes.ts",
    edits: [[
      "const wait = limiter.take(client);",
      'const wait = request.url.includes("/cal/") ? 0 : limiter.take(client);',
    ]],
    test: [WEB, "rate-limited"],
  },
  {
    name: "feed: retention keeps feed addresses",
    file: "src/usecases/retention.ts",
    edits: [[
      "store.tokens.prune(before, [FEED])",
      "store.tokens.prune(before)",
    ]],
    test: [WEB, "outlives the retention"],
  },
  {
    name: "feed: no new one-off file while the app reads the feed",
    file: "src/messages/calendar.ts",
    edits: [[
      'if (owed.reason === "new" && feedInUse) return null;',
      "",
    ]],
    test: ["tests/feed_files_test.ts", "a yes brings no calendar file"],
  },
  {
    name: "feed: an entry held from a file is still kept true by files",
    file: "src/messages/calendar.ts",
    edits: [[
      'if (owed.reason === "new" && feedInUse) return null;',
      "if (feedInUse) return null;",
    ]],
    test: ["tests/feed_files_test.ts", "an entry held from a file"],
  },
  {
    name: "feed: files come again once the app stopped reading the feed",
    file: "src/usecases/feed.ts",
    edits: [[
      "export const FEED_IN_USE_DAYS = 8;",
      "export const FEED_IN_USE_DAYS = 80;",
    ]],
    test: ["tests/feed_files_test.ts", "files come again"],
  },
  {
    name: "feed: the menu offers /calendar only with public_url",
    file: "src/bot/menus.ts",
    edits: [["!c.publicUrl || config.http?.public !== undefined", "true"]],
    test: ["tests/feed_command_test.ts", "command menu"],
  },
  {
    name: "feed: /help names /calendar only with public_url",
    file: "src/bot/features/info.ts",
    edits: [[
      'calendar_line: deps.feeds.enabled ? config.texts.help_calendar_line : "",',
      "calendar_line: config.texts.help_calendar_line,",
    ]],
    test: ["tests/feed_command_test.ts", "/help names /calendar"],
  },
  {
    name: "feed: run serves feeds on the public listener",
    file: "src/commands/run.ts",
    edits: [[
      ": { key: linkKey, botUsername: () => bot.username },",
      ": undefined,",
    ]],
    test: ["tests/feed_process_test.ts", "run serves"],
  },
];
