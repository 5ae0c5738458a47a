/**
 * Every admin text and menu entry in English, as the shipped defaults render it for the
 * meeting of Wednesday 9 December 2026, 11:00 Moscow time, typed by the Russian texts'
 * keys so that a text without its English expectation does not compile; and each
 * counted noun in its English form at 1, 2, 5 and 21 (where Russian says "21 участнику",
 * English says "21 participants").
 */
import assert from "node:assert/strict";
import type { TextKey } from "../src/config/texts.ts";
import type { ADMIN_TEXTS } from "../src/config/texts_admin.ts";
import { counts, ENGLISH, sayIn } from "./support/texts.ts";

/** What each admin text reads in English, with the values the bot fills in. */
const EXPECTED: Record<keyof typeof ADMIN_TEXTS, string> = {
  relay_header:
    "💬 From Anna Smith (@anna), id 123456789. Reply to this message and I'll pass your answer on.",
  relay_answered: "Answer delivered: Anna Smith (@anna).",
  relay_answer_blocked:
    "Answer not delivered: Anna Smith (@anna) — the bot is blocked or the account deleted.",
  relay_answer_failed:
    "Answer not delivered: Anna Smith (@anna) — Telegram did not accept it.",
  relay_answer_unknown:
    "I don't know whether the answer arrived: Anna Smith (@anna) — Telegram did not answer. I won't send it again, to avoid a duplicate.",
  help_admin:
    "For hosts:\n• To answer a participant, reply to their forwarded message or to the line above it: they get your answer marked “The host's answer”, in reply to their question. The answer goes as it is, even if it starts with “/” — write a command as a message of its own. Once I know whether the answer arrived, I'll tell you.\n• /announce and /followup — at most 4096 characters, in one message; I won't take a longer text. The preview shows how many characters it has and who will get it.\n• /skip and /move: after the date you may write a reason — participants will see it in the notice of the cancellation or move. For example: /skip 02.12 The host is ill.",
  relay_unknown_reply:
    "I don't know whom to pass this to: reply to a participant's forwarded message.",
  admin_stats:
    "Invitations go to: 21.\nOf them paused: 3.\nOpened the bot but did not subscribe: 2.\nUnsubscribed: 1.\n\nThe meeting on Wednesday, 9 December, at 11:00 (Moscow time):\n— coming: 5;\n— not coming: 2;\n— no answer: 14.\n\nSchedule changes:\nWednesday, 16 December: topic “The year in review”\n\nPast weeks:\nWednesday, 2 December: “yes” — 4, “no” — 1",
  admin_stats_week:
    "Wednesday, 9 December: “yes” — 5, “no” — 2, came — 4, ratings — 4.3 (3) (cancelled)",
  admin_stats_cancelled: " (cancelled)",
  admin_change_cancelled: "Wednesday, 9 December: cancelled",
  admin_change_moved:
    "Wednesday, 9 December: moved to Thursday, 10 December, 12:30 (Moscow time)",
  admin_change_topic: "Wednesday, 9 December: topic “The year in review”",
  admin_change_link:
    "Wednesday, 9 December: another link — https://example.com/live",
  admin_who:
    "The meeting on Wednesday, 9 December, at 11:00 (Moscow time)\n\n✅ Coming (2):\nAnna Smith (@anna)\nBob\n\n❌ Not coming (1):\nVera\n\n❔ No answer (0):\n—",
  admin_who_empty_group: "—",
  admin_who_empty:
    "Nobody to invite to the meeting on Wednesday, 9 December, yet: nobody has subscribed to invitations.",
  button_who_nudge: "Remind those who haven't answered",
  admin_nudge_confirm:
    "Remind those who haven't answered about the meeting on Wednesday, 9 December? I'll write to 5 participants; whoever I reminded this week already won't get a second one.",
  button_nudge_send: "Remind",
  button_nudge_cancel: "Don't",
  admin_nudge_sending:
    "Reminding 5 participants of the meeting on Wednesday, 9 December. Their answers will show in /who.",
  admin_nudge_nobody:
    "Nobody to remind: everyone invited has answered or was reminded this week.",
  admin_nudge_aborted: "All right, no reminder.",
  admin_nudge_closed:
    "Too late to remind: the meeting on Wednesday, 9 December, has started or is cancelled.",
  admin_announce_usage:
    "Write the text after the command: /announce The announcement",
  admin_announce_preview:
    "The announcement will go to 5 subscribers. One message, 39 characters of 4096.\n\nRecording: https://example.com/recording",
  admin_broadcast_size: "One message, 39 characters of 4096.",
  admin_broadcast_size_copy: "One message: a copy of the post.",
  admin_broadcast_too_long:
    "Too long: 4500 characters, and one message holds at most 4096 characters. Shorten the text or split it into several announcements.",
  admin_paid_cost:
    "Paid broadcast: up to 3 ⭐ for 5 messages (0.1 ⭐ each, from the bot's balance).",
  button_announce_send: "Send",
  button_announce_cancel: "Cancel",
  admin_announce_sending:
    "Sending the announcement to 5 subscribers. When it's done, I'll tell you how it went.",
  admin_announce_cancelled: "Announcement cancelled.",
  admin_announce_done:
    "The announcement went out:\n— delivered: 19;\n— blocked the bot: 1;\n— not accepted by Telegram: 0;\n— unknown whether it arrived: 1 (Telegram did not answer; I don't send it again, to avoid duplicates);\n— not sent, as the person unsubscribed meanwhile: 0.",
  button_confirm: "Yes, confirm",
  button_abort: "No, leave it as it is",
  admin_action_aborted: "All right, I'm changing nothing.",
  admin_change_started:
    "The meeting on Wednesday, 9 December, has already started — too late to change it.",
  admin_change_of_cancelled:
    "The meeting on Wednesday, 9 December, is cancelled. To move it or change its link, restore it first: /unskip.",
  admin_change_stale:
    "While you were deciding, the meeting on Wednesday, 9 December, was changed (moved, cancelled or given another link). I'm changing nothing: look at /stats and repeat the command if needed.",
  admin_draft_expired:
    "More than 15 minutes have passed since this question — I'm changing nothing. Repeat the command if it is still needed.",
  admin_skip_choose: "Which meeting shall I cancel?",
  admin_skip_bad_date:
    "I didn't understand the date “31.02”. Write it like this: /skip 02.12 — or just /skip to choose a meeting from the list.",
  admin_skip_past:
    "2 December has passed: only a meeting still ahead can be cancelled. /skip without a date shows the next ones.",
  admin_skip_no_meeting:
    "There is no meeting on Thursday, 10 December. /skip without a date shows the next meetings.",
  admin_skip_too_far:
    "I don't cancel that far ahead: you can cancel one of the next meetings, up to Wednesday, 13 January inclusive. /skip without a date shows them.",
  admin_skip_confirm:
    "Cancel the meeting on Wednesday, 9 December, at 11:00 (Moscow time)? I'll tell 5 subscribers; there will be no reminders.",
  admin_reason_line: "\n\nParticipants will see the reason: the host is ill",
  admin_reason_too_long:
    "The reason is too long: 250 characters, and at most 200 are allowed. Please shorten it.",
  admin_skipped:
    "The meeting on Wednesday, 9 December, is cancelled. Telling 5 subscribers; there will be no reminders.",
  admin_already_skipped:
    "The meeting on Wednesday, 9 December, is already cancelled.",
  admin_unskip_choose: "Which cancelled meeting shall I bring back?",
  admin_unskip_confirm:
    "Bring back the meeting on Wednesday, 9 December, at 11:00 (Moscow time)? I'll tell 5 subscribers that it takes place after all.",
  admin_nothing_to_unskip: "There are no cancelled meetings ahead.",
  admin_unskipped:
    "The meeting on Wednesday, 9 December, is back in the schedule. Telling 5 subscribers.",
  admin_not_skipped:
    "The meeting on Wednesday, 9 December, is in the schedule anyway.",
  admin_topic_usage:
    "Write the topic after the command: /topic The topic. To remove the topic: /topic -",
  admin_topic_too_long:
    "The topic is too long: 250 characters, and at most 200 are allowed. Please shorten it.",
  admin_topic_set:
    "The topic of the meeting on Wednesday, 9 December: “The year in review”. It will be in the invitation and the reminders.",
  admin_topic_set_sent:
    "The topic of the meeting on Wednesday, 9 December: “The year in review”. I'll add it to the 3 messages about the meeting already sent — without a new notification — and show it in the next ones.",
  admin_topic_cleared:
    "The topic of the meeting on Wednesday, 9 December, is removed.",
  admin_topic_cleared_sent:
    "The topic of the meeting on Wednesday, 9 December, is removed — I'll remove it from the 1 message about the meeting already sent too.",
  admin_link_usage:
    "Write the new link after the command: /link https://… — for the next meeting only.",
  admin_link_too_long:
    "The link is too long: 420 characters, and at most 300 are allowed.",
  admin_link_spaces:
    "Send one link with no text around it: no spaces, line breaks or invisible characters in it.",
  admin_link_credentials:
    "The link has a login or password in it (user:pass@) — every participant would see them. Send the link without them.",
  admin_link_private:
    "The link leads to 192.168.0.10 — an address that is not on the internet (local or internal), participants won't get there. Send a public link.",
  admin_link_same:
    "The meeting on Wednesday, 9 December, has this link already: https://example.com/live.",
  admin_link_confirm:
    "Change the link to the meeting on Wednesday, 9 December, to https://example.com/new? I'll tell the 5 people who said yes.",
  admin_link_changed:
    "The link to the meeting on Wednesday, 9 December, is now https://example.com/new. Telling the 5 people who said yes.",
  admin_move_usage:
    "Write the new date and time: /move 03.12 15:00 (for the next meeting only).",
  admin_move_invalid:
    "I didn't understand the date and time. For example: /move 03.12 15:00.",
  admin_move_past:
    "I won't move it to Thursday, 10 December, 12:30 (Moscow time): that time has passed. A meeting can only move to a time still ahead.",
  admin_move_same:
    "The meeting on Wednesday, 9 December, is at 11:00 (Moscow time) anyway.",
  admin_move_too_far:
    "I don't move it that far: the new time must be before Wednesday, 20 January, 11:00 (Moscow time) — within the weeks /skip offers.",
  admin_move_collides:
    "I won't move it: the meetings would overlap — another meeting starts on Wednesday, 16 December, at 11:00 (Moscow time), and lasts 1 hour. Choose another time.",
  admin_move_confirm:
    "Move the meeting from Wednesday, 9 December, 11:00, to Thursday, 10 December, 12:30 (Moscow time)? I'll tell the 5 invited people, and correct the time in the messages about the meeting already sent.",
  admin_moved:
    "The meeting is moved from Wednesday, 9 December, 11:00, to Thursday, 10 December, 12:30 (Moscow time). Telling the 5 invited people and correcting the time in the messages about the meeting already sent.",
  admin_followup_usage:
    "Write the text after the command (/followup The recording: https://…) or reply with /followup to a post to send on.",
  admin_followup_none: "There have been no past meetings yet.",
  admin_followup_preview:
    "Follow-up to the meeting on Wednesday, 9 December. One message, 39 characters of 4096. Whom shall I send it to?\n\nRecording: https://example.com/recording",
  button_followup_attendees: "Those who said yes (5)",
  button_followup_all: "All subscribers (5)",
  admin_followup_sending:
    "Sending the follow-up to 5 subscribers. When it's done, I'll tell you how it went.",
  admin_followup_done:
    "The follow-up went out:\n— delivered: 19;\n— blocked the bot: 1;\n— not accepted by Telegram: 0;\n— unknown whether it arrived: 1 (Telegram did not answer; I don't send it again, to avoid duplicates);\n— not sent, as the person unsubscribed meanwhile: 0.",
  admin_report:
    "The meeting on Wednesday, 9 December: invitations sent.\n— delivered: 19;\n— blocked the bot: 1;\n— not accepted by Telegram: 0;\n— unknown whether it arrived: 1 (Telegram did not answer; I don't send it again, to avoid duplicates).",
  job_invitation: "invitations",
  job_first_reminder: "first reminders",
  job_second_reminder: "last reminders",
  job_nudge: "reminders to those who hadn't answered",
  admin_export_caption: "History of answers to invitations: 5 records.",
  export_columns:
    "Meeting date | Meeting status | Start | Topic | Telegram ID | First name | Last name | Username | Answer | Answered at",
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
};

Deno.test("every admin text reads in English as a native speaker writes it", () => {
  for (const [key, expected] of Object.entries(EXPECTED)) {
    assert.equal(sayIn(ENGLISH, key as keyof typeof EXPECTED), expected, key);
  }
});

/** Each English text with a counted noun, with every number at 1, 2, 5 and 21. */
const PLURALS: Partial<Record<TextKey, [string, string, string, string]>> = {
  admin_nudge_confirm: [
    "Remind those who haven't answered about the meeting on Wednesday, 9 December? I'll write to 1 participant; whoever I reminded this week already won't get a second one.",
    "Remind those who haven't answered about the meeting on Wednesday, 9 December? I'll write to 2 participants; whoever I reminded this week already won't get a second one.",
    "Remind those who haven't answered about the meeting on Wednesday, 9 December? I'll write to 5 participants; whoever I reminded this week already won't get a second one.",
    "Remind those who haven't answered about the meeting on Wednesday, 9 December? I'll write to 21 participants; whoever I reminded this week already won't get a second one.",
  ],
  admin_announce_preview: [
    "The announcement will go to 1 subscriber. One message, 39 characters of 4096.\n\nRecording: https://example.com/recording",
    "The announcement will go to 2 subscribers. One message, 39 characters of 4096.\n\nRecording: https://example.com/recording",
    "The announcement will go to 5 subscribers. One message, 39 characters of 4096.\n\nRecording: https://example.com/recording",
    "The announcement will go to 21 subscribers. One message, 39 characters of 4096.\n\nRecording: https://example.com/recording",
  ],
  admin_broadcast_too_long: [
    "Too long: 1 character, and one message holds at most 1 character. Shorten the text or split it into several announcements.",
    "Too long: 2 characters, and one message holds at most 2 characters. Shorten the text or split it into several announcements.",
    "Too long: 5 characters, and one message holds at most 5 characters. Shorten the text or split it into several announcements.",
    "Too long: 21 characters, and one message holds at most 21 characters. Shorten the text or split it into several announcements.",
  ],
  admin_paid_cost: [
    "Paid broadcast: up to 1 ⭐ for 1 message (0.1 ⭐ each, from the bot's balance).",
    "Paid broadcast: up to 2 ⭐ for 2 messages (0.1 ⭐ each, from the bot's balance).",
    "Paid broadcast: up to 5 ⭐ for 5 messages (0.1 ⭐ each, from the bot's balance).",
    "Paid broadcast: up to 21 ⭐ for 21 messages (0.1 ⭐ each, from the bot's balance).",
  ],
  admin_skip_confirm: [
    "Cancel the meeting on Wednesday, 9 December, at 11:00 (Moscow time)? I'll tell 1 subscriber; there will be no reminders.",
    "Cancel the meeting on Wednesday, 9 December, at 11:00 (Moscow time)? I'll tell 2 subscribers; there will be no reminders.",
    "Cancel the meeting on Wednesday, 9 December, at 11:00 (Moscow time)? I'll tell 5 subscribers; there will be no reminders.",
    "Cancel the meeting on Wednesday, 9 December, at 11:00 (Moscow time)? I'll tell 21 subscribers; there will be no reminders.",
  ],
  admin_link_changed: [
    "The link to the meeting on Wednesday, 9 December, is now https://example.com/new. Telling the 1 person who said yes.",
    "The link to the meeting on Wednesday, 9 December, is now https://example.com/new. Telling the 2 people who said yes.",
    "The link to the meeting on Wednesday, 9 December, is now https://example.com/new. Telling the 5 people who said yes.",
    "The link to the meeting on Wednesday, 9 December, is now https://example.com/new. Telling the 21 people who said yes.",
  ],
  admin_moved: [
    "The meeting is moved from Wednesday, 9 December, 11:00, to Thursday, 10 December, 12:30 (Moscow time). Telling the 1 invited person and correcting the time in the messages about the meeting already sent.",
    "The meeting is moved from Wednesday, 9 December, 11:00, to Thursday, 10 December, 12:30 (Moscow time). Telling the 2 invited people and correcting the time in the messages about the meeting already sent.",
    "The meeting is moved from Wednesday, 9 December, 11:00, to Thursday, 10 December, 12:30 (Moscow time). Telling the 5 invited people and correcting the time in the messages about the meeting already sent.",
    "The meeting is moved from Wednesday, 9 December, 11:00, to Thursday, 10 December, 12:30 (Moscow time). Telling the 21 invited people and correcting the time in the messages about the meeting already sent.",
  ],
  admin_topic_set_sent: [
    "The topic of the meeting on Wednesday, 9 December: “The year in review”. I'll add it to the 1 message about the meeting already sent — without a new notification — and show it in the next ones.",
    "The topic of the meeting on Wednesday, 9 December: “The year in review”. I'll add it to the 2 messages about the meeting already sent — without a new notification — and show it in the next ones.",
    "The topic of the meeting on Wednesday, 9 December: “The year in review”. I'll add it to the 5 messages about the meeting already sent — without a new notification — and show it in the next ones.",
    "The topic of the meeting on Wednesday, 9 December: “The year in review”. I'll add it to the 21 messages about the meeting already sent — without a new notification — and show it in the next ones.",
  ],
  admin_draft_expired: [
    "More than 1 minute have passed since this question — I'm changing nothing. Repeat the command if it is still needed.",
    "More than 2 minutes have passed since this question — I'm changing nothing. Repeat the command if it is still needed.",
    "More than 5 minutes have passed since this question — I'm changing nothing. Repeat the command if it is still needed.",
    "More than 21 minutes have passed since this question — I'm changing nothing. Repeat the command if it is still needed.",
  ],
  admin_export_caption: [
    "History of answers to invitations: 1 record.",
    "History of answers to invitations: 2 records.",
    "History of answers to invitations: 5 records.",
    "History of answers to invitations: 21 records.",
  ],
  help_admin: [
    "For hosts:\n• To answer a participant, reply to their forwarded message or to the line above it: they get your answer marked “The host's answer”, in reply to their question. The answer goes as it is, even if it starts with “/” — write a command as a message of its own. Once I know whether the answer arrived, I'll tell you.\n• /announce and /followup — at most 1 character, in one message; I won't take a longer text. The preview shows how many characters it has and who will get it.\n• /skip and /move: after the date you may write a reason — participants will see it in the notice of the cancellation or move. For example: /skip 02.12 The host is ill.",
    "For hosts:\n• To answer a participant, reply to their forwarded message or to the line above it: they get your answer marked “The host's answer”, in reply to their question. The answer goes as it is, even if it starts with “/” — write a command as a message of its own. Once I know whether the answer arrived, I'll tell you.\n• /announce and /followup — at most 2 characters, in one message; I won't take a longer text. The preview shows how many characters it has and who will get it.\n• /skip and /move: after the date you may write a reason — participants will see it in the notice of the cancellation or move. For example: /skip 02.12 The host is ill.",
    "For hosts:\n• To answer a participant, reply to their forwarded message or to the line above it: they get your answer marked “The host's answer”, in reply to their question. The answer goes as it is, even if it starts with “/” — write a command as a message of its own. Once I know whether the answer arrived, I'll tell you.\n• /announce and /followup — at most 5 characters, in one message; I won't take a longer text. The preview shows how many characters it has and who will get it.\n• /skip and /move: after the date you may write a reason — participants will see it in the notice of the cancellation or move. For example: /skip 02.12 The host is ill.",
    "For hosts:\n• To answer a participant, reply to their forwarded message or to the line above it: they get your answer marked “The host's answer”, in reply to their question. The answer goes as it is, even if it starts with “/” — write a command as a message of its own. Once I know whether the answer arrived, I'll tell you.\n• /announce and /followup — at most 21 characters, in one message; I won't take a longer text. The preview shows how many characters it has and who will get it.\n• /skip and /move: after the date you may write a reason — participants will see it in the notice of the cancellation or move. For example: /skip 02.12 The host is ill.",
  ],
};

Deno.test("every counted noun takes its English form at 1, 2, 5 and 21", () => {
  for (const [key, expected] of Object.entries(PLURALS)) {
    const shown = [1, 2, 5, 21].map((n) =>
      sayIn(ENGLISH, key as TextKey, counts(n))
    );
    assert.deepEqual(shown, expected, key);
  }
});
