/**
 * The sets of placeholders texts share: the weekly schedule's, one week's meeting's (its
 * date in every form), a moved meeting's, and those of a meeting's report. texts.ts says
 * which text may use which (the seat texts' own in texts_seats.ts).
 *
 * @module
 */
import { DATE_FORMS } from "../domain/russian.ts";

/**
 * Every form of one date under `prefix` (`""`, `old_`, `new_`…): `{date}` "среда,
 * 9 декабря" and `{date_gen}` … `{date_from}` (see `DATE_FORMS`), `{day}` "9 декабря",
 * `{weekday}` and `{weekday_gen}` … `{weekday_from}`; and `{time}` unless `time` is false.
 */
export function datePlaceholders(
  prefix: string,
  { time = true }: { time?: boolean } = {},
): string[] {
  return [
    `${prefix}date`,
    ...DATE_FORMS.map((form) => `${prefix}date_${form}`),
    `${prefix}day`,
    `${prefix}weekday`,
    ...DATE_FORMS.map((form) => `${prefix}weekday_${form}`),
    ...(time ? [`${prefix}time`] : []),
  ];
}

/** The weekday of the weekly schedule in every form, and "по средам". */
const SCHEDULE_WEEKDAY = [
  "weekday",
  ...DATE_FORMS.map((form) => `weekday_${form}`),
  "weekday_every",
];

/** Values of the weekly schedule: every text about the meeting in general may use these. */
export const SCHEDULE = [
  "title",
  ...SCHEDULE_WEEKDAY,
  "time",
  "tz",
  "duration",
  "duration_acc",
];

/** Values of one week's meeting: every text about that meeting may use these. */
export const MEETING = [
  "title",
  ...datePlaceholders(""),
  "tz",
  "duration",
  "duration_acc",
  "link",
  "topic",
  "topic_line",
];

/**
 * A moved meeting: the meeting as it is now, and the time before and after the move,
 * each date in every form (`{old_date_from}` "со среды, 9 декабря", `{new_date_acc}`
 * "четверг, 10 декабря").
 */
export const MOVE = [
  ...MEETING,
  ...datePlaceholders("old_"),
  ...datePlaceholders("new_"),
];

/**
 * The numbers of a meeting's report: who said yes, came, and what they thought; and its
 * seats where it had a limit (`{seat_figures}`, texts_seats.ts).
 */
export const REPORT = [
  "yes",
  "joined",
  "joined_without_yes",
  "no_show",
  "rating",
  "comments",
  "seat_figures",
] as const;

/** The numbers of a meeting's report where who came is unknown. */
export const REPORT_UNKNOWN = [
  "yes",
  "rating",
  "comments",
  "seat_figures",
] as const;

/** The names of those who came, came without saying yes, or said yes and did not. */
export const NAMES = [
  "came_names",
  "unannounced_names",
  "absent_names",
] as const;

/** A weekly job's weekday (every form) and time, and the zone, as a person reads them. */
const JOB_TIME = [
  "weekday",
  ...DATE_FORMS.map((form) => `weekday_${form}`),
  "time",
  "tz",
];

/**
 * The texts of `/settings` (texts_settings.ts) and what each may use: `{zone}` names the
 * person's zone ("Москва (мск)", "UTC+5:30"); a meeting's values are in that zone.
 */
export const SETTINGS_PLACEHOLDERS = {
  settings: ["zone", "pause_line", ...MEETING],
  settings_pause_line: MEETING,
  button_settings_zone: ["zone"],
  button_setting_on: ["name"],
  button_setting_off: ["name"],
  setting_invitation: [],
  setting_nudge: JOB_TIME,
  setting_first_reminder: JOB_TIME,
  setting_second_reminder: JOB_TIME,
  setting_feedback: [],
  setting_followups: [],
  button_settings_pause: [],
  button_settings_unpause: [],
  button_settings_back: [],
  settings_zone: ["zone"],
  button_zone: ["city", "tz"],
  button_zone_chosen: ["city", "tz"],
  settings_zone_set: ["zone", ...MEETING],
  settings_zone_unknown: ["text"],
  settings_pause: [],
  button_pause_weeks: ["weeks"],
  settings_saved: [],
  settings_paused: MEETING,
  settings_pause_bad_date: ["text"],
  settings_pause_past: [],
  settings_pause_too_far: datePlaceholders("limit_", { time: false }),
  settings_pause_no_meeting: MEETING,
  pause_ended: MEETING,
  status_settings: ["zone", "on", "off", "off_line", "pause_line"],
  status_settings_off: ["off"],
  status_settings_none: [],
  status_settings_pause: MEETING,
  when_today: [],
  when_tomorrow: [],
  when_date: MEETING,
  command_settings: [],
} as const satisfies Record<string, readonly string[]>;

/**
 * The texts of `/language`: each language's own name (on its button), the question,
 * the answer once chosen, and the refusal of a code the config has no texts of.
 */
export const LANGUAGE_PLACEHOLDERS = {
  language_name: [],
  language_choose: [],
  language_set: [],
  language_unknown: ["text"],
} as const;
