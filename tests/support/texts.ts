/**
 * Realistic values for rendering every shipped text: the meeting "Живой эфир" on
 * Wednesday 9 December 2026 at 11:00 MSK, moved to Thursday 10 December at 12:30, and
 * counts that a host would see. Shared by the tests that pin each text's exact words.
 *
 * @module
 */
import { render, type TextKey } from "../../src/config/texts.ts";
import { DEFAULT_TEXTS } from "../../src/config/default_texts.ts";
import {
  dateValues,
  dayValues,
  meetingValues,
  moveValues,
  scheduleValues,
} from "../../src/messages/build.ts";
import { testConfig } from "../helpers.ts";

/** The shipped config (Europe/Moscow, "мск", "Живой эфир" on Wednesdays at 11:00). */
export const CONFIG = testConfig();

/** Wednesday 9 December 2026, 11:00 MSK. */
export const WEDNESDAY = new Date("2026-12-09T08:00:00Z");
/** Thursday 10 December 2026, 12:30 MSK: where the meeting moves to. */
export const THURSDAY = new Date("2026-12-10T09:30:00Z");

/** The meeting of 9 December as messages show it. */
export const MEETING = { id: "2026-12-09", startsAt: WEDNESDAY };

/** The numbers a text may show, each set to `n`. */
export function counts(n: number): Record<string, number> {
  const names = [
    "count",
    "people",
    "notified",
    "recipients",
    "length",
    "max",
    "minutes",
    "stars",
    "sent",
    "blocked",
    "failed",
    "unknown",
    "dropped",
    "yes",
    "no",
    "none",
    "active",
    "registered",
    "not_registered",
    "stopped",
    "edited",
  ];
  return Object.fromEntries(names.map((name) => [name, n]));
}

/** Every value any text may use, as the bot would fill them for the meeting of 9 December. */
export function allValues(): Record<string, string | number> {
  const texts = CONFIG.texts;
  return {
    ...scheduleValues(CONFIG, WEDNESDAY),
    ...moveValues(CONFIG, { meeting: MEETING, from: WEDNESDAY, to: THURSDAY }),
    ...meetingValues(CONFIG, MEETING),
    ...dateValues(CONFIG, {
      at: new Date("2027-01-13T08:00:00Z"),
      prefix: "last_",
    }),
    ...dateValues(CONFIG, {
      at: new Date("2027-01-20T08:00:00Z"),
      prefix: "limit_",
    }),
    ...dateValues(CONFIG, {
      at: new Date("2026-12-16T08:00:00Z"),
      prefix: "other_",
    }),
    name: "Анна Иванова (@anna)",
    id: 123456789,
    names: "Анна Иванова (@anna)\nБорис",
    yes_names: "Анна Иванова (@anna)\nБорис",
    no_names: "Вера",
    none_names: texts.admin_who_empty_group,
    relay_line: texts.help_relay_line,
    when: texts.when_today,
    zone: "Москва (мск)",
    pause_line: "",
    on: "приглашение, напоминание ответить, напоминание в 10:40, вопрос " +
      "после встречи, итоги встречи",
    off: "напоминание в 09:00",
    off_line: render(texts.status_settings_off, { off: "напоминание в 09:00" }),
    settings_line: "",
    weeks: 2,
    calendar_line: "",
    subscription: texts.status_subscribed,
    answer: texts.status_answer_yes,
    link_line: render(texts.status_link_line, { link: CONFIG.meeting.link }),
    job: texts.job_invitation,
    status: texts.admin_stats_cancelled,
    changes: "среда, 16 декабря: тема «Итоги года»",
    history: "среда, 2 декабря: «да» — 4, «нет» — 1",
    text: "Запись встречи: https://example.com/rec",
    size: render(texts.admin_broadcast_size, { length: 39, max: 4096 }),
    host: "192.168.0.10",
    reason: "",
    reason_line: "",
    ...counts(5),
    registered: 21,
    paused: 3,
    not_registered: 2,
    stopped: 1,
    active: 23,
    yes: 5,
    no: 2,
    none: 14,
    sent: 19,
    blocked: 1,
    failed: 0,
    unknown: 1,
    dropped: 0,
    length: 39,
    max: 4096,
    minutes: 15,
    stars: 3,
  };
}

/** Where a text's values differ from {@linkcode allValues}, as the bot would fill them. */
const SPECIAL: Partial<Record<TextKey, Record<string, string | number>>> = {
  start_greeting: { name: "Анна" },
  start_welcome_back: { name: "Анна" },
  start_subscribed: { name: "Анна" },
  topic_line: { topic: "Итоги года" },
  admin_change_topic: { topic: "Итоги года" },
  admin_topic_set: { topic: "Итоги года" },
  admin_topic_set_sent: { topic: "Итоги года", edited: 3 },
  admin_topic_cleared_sent: { edited: 1 },
  reason_line: { reason: "ведущий заболел" },
  admin_reason_line: { reason: "ведущий заболел" },
  admin_reason_too_long: { length: 250, max: 200 },
  admin_who: { yes: 2, no: 1, none: 0 },
  admin_skip_bad_date: { text: "31.02" },
  admin_skip_past: dayValues({ weekday: "wednesday", day: 2, month: 12 }),
  admin_skip_no_meeting: dayValues({ weekday: "thursday", day: 10, month: 12 }),
  admin_link_confirm: { link: "https://example.com/new" },
  admin_link_changed: { link: "https://example.com/new" },
  admin_topic_too_long: { length: 250, max: 200 },
  admin_link_too_long: { length: 420, max: 300 },
  admin_broadcast_too_long: { length: 4500, max: 4096 },
  admin_stats_week: { joined: 4, rating: "4,3 (3)" },
  button_setting_on: { name: "Приглашение" },
  button_setting_off: { name: "Напоминание в 09:00" },
  setting_first_reminder: { time: "09:00" },
  setting_second_reminder: { time: "10:40" },
  button_zone: { city: "Берлин", tz: "UTC+1" },
  button_zone_chosen: { city: "Москва", tz: "мск" },
  settings_zone_unknown: { text: "Марс" },
  settings_pause_bad_date: { text: "32.13" },
};

/**
 * Text `key` of the shipped defaults, with the values the bot would fill in for the
 * meeting of 9 December, then `values` over them.
 */
export function say(
  key: TextKey,
  values: Record<string, string | number> = {},
): string {
  return render(DEFAULT_TEXTS[key], {
    ...allValues(),
    ...SPECIAL[key],
    ...values,
  });
}
