/**
 * Every text participants read in English, as the shipped defaults render it for the
 * meeting of Wednesday 9 December 2026, 11:00 Moscow time (moved to Thursday
 * 10 December, 12:30): the exact English, typed by the Russian texts' keys, so that a
 * text without its English expectation does not compile and any change shows as a diff.
 */
import assert from "node:assert/strict";
import type { PARTICIPANT_TEXTS } from "../src/config/texts_participant.ts";
import { answeredInvitation, invitation } from "../src/messages/build.ts";
import { ENGLISH, MEETING, sayIn } from "./support/texts.ts";

/** What each participant text reads in English, with the values the bot fills in. */
const EXPECTED: Record<keyof typeof PARTICIPANT_TEXTS, string> = {
  start_greeting:
    "Hello, Anna!\n\nThis is the bot of “Живой эфир”: the meeting is every Wednesday at 11:00 (Moscow time) and lasts 1 hour. Shall I send you an invitation to each one?",
  start_welcome_back:
    "Welcome back, Anna! Invitations to “Живой эфир” will come every week again: the meetings are every Wednesday at 11:00 (Moscow time). To unsubscribe, send /stop.",
  start_subscribed:
    "Anna, you are already subscribed: the invitation to “Живой эфир” comes every week, the meetings are every Wednesday at 11:00 (Moscow time). To unsubscribe, send /stop.",
  button_register_yes: "Yes",
  button_register_no: "No",
  registered_yes:
    "Great! The invitation to “Живой эфир” will come every week. See you on Wednesday at 11:00 (Moscow time)!",
  registered_no:
    "All right, I won't send invitations. If you change your mind, send /start.",
  stopped: "You have unsubscribed from invitations. To come back, send /start.",
  not_subscribed:
    "You are not subscribed to invitations. To subscribe, send /start.",
  invitation:
    "You are invited to “Живой эфир” on Wednesday, 9 December, at 11:00 (Moscow time). It will last 1 hour.\n\nWill you come?",
  topic_line: "Topic: The year in review\n\n",
  button_attend_yes: "Yes, I'll be there",
  button_attend_no: "No, I can't",
  answer_yes:
    "“Живой эфир” on Wednesday, 9 December, at 11:00 (Moscow time).\n\n✅ You're coming — see you there! I'll send the link on the day. If your plans change, you can change your answer until it starts.",
  answer_no:
    "“Живой эфир” on Wednesday, 9 December, at 11:00 (Moscow time).\n\n❌ You can't come. If your plans change, you can change your answer until it starts.",
  answer_started:
    "This meeting has already started — your answer was not changed.",
  answer_expired: "This meeting is already over — your answer was not changed.",
  answer_too_early:
    "The invitation to this meeting hasn't come yet — you can answer once it does.",
  answer_cancelled:
    "The meeting on Wednesday, 9 December, is cancelled — no need to answer.",
  answer_saved: "Answer saved",
  answer_unsubscribed:
    "You have unsubscribed from invitations, so your answer was not saved. To come back, send /start and press the button again.",
  first_reminder:
    "Reminder: “Живой эфир” is today at 11:00 (Moscow time).\n\nLink: https://example.com/live",
  second_reminder:
    "In a few minutes, at 11:00 (Moscow time), “Живой эфир” begins!\n\nLink: https://example.com/live",
  reminder_updated:
    "Reminder: “Живой эфир” on Wednesday, 9 December, at 11:00 (Moscow time).\n\nLink: https://example.com/live",
  nudge:
    "You haven't answered yet: will you come to “Живой эфир” on Wednesday, 9 December, at 11:00 (Moscow time)?",
  help:
    "The bot of “Живой эфир”: every Wednesday at 11:00 (Moscow time), 1 hour.\n\n/start — subscribe to invitations\n/stop — unsubscribe\n/status — your subscription and your answer for the next meeting\n/settings — time zone, which messages to get, a pause\n/language — the bot's language\n/help — this help\n\nTo ask the host something, just write it here — I'll pass it on.",
  help_relay_line:
    "\n\nTo ask the host something, just write it here — I'll pass it on.",
  status:
    "Subscription: you get invitations\nNext meeting: Wednesday, 9 December, 11:00 (Moscow time)\nYour answer: coming\nLink: https://example.com/live",
  status_cancelled:
    "Subscription: you get invitations\nThe meeting on Wednesday, 9 December, is cancelled. The invitation to the next one will come as usual.",
  status_link_line: "\nLink: https://example.com/live",
  status_subscribed: "you get invitations",
  status_unsubscribed: "you don't get invitations (send /start)",
  status_inactive: "you have unsubscribed (send /start)",
  status_answer_yes: "coming",
  status_answer_no: "not coming",
  status_answer_none: "none yet",
  unknown_command: "There is no such command. The list of commands: /help.",
  unknown_message: "I only understand commands. The list of commands: /help.",
  bad_button: "This button no longer works.",
  flood_notice:
    "Too many messages in a row. I'll skip the next ones — write again in a minute.",
  unavailable:
    "That didn't work: the bot has a temporary problem. Please try again in a minute.",
  meeting_cancelled:
    "“Живой эфир” on Wednesday, 9 December, is cancelled.\n\nThe invitation to the next one will come as usual.",
  reason_line: "Reason: the host is ill\n\n",
  meeting_cancelled_message:
    "“Живой эфир” on Wednesday, 9 December, at 11:00 (Moscow time), is cancelled.",
  meeting_restored:
    "“Живой эфир” on Wednesday, 9 December, at 11:00 (Moscow time), takes place after all!\n\nWill you come?",
  meeting_restored_yes:
    "“Живой эфир” on Wednesday, 9 December, at 11:00 (Moscow time), takes place after all!\n\n✅ Your answer stands: you're coming. If your plans have changed, you can change your answer until it starts.",
  meeting_restored_no:
    "“Живой эфир” on Wednesday, 9 December, at 11:00 (Moscow time), takes place after all!\n\n❌ Your answer stands: you can't come. If your plans have changed, you can change your answer until it starts.",
  meeting_moved:
    "“Живой эфир” moves from Wednesday, 9 December, 11:00, to Thursday, 10 December, 12:30 (Moscow time).\n\nIf your plans have changed, you can change your answer in the invitation.",
  meeting_moved_unanswered:
    "“Живой эфир” moves from Wednesday, 9 December, 11:00, to Thursday, 10 December, 12:30 (Moscow time).\n\nWill you come at the new time? You can answer with the buttons in the invitation.",
  meeting_link_changed:
    "New link to “Живой эфир” on Wednesday, 9 December, at 11:00 (Moscow time):\nhttps://example.com/live",
  calendar_caption:
    "“Живой эфир” on Wednesday, 9 December, at 11:00 (Moscow time): open the file to add it to your calendar.",
  calendar_updated_caption:
    "“Живой эфир” has changed, it is now on Wednesday, 9 December, at 11:00 (Moscow time): open the file and your calendar will update it.",
  calendar_cancelled_caption:
    "“Живой эфир” on Wednesday, 9 December, at 11:00 (Moscow time), is cancelled: open the file and your calendar will remove it.",
  calendar_declined_caption:
    "You are not coming to “Живой эфир” on Wednesday, 9 December, at 11:00 (Moscow time): open the file and your calendar will remove it.",
  relay_done: "I've passed your message on to the host.",
  relay_limited:
    "The host has had many messages from you already. I can pass on the next ones in an hour.",
  relay_answer_header: "💬 The host's answer:",
  announcement_header: "📢 Announcement:",
  followup_header: "📎 Follow-up to “Живой эфир” on Wednesday, 9 December:",
  language_name: "English",
  language_choose: "Which language shall I write to you in? Now it's English.",
  language_set: "All right, from now on I'll write to you in English.",
  language_unknown:
    "I don't know the language “xx”. Choose one with the buttons: /language",
};

Deno.test("every participant text reads in English as a native speaker writes it", () => {
  for (const [key, expected] of Object.entries(EXPECTED)) {
    assert.equal(sayIn(ENGLISH, key as keyof typeof EXPECTED), expected, key);
  }
});

Deno.test("the English invitation and answered invitation carry this week's topic", () => {
  const meeting = { ...MEETING, topic: "The year in review" };
  assert.equal(
    invitation(ENGLISH, meeting).text,
    "You are invited to “Живой эфир” on Wednesday, 9 December, at 11:00 " +
      "(Moscow time). It will last 1 hour.\n\nTopic: The year in review\n\n" +
      "Will you come?",
  );
  assert.deepEqual(
    invitation(ENGLISH, meeting).reply_markup?.inline_keyboard[0]?.map((b) =>
      b.text
    ),
    ["Yes, I'll be there", "No, I can't"],
  );
  assert.equal(
    answeredInvitation(ENGLISH, { meeting, answer: "no" }).text,
    "“Живой эфир” on Wednesday, 9 December, at 11:00 (Moscow time).\n\n" +
      "Topic: The year in review\n\n❌ You can't come. If your plans change, you " +
      "can change your answer until it starts.",
  );
});

Deno.test("a reason given with /skip or /move stands on its own line in the English notices", () => {
  const reason_line = sayIn(ENGLISH, "reason_line");
  assert.equal(
    sayIn(ENGLISH, "meeting_cancelled", { reason_line }),
    "“Живой эфир” on Wednesday, 9 December, is cancelled.\n\n" +
      "Reason: the host is ill\n\nThe invitation to the next one will come as usual.",
  );
  assert.equal(
    sayIn(ENGLISH, "meeting_moved", { reason_line }),
    "“Живой эфир” moves from Wednesday, 9 December, 11:00, to Thursday, " +
      "10 December, 12:30 (Moscow time).\n\nReason: the host is ill\n\n" +
      "If your plans have changed, you can change your answer in the invitation.",
  );
});
