/**
 * The shipped English texts that only admins read, and the command menu. Each says
 * what its Russian twin in texts_admin.ts says, with the same placeholders;
 * `config.yaml` repeats them under `languages.en.texts`.
 *
 * @module
 */
import type { ADMIN_TEXTS } from "./texts_admin.ts";

/** The delivery outcome lines of a broadcast's report, shared by two texts. */
const OUTCOMES = "— delivered: {sent};\n" +
  "— blocked the bot: {blocked};\n" +
  "— not accepted by Telegram: {failed};\n" +
  "— unknown whether it arrived: {unknown} (Telegram did not answer; I " +
  "don't send it again, to avoid duplicates);\n" +
  "— not sent, as the person unsubscribed meanwhile: {dropped}.";

/** Admins' texts and command descriptions in English, by key. */
export const EN_ADMIN_TEXTS = {
  relay_header: "💬 From {name}, id {id}. Reply to this message and I'll " +
    "pass your answer on.",
  relay_answered: "Answer delivered: {name}.",
  relay_answer_blocked: "Answer not delivered: {name} — the bot is blocked " +
    "or the account deleted.",
  relay_answer_failed: "Answer not delivered: {name} — Telegram did not " +
    "accept it.",
  relay_answer_unknown: "I don't know whether the answer arrived: {name} — " +
    "Telegram did not answer. I won't send it again, to avoid a duplicate.",
  help_admin: "For hosts:\n" +
    "• To answer a participant, reply to their forwarded message or to the " +
    "line above it: they get your answer marked “The host's answer”, in reply " +
    "to their question. The answer goes as it is, even if it starts with " +
    "“/” — write a command as a message of its own. Once I know whether the " +
    "answer arrived, I'll tell you.\n" +
    "• /announce and /followup — at most {max|character|characters}, in one " +
    "message; I won't take a longer text. The preview shows how many " +
    "characters it has and who will get it.\n" +
    "• /skip and /move: after the date you may write a reason — participants " +
    "will see it in the notice of the cancellation or move. For example: " +
    "/skip 02.12 The host is ill.",
  relay_unknown_reply: "I don't know whom to pass this to: reply to a " +
    "participant's forwarded message.",
  admin_stats: "Invitations go to: {registered}.\n" +
    "Of them paused: {paused}.\n" +
    "Opened the bot but did not subscribe: {not_registered}.\n" +
    "Unsubscribed: {stopped}.\n\n" +
    "The meeting {date_on}, at {time} ({tz}):\n" +
    "— coming: {yes};\n" +
    "— not coming: {no};\n" +
    "— no answer: {none}.\n\n" +
    "Schedule changes:\n{changes}\n\nPast weeks:\n{history}",
  admin_stats_week: "{date}: “yes” — {yes}, “no” — {no}, came — " +
    "{joined}, ratings — {rating}{status}",
  admin_stats_cancelled: " (cancelled)",
  admin_change_cancelled: "{date}: cancelled",
  admin_change_moved: "{old_date}: moved to {new_date_acc}, {new_time} ({tz})",
  admin_change_topic: "{date}: topic “{topic}”",
  admin_change_link: "{date}: another link — {link}",
  admin_who: "The meeting {date_on}, at {time} ({tz})\n\n" +
    "✅ Coming ({yes}):\n{yes_names}\n\n" +
    "❌ Not coming ({no}):\n{no_names}\n\n" +
    "❔ No answer ({none}):\n{none_names}",
  admin_who_empty_group: "—",
  admin_who_empty: "Nobody to invite to the meeting {date_on}, yet: nobody " +
    "has subscribed to invitations.",
  button_who_nudge: "Remind those who haven't answered",
  admin_nudge_confirm: "Remind those who haven't answered about the meeting " +
    "{date_on}? I'll write to {people|participant|participants}; whoever I " +
    "reminded this week already won't get a second one.",
  button_nudge_send: "Remind",
  button_nudge_cancel: "Don't",
  admin_nudge_sending: "Reminding {notified|participant|participants} of " +
    "the meeting {date_on}. Their answers will show in /who.",
  admin_nudge_nobody: "Nobody to remind: everyone invited has answered or " +
    "was reminded this week.",
  admin_nudge_aborted: "All right, no reminder.",
  admin_nudge_closed: "Too late to remind: the meeting {date_on}, has " +
    "started or is cancelled.",
  admin_announce_usage:
    "Write the text after the command: /announce The announcement",
  admin_announce_preview:
    "The announcement will go to {recipients|subscriber|subscribers}. " +
    "{size}\n\n{text}",
  admin_broadcast_size: "One message, {length|character|characters} of {max}.",
  admin_broadcast_size_copy: "One message: a copy of the post.",
  admin_broadcast_too_long: "Too long: {length|character|characters}, and " +
    "one message holds at most {max|character|characters}. Shorten the text " +
    "or split it into several announcements.",
  admin_paid_cost: "Paid broadcast: up to {stars} ⭐ for " +
    "{count|message|messages} (0.1 ⭐ each, from the bot's balance).",
  button_announce_send: "Send",
  button_announce_cancel: "Cancel",
  admin_announce_sending: "Sending the announcement to " +
    "{recipients|subscriber|subscribers}. When it's done, I'll tell you how " +
    "it went.",
  admin_announce_cancelled: "Announcement cancelled.",
  admin_announce_done: "The announcement went out:\n" + OUTCOMES,
  button_confirm: "Yes, confirm",
  button_abort: "No, leave it as it is",
  admin_action_aborted: "All right, I'm changing nothing.",
  admin_change_started: "The meeting {date_on}, has already started — too " +
    "late to change it.",
  admin_change_of_cancelled: "The meeting {date_on}, is cancelled. To move " +
    "it or change its link, restore it first: /unskip.",
  admin_change_stale: "While you were deciding, the meeting {date_on}, was " +
    "changed (moved, cancelled or given another link). I'm changing nothing: " +
    "look at /stats and repeat the command if needed.",
  admin_draft_expired: "More than {minutes|minute|minutes} have passed " +
    "since this question — I'm changing nothing. Repeat the command if it is " +
    "still needed.",
  admin_skip_choose: "Which meeting shall I cancel?",
  admin_skip_bad_date: "I didn't understand the date “{text}”. Write it like " +
    "this: /skip 02.12 — or just /skip to choose a meeting from the list.",
  admin_skip_past: "{day} has passed: only a meeting still ahead can be " +
    "cancelled. /skip without a date shows the next ones.",
  admin_skip_no_meeting: "There is no meeting on {date_acc}. /skip without " +
    "a date shows the next meetings.",
  admin_skip_too_far: "I don't cancel that far ahead: you can cancel one of " +
    "the next meetings, up to {last_date_gen} inclusive. /skip without a date " +
    "shows them.",
  admin_skip_confirm: "Cancel the meeting {date_on}, at {time} ({tz})? I'll " +
    "tell {people|subscriber|subscribers}; there will be no reminders." +
    "{reason_line}",
  admin_reason_line: "\n\nParticipants will see the reason: {reason}",
  admin_reason_too_long: "The reason is too long: " +
    "{length|character|characters}, and at most {max} are allowed. Please " +
    "shorten it.",
  admin_skipped: "The meeting {date_on}, is cancelled. Telling " +
    "{notified|subscriber|subscribers}; there will be no reminders.",
  admin_already_skipped: "The meeting {date_on}, is already cancelled.",
  admin_unskip_choose: "Which cancelled meeting shall I bring back?",
  admin_unskip_confirm: "Bring back the meeting {date_on}, at {time} ({tz})? " +
    "I'll tell {people|subscriber|subscribers} that it takes place after all.",
  admin_nothing_to_unskip: "There are no cancelled meetings ahead.",
  admin_unskipped: "The meeting {date_on}, is back in the schedule. Telling " +
    "{notified|subscriber|subscribers}.",
  admin_not_skipped: "The meeting {date_on}, is in the schedule anyway.",
  admin_topic_usage: "Write the topic after the command: /topic The topic. " +
    "To remove the topic: /topic -",
  admin_topic_too_long: "The topic is too long: " +
    "{length|character|characters}, and at most {max} are allowed. Please " +
    "shorten it.",
  admin_topic_set: "The topic of the meeting {date_on}: “{topic}”. It will " +
    "be in the invitation and the reminders.",
  admin_topic_set_sent: "The topic of the meeting {date_on}: “{topic}”. I'll " +
    "add it to the {edited|message|messages} about the meeting already sent — " +
    "without a new notification — and show it in the next ones.",
  admin_topic_cleared: "The topic of the meeting {date_on}, is removed.",
  admin_topic_cleared_sent:
    "The topic of the meeting {date_on}, is removed — " +
    "I'll remove it from the {edited|message|messages} about the meeting " +
    "already sent too.",
  admin_link_usage: "Write the new link after the command: /link https://… — " +
    "for the next meeting only.",
  admin_link_too_long: "The link is too long: " +
    "{length|character|characters}, and at most {max} are allowed.",
  admin_link_spaces: "Send one link with no text around it: no spaces, line " +
    "breaks or invisible characters in it.",
  admin_link_credentials: "The link has a login or password in it " +
    "(user:pass@) — every participant would see them. Send the link without them.",
  admin_link_private: "The link leads to {host} — an address that is not on " +
    "the internet (local or internal), participants won't get there. Send a " +
    "public link.",
  admin_link_same: "The meeting {date_on}, has this link already: {link}.",
  admin_link_confirm: "Change the link to the meeting {date_on}, to {link}? " +
    "I'll tell the {people|person|people} who said yes.",
  admin_link_changed: "The link to the meeting {date_on}, is now {link}. " +
    "Telling the {notified|person|people} who said yes.",
  admin_move_usage: "Write the new date and time: /move 03.12 15:00 (for the " +
    "next meeting only).",
  admin_move_invalid:
    "I didn't understand the date and time. For example: /move 03.12 15:00.",
  admin_move_past: "I won't move it to {new_date_acc}, {new_time} ({tz}): " +
    "that time has passed. A meeting can only move to a time still ahead.",
  admin_move_same: "The meeting {date_on}, is at {time} ({tz}) anyway.",
  admin_move_too_far: "I don't move it that far: the new time must be " +
    "before {limit_date_gen}, {limit_time} ({tz}) — within the weeks /skip " +
    "offers.",
  admin_move_collides: "I won't move it: the meetings would overlap — " +
    "another meeting starts {other_date_on}, at {other_time} ({tz}), and " +
    "lasts {duration_acc}. Choose another time.",
  admin_move_confirm: "Move the meeting {old_date_from}, {old_time}, to " +
    "{new_date_acc}, {new_time} ({tz})? I'll tell the " +
    "{people|invited person|invited people}, and correct the time in the " +
    "messages about the meeting already sent.{reason_line}",
  admin_moved: "The meeting is moved {old_date_from}, {old_time}, to " +
    "{new_date_acc}, {new_time} ({tz}). Telling the " +
    "{notified|invited person|invited people} and correcting the time in the " +
    "messages about the meeting already sent.",
  admin_followup_usage: "Write the text after the command (/followup The " +
    "recording: https://…) or reply with /followup to a post to send on.",
  admin_followup_none: "There have been no past meetings yet.",
  admin_followup_preview:
    "Follow-up to the meeting {date_on}. {size} Whom shall I send it to?\n\n" +
    "{text}",
  button_followup_attendees: "Those who said yes ({count})",
  button_followup_all: "All subscribers ({count})",
  admin_followup_sending: "Sending the follow-up to " +
    "{recipients|subscriber|subscribers}. When it's done, I'll tell you how " +
    "it went.",
  admin_followup_done: "The follow-up went out:\n" + OUTCOMES,
  admin_report: "The meeting {date_on}: {job} sent.\n" +
    "— delivered: {sent};\n" +
    "— blocked the bot: {blocked};\n" +
    "— not accepted by Telegram: {failed};\n" +
    "— unknown whether it arrived: {unknown} (Telegram did not answer; I " +
    "don't send it again, to avoid duplicates).",
  job_invitation: "invitations",
  job_first_reminder: "first reminders",
  job_second_reminder: "last reminders",
  job_nudge: "reminders to those who hadn't answered",
  admin_export_caption:
    "History of answers to invitations: {count|record|records}.",
  export_columns: "Meeting date | Meeting status | Start | Topic | " +
    "Telegram ID | First name | Last name | Username | Answer | Answered at",
  export_meeting_cancelled: "cancelled",
  export_meeting_held: "held",
  export_meeting_planned: "planned",
  export_answer_yes: "yes",
  export_answer_no: "no",
  command_start: "Subscribe to invitations",
  command_stop: "Unsubscribe",
  command_status: "Subscription and answer for the next meeting",
  command_help: "Help",
  command_stats: "Subscribers and answers",
  command_who: "Who is coming, who isn't, who hasn't answered",
  command_announce: "An announcement to all subscribers",
  command_followup: "Follow-up to a past meeting: recording, materials",
  command_topic: "The next meeting's topic",
  command_link: "A new link for the next meeting",
  command_move: "Move the next meeting",
  command_skip: "Cancel a meeting",
  command_unskip: "Bring back a cancelled meeting",
  command_export: "History of answers (CSV)",
  command_language: "Language",
} as const satisfies Record<keyof typeof ADMIN_TEXTS, string>;
