/**
 * The shipped English texts of what comes after the "yes": the pages behind personal
 * links, the question after a meeting, the host's report, the history and the export's
 * columns. Each says what its Russian twin in texts_after.ts says, with the same
 * placeholders; `config.yaml` repeats them under `languages.en.texts`.
 *
 * @module
 */
import type { AFTER_TEXTS } from "./texts_after.ts";

/** The texts of attendance, feedback and history in English, by key. */
export const EN_AFTER_TEXTS = {
  web_lang: "en",
  web_meeting_cancelled: "“{title}” {date_on}, is cancelled. The invitation " +
    "to the next one will come as usual.",
  web_meeting_finished: "“{title}” {date_on}, is already over. The link to " +
    "the next one will come in the reminder.",
  web_not_found:
    "There is no such link. Open the link in the bot's latest message.",
  web_too_many: "Too many requests. Please try again in a minute.",
  feedback_question: "How was “{title}” {date_on}? Rate it from 1 to 5: " +
    "1 — not at all, 5 — very much.",
  feedback_rated: "Thank you! Your rating of “{title}” {date_on}: {rating} " +
    "of 5. You can change it until {until}.",
  button_rating: "{rating}",
  button_rating_chosen: "✅ {rating}",
  feedback_saved: "Thank you, rating saved",
  feedback_closed: "This meeting can no longer be rated.",
  feedback_not_invited: "You can only rate a meeting you were at.",
  feedback_comment_ask: "If you like, write in one message what could be " +
    "better — I'll pass it on to the host. If not, just don't write anything.",
  feedback_comment_saved: "Thank you! I've passed your comment on to the host.",
  feedback_comment_kept: "Thank you! Your comment is saved — the host will " +
    "see it in the meeting's summary.",
  feedback_comment_too_long: "Too long: {length|character|characters}, and " +
    "at most {max} are allowed. Please shorten it and send it again.",
  feedback_comment_header: "⭐ Feedback on the meeting {date_on}. From " +
    "{name}, id {id}, rating {rating} of 5. What could be better is in the " +
    "message below; reply to it and I'll pass your answer on.",
  admin_meeting_report: "Summary of the meeting {date_on}\n\n" +
    "Said yes: {yes}\n{seat_figures}" +
    "Came: {joined}, of them without saying yes: {joined_without_yes}\n" +
    "Said yes but didn't come: {no_show}\n" +
    "Ratings: {rating}\n\n" +
    "Comments:\n{comments}",
  admin_meeting_report_unknown: "Summary of the meeting {date_on}\n\n" +
    "Said yes: {yes}\n{seat_figures}" +
    "Who came is unknown: personal meeting links are off " +
    "(http.public_url in the bot's settings).\n" +
    "Ratings: {rating}\n\n" +
    "Comments:\n{comments}",
  admin_rating: "{average} of 5 on average ({count|rating|ratings})",
  admin_rating_short: "{average} ({count})",
  admin_rating_none: "none",
  admin_comment_line: "• {name}, rating {rating}: {comment}",
  admin_comments_none: "—",
  admin_joined_unknown: "unknown",
  admin_who_name: "{name} — {came} of {of}",
  admin_who_came_note: "The number by a name is how many of the " +
    "{of|most recent meeting|most recent meetings} the person came to (where " +
    "attendance was not recorded, how many times they said “yes”).",
  admin_history: "Past meetings:\n" +
    "{lines}\n\nOne meeting in detail: /history DD.MM",
  admin_history_line: "{date}{topic_part}: {status}; said yes — {yes}, " +
    "came — {joined}, ratings — {rating}",
  admin_history_topic: " “{topic}”",
  admin_history_empty: "There have been no past meetings yet.",
  admin_history_more: "…and {count|more meeting|more meetings} before — the " +
    "whole history is in /export.",
  admin_history_meeting:
    "The meeting {date_on}, at {time} ({tz}): {status}\n\n" +
    "{topic_line}Said yes: {yes}, said no: {no}\n{seat_figures}" +
    "Came: {joined}, of them without saying yes: {joined_without_yes}\n" +
    "Said yes but didn't come: {no_show}\n" +
    "Ratings: {rating}\n\n" +
    "Came as they said:\n{came_names}\n\n" +
    "Came without saying yes:\n{unannounced_names}\n\n" +
    "Said yes but didn't come:\n{absent_names}\n\n" +
    "Comments:\n{comments}",
  admin_history_meeting_unknown:
    "The meeting {date_on}, at {time} ({tz}): {status}\n\n" +
    "{topic_line}Said yes: {yes}, said no: {no}\n{seat_figures}" +
    "Who came is unknown: personal meeting links were off.\n" +
    "Ratings: {rating}\n\n" +
    "Said yes:\n{yes_names}\n\n" +
    "Comments:\n{comments}",
  admin_history_bad_date: "I didn't understand the date “{text}”. Write it " +
    "like this: /history 25.11 — or just /history to see every meeting.",
  admin_history_not_found:
    "There is no meeting on {day} in the history. /history shows every past meeting.",
  export_columns_after: "Came | Rating",
  export_joined_yes: "yes",
  export_joined_no: "no",
  export_joined_unknown: "unknown",
  export_comment_columns: "Meeting date | Telegram ID | First name | " +
    "Last name | Username | Rating | Comment | Commented at",
  admin_export_comments_caption:
    "Comments on meetings: {count|comment|comments}.",
  command_history: "Past meetings: who came, ratings",
} as const satisfies Record<keyof typeof AFTER_TEXTS, string>;
