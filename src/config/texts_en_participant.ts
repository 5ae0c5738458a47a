/**
 * The shipped English texts that participants read: each says what its Russian twin
 * in texts_participant.ts says, with the same placeholders. `config.yaml` repeats them
 * under `languages.en.texts` so that an operator can edit each.
 *
 * @module
 */
import type { PARTICIPANT_TEXTS } from "./texts_participant.ts";

/** Participants' texts in English, by key: every key of the Russian ones. */
export const EN_PARTICIPANT_TEXTS = {
  start_greeting: "Hello, {name}!\n\n" +
    "This is the bot of “{title}”: the meeting is {weekday_every} at {time} " +
    "({tz}) and lasts {duration_acc}. Shall I send you an invitation to each one?",
  start_welcome_back: "Welcome back, {name}! Invitations to “{title}” will " +
    "come every week again: the meetings are {weekday_every} at {time} ({tz}). " +
    "To unsubscribe, send /stop.",
  start_subscribed: "{name}, you are already subscribed: the invitation to " +
    "“{title}” comes every week, the meetings are {weekday_every} at {time} " +
    "({tz}). To unsubscribe, send /stop.",
  button_register_yes: "Yes",
  button_register_no: "No",
  registered_yes: "Great! The invitation to “{title}” will come every week. " +
    "See you {weekday_on} at {time} ({tz})!",
  registered_no: "All right, I won't send invitations. If you change your " +
    "mind, send /start.",
  stopped: "You have unsubscribed from invitations. To come back, send /start.",
  not_subscribed:
    "You are not subscribed to invitations. To subscribe, send /start.",
  invitation: "You are invited to “{title}” {date_on}, at {time} ({tz}). " +
    "It will last {duration_acc}.\n\n{topic_line}{seats_line}Will you come?",
  topic_line: "Topic: {topic}\n\n",
  button_attend_yes: "Yes, I'll be there",
  button_attend_no: "No, I can't",
  answer_yes: "“{title}” {date_on}, at {time} ({tz}).\n\n{topic_line}" +
    "✅ You're coming — see you there! I'll send the link on the day. If your " +
    "plans change, you can change your answer until it starts.",
  answer_no: "“{title}” {date_on}, at {time} ({tz}).\n\n{topic_line}" +
    "{seats_line}❌ You can't come. If your plans change, you can change your answer until " +
    "it starts.",
  answer_started:
    "This meeting has already started — your answer was not changed.",
  answer_expired: "This meeting is already over — your answer was not changed.",
  answer_too_early:
    "The invitation to this meeting hasn't come yet — you can " +
    "answer once it does.",
  answer_cancelled: "The meeting {date_on}, is cancelled — no need to answer.",
  answer_saved: "Answer saved",
  answer_unsubscribed: "You have unsubscribed from invitations, so your " +
    "answer was not saved. To come back, send /start and press the button again.",
  first_reminder: "Reminder: “{title}” is {when} at {time} ({tz}).\n\n" +
    "{topic_line}Link: {link}",
  second_reminder: "In a few minutes, at {time} ({tz}), “{title}” begins!\n\n" +
    "{topic_line}Link: {link}",
  reminder_updated: "Reminder: “{title}” {date_on}, at {time} ({tz}).\n\n" +
    "{topic_line}Link: {link}",
  nudge: "You haven't answered yet: will you come to “{title}” {date_on}, " +
    "at {time} ({tz})?",
  help:
    "The bot of “{title}”: {weekday_every} at {time} ({tz}), {duration}.\n\n" +
    "/start — subscribe to invitations\n" +
    "/stop — unsubscribe\n" +
    "/status — your subscription and your answer for the next meeting\n" +
    "/settings — time zone, which messages to get, a pause\n" +
    "{calendar_line}/language — the bot's language\n" +
    "/help — this help{relay_line}",
  help_relay_line:
    "\n\nTo ask the host something, just write it here — I'll pass it on.",
  status: "Subscription: {subscription}\n" +
    "Next meeting: {date}, {time} ({tz})\n{topic_line}" +
    "Your answer: {answer}{link_line}{settings_line}",
  status_cancelled: "Subscription: {subscription}\n" +
    "The meeting {date_on}, is cancelled. The invitation to the next one will " +
    "come as usual.{settings_line}",
  status_link_line: "\nLink: {link}",
  status_subscribed: "you get invitations",
  status_unsubscribed: "you don't get invitations (send /start)",
  status_inactive: "you have unsubscribed (send /start)",
  status_answer_yes: "coming",
  status_answer_no: "not coming",
  status_answer_none: "none yet",
  unknown_command: "There is no such command. The list of commands: /help.",
  unknown_message: "I only understand commands. The list of commands: /help.",
  bad_button: "This button no longer works.",
  flood_notice: "Too many messages in a row. I'll skip the next ones — " +
    "write again in a minute.",
  unavailable: "That didn't work: the bot has a temporary problem. Please " +
    "try again in a minute.",
  meeting_cancelled: "“{title}” {date_on}, is cancelled.\n\n" +
    "{reason_line}The invitation to the next one will come as usual.",
  reason_line: "Reason: {reason}\n\n",
  meeting_cancelled_message:
    "“{title}” {date_on}, at {time} ({tz}), is cancelled.",
  meeting_restored: "“{title}” {date_on}, at {time} ({tz}), takes place " +
    "after all!\n\n{topic_line}Will you come?",
  meeting_restored_yes: "“{title}” {date_on}, at {time} ({tz}), takes place " +
    "after all!\n\n{topic_line}✅ Your answer stands: you're coming. If your " +
    "plans have changed, you can change your answer until it starts.",
  meeting_restored_no: "“{title}” {date_on}, at {time} ({tz}), takes place " +
    "after all!\n\n{topic_line}❌ Your answer stands: you can't come. If your " +
    "plans have changed, you can change your answer until it starts.",
  meeting_moved: "“{title}” moves {old_date_from}, {old_time}, to " +
    "{new_date_acc}, {new_time} ({tz}).\n\n{reason_line}{topic_line}If your " +
    "plans have changed, you can change your answer in the invitation.",
  meeting_moved_unanswered: "“{title}” moves {old_date_from}, {old_time}, " +
    "to {new_date_acc}, {new_time} ({tz}).\n\n{reason_line}{topic_line}Will " +
    "you come at the new time? You can answer with the buttons in the invitation.",
  meeting_link_changed:
    "New link to “{title}” {date_on}, at {time} ({tz}):\n{link}",
  calendar_caption: "“{title}” {date_on}, at {time} ({tz}): open the file " +
    "to add it to your calendar.",
  calendar_updated_caption: "“{title}” has changed, it is now {date_on}, " +
    "at {time} ({tz}): open the file and your calendar will update it.",
  calendar_cancelled_caption: "“{title}” {date_on}, at {time} ({tz}), is " +
    "cancelled: open the file and your calendar will remove it.",
  calendar_declined_caption: "You are not coming to “{title}” {date_on}, " +
    "at {time} ({tz}): open the file and your calendar will remove it.",
  relay_done: "I've passed your message on to the host.",
  relay_limited: "The host has had many messages from you already. I can " +
    "pass on the next ones in an hour.",
  relay_answer_header: "💬 The host's answer:",
  announcement_header: "📢 Announcement:",
  followup_header: "📎 Follow-up to “{title}” {date_on}:",
  language_name: "English",
  language_choose: "Which language shall I write to you in? Now it's English.",
  language_set: "All right, from now on I'll write to you in English.",
  language_unknown: "I don't know the language “{text}”. Choose one with " +
    "the buttons: /language",
} as const satisfies Record<keyof typeof PARTICIPANT_TEXTS, string>;
