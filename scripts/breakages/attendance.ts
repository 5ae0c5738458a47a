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
      "? await personalized(at, { user, meeting: week, always: true })",
      "? week",
    ]],
    test: WEEK,
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
      ': { to: "attendees" as const, meetingId: meeting.id, wants };',
      ': { to: "registered" as const, wants };',
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
    edits: [["          nextAfterDue(deps.store, view),\n", ""]],
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
