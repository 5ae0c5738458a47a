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
