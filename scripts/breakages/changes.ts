/**
 * An admin's changes to the weeks, and what admins and participants type: each meeting
 * planned on its own, confirmations that expire and check again, bounded input, and
 * latecomers invited once.
 *
 * @module
 */
import type { Breakage } from "./types.ts";

/** Breakages of this area. */
export const BREAKAGES: Breakage[] = [
  {
    name: "pressing No under /skip, /move or /link applies nothing",
    file: "src/usecases/proposals.ts",
    edits: [['    if (!confirmed) return { kind: "aborted" };\n', ""]],
    test: ["tests/admin_confirm_test.ts", "pressing No"],
  },
  {
    name: "only admins confirm a draft (act:<id>:yes forged by a participant)",
    file: "src/bot/features/admin/index.ts",
    edits: [[
      "confirmations(admins, deps);",
      "confirmations(feature, deps);",
    ]],
    test: ["tests/admin_confirm_test.ts", "non-admin forging"],
  },
  {
    name: "someone who had Monday's invitation is not invited again by /start",
    file: "src/usecases/users.ts",
    edits: [[
      "key: `${batch}/u${user.id}`,",
      "key: `${batch}/late/u${user.id}`,",
    ]],
    test: ["tests/latecomers_test.ts", "already got Monday's invitation"],
  },
  {
    name:
      "someone who had the restore notice is not invited on top of it by /start",
    file: "src/usecases/users.ts",
    edits: [[
      "hadRestoreNotice(store, { meetingId: week.id, userId: user.id })",
      "false",
    ]],
    test: ["tests/latecomers_test.ts", "takes place after all"],
  },
  {
    name: "/unskip sends the calendar entry back",
    file: "src/usecases/meetings.ts",
    edits: [[
      '"the restore notice was the invitation",\n      now,\n    });\n    updateCalendars(store, week.id, now);',
      '"the restore notice was the invitation",\n      now,\n    });',
    ]],
    test: ["tests/admin_confirm_test.ts", "calendar entry back"],
  },
  {
    name: "the same link again tells nobody",
    file: "src/usecases/meetings.ts",
    edits: [[
      "if (link === week.link) return { changed: false, notified: 0 };",
      "",
    ]],
    test: ["tests/admin_confirm_test.ts", "changeLink() to the link"],
  },
  {
    name: "/link with the link the meeting has is refused",
    file: "src/usecases/proposals.ts",
    edits: [[
      'if (link === week.link) return { reason: "same_link", week };',
      "",
    ]],
    test: ["tests/admin_confirm_test.ts", "already has is refused"],
  },
  {
    name: "a second cancellation of one week tells nobody",
    file: "src/usecases/meetings.ts",
    edits: [[
      'if (!store.meetings.setStatus({ id: week.id, status: "cancelled" }, now)) {',
      'if (!store.meetings.setStatus({ id: week.id, status: "cancelled" }, now) && false) {',
    ]],
    test: ["tests/admin_confirm_test.ts", "cancelMeeting() of a meeting"],
  },
  {
    name: "every meeting ahead is planned, not only the nearest",
    file: "src/usecases/job_plans.ts",
    edits: [[
      "return weeksAhead(store, { config: schedule, now })",
      "return weeksAhead(store, { config: schedule, now }).slice(0, 1)",
    ]],
    test: ["tests/move_across_weeks_test.ts", "the day before next week's"],
  },
  {
    name:
      "a meeting moved past next week's is still planned once that one started",
    file: "src/domain/meeting.ts",
    edits: [[
      "for (let i = 0, at = next.startsAt; i < WEEKS_AHEAD; i++) {\n    at = previousOccurrence(",
      "for (let i = 0, at = next.startsAt; i < 1; i++) {\n    at = previousOccurrence(",
    ]],
    test: ["tests/move_across_weeks_test.ts", "past next week's is not lost"],
  },
  {
    name: "a meeting moved earlier brings its invitation earlier",
    file: "src/domain/meeting.ts",
    edits: [["return shift < 0 ? moved : at;", "return at;"]],
    test: ["tests/move_across_weeks_test.ts", "a week earlier than planned"],
  },
  {
    name: "a move onto another meeting is refused",
    file: "src/usecases/proposals.ts",
    edits: [[
      'return other === undefined ? undefined : { reason: "collides", other };',
      "return undefined;",
    ]],
    test: ["tests/move_across_weeks_test.ts", "onto next week's meeting"],
  },
  {
    name: "a move beyond the weeks /skip offers is refused",
    file: "src/usecases/proposals.ts",
    edits: [['if (to >= limit) return { reason: "too_far", limit };', ""]],
    test: ["tests/week_input_test.ts", "half a year ahead"],
  },
  {
    name: "a draft expires after an hour",
    file: "src/usecases/proposals.ts",
    edits: [[
      'if (!(age <= DRAFT_LIFETIME_MINUTES * 60_000)) return { reason: "expired" };',
      "",
    ]],
    test: ["tests/admin_confirm_test.ts", "older than an hour"],
  },
  {
    name: "a draft about a week changed since the question is refused",
    file: "src/usecases/proposals.ts",
    edits: [["if (week.sequence !== action.sequence) {", "if (false) {"]],
    test: ["tests/admin_confirm_test.ts", "after another admin moved"],
  },
  {
    name: "a skip confirmed after the meeting started is refused as started",
    file: "src/usecases/proposals.ts",
    edits: [[
      'export function checkSkip(\n  store: Store,\n  { config, week, now }: { config: WeekConfig; week: Week; now: Date },\n): Refusal | undefined {\n  if (week.startsAt <= now) return { reason: "started", week };',
      "export function checkSkip(\n  store: Store,\n  { config, week, now }: { config: WeekConfig; week: Week; now: Date },\n): Refusal | undefined {",
    ]],
    test: ["tests/admin_confirm_test.ts", "after the meeting started"],
  },
  {
    name: "a topic has at most 200 characters",
    file: "src/domain/week_input.ts",
    edits: [["length > MAX_TOPIC_LENGTH", "length > Infinity"]],
    test: ["tests/week_input_test.ts", "/topic longer than 200"],
  },
  {
    name: "a link without text around it, whitespace or invisible characters",
    file: "src/domain/week_input.ts",
    edits: [['if (INVISIBLE.test(text)) return { problem: "spaces" };', ""]],
    test: ["tests/week_input_test.ts", "checkLink()"],
  },
  {
    name: "a link without user:pass@",
    file: "src/domain/week_input.ts",
    edits: [[
      'if (url.username !== "" || url.password !== "") {',
      "if (false) {",
    ]],
    test: ["tests/week_input_test.ts", "/link answers what is wrong"],
  },
  {
    name: "a link to a public host only",
    file: "src/domain/week_input.ts",
    edits: [[
      "return isPublicHost(url.hostname)",
      "return true || isPublicHost(url.hostname)",
    ]],
    test: ["tests/week_input_test.ts", "/link answers what is wrong"],
  },
  {
    name: "/skip only of a week it offers (a forged button)",
    file: "src/usecases/proposals.ts",
    edits: [[
      "export function checkSkip(\n" +
      "  store: Store,\n" +
      "  { config, week, now }: { config: WeekConfig; week: Week; now: Date },\n" +
      "): Refusal | undefined {\n" +
      '  if (week.startsAt <= now) return { reason: "started", week };\n' +
      "  const offered = offeredWeeks(store, { config, now });\n" +
      "  if (!offered.some((w) => w.id === week.id)) {",
      "export function checkSkip(\n" +
      "  store: Store,\n" +
      "  { config, week, now }: { config: WeekConfig; week: Week; now: Date },\n" +
      "): Refusal | undefined {\n" +
      '  if (week.startsAt <= now) return { reason: "started", week };\n' +
      "  const offered = offeredWeeks(store, { config, now });\n" +
      "  if (false) {",
    ]],
    test: ["tests/week_input_test.ts", "forged /skip button"],
  },
  {
    name: "/skip with a past date says it has passed",
    file: "src/bot/features/admin/skip.ts",
    edits: [[
      "if (day < isoLocalDate(now(), config.timezone)) {",
      "if (false) {",
    ]],
    test: ["tests/week_input_test.ts", "date it cannot take"],
  },
  {
    name: "check shows a moved meeting where it is",
    file: "src/commands/check.ts",
    edits: [[
      "const start = week.startsAt;",
      "const start = week.scheduledAt;",
    ]],
    test: ["tests/week_input_test.ts", "check shows each meeting"],
  },
  {
    name: "check gives a moved meeting's reminders their real next run",
    file: "src/commands/check.ts",
    edits: [[
      "const next = nextDue(store, { schedule: config, now, job: job.job }) ??",
      "const next = undefined ??",
    ]],
    test: ["tests/week_input_test.ts", "check shows each meeting"],
  },
  {
    name:
      "a latecomer is invited to every meeting ahead whose invitation went out",
    file: "src/usecases/users.ts",
    edits: [[
      "for (const week of weeksAhead(store, { config: schedule, now })) {",
      "for (const week of weeksAhead(store, { config: schedule, now }).slice(0, 1)) {",
    ]],
    test: ["tests/latecomers_test.ts", "gets the invitation of each"],
  },
];
