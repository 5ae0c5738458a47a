/**
 * What people see of calendars, `/start` and the Bot API root: one calendar file per
 * change of what a person's calendar should hold, a "no" that removes the entry, UIDs
 * of this deployment's own, one coherent welcome for a returning user, and a trailing
 * slash in `TELEGRAM_API_ROOT` taken off.
 *
 * @module
 */
import type { Breakage } from "./types.ts";

/** Breakages of this area. */
export const BREAKAGES: Breakage[] = [
  {
    name: "a person's answers owe one calendar row, renewed, not one per press",
    file: "src/usecases/calendar_files.ts",
    edits: [[
      "const key = keys.calendar(meetingId, user.id);",
      "const key = `${keys.calendar(meetingId, user.id)}/${Math.random()}`;",
    ]],
    test: ["tests/calendar_presses_test.ts", "seven presses"],
  },
  {
    name:
      "a calendar file goes only when what the calendar should hold changes",
    file: "src/domain/calendar_entry.ts",
    edits: [[
      "if (!holds || sent.meetingSequence === meeting.sequence) return null;",
      "if (!holds) return null;",
    ]],
    test: ["tests/calendar_presses_test.ts", "seven presses"],
  },
  {
    name:
      "a delivered calendar file is recorded as what the person's calendar holds",
    file: "src/messages/render.ts",
    edits: [[
      "record: (entry, at) => store.calendars.sent(entry, at),",
      "record: () => {},",
    ]],
    test: ["tests/calendar_presses_test.ts", "seven presses"],
  },
  {
    name:
      "a calendar file after a changed answer waits the pause after the last",
    file: "src/usecases/calendar_files.ts",
    edits: [[
      "const after = store.outbox.inFlight(key) ? now : last;",
      "const after = undefined;",
    ]],
    test: ["tests/calendar_presses_test.ts", "yes, then no"],
  },
  {
    name: "a no after a yes removes the entry from that person's calendar",
    file: "src/domain/calendar_entry.ts",
    edits: [[
      "const holds = attending && !meeting.cancelled;",
      "const holds = !meeting.cancelled;",
    ]],
    test: ["tests/calendar_presses_test.ts", "yes, then no"],
  },
  {
    name: "each later calendar file has a SEQUENCE above the person's last one",
    file: "src/domain/calendar_entry.ts",
    edits: [[
      "Math.max(sent.sequence + 1, meeting.sequence)",
      "Math.max(sent.sequence, meeting.sequence)",
    ]],
    test: ["tests/calendar_presses_test.ts", "yes, then no"],
  },
  {
    name: "the file that removes a declined meeting says so in its caption",
    file: "src/messages/calendar.ts",
    edits: [[
      'declined: "calendar_declined_caption",',
      'declined: "calendar_cancelled_caption",',
    ]],
    test: ["tests/calendar_presses_test.ts", "yes, then no"],
  },
  {
    name: "every calendar caption names the time zone",
    file: "src/config/texts_participant.ts",
    edits: [[
      'calendar_cancelled_caption: "Встреча «{title}» {date_on}, в {time} ({tz}), " +',
      'calendar_cancelled_caption: "Встреча «{title}» {date_on}, в {time}, " +',
    ]],
    test: ["tests/texts_participant_test.ts", "native speaker"],
  },
  {
    name: "run names the bot in its calendar files' UIDs",
    file: "src/app/compose.ts",
    edits: [[
      "botUsername: parts.botUsername ?? parts.botInfo?.username,",
      "botUsername: parts.botUsername,",
    ]],
    test: ["tests/calendar_presses_test.ts", "UID names the bot"],
  },
  {
    name: "send names the bot in its calendar files' UIDs",
    file: "src/commands/send.ts",
    edits: [["botUsername: me?.username,", "botUsername: undefined,"]],
    test: ["tests/calendar_uid_test.ts", "send names its bot"],
  },
  {
    name: "a calendar entry keeps the UID it was first sent under",
    file: "src/messages/calendar.ts",
    edits: [[
      "const domain = sent?.uidDomain ?? deps.domain;",
      "const domain = deps.domain;",
    ]],
    test: ["tests/calendar_uid_test.ts", "files sent before"],
  },
  {
    name: "calendar files sent before the upgrade are taken as sent",
    file: "src/db/migrations.ts",
    edits: [[
      "WHERE o.kind = 'calendar' AND o.status IN ('sent', 'unknown')",
      "WHERE o.kind = 'calendar' AND o.status IN ('none')",
    ]],
    test: ["tests/calendar_uid_test.ts", "files sent before"],
  },
  {
    name: "a returning user's /start is one welcome, not the sign-up question",
    file: "src/bot/features/start.ts",
    edits: [['if (kind !== "ask") return;', "if (false) return;"]],
    test: ["tests/start_test.ts", "comes back"],
  },
  {
    name: "a returning user's welcome goes ahead of the invitation it brings",
    file: "src/usecases/users.ts",
    edits: [[
      "lane: LANE.reply,\n          payload: { text: welcome.text(kind, reclaimed, user) },",
      "lane: LANE.notice,\n          payload: { text: welcome.text(kind, reclaimed, user) },",
    ]],
    test: ["tests/start_test.ts", "comes back"],
  },
  {
    name: "someone subscribed who sends /start is told so, not welcomed back",
    file: "src/usecases/users.ts",
    edits: [[
      '      ? "subscribed"\n',
      '      ? "back"\n',
    ]],
    test: ["tests/start_test.ts", "subscribed"],
  },
  {
    name: "a trailing slash in TELEGRAM_API_ROOT is taken off",
    file: "src/commands/places.ts",
    edits: [[
      '.replace(TRAILING_SLASHES, "")',
      '.replace(TRAILING_SLASHES, "/")',
    ]],
    test: ["tests/api_root_test.ts", "trailing slash"],
  },
  {
    name: "a TELEGRAM_API_ROOT with a query is refused in one line, exit 2",
    file: "src/commands/places.ts",
    edits: [['if (url.search !== "" || url.hash !== "") {', "if (false) {"]],
    test: ["tests/api_root_test.ts", "cannot be a root"],
  },
  {
    name:
      "what a person's calendar holds survives kill -9 (recorded with the settlement)",
    file: "src/delivery/sender.ts",
    edits: [["      also?.();\n", ""]],
    test: ["tests/kill_calendar_test.ts", "kill -9 during /link"],
  },
  {
    name: "retention prunes what calendars were sent for meetings long over",
    file: "src/usecases/retention.ts",
    edits: [[
      "    calendars: store.calendars.prune(before),\n",
      "    calendars: 0,\n",
    ]],
    test: ["tests/retention_test.ts", "pruneOld deletes"],
  },
  {
    name: "retention keeps what calendars were sent for a meeting still ahead",
    file: "src/db/calendars.ts",
    edits: [[
      "WHERE sent_at < ? AND meeting_id IN\n           (SELECT id FROM meetings WHERE starts_at < ?)`,\n      ).run(at, at)",
      "WHERE sent_at < ?`,\n      ).run(at)",
    ]],
    test: ["tests/retention_test.ts", "pruneOld deletes"],
  },
];
