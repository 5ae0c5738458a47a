/**
 * After the "yes": personal join links and the public listener, who came, the question
 * after the meeting, the host's report and the history.
 *
 * @module
 */
import type { Breakage } from "./types.ts";

const WEEK: [string, string] = [
  "tests/attendance_week_test.ts",
  "a week with personal links",
];

/** Breakages of this area. */
export const BREAKAGES: Breakage[] = [
  {
    name: "a personal link leads to the meeting's link as it is at the click",
    file: "src/usecases/joins.ts",
    edits: [[
      "  const link = meeting.link;",
      "  const link = config.meeting.link;",
    ]],
    test: WEEK,
  },
  {
    name: "only the first click in the window counts as the join",
    file: "src/db/attendance.ts",
    edits: [[
      "ON CONFLICT (meeting_id, user_id) DO NOTHING`,\n    ).run(meetingId, userId, now.toISOString())",
      "ON CONFLICT (meeting_id, user_id) DO UPDATE SET joined_at = excluded.joined_at`,\n    ).run(meetingId, userId, now.toISOString())",
    ]],
    test: WEEK,
  },
  {
    name: "a click before the window counts nothing",
    file: "src/usecases/joins.ts",
    edits: [[
      "if (now.getTime() < meeting.startsAt.getTime() - JOIN_WINDOW_MS) {",
      "if (false) {",
    ]],
    test: WEEK,
  },
  {
    name: "a finished meeting's link shows a page, not the link",
    file: "src/usecases/joins.ts",
    edits: [["if (now >= meetingEnd(config, meeting)) {", "if (false) {"]],
    test: WEEK,
  },
  {
    name: "a cancelled meeting's link shows a page, never the old link",
    file: "src/usecases/joins.ts",
    edits: [[
      'if (meeting.cancelled) return { kind: "cancelled", user, meeting };',
      "",
    ]],
    test: ["tests/web_test.ts", "a cancelled meeting's link"],
  },
  {
    name: "the public listener answers nothing but its routes (no /metrics)",
    file: "src/web/routes.ts",
    edits: [[
      "    return notFound(config);\n  }\n  return async",
      '    return new Response("ok");\n  }\n  return async',
    ]],
    test: WEEK,
  },
  {
    name: "a token of another purpose opens nothing",
    file: "src/usecases/tokens.ts",
    edits: [[
      "if (record === undefined || record.purpose !== purpose) return undefined;",
      "if (record === undefined) return undefined;",
    ]],
    test: ["tests/web_test.ts", "keeps a link's SHA-256 only"],
  },
  {
    name: "a revoked token opens nothing",
    file: "src/usecases/tokens.ts",
    edits: [["if (record.revoked_at !== null) return undefined;", ""]],
    test: ["tests/web_test.ts", "keeps a link's SHA-256 only"],
  },
  {
    name: "the database keeps a token's SHA-256, never the token",
    file: "src/usecases/tokens.ts",
    edits: [[
      "    hash: hashToken(token),\n    purpose: subject.purpose,\n    userId: subject.userId,\n    ref: subject.ref,\n  }, now);\n  return token;",
      "    hash: new TextEncoder().encode(token),\n    purpose: subject.purpose,\n    userId: subject.userId,\n    ref: subject.ref,\n  }, now);\n  return token;",
    ]],
    test: ["tests/web_test.ts", "keeps a link's SHA-256 only"],
  },
  {
    name: "hashes are compared in full",
    file: "src/domain/tokens.ts",
    edits: [[
      "return a.length === b.length && timingSafeEqual(a, b);",
      "return a.length === b.length;",
    ]],
    test: ["tests/web_test.ts", "a token is 192 bits"],
  },
  {
    name: "one link per person and meeting, the same in every message",
    file: "src/usecases/tokens.ts",
    edits: [[
      "const token = deriveToken(key, { ...subject, generation });",
      "const token = randomToken();",
    ]],
    test: WEEK,
  },
  {
    name: "the link key file is private",
    file: "src/db/link_key.ts",
    edits: [["      mode: 0o600,", "      mode: 0o644,"]],
    test: ["tests/web_test.ts", "the link key lives beside the database"],
  },
  {
    name: "a HEAD never counts as a join",
    file: "src/web/join.ts",
    edits: [['  if (request.method !== "GET") return false;', ""]],
    test: ["tests/web_test.ts", "a HEAD and a link preview"],
  },
  {
    name: "a link preview's fetch never counts as a join",
    file: "src/web/join.ts",
    edits: [[
      "  return !PREVIEW_AGENTS.test(agent);",
      "  return agent !== null;",
    ]],
    test: ["tests/web_test.ts", "a HEAD and a link preview"],
  },
  {
    name:
      "a reminder with a personal link has no preview (Telegram would fetch it)",
    file: "src/messages/meeting_messages.ts",
    edits: [["preview: reminds && !at.links.personal,", "preview: reminds,"]],
    test: WEEK,
  },
  {
    name: "a notice's own values never replace the person's link",
    file: "src/messages/meeting_messages.ts",
    edits: [["      link: shown.link,\n", ""]],
    test: ["tests/web_test.ts", "every notice of a change"],
  },
  {
    name: "the calendar file's URL is the person's own link",
    file: "src/messages/render.ts",
    edits: [[
      ": await personalized(at, { user, meeting: week, always: true });",
      ": week;",
    ]],
    test: WEEK,
  },
  {
    name: "the rate limit stops an address after its burst",
    file: "src/web/limit.ts",
    edits: [["    if (bucket.tokens >= 1) {", "    if (true) {"]],
    test: ["tests/web_test.ts", "the rate limit"],
  },
  {
    name: "the rate limit keeps a bounded number of addresses",
    file: "src/web/limit.ts",
    edits: [["while (this.#buckets.size > this.#max) {", "while (false) {"]],
    test: ["tests/web_test.ts", "the rate limit"],
  },
  {
    name:
      "the client's address comes from a header only when configured, its last entry",
    file: "src/web/client.ts",
    edits: [
      ["  if (header !== null) {", "  {"],
      [
        "const value = request.headers.get(header);",
        'const value = request.headers.get(header ?? "x-forwarded-for");',
      ],
    ],
    test: ["tests/web_test.ts", "the client's address"],
  },
  {
    name: "a log shows at most a token's first characters",
    file: "src/web/routes.ts",
    edits: [["part.length > 12 ? tokenPrefix(part) : part", "part"]],
    test: ["tests/web_test.ts", "no log line holds a whole token"],
  },
  {
    name: "every answer carries the strict Content-Security-Policy",
    file: "src/web/pages.ts",
    edits: [[
      '  "content-security-policy": CONTENT_SECURITY_POLICY,\n',
      "",
    ]],
    test: ["tests/web_test.ts", "every answer carries a strict CSP"],
  },
  {
    name: "pages escape every value",
    file: "src/web/html.ts",
    edits: [["  return escapeHtml(String(value));", "  return String(value);"]],
    test: ["tests/web_test.ts", "pages escape every value"],
  },
  {
    name: "the question goes only to who came, where that is known",
    file: "src/usecases/feedback.ts",
    edits: [[
      "const audience = store.attendance.tracked(meeting.id)",
      "const audience = false",
    ]],
    test: WEEK,
  },
  {
    name:
      "without personal links the question goes to who said yes and kept it",
    file: "src/usecases/feedback.ts",
    edits: [[
      ': { to: "attendees" as const, meetingId: meeting.id };',
      ': { to: "registered" as const };',
    ]],
    test: ["tests/feedback_test.ts", "without personal links"],
  },
  {
    name: "the question is planned after the meeting's end",
    file: "src/domain/meeting.ts",
    edits: [[
      "(config.meeting.duration_minutes + config.feedback.delay_minutes) *",
      "(config.feedback.delay_minutes) *",
    ]],
    test: ["tests/feedback_test.ts", "without personal links"],
  },
  {
    name: "the runner wakes for the question and the report",
    file: "src/jobs/runner.ts",
    edits: [[
      "const after = nextAfterDue(deps.store, view);",
      "const after = undefined as Date | undefined;",
    ]],
    test: ["tests/move_across_weeks_test.ts", "nextDue() names"],
  },
  {
    name: "the question is never sent twice after an unknown outcome (kill -9)",
    file: "src/core/owed.ts",
    edits: [['  feedback: "leave",', '  feedback: "resend",']],
    test: ["tests/attendance_process_test.ts", "kill -9 in the middle"],
  },
  {
    name:
      "a rating pressed on another message (another meeting's) records nothing",
    file: "src/usecases/feedback.ts",
    edits: [[
      "if (asked.message_id !== null && asked.message_id !== request.messageId) {",
      "if (false) {",
    ]],
    test: ["tests/feedback_test.ts", "forged, replayed, foreign"],
  },
  {
    name: "a rating from someone never asked records nothing",
    file: "src/usecases/feedback.ts",
    edits: [[
      '  if (asked === undefined || !ASKED.has(asked.status)) {\n    return { kind: "not_invited" };\n  }',
      '  if (asked === undefined) {\n    store.attendance.rate({ meetingId: meeting.id, userId: user.id, rating: request.rating }, now);\n    return { kind: "not_invited" };\n  }',
    ]],
    test: ["tests/feedback_test.ts", "forged, replayed, foreign"],
  },
  {
    name: "ratings close with the feedback",
    file: "src/usecases/feedback.ts",
    edits: [[
      '  if (now >= feedbackCloses(config, meeting)) {\n    return { kind: "closed", meeting };',
      '  if (false) {\n    return { kind: "closed", meeting };',
    ]],
    test: ["tests/feedback_test.ts", "forged, replayed, foreign"],
  },
  {
    name:
      "one comment per person and meeting: the rest of a flood are ordinary messages",
    file: "src/db/attendance.ts",
    edits: [[
      "`SELECT meeting_id FROM feedback WHERE user_id = ? AND comment IS NULL",
      "`SELECT meeting_id FROM feedback WHERE user_id = ?",
    ]],
    test: ["tests/feedback_test.ts", "a comment flood"],
  },
  {
    name: "a comment too long is refused and nothing kept",
    file: "src/usecases/feedback.ts",
    edits: [["COMMENT_MAX_LENGTH = 1_000;", "COMMENT_MAX_LENGTH = 1_000_000;"]],
    test: ["tests/feedback_test.ts", "a comment flood"],
  },
  {
    name: "the report counts who came without saying yes",
    file: "src/db/history.ts",
    edits: [[
      "(SELECT count(*) FROM attendance j WHERE j.meeting_id = m.id AND NOT ${",
      "(SELECT count(*) FROM attendance j WHERE j.meeting_id = m.id AND ${",
    ]],
    test: WEEK,
  },
  {
    name: "the report says who came is unknown without personal links, never 0",
    file: "src/usecases/meeting_report.ts",
    edits: [["  if (!summary.tracked) {", "  if (false) {"]],
    test: ["tests/feedback_test.ts", "without personal links"],
  },
  {
    name:
      "the history says who came is unknown without personal links, never 0",
    file: "src/history.ts",
    edits: [[
      "  return summary.tracked\n    ? String(summary.joined)",
      "  return true\n    ? String(summary.joined)",
    ]],
    test: ["tests/history_test.ts", "/history lists the past meetings"],
  },
  {
    name: "/who counts the last meetings each person came to",
    file: "src/history.ts",
    edits: [["        came: byUser.get(user.id) ?? 0,", "        came: 0,"]],
    test: ["tests/history_test.ts", "/who counts"],
  },
  {
    name: "the export says joined unknown where links were not personal",
    file: "src/reports.ts",
    edits: [['  if (!row.tracked) return "unknown";', ""]],
    test: ["tests/history_test.ts", "/export sends the attendance"],
  },
  {
    name: "the comments export holds only what the participant wrote",
    file: "src/history.ts",
    edits: [["      c.comment,\n", "      `${c.comment} (${c.rating})`,\n"]],
    test: ["tests/history_test.ts", "/export sends the attendance"],
  },
];
