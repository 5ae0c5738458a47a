/**
 * What people see: `/who` in three groups and its reminder button, the nudge of the
 * shipped schedule, buttons after `/stop`, reports that count one way, and a config
 * without admins that promises nothing it cannot keep.
 *
 * @module
 */
import type { Breakage } from "./types.ts";

/** Breakages of this area. */
export const BREAKAGES: Breakage[] = [
  {
    name: "/who lists those who said no under «Не смогут»",
    file: "src/reports.ts",
    edits: [["no_names: names(no),", "no_names: names(none),"]],
    test: ["tests/who_test.ts", "asks with the count"],
  },
  {
    name: "/who's reminder button sits under the last part of a long list only",
    file: "src/bot/features/admin/reply.ts",
    edits: [[
      "reply_markup: last ? options.keyboard : undefined,",
      "reply_markup: options.keyboard,",
    ]],
    test: ["tests/who_test.ts", "hundreds of names"],
  },
  {
    name: "the reminder button asks with the count before it sends",
    file: "src/bot/features/admin/who.ts",
    edits: [["`nudge:${meeting.id}`,", "`nudge:${meeting.id}:yes`,"]],
    test: ["tests/who_test.ts", "asks with the count"],
  },
  {
    name: "«Не надо» under the reminder question sends nothing",
    file: "src/bot/features/admin/who.ts",
    edits: [[
      'if (meeting === undefined || ctx.match[2] !== "yes") {',
      "if (meeting === undefined) {",
    ]],
    test: ["tests/who_test.ts", "sends nothing"],
  },
  {
    name: "the button and Tuesday's nudge share one key: nobody gets both",
    file: "src/usecases/nudge.ts",
    edits: [["kind: OWED.nudge,", 'kind: OWED.nudge, round: "now",']],
    test: ["tests/who_test.ts", "asks with the count"],
  },
  {
    name:
      "the reminder counts and offers only those not yet reminded this week",
    file: "src/usecases/nudge.ts",
    edits: [["notIn: batchOf(OWED.nudge, meetingId),", ""]],
    test: ["tests/who_test.ts", "finds nobody left to remind"],
  },
  {
    name: "no reminder for a meeting that began or was cancelled",
    file: "src/usecases/nudge.ts",
    edits: [[
      'if (!nudgeOpen(meeting, now)) return { kind: "closed" };',
      "",
    ]],
    test: ["tests/who_test.ts", "began or was cancelled"],
  },
  {
    name: "the nudge goes only to those the invitation already reached",
    file: "src/db/audiences.ts",
    edits: [["AND o.status IN ('sent', 'unknown'))`", "AND 1)`"]],
    test: ["tests/catchup_test.ts", "sends the missed invitation"],
  },
  {
    name: "the shipped config has the nudge on Tuesday 18:00",
    file: "config.yaml",
    edits: [['  nudge: { weekday: tuesday, time: "18:00" }\n', ""]],
    test: ["tests/config_test.ts", "reads the shipped config.yaml"],
  },
  {
    name: "an answer pressed after /stop records nothing",
    file: "src/usecases/answers.ts",
    edits: [[
      'if (!user.is_active) return { kind: "unsubscribed", user, meeting };',
      "",
    ]],
    test: ["tests/counted_test.ts", "pressed after /stop"],
  },
  {
    name: "every report and the export count an answer only while subscribed",
    file: "src/db/counted.ts",
    edits: [[
      '"(u.is_active = 1 OR coalesce(m.moved_to, m.starts_at) <= u.stopped_at)"',
      '"(1 = 1)"',
    ]],
    test: ["tests/counted_test.ts", "count an answer only while"],
  },
  {
    name:
      "a /stop keeps when the person left (their earlier weeks still count)",
    file: "src/db/users.ts",
    edits: [[
      "stopped_at = CASE WHEN is_active = 1 THEN ?",
      "stopped_at = CASE WHEN is_active = 2 THEN ?",
    ]],
    test: ["tests/counted_test.ts", "count an answer only while"],
  },
  {
    name: "the migration dates the leaving of those who left before it",
    file: "src/db/migrations_first.ts",
    edits: [["    WHERE is_active = 0;`,", "    WHERE is_active = 2;`,"]],
    test: ["tests/counted_test.ts", "the migration takes"],
  },
  {
    name: "/help promises the relay only while it reaches an admin",
    file: "src/bot/features/info.ts",
    edits: [[
      'relay_line: relayed ? config.texts.help_relay_line : "",',
      "relay_line: config.texts.help_relay_line,",
    ]],
    test: ["tests/admins_test.ts", "/help promises"],
  },
  {
    name: "check warns when admins is empty and forwarding is on",
    file: "src/commands/check.ts",
    edits: [["deps.print(`warning: ${warning.message}`);", ""]],
    test: ["tests/admins_test.ts", "check warns"],
  },
  {
    name: "check warns about admins only when they are missing",
    file: "src/config/warnings.ts",
    edits: [[
      "if (config.forwarding.enabled && config.admins.length === 0) {",
      "if (config.forwarding.enabled) {",
    ]],
    test: ["tests/admins_test.ts", "check warns"],
  },
  {
    name: "run logs the empty admins at start",
    file: "src/app/lifecycle.ts",
    edits: [['log.warn("config.warning", { ...warning });', ""]],
    test: ["tests/admins_test.ts", "run logs the same warning"],
  },
];
