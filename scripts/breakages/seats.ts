/**
 * Seats: a capacity, a fair waitlist in commit order, seats that free themselves, and
 * the reports that show them.
 *
 * @module
 */
import type { Breakage } from "./types.ts";

/** Breakages of this area. */
export const BREAKAGES: Breakage[] = [
  {
    name: "seats: a yes beyond the capacity goes to the waitlist",
    file: "src/usecases/seats.ts",
    edits: [[
      'return free === null || free > 0 ? "seat" : "waitlist";',
      'return "seat";',
    ]],
    test: ["tests/seats_race_test.ts", "200 presses"],
  },
  {
    name: "seats: the waitlist is in the order the presses were committed",
    file: "src/db/answers.ts",
    edits: [[
      "ELSE (SELECT coalesce(max(queued), 0) + 1 FROM answers) END)",
      "ELSE ?2 END)",
    ]],
    test: ["tests/seats_race_test.ts", "200 presses"],
  },
  {
    name: "seats: under kill -9 the race keeps its seats and commit order",
    file: "src/db/answers.ts",
    edits: [[
      "ELSE (SELECT coalesce(max(queued), 0) + 1 FROM answers) END)",
      "ELSE ?2 END)",
    ]],
    test: ["tests/kill_seats_test.ts", "200 presses for 20 seats"],
  },
  {
    name: "seats: a freed seat goes to the first on the waitlist, not the last",
    file: "src/db/seats.ts",
    edits: [["ORDER BY a.queued LIMIT ?2", "ORDER BY a.queued DESC LIMIT ?2"]],
    test: ["tests/seats_test.ts", "a 'no' from a seat gives it at once"],
  },
  {
    name: "seats: under kill -9 each freed seat goes to the next in line, once",
    file: "src/db/seats.ts",
    edits: [["ORDER BY a.queued LIMIT ?2", "ORDER BY a.queued DESC LIMIT ?2"]],
    test: ["tests/kill_seats_test.ts", "seats given up while 30 wait"],
  },
  {
    name: "seats: a no from a seat promotes at once",
    file: "src/usecases/answers.ts",
    edits: [['if (held?.seat === "seat") {', "if (false) {"]],
    test: ["tests/seats_test.ts", "a 'no' from a seat gives it at once"],
  },
  {
    name: "seats: /stop frees the seat for the waitlist",
    file: "src/usecases/users.ts",
    edits: [[
      "    releaseSeatsOf(store, { config: schedule, userId: user.id, now });\n",
      "",
    ]],
    test: ["tests/seats_test.ts", "/stop, or a chat Telegram says is gone"],
  },
  {
    name: "seats: a chat Telegram says is gone frees its seat",
    file: "src/app/delivery.ts",
    edits: [[
      "stopUser(store, { tgId: row.chat_id, schedule: config, now: now() });",
      "store.users.deactivate(row.chat_id, now());",
    ]],
    test: ["tests/seats_test.ts", "/stop, or a chat Telegram says is gone"],
  },
  {
    name: "seats: the promoted is told",
    file: "src/messages/render.ts",
    edits: [[
      "case OWED.seat_granted:\n        return seatGrantedNotice(at, row);",
      "case OWED.seat_granted:\n        return null;",
    ]],
    test: ["tests/seats_test.ts", "a 'no' from a seat gives it at once"],
  },
  {
    name: "seats: a promotion after the reminders brings the link",
    file: "src/messages/seat_messages.ts",
    edits: [[
      "const link = remindersSent(at, week);",
      "const link = false;",
    ]],
    test: ["tests/seats_test.ts", "a 'no' from a seat gives it at once"],
  },
  {
    name: "seats: those still waiting get a note with the last reminder",
    file: "src/usecases/jobs.ts",
    edits: [['if (job === "second_reminder") {', "if (false) {"]],
    test: ["tests/seats_test.ts", "reminders with the link go to those"],
  },
  {
    name: "seats: the link goes to those with a seat, not those waiting",
    file: "src/db/audiences.ts",
    edits: [[
      'sql: `u.is_active = 1 AND ${holding("seat")}`,',
      "sql: `u.is_active = 1 AND ${answered(\"'yes'\")}`,",
    ]],
    test: ["tests/capacity_test.ts", "/link counts and tells only"],
  },
  {
    name: "seats: the leave button gives up a place, never a seat",
    file: "src/usecases/answers.ts",
    edits: [['? held?.seat !== "waitlist"', "? false"]],
    test: ["tests/seats_test.ts", "the leave button takes one off"],
  },
  {
    name: "seats: one who comes back gets a free seat back",
    file: "src/usecases/seats.ts",
    edits: [[
      'const seat = seatForYes(store, { config, meeting, now }) === "seat";',
      "const seat = false;",
    ]],
    test: ["tests/seats_test.ts", "one who left and comes back"],
  },
  {
    name: "seats: a new yes does not pass those waiting for a free seat",
    file: "src/usecases/seats.ts",
    edits: [["  fillSeats(store, { config, meeting, now });\n", ""]],
    test: ["tests/capacity_test.ts", "a larger meeting.capacity in the config"],
  },
  {
    name: "seats: a larger capacity promotes at once",
    file: "src/usecases/seats.ts",
    edits: [[
      "return fillSeats(store, { config, meeting: week, now });",
      "return 0;",
    ]],
    test: ["tests/capacity_test.ts", "/capacity 3 asks first"],
  },
  {
    name: "seats: a smaller capacity gives no seat while the count is over it",
    file: "src/usecases/seats.ts",
    edits: [["Math.max(0, capacity - seated)", "capacity - seated"]],
    test: ["tests/capacity_test.ts", "a smaller capacity takes no seat away"],
  },
  {
    name: "seats: a /capacity confirmation refuses seats changed meanwhile",
    file: "src/usecases/proposals.ts",
    edits: [["if (was !== undefined && seats !== was) {", "if (false) {"]],
    test: ["tests/capacity_test.ts", "a /capacity confirmation checks again"],
  },
  {
    name: "seats: the invitation shows the free seats",
    file: "src/messages/build.ts",
    edits: [[
      "seats_line: seats.seatsLine(config, meeting.seats),",
      'seats_line: "",',
    ]],
    test: ["tests/seats_test.ts", "the invitation shows the free seats"],
  },
  {
    name: "seats: /who lists the waitlist in its order",
    file: "src/db/answers.ts",
    edits: [["       ORDER BY a.queued`,", "       ORDER BY a.queued DESC`,"]],
    test: ["tests/capacity_test.ts", "/stats, /who and the export show"],
  },
  {
    name: "seats: the export says who holds a seat and who waits",
    file: "src/reports.ts",
    edits: [["row.seat === null ? null : seats[row.seat],", "null,"]],
    test: ["tests/capacity_test.ts", "/stats, /who and the export show"],
  },
  {
    name: "seats: a place on the waitlist puts nothing in the calendar",
    file: "src/messages/render.ts",
    edits: [[
      'const attending = held?.seat === "seat";',
      'const attending = held?.answer === "yes";',
    ]],
    test: ["tests/seats_calendar_test.ts", "only a seat puts"],
  },
  {
    name: "seats: a promotion owes the calendar entry on the person's row",
    file: "src/usecases/seats.ts",
    edits: [[
      "  oweCalendarFile(store, { meetingId: meeting.id, user, now });\n  // The messages",
      "  // The messages",
    ]],
    test: ["tests/seats_calendar_test.ts", "only a seat puts"],
  },
  {
    name: "seats: a seat given up by a no owes the calendar removal",
    file: "src/usecases/answers.ts",
    edits: [[
      'if ((held?.seat === "seat") !== (seat === "seat")) {',
      'if (seat === "seat" && held?.seat !== "seat") {',
    ]],
    test: ["tests/seats_calendar_test.ts", "only a seat puts"],
  },
  {
    name:
      "seats: the welcome of one who comes back says whether the seat is theirs",
    file: "src/messages/welcome.ts",
    edits: [["if (!limited) continue;", "continue;"]],
    test: ["tests/seats_calendar_test.ts", "comes back to a seat still free"],
  },
  {
    name: "seats: the welcome says nothing of seats without a limit",
    file: "src/messages/welcome.ts",
    edits: [["if (!limited) continue;", ""]],
    test: [
      "tests/seats_calendar_test.ts",
      "without a limit, one who comes back",
    ],
  },
  {
    name:
      "seats: coming back without a seat takes the entry out of the calendar",
    file: "src/usecases/seats.ts",
    edits: [[
      "    oweCalendarFile(store, { meetingId: meeting.id, user, now });\n  }\n  return reclaimed;",
      "  }\n  return reclaimed;",
    ]],
    test: ["tests/seats_calendar_test.ts", "when no seat is free"],
  },
  {
    name: "seats: the calendar removal of a yes without a seat says so",
    file: "src/messages/calendar.ts",
    edits: [['owed.reason === "declined" && seatless', "false"]],
    test: ["tests/seats_calendar_test.ts", "when no seat is free"],
  },
  {
    name:
      "seats: the question after the meeting skips the waitlist, link or not",
    file: "src/db/audiences.ts",
    edits: [["u.id) AND NOT ${", "u.id) OR 0 AND NOT ${"]],
    test: ["tests/seats_after_test.ts", "a capped week with personal links"],
  },
  {
    name:
      "seats: the history's yes is a seat held, not a place on the waitlist",
    file: "src/db/history.ts",
    edits: [[
      `const YES = "a.seat = 'seat'";`,
      `const YES = "a.answer = 'yes'";`,
    ]],
    test: ["tests/seats_after_test.ts", "a capped week with personal links"],
  },
  {
    name: "seats: the host's report shows the seats",
    file: "src/usecases/meeting_report.ts",
    edits: [[
      "const seat_figures = reportSeatsLine(config, seats);",
      'const seat_figures = "";',
    ]],
    test: ["tests/seats_after_test.ts", "without personal links the question"],
  },
  {
    name: "seats: /history DATE shows the seats",
    file: "src/history.ts",
    edits: [[
      "    seat_figures: reportSeatsLine(",
      '    seat_figures: "" && reportSeatsLine(',
    ]],
    test: ["tests/seats_after_test.ts", "a capped week with personal links"],
  },
  {
    name: "seats: the panel's next meeting shows the seats taken of the limit",
    file: "src/web/panel/next.ts",
    edits: [[
      "  if (capacity !== null) {\n    fields.push(",
      "  if (false) {\n    fields.push(",
    ]],
    test: [
      "tests/seats_web_test.ts",
      "the panel's next meeting shows the seats",
    ],
  },
  {
    name: "seats: the panel shows the waitlist in its order",
    file: "src/db/answers.ts",
    edits: [[
      "       ORDER BY a.queued`,\n    ).all(meetingId).map(toUser);",
      "       ORDER BY u.id DESC`,\n    ).all(meetingId).map(toUser);",
    ]],
    test: [
      "tests/seats_web_test.ts",
      "the panel's next meeting shows the seats",
    ],
  },
  {
    name: "seats: a feed shows no link in a capped week to one without a seat",
    file: "src/usecases/feed.ts",
    edits: [[
      'if (limited && store.seats.held(meetingId, userId)?.seat !== "seat") {',
      "if (false) {",
    ]],
    test: ["tests/seats_web_test.ts", "a feed shows a capped week's link"],
  },
  {
    name: "seats: a feed hides a kept link once its seat is given up",
    file: "src/usecases/feed.ts",
    edits: [[
      'if (limited && store.seats.held(meetingId, userId)?.seat !== "seat") {',
      "if (limited && store.seats.held(meetingId, userId) === undefined) {",
    ]],
    test: ["tests/seats_web_test.ts", "a feed shows a capped week's link"],
  },
  {
    name: "seats: a feed's series has no link under a limit in the config",
    file: "src/messages/feed.ts",
    edits: [[
      "config.meeting.capacity === null\n    ? config.meeting.link\n    : null;",
      "config.meeting.link;",
    ]],
    test: ["tests/seats_web_test.ts", "a feed shows a capped week's link"],
  },
  {
    name:
      "seats: a feed's week capped by /capacity shows the link to seats only",
    file: "src/usecases/feed.ts",
    edits: [[
      "const limited = capacityOf(store, { config, meetingId }) !== null;",
      "const limited = config.meeting.capacity !== null;",
    ]],
    test: ["tests/seats_web_test.ts", "a week capped by /capacity"],
  },
];
