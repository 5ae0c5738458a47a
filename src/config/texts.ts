/**
 * Every message and button label the bot shows, with the placeholders each may use.
 *
 * `config.yaml` overrides any of them under `texts:`; a key it does not name keeps the
 * default (`default_texts.ts`), so that a new text added by an upgrade never breaks an
 * older config. A placeholder may carry the three Russian plural forms of the noun that
 * follows a number: `{count|ответ|ответа|ответов}` renders "1 ответ", "2 ответа",
 * "5 ответов". A date comes in every form a sentence may need (`{date_acc}` "среду,
 * 9 декабря", `{date_on}` "в среду, 9 декабря"…; see `datePlaceholders`), wherever a
 * text has a date; placeholder names only ever get added, so an older config keeps
 * loading.
 *
 * @module
 */
import { pluralize } from "../domain/russian.ts";
import { datePlaceholders, MEETING, MOVE, SCHEDULE } from "./placeholders.ts";
import { seatPlaceholders } from "./texts_seats.ts";

/** Placeholders allowed in each text; `{name}` in a template must be one of these. */
export const TEXT_PLACEHOLDERS = {
  start_greeting: ["name", ...SCHEDULE],
  start_welcome_back: ["name", ...SCHEDULE],
  start_subscribed: ["name", ...SCHEDULE],
  button_register_yes: [],
  button_register_no: [],
  registered_yes: SCHEDULE,
  registered_no: [],
  stopped: [],
  not_subscribed: [],
  invitation: [...MEETING, "seats_line"],
  topic_line: ["topic"],
  button_attend_yes: [],
  button_attend_no: [],
  answer_yes: MEETING,
  answer_no: [...MEETING, "seats_line"],
  answer_expired: [],
  answer_too_early: [],
  answer_cancelled: MEETING,
  answer_saved: [],
  answer_unsubscribed: [],
  first_reminder: MEETING,
  second_reminder: MEETING,
  nudge: MEETING,
  help: [...SCHEDULE, "relay_line"],
  help_relay_line: [],
  status: ["subscription", "answer", "link_line", ...MEETING],
  status_cancelled: ["subscription", ...MEETING],
  status_link_line: ["link"],
  status_subscribed: [],
  status_unsubscribed: [],
  status_inactive: [],
  status_answer_yes: [],
  status_answer_no: [],
  status_answer_none: [],
  unknown_command: [],
  unknown_message: [],
  bad_button: [],
  flood_notice: [],
  unavailable: [],
  meeting_cancelled: MEETING,
  meeting_cancelled_message: MEETING,
  meeting_restored: MEETING,
  meeting_moved: MOVE,
  meeting_link_changed: MEETING,
  calendar_caption: MEETING,
  calendar_updated_caption: MEETING,
  calendar_cancelled_caption: MEETING,
  calendar_declined_caption: MEETING,
  relay_done: [],
  relay_limited: [],
  relay_answer_header: [],
  announcement_header: [],
  followup_header: MEETING,
  relay_header: ["name", "id"],
  relay_answered: ["name"],
  relay_answer_blocked: ["name"],
  relay_answer_failed: ["name"],
  relay_answer_unknown: ["name"],
  help_admin: ["max"],
  relay_unknown_reply: [],
  admin_stats: [
    "active",
    "registered",
    "not_registered",
    "stopped",
    ...MEETING,
    "yes",
    "no",
    "none",
    "history",
    "changes",
  ],
  admin_stats_week: [...MEETING, "yes", "no", "status"],
  admin_stats_cancelled: [],
  admin_change_cancelled: MEETING,
  admin_change_moved: MOVE,
  admin_change_topic: MEETING,
  admin_change_link: MEETING,
  admin_who: [
    ...MEETING,
    "yes",
    "no",
    "none",
    "yes_names",
    "no_names",
    "none_names",
    // Before /who showed three groups: those who said yes, and their names.
    "count",
    "names",
  ],
  admin_who_empty_group: [],
  admin_who_empty: MEETING,
  button_who_nudge: [],
  admin_nudge_confirm: [...MEETING, "people"],
  button_nudge_send: [],
  button_nudge_cancel: [],
  admin_nudge_sending: [...MEETING, "notified"],
  admin_nudge_nobody: [],
  admin_nudge_aborted: [],
  admin_nudge_closed: MEETING,
  admin_announce_usage: [],
  admin_announce_preview: ["text", "recipients", "size"],
  admin_broadcast_size: ["length", "max"],
  admin_broadcast_size_copy: [],
  admin_broadcast_too_long: ["length", "max"],
  admin_paid_cost: ["count", "stars"],
  button_announce_send: [],
  button_announce_cancel: [],
  admin_announce_sending: ["recipients"],
  admin_announce_cancelled: [],
  admin_announce_done: ["sent", "blocked", "failed", "unknown", "dropped"],
  button_confirm: [],
  button_abort: [],
  admin_action_aborted: [],
  admin_change_started: MEETING,
  admin_change_of_cancelled: MEETING,
  admin_change_stale: MEETING,
  admin_draft_expired: ["minutes"],
  admin_skip_choose: [],
  admin_skip_bad_date: ["text"],
  admin_skip_past: datePlaceholders("", { time: false }),
  admin_skip_no_meeting: datePlaceholders("", { time: false }),
  admin_skip_too_far: datePlaceholders("last_"),
  admin_skip_confirm: [...MEETING, "people"],
  admin_skipped: [...MEETING, "notified"],
  admin_already_skipped: MEETING,
  admin_unskip_choose: [],
  admin_nothing_to_unskip: [],
  admin_unskipped: [...MEETING, "notified"],
  admin_not_skipped: MEETING,
  admin_topic_usage: [],
  admin_topic_too_long: ["length", "max"],
  admin_topic_set: MEETING,
  admin_topic_cleared: MEETING,
  admin_link_usage: [],
  admin_link_too_long: ["length", "max"],
  admin_link_spaces: [],
  admin_link_credentials: [],
  admin_link_private: ["host"],
  admin_link_same: MEETING,
  admin_link_confirm: [...MEETING, "people"],
  admin_link_changed: [...MEETING, "notified"],
  admin_move_usage: [],
  admin_move_invalid: [],
  admin_move_past: [...datePlaceholders("new_"), "tz"],
  admin_move_same: MEETING,
  admin_move_too_far: [...datePlaceholders("limit_"), "tz"],
  admin_move_collides: [
    ...datePlaceholders("other_"),
    "tz",
    "duration",
    "duration_acc",
  ],
  admin_move_confirm: [...MOVE, "people"],
  admin_moved: [...MOVE, "notified"],
  admin_followup_usage: [],
  admin_followup_none: [],
  admin_followup_preview: [...MEETING, "text", "size"],
  button_followup_attendees: ["count"],
  button_followup_all: ["count"],
  admin_followup_sending: ["recipients"],
  admin_followup_done: ["sent", "blocked", "failed", "unknown", "dropped"],
  admin_report: [...MEETING, "job", "sent", "blocked", "failed", "unknown"],
  job_invitation: [],
  job_first_reminder: [],
  job_second_reminder: [],
  job_nudge: [],
  admin_export_caption: ["count"],
  export_columns: [],
  export_meeting_cancelled: [],
  export_meeting_held: [],
  export_meeting_planned: [],
  export_answer_yes: [],
  export_answer_no: [],
  command_start: [],
  command_stop: [],
  command_status: [],
  command_help: [],
  command_stats: [],
  command_who: [],
  command_announce: [],
  command_followup: [],
  command_topic: [],
  command_link: [],
  command_move: [],
  command_skip: [],
  command_unskip: [],
  command_export: [],
  // Seats: usecases/seats.ts, the texts and their placeholders in texts_seats.ts.
  ...seatPlaceholders(MEETING),
} as const satisfies Record<string, readonly string[]>;

/** The name of one text. */
export type TextKey = keyof typeof TEXT_PLACEHOLDERS;

/** All texts, by key. */
export type Texts = Record<TextKey, string>;

/** `{name}`, or `{name|one|few|many}` with the plural forms of the noun after a number. */
const PLACEHOLDER = /\{([a-z_]+)(?:\|([^|{}]+)\|([^|{}]+)\|([^|{}]+))?\}/g;

/**
 * Replaces each `{name}` in `template` by `values[name]`, and `{name|one|few|many}` by
 * the number and the form of the noun it takes; unknown names stay as they are.
 */
export function render(
  template: string,
  values: Readonly<Record<string, string | number>>,
): string {
  return template.replace(
    PLACEHOLDER,
    (whole, name: string, one?: string, few?: string, many?: string) => {
      if (!(name in values)) return whole;
      const value = values[name]!;
      if (one === undefined || few === undefined || many === undefined) {
        return String(value);
      }
      return pluralize(Number(value), [one, few, many]);
    },
  );
}

/**
 * The placeholders of `template` that `allowed` does not have, as written
 * (`"{nmae}"`); a plural form needs all three forms.
 */
export function unknownPlaceholders(
  template: string,
  allowed: readonly string[],
): string[] {
  const unknown: string[] = [];
  for (const match of template.matchAll(/\{([^{}]*)\}/g)) {
    const inner = match[1]!;
    const [name, ...forms] = inner.split("|");
    const shaped = forms.length === 0 ||
      (forms.length === 3 && forms.every((f) => f.trim() !== ""));
    if (!shaped || !/^[a-z_]+$/.test(name!) || !allowed.includes(name!)) {
      unknown.push(match[0]);
    }
  }
  return unknown;
}
