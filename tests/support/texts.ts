/**
 * Realistic values for rendering every shipped text: the meeting "Живой эфир" on
 * Wednesday 9 December 2026 at 11:00 MSK, moved to Thursday 10 December at 12:30, and
 * counts that a host would see, in Russian and in English. Shared by the tests that pin
 * each text's exact words.
 *
 * @module
 */
import { render, type TextKey } from "../../src/config/texts.ts";
import { inLanguage } from "../../src/config/language.ts";
import { SHIPPED_TEXTS } from "../../src/config/default_texts.ts";
import type { Config } from "../../src/config/schema.ts";
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
/** The shipped config in English ("Moscow time"). */
export const ENGLISH = inLanguage(CONFIG, "en");

/** The words in a text's values that people write or the bot composes, by language. */
const WORDS: Record<string, Record<string, string>> = {
  ru: {
    name: "Анна Иванова (@anna)",
    first_name: "Анна",
    names: "Анна Иванова (@anna)\nБорис",
    no_names: "Вера",
    changes: "среда, 16 декабря: тема «Итоги года»",
    history: "среда, 2 декабря: «да» — 4, «нет» — 1",
    text: "Запись встречи: https://example.com/rec",
    topic: "Итоги года",
    reason: "ведущий заболел",
    rating: "4,3 (3)",
    zone: "Москва (мск)",
    on: "приглашение, напоминание ответить, напоминание в 10:40, вопрос " +
      "после встречи, итоги встречи",
    off: "напоминание в 09:00",
    setting_on: "Приглашение",
    setting_off: "Напоминание в 09:00",
    city: "Берлин",
    here: "Москва",
    unknown_zone: "Марс",
  },
  en: {
    name: "Anna Smith (@anna)",
    first_name: "Anna",
    names: "Anna Smith (@anna)\nBob",
    no_names: "Vera",
    changes: "Wednesday, 16 December: topic “The year in review”",
    history: "Wednesday, 2 December: “yes” — 4, “no” — 1",
    text: "Recording: https://example.com/recording",
    topic: "The year in review",
    reason: "the host is ill",
    rating: "4.3 (3)",
    zone: "Moscow (Moscow time)",
    on: "invitation, reminder to answer, reminder at 10:40, question after " +
      "the meeting, follow-ups",
    off: "reminder at 09:00",
    setting_on: "Invitation",
    setting_off: "Reminder at 09:00",
    city: "Berlin",
    here: "Moscow",
    unknown_zone: "Mars",
  },
};

/** The words of `config`'s language. */
function words(config: Config): Record<string, string> {
  return WORDS[config.language]!;
}

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

/**
 * Every value any text may use, as the bot would fill them for the meeting of
 * 9 December, in `config`'s language.
 */
export function allValues(
  config: Config = CONFIG,
): Record<string, string | number> {
  const texts = config.texts;
  const word = words(config);
  const fill = (text: string, values: Record<string, string | number>) =>
    render(text, values, { language: config.language });
  return {
    ...scheduleValues(config, WEDNESDAY),
    ...moveValues(config, { meeting: MEETING, from: WEDNESDAY, to: THURSDAY }),
    ...meetingValues(config, MEETING),
    ...dateValues(config, {
      at: new Date("2027-01-13T08:00:00Z"),
      prefix: "last_",
    }),
    ...dateValues(config, {
      at: new Date("2027-01-20T08:00:00Z"),
      prefix: "limit_",
    }),
    ...dateValues(config, {
      at: new Date("2026-12-16T08:00:00Z"),
      prefix: "other_",
    }),
    name: word.name!,
    id: 123456789,
    names: word.names!,
    yes_names: word.names!,
    no_names: word.no_names!,
    none_names: texts.admin_who_empty_group,
    relay_line: texts.help_relay_line,
    when: texts.when_today,
    zone: word.zone!,
    pause_line: "",
    on: word.on!,
    off: word.off!,
    off_line: fill(texts.status_settings_off, { off: word.off! }),
    settings_line: "",
    weeks: 2,
    calendar_line: "",
    subscription: texts.status_subscribed,
    answer: texts.status_answer_yes,
    link_line: fill(texts.status_link_line, { link: config.meeting.link }),
    job: texts.job_invitation,
    status: texts.admin_stats_cancelled,
    changes: word.changes!,
    history: word.history!,
    text: word.text!,
    size: fill(texts.admin_broadcast_size, { length: 39, max: 4096 }),
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
function special(
  config: Config,
): Partial<Record<TextKey, Record<string, string | number>>> {
  const word = words(config);
  const topic = word.topic!;
  const reason = word.reason!;
  const day = (date: { weekday: "wednesday" | "thursday"; day: number }) =>
    dayValues(config, { date: { ...date, month: 12 } });
  return {
    start_greeting: { name: word.first_name! },
    start_welcome_back: { name: word.first_name! },
    start_subscribed: { name: word.first_name! },
    topic_line: { topic },
    admin_change_topic: { topic },
    admin_topic_set: { topic },
    admin_topic_set_sent: { topic, edited: 3 },
    admin_topic_cleared_sent: { edited: 1 },
    reason_line: { reason },
    admin_reason_line: { reason },
    admin_reason_too_long: { length: 250, max: 200 },
    admin_who: { yes: 2, no: 1, none: 0 },
    admin_skip_bad_date: { text: "31.02" },
    admin_skip_past: day({ weekday: "wednesday", day: 2 }),
    admin_skip_no_meeting: day({ weekday: "thursday", day: 10 }),
    admin_link_confirm: { link: "https://example.com/new" },
    admin_link_changed: { link: "https://example.com/new" },
    admin_topic_too_long: { length: 250, max: 200 },
    admin_link_too_long: { length: 420, max: 300 },
    admin_broadcast_too_long: { length: 4500, max: 4096 },
    admin_stats_week: { joined: 4, rating: word.rating! },
    language_unknown: { text: "xx" },
    button_setting_on: { name: word.setting_on! },
    button_setting_off: { name: word.setting_off! },
    setting_first_reminder: { time: "09:00" },
    setting_second_reminder: { time: "10:40" },
    button_zone: { city: word.city!, tz: "UTC+1" },
    button_zone_chosen: { city: word.here!, tz: config.timezone_label! },
    settings_zone_unknown: { text: word.unknown_zone! },
    settings_pause_bad_date: { text: "32.13" },
  };
}

/**
 * Text `key` as shipped in `config`'s language (the built-in texts of
 * `default_texts.ts`, which config.yaml repeats), with the values the bot would fill
 * in for the meeting of 9 December, then `values` over them.
 */
export function sayIn(
  config: Config,
  key: TextKey,
  values: Record<string, string | number> = {},
): string {
  return render(SHIPPED_TEXTS[config.language]![key], {
    ...allValues(config),
    ...special(config)[key],
    ...values,
  }, { language: config.language });
}

/** {@linkcode sayIn} the shipped Russian texts. */
export function say(
  key: TextKey,
  values: Record<string, string | number> = {},
): string {
  return sayIn(CONFIG, key, values);
}
