/**
 * The shipped English texts of each person's own settings (`/settings`). Each says what
 * its Russian twin in texts_settings.ts says, with the same placeholders; `config.yaml`
 * repeats them under `languages.en.texts`.
 *
 * @module
 */
import type { SETTINGS_TEXTS } from "./texts_settings.ts";

/** The texts of `/settings` in English, by key. */
export const EN_SETTINGS_TEXTS = {
  settings: "⚙️ Settings\n\n" +
    "Time zone: {zone}. Your next meeting is {date_on}, at {time}.\n\n" +
    "{pause_line}🔔 — the message comes, 🔕 — it doesn't. Press to switch.",
  settings_pause_line: "⏸ Paused through {date_gen}: no invitations, " +
    "reminders or questions about meetings will come.\n\n",
  button_settings_zone: "🕒 Time zone: {zone}",
  button_setting_on: "🔔 {name}",
  button_setting_off: "🔕 {name}",
  setting_invitation: "invitation",
  setting_nudge: "reminder to answer",
  setting_first_reminder: "reminder at {time}",
  setting_second_reminder: "reminder at {time}",
  setting_feedback: "question after the meeting",
  setting_followups: "follow-ups",
  button_settings_pause: "⏸ Pause",
  button_settings_unpause: "▶️ End the pause",
  button_settings_back: "← Back",
  settings_zone: "Choose your time zone with a button — or send a city, a " +
    "zone name (for example, Asia/Tokyo) or an offset from UTC (for " +
    "example, UTC+5 or +05:30).\n\nNow: {zone}.",
  button_zone: "{city} ({tz})",
  button_zone_chosen: "✅ {city} ({tz})",
  settings_zone_set:
    "Time zone: {zone}. Your next meeting is {date_on}, at {time}.",
  settings_zone_unknown: "I don't know the time zone “{text}”. Send a city " +
    "(for example, Berlin), a zone name (Europe/Berlin) or an offset from UTC " +
    "(UTC+3).",
  settings_pause: "Pause for how long? Invitations, reminders and questions " +
    "about meetings won't come, and your subscription stays. The pause ends " +
    "by itself — I'll write to you.\n\n" +
    "You can also pause until a day: send the last day of the pause, for " +
    "example 31.12 or 31.12.2026.",
  button_pause_weeks: "For {weeks|week|weeks}",
  settings_saved: "Saved",
  settings_paused: "Paused through {date_gen}: no invitations, reminders or " +
    "questions about meetings will come. When the pause ends, I'll write to " +
    "you.",
  settings_pause_bad_date: "I didn't understand the date “{text}”. Send " +
    "the last day of the pause like this: 31.12 or 31.12.2026.",
  settings_pause_past:
    "That date has passed. Send the last day of the pause — today or later.",
  settings_pause_too_far: "A pause can last at most a year — through " +
    "{limit_date_gen}. Send a date no later than that.",
  settings_pause_no_meeting: "There are no meetings before that day — no " +
    "pause needed. The next meeting is {date_on}, at {time} ({tz}).",
  pause_ended: "The pause is over — messages about “{title}” will come " +
    "again. The next meeting is {date_on}, at {time} ({tz}).",
  status_settings: "\n\nTime zone: {zone}\nYou get: {on}{off_line}" +
    "{pause_line}\nTo change it — /settings",
  status_settings_off: "\nYou don't get: {off}",
  status_settings_none: "nothing",
  status_settings_pause: "\n⏸ Paused through {date_gen}",
  when_today: "today",
  when_tomorrow: "tomorrow",
  when_date: "{date_on},",
  command_settings: "Time zone, which messages to get, a pause",
} as const satisfies Record<keyof typeof SETTINGS_TEXTS, string>;
