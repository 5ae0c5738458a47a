/**
 * Each person's own settings: their time zone in every message, the messages they turned
 * off, a pause that ends by itself, and the settings' refusals of bad input.
 *
 * @module
 */
import type { Breakage } from "./types.ts";

/** Breakages of this area. */
export const BREAKAGES: Breakage[] = [
  {
    name: "choices: a message turned off is not even owed",
    file: "src/db/audiences.ts",
    edits: [[
      "WHERE m.user_id = u.id AND m.message = ?)`);",
      "WHERE m.user_id = u.id AND m.message = ? AND 0)`);",
    ]],
    test: ["tests/choices_week_test.ts", "only the second"],
  },
  {
    name: "choices: a paused week is not even owed",
    file: "src/db/audiences.ts",
    edits: [[
      '"(u.paused_through IS NULL OR u.paused_through < ?)"',
      '"(1 OR u.paused_through < ?)"',
    ]],
    test: ["tests/pause_test.ts", "three-week pause"],
  },
  {
    name:
      "choices: a row owed before the choice is dropped when its turn comes",
    file: "src/messages/recipients.ts",
    edits: [[
      "return wants(store.settings.choices(user.id), { message, weekId });",
      "return message === message || wants(store.settings.choices(user.id), { message, weekId });",
    ]],
    test: ["tests/choices_week_test.ts", "reminder owed before"],
  },
  {
    name: "choices: a cancellation still reaches a paused person who said yes",
    file: "src/db/audiences.ts",
    edits: [[
      'if (audience.to === "concerned" || audience.to === "invited") return base;',
      'if (audience.to === "invited") return base;',
    ]],
    test: ["tests/choices_week_test.ts", "a cancellation still reaches"],
  },
  {
    name: "choices: a new link reaches no one who paused the week",
    file: "src/usecases/meetings.ts",
    edits: [[
      'return { to: "attendees", meetingId, wants: { week: meetingId } };',
      'return { to: "attendees", meetingId };',
    ]],
    test: ["tests/choices_week_test.ts", "a cancellation still reaches"],
  },
  {
    name: "choices: a latecomer's invitation honours the pause and the choice",
    file: "src/usecases/users.ts",
    edits: [[
      '!wants(choices, { message: "invitation", weekId: week.id }) ||',
      "!choices ||",
    ]],
    test: ["tests/choices_week_test.ts", "paused person who comes back"],
  },
  {
    name: "choices: turning invitations back on brings this week's at once",
    file: "src/usecases/settings.ts",
    edits: [[
      'if (changed && on && message === "invitation") {',
      'if (changed && on && message === "nudge") {',
    ]],
    test: ["tests/choices_week_test.ts", "invitations turned off"],
  },
  {
    name: "choices: a pause ends by itself with the note",
    file: "src/db/audiences.ts",
    edits: [[
      '"u.is_active = 1 AND u.paused_through = ?"',
      '"u.is_active = 1 AND u.paused_through = ? AND 0"',
    ]],
    test: ["tests/pause_test.ts", "three-week pause"],
  },
  {
    name: "choices: the pause's note waits until its last meeting is over",
    file: "src/usecases/settings.ts",
    edits: [[
      "if (end > now || now.getTime() - end.getTime() > NOTE_KEPT_MS) continue;",
      "if (now.getTime() - end.getTime() > NOTE_KEPT_MS) continue;",
    ]],
    test: ["tests/pause_test.ts", "three-week pause"],
  },
  {
    name: "choices: /stats counts the paused",
    file: "src/db/settings.ts",
    edits: [["AND paused_through >= ?`,", "AND paused_through < ?`,"]],
    test: ["tests/choices_week_test.ts", "/stats counts the paused"],
  },
  {
    name: "choices: a pause into the past is refused",
    file: "src/domain/choices.ts",
    edits: [[
      'if (Temporal.PlainDate.compare(date, from) < 0) return "past";',
      'if (Temporal.PlainDate.compare(date, from) < -9999) return "past";',
    ]],
    test: ["tests/settings_test.ts", "a pause into the past"],
  },
  {
    name: "choices: a pause beyond a year is refused",
    file: "src/domain/choices.ts",
    edits: [[
      'return Temporal.PlainDate.compare(date, limit) > 0 ? "too_far" : undefined;',
      'return Temporal.PlainDate.compare(date, limit) > 9 ? "too_far" : undefined;',
    ]],
    test: ["tests/settings_test.ts", "a pause into the past"],
  },
  {
    name: "choices: a forged zone button changes nothing",
    file: "src/messages/settings.ts",
    edits: [[
      "return COMMON_ZONES.some((z) => z.id === zone)",
      "return zone.length > 0",
    ]],
    test: ["tests/settings_test.ts", "forged settings presses"],
  },
  {
    name: "choices: a forged message button changes nothing",
    file: "src/messages/settings.ts",
    edits: [[
      "return isChoice(name) && offeredChoices(config).includes(name)",
      "return isChoice(name)",
    ]],
    test: ["tests/settings_test.ts", "forged settings presses"],
  },
  {
    name: "choices: a forged pause button changes nothing",
    file: "src/messages/settings.ts",
    edits: [[
      "return PAUSE_WEEKS.includes(weeks) ? { kind:",
      "return weeks > 0 ? { kind:",
    ]],
    test: ["tests/settings_test.ts", "forged settings presses"],
  },
  {
    name: "choices: a typed zone is taken only while the screen asks for it",
    file: "src/bot/features/settings.ts",
    edits: [[
      "now().getTime() - asked.askedAt.getTime() > PROMPT_MS",
      "now().getTime() - asked.askedAt.getTime() > 100 * PROMPT_MS",
    ]],
    test: ["tests/settings_test.ts", "left alone for over 15 minutes"],
  },
  {
    name: "zones: every message a person is shown is in their zone",
    file: "src/messages/zone.ts",
    edits: [[
      "return readerZone(config, user?.timezone ?? null);",
      "return readerZone(config, null);",
    ]],
    test: ["tests/zone_week_test.ts", "Honolulu reads"],
  },
  {
    name: "zones: the first reminder says tomorrow where it is tomorrow",
    file: "src/messages/zone.ts",
    edits: [[
      "const zone = (meeting.zone ?? config).timezone;",
      "const zone = config.timezone;",
    ]],
    test: ["tests/zone_week_test.ts", "Honolulu reads"],
  },
  {
    name: "zones: /calendar names the meeting in the person's zone",
    file: "src/bot/features/calendar.ts",
    edits: [[
      "zone: userZone(config, store.users.byTgId(tgId)),",
      "zone: userZone(config, undefined),",
    ]],
    test: ["tests/zone_week_test.ts", "/calendar names"],
  },
  {
    name: "zones: the waitlist's note names the time in the person's zone",
    file: "src/messages/seat_messages.ts",
    edits: [[
      "const shown = { ...meeting, zone: userZone(at.config, user) };",
      "const shown = { ...meeting, zone: userZone(at.config, undefined) };",
    ]],
    test: ["tests/choices_seats_test.ts", "seats and choices together"],
  },
  {
    name: "zones: a freed seat is told in the person's zone",
    file: "src/messages/seat_messages.ts",
    edits: [[
      ": { ...week, zone: userZone(config, user) };",
      ": week;",
    ]],
    test: ["tests/choices_seats_test.ts", "a seat freed before the reminders"],
  },
  {
    name: "zones: the waitlist's note says tomorrow where it is tomorrow",
    file: "src/messages/seat_messages.ts",
    edits: [[
      "when: whenValue(at.config, { meeting: shown, now: at.now() }),",
      "when: at.config.texts.when_today,",
    ]],
    test: ["tests/choices_seats_test.ts", "just past the person's midnight"],
  },
];
