/**
 * Every English text of what comes after the "yes" (the pages behind personal links,
 * the question after a meeting, the host's report, the history, the export), as the
 * shipped defaults render it for the meeting of Wednesday 9 December 2026, 11:00 Moscow
 * time, typed by the Russian texts' keys; and each counted noun at 1, 2, 5 and 21.
 */
import assert from "node:assert/strict";
import type { TextKey } from "../src/config/texts.ts";
import type { AFTER_TEXTS } from "../src/config/texts_after.ts";
import { ENGLISH, sayIn } from "./support/texts.ts";

/** The values of these texts, as the bot fills them for the meeting of 9 December. */
const VALUES: Record<string, string | number> = {
  seat_figures: "", // without a limit of seats (with one: texts_en_seats_test.ts)
  rating: 4,
  until: "10 December, 12:15 (Moscow time)",
  name: "Anna Smith (@anna)",
  yes: 5,
  no: 2,
  joined: 4,
  joined_without_yes: 1,
  no_show: 2,
  came: 3,
  of: 8,
  average: "4.3",
  count: 3,
  comment: "More practice",
  comments: "• Anna Smith (@anna), rating 4: More practice",
  came_names: "Anna Smith (@anna)\nBob",
  unannounced_names: "Vera",
  absent_names: "Greg\nDina",
  status: "held",
  topic_part: " “The year in review”",
  topic: "The year in review",
  lines:
    "Wednesday, 9 December: held; said yes — 5, came — 4, ratings — 4.3 (3)",
  text: "31.02",
  day: "2 December",
  length: 1200,
  max: 1000,
};
/** Where a text's rating is the text of one, not a number. */
const SPECIAL: Partial<Record<TextKey, Record<string, string | number>>> = {
  admin_meeting_report: { rating: "4.3 of 5 on average (3 ratings)" },
  admin_meeting_report_unknown: { rating: "4.3 of 5 on average (3 ratings)" },
  admin_history_line: { rating: "4.3 (3)" },
  admin_history_meeting: { rating: "4.3 of 5 on average (3 ratings)" },
  admin_history_meeting_unknown: {
    rating: "none",
    comments: "—",
    topic_line: "",
    yes_names: "Anna Smith (@anna)\nBob",
  },
};
/** What each text reads in English. */
const EXPECTED: Record<keyof typeof AFTER_TEXTS, string> = {
  web_lang: "en",
  web_meeting_cancelled:
    "“Живой эфир” on Wednesday, 9 December, is cancelled. The invitation to the next one will come as usual.",
  web_meeting_finished:
    "“Живой эфир” on Wednesday, 9 December, is already over. The link to the next one will come in the reminder.",
  web_not_found:
    "There is no such link. Open the link in the bot's latest message.",
  web_too_many: "Too many requests. Please try again in a minute.",
  feedback_question:
    "How was “Живой эфир” on Wednesday, 9 December? Rate it from 1 to 5: 1 — not at all, 5 — very much.",
  feedback_rated:
    "Thank you! Your rating of “Живой эфир” on Wednesday, 9 December: 4 of 5. You can change it until 10 December, 12:15 (Moscow time).",
  button_rating: "4",
  button_rating_chosen: "✅ 4",
  feedback_saved: "Thank you, rating saved",
  feedback_closed: "This meeting can no longer be rated.",
  feedback_not_invited: "You can only rate a meeting you were at.",
  feedback_comment_ask:
    "If you like, write in one message what could be better — I'll pass it on to the host. If not, just don't write anything.",
  feedback_comment_saved: "Thank you! I've passed your comment on to the host.",
  feedback_comment_kept:
    "Thank you! Your comment is saved — the host will see it in the meeting's summary.",
  feedback_comment_too_long:
    "Too long: 1200 characters, and at most 1000 are allowed. Please shorten it and send it again.",
  feedback_comment_header:
    "⭐ Feedback on the meeting on Wednesday, 9 December. From Anna Smith (@anna), id 123456789, rating 4 of 5. What could be better is in the message below; reply to it and I'll pass your answer on.",
  admin_meeting_report:
    "Summary of the meeting on Wednesday, 9 December\n\nSaid yes: 5\nCame: 4, of them without saying yes: 1\nSaid yes but didn't come: 2\nRatings: 4.3 of 5 on average (3 ratings)\n\nComments:\n• Anna Smith (@anna), rating 4: More practice",
  admin_meeting_report_unknown:
    "Summary of the meeting on Wednesday, 9 December\n\nSaid yes: 5\nWho came is unknown: personal meeting links are off (http.public_url in the bot's settings).\nRatings: 4.3 of 5 on average (3 ratings)\n\nComments:\n• Anna Smith (@anna), rating 4: More practice",
  admin_rating: "4.3 of 5 on average (3 ratings)",
  admin_rating_short: "4.3 (3)",
  admin_rating_none: "none",
  admin_comment_line: "• Anna Smith (@anna), rating 4: More practice",
  admin_comments_none: "—",
  admin_joined_unknown: "unknown",
  admin_who_name: "Anna Smith (@anna) — 3 of 8",
  admin_who_came_note:
    "The number by a name is how many of the 8 most recent meetings the person came to (where attendance was not recorded, how many times they said “yes”).",
  admin_history:
    "Past meetings:\nWednesday, 9 December: held; said yes — 5, came — 4, ratings — 4.3 (3)\n\nOne meeting in detail: /history DD.MM",
  admin_history_line:
    "Wednesday, 9 December “The year in review”: held; said yes — 5, came — 4, ratings — 4.3 (3)",
  admin_history_topic: " “The year in review”",
  admin_history_empty: "There have been no past meetings yet.",
  admin_history_more:
    "…and 3 more meetings before — the whole history is in /export.",
  admin_history_meeting:
    "The meeting on Wednesday, 9 December, at 11:00 (Moscow time): held\n\nSaid yes: 5, said no: 2\nCame: 4, of them without saying yes: 1\nSaid yes but didn't come: 2\nRatings: 4.3 of 5 on average (3 ratings)\n\nCame as they said:\nAnna Smith (@anna)\nBob\n\nCame without saying yes:\nVera\n\nSaid yes but didn't come:\nGreg\nDina\n\nComments:\n• Anna Smith (@anna), rating 4: More practice",
  admin_history_meeting_unknown:
    "The meeting on Wednesday, 9 December, at 11:00 (Moscow time): held\n\nSaid yes: 5, said no: 2\nWho came is unknown: personal meeting links were off.\nRatings: none\n\nSaid yes:\nAnna Smith (@anna)\nBob\n\nComments:\n—",
  admin_history_bad_date:
    "I didn't understand the date “31.02”. Write it like this: /history 25.11 — or just /history to see every meeting.",
  admin_history_not_found:
    "There is no meeting on 2 December in the history. /history shows every past meeting.",
  export_columns_after: "Came | Rating",
  export_joined_yes: "yes",
  export_joined_no: "no",
  export_joined_unknown: "unknown",
  export_comment_columns:
    "Meeting date | Telegram ID | First name | Last name | Username | Rating | Comment | Commented at",
  admin_export_comments_caption: "Comments on meetings: 3 comments.",
  command_history: "Past meetings: who came, ratings",
};

Deno.test("every English text after the yes reads as a native speaker writes it", () => {
  for (const [key, expected] of Object.entries(EXPECTED)) {
    const textKey = key as keyof typeof EXPECTED;
    assert.equal(
      sayIn(ENGLISH, textKey, { ...VALUES, ...SPECIAL[textKey] }),
      expected,
      key,
    );
  }
});

/** Each English text with a counted noun, at 1, 2, 5 and 21. */
const PLURALS: Partial<Record<TextKey, [string, string, string, string]>> = {
  admin_rating: [
    "4.3 of 5 on average (1 rating)",
    "4.3 of 5 on average (2 ratings)",
    "4.3 of 5 on average (5 ratings)",
    "4.3 of 5 on average (21 ratings)",
  ],
  admin_history_more: [
    "…and 1 more meeting before — the whole history is in /export.",
    "…and 2 more meetings before — the whole history is in /export.",
    "…and 5 more meetings before — the whole history is in /export.",
    "…and 21 more meetings before — the whole history is in /export.",
  ],
  admin_export_comments_caption: [
    "Comments on meetings: 1 comment.",
    "Comments on meetings: 2 comments.",
    "Comments on meetings: 5 comments.",
    "Comments on meetings: 21 comments.",
  ],
};

Deno.test("every counted noun after the yes takes its English form at 1, 2, 5 and 21", () => {
  for (const [key, forms] of Object.entries(PLURALS)) {
    [1, 2, 5, 21].forEach((n, i) => {
      const values = { average: "4.3", count: n, of: n, length: n, max: n };
      assert.equal(
        sayIn(ENGLISH, key as TextKey, values),
        forms[i],
        `${key} at ${n}`,
      );
    });
  }
});
