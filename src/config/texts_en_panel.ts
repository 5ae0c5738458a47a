/**
 * The shipped English texts of the host's panel and of the calendar subscription. Each
 * says what its Russian twin in texts_panel.ts or texts_feed.ts says, with the same
 * placeholders; `config.yaml` repeats them under `languages.en.texts`.
 *
 * @module
 */
import type { FEED_TEXTS } from "./texts_feed.ts";
import type { PANEL_TEXTS } from "./texts_panel.ts";

/** The texts of the host's panel in English, by key. */
export const EN_PANEL_TEXTS = {
  command_panel: "The panel in the browser: charts, history, deliveries",
  panel_link: "Sign in to the panel: {link}\n\n" +
    "The link works for {minutes|minute|minutes} and only once — don't " +
    "forward it. The sign-in lasts {hours|hour|hours}, then send /panel " +
    "again.",
  panel_off: "The panel is off: the bot has no public address " +
    "(http.public_url in its settings). Whoever runs the bot sets it.",
  panel_title: "Panel of “{title}”",
  panel_nav_next: "Next meeting",
  panel_nav_trends: "Trends",
  panel_nav_history: "History",
  panel_nav_deliveries: "Deliveries",
  panel_nav_export: "Download CSV",
  panel_sign_in_title: "Sign in to the panel",
  panel_sign_in: "To open the panel, send /panel to the bot in Telegram — " +
    "it will send you a sign-in link. The link works for " +
    "{minutes|minute|minutes} and only once.",
  panel_link_refused: "This sign-in link has been used already or has " +
    "expired. Send /panel to the bot for a new one.",
  panel_open_in_browser:
    "This is a link to sign in to the panel: open it in your browser.",
  panel_signed_in: "You are signed in to the panel.",
  panel_open: "Open the panel",
  panel_next_fields: "Date | Time | Topic | Link | Status",
  panel_time: "{time} ({tz}), {duration}",
  panel_status_planned: "as planned",
  panel_status_moved: "moved {old_date_from} ({old_time})",
  panel_status_cancelled: "cancelled",
  panel_group_yes: "Coming: {count}",
  panel_group_no: "Not coming: {count}",
  panel_group_none: "No answer: {count}",
  panel_nobody: "nobody",
  panel_no_topic: "no topic",
  panel_chart_people: "Subscribers, sign-ups and attendance",
  panel_chart_rating: "Average rating",
  panel_chart_span: "Meetings on the charts: {count}, over the last half year.",
  panel_series_subscribers: "subscribers",
  panel_series_yes: "said yes",
  panel_series_joined: "came",
  panel_series_rating: "average rating",
  panel_chart_empty: "There have been no past meetings yet.",
  panel_trends_columns: "Meeting | Subscribers | Said yes | Came | Rating",
  panel_missing: "—",
  panel_trends_note: "Subscribers — how many people got the invitation to " +
    "the meeting. A dash — the number is unknown: the meeting was cancelled, " +
    "no invitation went out, or attendance was not recorded (no personal " +
    "links).",
  panel_history_columns: "Date | Topic | Status | Said yes | Came | Rating",
  panel_meeting_heading: "The meeting {date_on}",
  panel_meeting_fields: "Time | Topic | Status | Said yes | Said no | " +
    "Came | Came without saying yes | Said yes but didn't come | Ratings",
  panel_meeting_came: "Came as they said",
  panel_meeting_unannounced: "Came without saying yes",
  panel_meeting_absent: "Said yes but didn't come",
  panel_meeting_yes: "Said yes",
  panel_meeting_unknown: "unknown",
  panel_meeting_comments: "Comments",
  panel_comment: "{name}, rating {rating}",
  panel_back: "← All meetings",
  panel_jobs_heading: "Weekly messages",
  panel_jobs_columns: "Message | Status | Delivered | Blocked | " +
    "Not accepted | Unknown",
  panel_jobs_meeting: "{day}: delivered {sent}, blocked {blocked}, " +
    "not accepted {failed}, unknown {unknown}",
  panel_meeting_link: "Who came and the ratings of this meeting →",
  panel_broadcasts_heading: "Announcements and follow-ups",
  panel_broadcasts_columns: "Date | What | Status | Delivered | " +
    "Blocked | Not accepted | Unknown",
  panel_job_invitation: "invitation",
  panel_job_first_reminder: "first reminder",
  panel_job_second_reminder: "last reminder",
  panel_job_nudge: "reminder to those who hadn't answered",
  panel_job_feedback: "question after the meeting",
  panel_job_meeting_report: "summary to the host",
  panel_run_running: "running",
  panel_run_done: "done",
  panel_run_skipped: "skipped",
  panel_broadcast_announcement: "announcement",
  panel_broadcast_followup: "follow-up",
  panel_deliveries_empty: "No messages have gone out yet.",
  panel_deliveries_note: "Delivered — Telegram accepted the message; " +
    "blocked — the person blocked the bot or deleted their account; " +
    "not accepted — Telegram refused it; unknown — there was no answer, and " +
    "the message was not sent again, to avoid duplicates. Announcements' " +
    "counts are kept for {keep_days|day|days}.",
} as const satisfies Record<keyof typeof PANEL_TEXTS, string>;

/** The texts of the calendar subscription in English, by key. */
export const EN_FEED_TEXTS = {
  command_calendar: "The meetings in your calendar",
  help_calendar_line: "/calendar — the meetings in your calendar\n",
  calendar_feed: "The meetings of “{title}” in your calendar: " +
    "{weekday_every} at {time} ({tz}). Your calendar will pick up moves, " +
    "cancellations and new links by itself.\n\n" +
    "Your subscription address:\n{https}\n\n" +
    "How to add it:\n" +
    "• Google Calendar — on a computer, at calendar.google.com: “Other " +
    "calendars” → “+” → “From URL”, paste the address. On your phone the " +
    "calendar appears by itself. Google refreshes such calendars every few " +
    "hours.\n" +
    "• iPhone and iPad — “Settings” → “Calendar” → “Accounts” → “Add " +
    "Account” → “Other” → “Add Subscribed Calendar”, paste the address. On " +
    "a Mac — in Calendar, “File” → “New Calendar Subscription”.\n" +
    "• Outlook — “Add calendar” → “Subscribe from web”, paste the address.\n\n" +
    "If the app asks for a webcal address, here it is:\n{webcal}\n\n" +
    "The address is personal: it holds your links to the meetings, don't " +
    "forward it. If someone else got it, press “Change the address” — the " +
    "old one will stop working.",
  calendar_feed_new: "The address is changed: the old one no longer works. " +
    "Add the new one to your calendar and remove the subscription to the old " +
    "one.",
  calendar_feed_confirm: "Change the subscription address? The old one " +
    "will stop working: a calendar subscribed to it will no longer update, " +
    "and you will have to add the new address again.",
  button_calendar_reset: "Change the address",
  button_calendar_reset_yes: "Yes, change it",
  button_calendar_reset_no: "No, keep it",
  calendar_feed_kept: "The address has not changed.",
  calendar_feed_off: "This bot has no calendar subscription. Answer " +
    "“Yes, I'll be there” to an invitation — and I'll send you the meeting's " +
    "file for your calendar.",
  calendar_feed_not_subscribed: "The calendar is for those who get the " +
    "invitations. Send /start and subscribe.",
  feed_name: "{title}",
  feed_summary: "{title}",
  feed_summary_topic: "{title}: {topic}",
  feed_description: "Link to the meeting: {link}\n\n" +
    "Will you come? Answer the bot: https://t.me/{bot}",
} as const satisfies Record<keyof typeof FEED_TEXTS, string>;
