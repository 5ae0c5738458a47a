/**
 * What people see after a week changes: every message already sent that shows the week
 * edited (through the outbox, one edit per message, also for one in flight, again after
 * no answer), everyone invited told of a move, `/unskip` confirmed and showing the
 * answer kept, every message with the week's buttons showing the answer, the buttons
 * gone at the meeting's end, and the admin's reason in the notices.
 *
 * @module
 */
import type { Breakage } from "./types.ts";

/** Breakages of this area. */
export const BREAKAGES: Breakage[] = [
  {
    name: "edits: a move edits the invitations already sent",
    file: "src/usecases/meetings.ts",
    edits: [[
      "payload: { from: week.startsAt.toISOString(), reason },\n      },\n    );\n    editMessages(store, week.id, now);",
      "payload: { from: week.startsAt.toISOString(), reason },\n      },\n    );",
    ]],
    test: ["tests/week_edits_test.ts", "reads the move in her invitation"],
  },
  {
    name: "edits: those invited who have not answered are told of a move",
    file: "src/usecases/meetings.ts",
    edits: [[
      'return { to: "invited", meetingId, wants: invitable };',
      'return { to: "answered", meetingId, wants: invitable };',
    ]],
    test: ["tests/week_changes_test.ts", "/move moves the meeting"],
  },
  {
    name: "edits: a move tells nobody who was not invited yet",
    file: "src/db/audiences.ts",
    edits: [["OR (u.id IN (", "OR 1 OR (u.id IN ("]],
    test: ["tests/week_edits_test.ts", "before the invitation went out"],
  },
  {
    name: "edits: a new link edits the reminders already sent",
    file: "src/usecases/meetings.ts",
    edits: [[
      "kind: OWED.link_changed,\n        ref: week.id,\n        round: round(store, week.id),\n        lane: LANE.notice,\n        now,\n      },\n    );\n    editMessages(store, week.id, now);",
      "kind: OWED.link_changed,\n        ref: week.id,\n        round: round(store, week.id),\n        lane: LANE.notice,\n        now,\n      },\n    );",
    ]],
    test: ["tests/week_edits_test.ts", "a new link edits the reminder"],
  },
  {
    name: "edits: a cancellation edits the reminders and the invitations",
    file: "src/usecases/meetings.ts",
    edits: [[
      "payload: reason === undefined ? undefined : { reason },\n      },\n    );\n    editMessages(store, week.id, now);",
      "payload: reason === undefined ? undefined : { reason },\n      },\n    );",
    ]],
    test: ["tests/week_edits_test.ts", "a cancellation then says so"],
  },
  {
    name: "edits: a restore shows the invitations edited to «cancelled» again",
    file: "src/usecases/meetings.ts",
    edits: [[
      "    updateCalendars(store, week.id, now);\n    editMessages(store, week.id, now);\n",
      "    updateCalendars(store, week.id, now);\n",
    ]],
    test: ["tests/week_notices_test.ts", "/unskip asks first"],
  },
  {
    name: "edits: /topic edits the messages already sent",
    file: "src/usecases/meetings.ts",
    edits: [["    return editMessages(store, week.id, now);", "    return 0;"]],
    test: ["tests/week_changes_test.ts", "/topic shows"],
  },
  {
    name: "edits: /topic says how many sent messages it edits",
    file: "src/bot/features/admin/schedule.ts",
    edits: [[
      '(edited > 0 ? "admin_topic_set_sent" : "admin_topic_set")',
      '"admin_topic_set"',
    ]],
    test: ["tests/week_changes_test.ts", "/topic shows"],
  },
  {
    name: "edits: a second change renews a message's edit that was made",
    file: "src/db/week_edits.ts",
    edits: [[
      "status = CASE WHEN status = 'sending' THEN 'sending' ELSE 'pending' END`;",
      "status = status`;",
    ]],
    test: ["tests/week_edits_test.ts", "a second change renews"],
  },
  {
    name:
      "edits: a second change renews the one edit of a message, never adds one",
    file: "src/db/week_edits.ts",
    edits: [[
      "SELECT '${OWED.week_edit}/' || chat_id || '/' || mid, '${OWED.week_edit}', ?,",
      "SELECT '${OWED.week_edit}/' || chat_id || '/' || mid || '/' || (SELECT count(*) FROM outbox), '${OWED.week_edit}', ?,",
    ]],
    test: ["tests/week_edits_test.ts", "a second change renews"],
  },
  {
    name: "edits: the edits of a change are paced",
    file: "src/usecases/meetings.ts",
    edits: [[
      "return store.outbox.renewWeekEdits({ meetingId }, {\n    lane: LANE.notice,",
      "return store.outbox.renewWeekEdits({ meetingId }, {\n    lane: LANE.reply,",
    ]],
    test: ["tests/week_edits_test.ts", "a second change renews"],
  },
  {
    name: "edits: a message in flight at the change is edited once it lands",
    file: "src/db/week_edits.ts",
    edits: [[
      'if (outcome.status !== "sent" || messageId === undefined) return;',
      "return;",
    ]],
    test: ["tests/week_edits_test.ts", "in flight when the meeting moves"],
  },
  {
    name: "edits: a week edit with no answer is sent again",
    file: "src/core/owed.ts",
    edits: [['  week_edit: "resend",', '  week_edit: "leave",']],
    test: ["tests/week_edits_test.ts", "no answer is sent again"],
  },
  {
    name: "edits: after an answer under the nudge the invitation shows it",
    file: "src/usecases/answers.ts",
    edits: [[
      "    if (!same) {\n      const pressed",
      "    if (false) {\n      const pressed",
    ]],
    test: ["tests/week_edits_test.ts", "after an answer under the nudge"],
  },
  {
    name: "edits: /unskip confirmed twice restores once and says so",
    file: "src/usecases/proposals.ts",
    edits: [[
      'if (!week.cancelled && action.kind === "unskip") {',
      "if (false) {",
    ]],
    test: ["tests/week_notices_test.ts", "two /unskip questions"],
  },
  {
    name: "edits: the restore notice shows the answer kept",
    file: "src/messages/week_message.ts",
    edits: [[
      "  return answer === undefined\n    ? texts.meeting_restored",
      "  return true\n    ? texts.meeting_restored",
    ]],
    test: ["tests/week_notices_test.ts", "/unskip asks first"],
  },
  {
    name: "edits: at the meeting's end every answer button goes",
    file: "src/usecases/meeting_end.ts",
    edits: [[
      "if (end > now || store.meetings.get(week.id) === undefined) continue;",
      "continue;",
    ]],
    test: ["tests/meeting_end_test.ts", "at its end every answer button"],
  },
  {
    name: "edits: the buttons go once, not at every tick",
    file: "src/db/meetings.ts",
    edits: [["WHERE id = ? AND ended_at IS NULL", "WHERE id = ?"]],
    test: ["tests/meeting_end_test.ts", "at its end every answer button"],
  },
  {
    name: "edits: a meeting moved later keeps its buttons until its own end",
    file: "src/usecases/meeting_end.ts",
    edits: [[
      "end: meetingEnd(week, config.meeting.duration_minutes),",
      "end: meetingEnd({ ...week, startsAt: week.scheduledAt }, config.meeting.duration_minutes),",
    ]],
    test: ["tests/meeting_end_test.ts", "moved later"],
  },
  {
    name: "edits: a running bot wakes up at the meeting's end",
    file: "src/jobs/runner.ts",
    edits: [[
      "          nextEnd(deps.store, { config: deps.config, now: view.now }),\n",
      "",
    ]],
    test: ["tests/meeting_end_test.ts", "wakes the bot at the meeting's end"],
  },
  {
    name: "edits: a running bot wakes up at the meeting's end (the process)",
    file: "src/jobs/runner.ts",
    edits: [[
      "          nextEnd(deps.store, { config: deps.config, now: view.now }),\n",
      "",
    ]],
    test: ["tests/kill_edits_test.ts", "kill -9 in the middle"],
  },
  {
    name: "edits: a press while the meeting goes on says it has begun",
    file: "src/bot/features/answers.ts",
    edits: [[
      'over ? "answer_expired" : "answer_started",',
      '"answer_expired",',
    ]],
    test: ["tests/meeting_end_test.ts", "a press while the meeting goes on"],
  },
  {
    name: "edits: a reason given with /skip is in the cancellation",
    file: "src/usecases/meetings.ts",
    edits: [[
      "payload: reason === undefined ? undefined : { reason },",
      "payload: undefined,",
    ]],
    test: ["tests/week_notices_test.ts", "a reason after the date"],
  },
  {
    name: "edits: a reason given with /move is in the notice",
    file: "src/usecases/meetings.ts",
    edits: [[
      "payload: { from: week.startsAt.toISOString(), reason },",
      "payload: { from: week.startsAt.toISOString() },",
    ]],
    test: ["tests/week_notices_test.ts", "a reason after the date"],
  },
  {
    name: "edits: a reason has at most 200 characters",
    file: "src/domain/week_input.ts",
    edits: [[
      "export const MAX_REASON_LENGTH = 200;",
      "export const MAX_REASON_LENGTH = 2000;",
    ]],
    test: ["tests/week_notices_test.ts", "a reason after the date"],
  },
  {
    name:
      "edits: a week's edit shows the person's own link, never the bare one",
    file: "src/messages/week_message.ts",
    edits: [[
      "const templates = text === undefined ? [] : [text];",
      "const templates: string[] = [];",
    ]],
    test: ["tests/week_links_test.ts", "a week's edits keep"],
  },
  {
    name: "edits: an edit that shows a personal link has no preview",
    file: "src/messages/week_message.ts",
    edits: [[
      "return REMINDERS.includes(shows) && !at.links.personal;",
      "return REMINDERS.includes(shows);",
    ]],
    test: ["tests/week_links_test.ts", "a week's edits keep"],
  },
  {
    name:
      "edits: an invitation sent after an answer shows the person's own link",
    file: "src/messages/week_message.ts",
    edits: [[
      "const templates = text === undefined ? [] : [text];",
      "const templates: string[] = [];",
    ]],
    test: ["tests/week_links_test.ts", "goes out after an answer"],
  },
];
