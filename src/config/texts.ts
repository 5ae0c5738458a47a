/**
 * Every message and button label the bot shows, with the placeholders each may use.
 *
 * `config.yaml` overrides any of them under `texts:`; a key it does not name keeps the
 * default (`default_texts.ts`), so that a new text added by an upgrade never breaks an
 * older config.
 *
 * @module
 */

/** Placeholders allowed in each text; `{name}` in a template must be one of these. */
export const TEXT_PLACEHOLDERS = {
  start_greeting: ["name", "title"],
  button_register_yes: [],
  button_register_no: [],
  registered_yes: ["title", "weekday", "time"],
  registered_no: [],
  stopped: [],
  not_subscribed: [],
  invitation: ["title", "date", "time", "link"],
  button_attend_yes: [],
  button_attend_no: [],
  answer_yes: ["title", "date", "time"],
  answer_no: ["title", "date", "time"],
  answer_expired: [],
  answer_saved: [],
  first_reminder: ["title", "date", "time", "link"],
  second_reminder: ["title", "date", "time", "link"],
  help: ["title", "weekday", "time"],
  status: ["subscription", "answer", "date", "time"],
  status_subscribed: [],
  status_unsubscribed: [],
  status_inactive: [],
  status_answer_yes: [],
  status_answer_no: [],
  status_answer_none: [],
  unknown_command: [],
  unknown_message: [],
  bad_button: [],
  nudge: ["title", "date", "time", "link"],
  meeting_cancelled: ["title", "date", "time"],
  calendar_caption: ["title", "date", "time"],
  admin_stats: ["active", "registered", "date", "yes", "no", "none", "history"],
  admin_stats_week: ["date", "yes", "no", "status"],
  admin_who: ["date", "count", "names"],
  admin_who_empty: ["date"],
  admin_announce_usage: [],
  admin_announce_preview: ["text", "recipients"],
  button_announce_send: [],
  button_announce_cancel: [],
  admin_announce_sending: ["recipients"],
  admin_announce_cancelled: [],
  admin_announce_done: ["sent", "blocked", "failed"],
  admin_skipped: ["date", "notified"],
  admin_already_skipped: ["date"],
  admin_unskipped: ["date"],
  admin_not_skipped: ["date"],
  admin_report: ["job", "date", "sent", "blocked", "failed", "unknown"],
  admin_export_caption: ["count"],
  admin_stats_cancelled: [],
  export_columns: [],
  export_meeting_cancelled: [],
  export_meeting_held: [],
  export_meeting_planned: [],
  export_answer_yes: [],
  export_answer_no: [],
  flood_notice: [],
  unavailable: [],
  command_start: [],
  command_stop: [],
  command_status: [],
  command_help: [],
  command_stats: [],
  command_who: [],
  command_announce: [],
  command_skip: [],
  command_unskip: [],
  command_export: [],
} as const satisfies Record<string, readonly string[]>;

/** The name of one text. */
export type TextKey = keyof typeof TEXT_PLACEHOLDERS;

/** All texts, by key. */
export type Texts = Record<TextKey, string>;

/** Replaces each `{name}` in `template` by `values[name]`; unknown names stay as they are. */
export function render(
  template: string,
  values: Readonly<Record<string, string | number>>,
): string {
  return template.replace(
    /\{([a-z_]+)\}/g,
    (whole, name: string) => name in values ? String(values[name]) : whole,
  );
}
