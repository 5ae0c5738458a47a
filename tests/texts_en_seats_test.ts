/**
 * The English texts about seats as the shipped defaults render them for the meeting of
 * Wednesday 25 November 2026, 11:00 Moscow time: the exact words of the ones a
 * participant reads, each counted noun at 1, 2, 5 and 21, and the invitation with its
 * free seats.
 */
import assert from "node:assert/strict";
import { inLanguage } from "../src/config/language.ts";
import { render, type TextKey } from "../src/config/texts.ts";
import { EN_SEAT_TEXTS } from "../src/config/texts_en_seats.ts";
import { invitation, meetingValues } from "../src/messages/build.ts";
import { testConfig } from "./helpers.ts";

const ENGLISH = inLanguage(testConfig(), "en");
const MEETING = {
  id: "2026-11-25",
  startsAt: new Date("2026-11-25T08:00:00Z"),
};
const VALUES = {
  ...meetingValues(ENGLISH, MEETING),
  place: 4,
  when: "today",
  link_line: "Link: https://example.com/live\n\n",
};

/** What a participant reads about seats, with the values above. */
const EXPECTED: Partial<Record<keyof typeof EN_SEAT_TEXTS, string>> = {
  answer_waitlisted: "“Живой эфир” on Wednesday, 25 November, at 11:00 " +
    "(Moscow time).\n\n⏳ No seats yet — you are on the waitlist, number 4. " +
    "As soon as a seat frees up, it goes to you, and I'll write to you at once.",
  seat_granted: "A seat has freed up — you are coming to “Живой эфир” on " +
    "Wednesday, 25 November, at 11:00 (Moscow time).\n\nLink: " +
    "https://example.com/live\n\nIf your plans have changed, press “No, I " +
    "can't” — the seat goes to the next in line.",
  waitlist_note: "“Живой эфир” — today at 11:00 (Moscow time). This time " +
    "there were not enough seats: you are on the waitlist, number 4. If " +
    "someone drops out before the start, the seat goes to you, and I'll send " +
    "the link at once.",
  start_seat_back: "The seat at the meeting on Wednesday, 25 November, is " +
    "yours again.",
  status_answer_waitlist: "on the waitlist, number 4",
};

Deno.test("the English seat texts a participant reads, as a native speaker writes them", () => {
  for (const [key, expected] of Object.entries(EXPECTED)) {
    assert.equal(
      render(EN_SEAT_TEXTS[key as keyof typeof EN_SEAT_TEXTS], VALUES, ENGLISH),
      expected,
      key,
    );
  }
});

Deno.test("the English seats' counted nouns: 1 seat, 2, 5 and 21 seats", () => {
  const forms = (key: TextKey, name: string) =>
    [1, 2, 5, 21].map((n) =>
      render(ENGLISH.texts[key], { [name]: n }, ENGLISH)
    );
  assert.deepEqual(forms("seats_line", "free"), [
    "1 seat left.\n\n",
    "2 seats left.\n\n",
    "5 seats left.\n\n",
    "21 seats left.\n\n",
  ]);
  assert.deepEqual(forms("capacity_limit", "capacity"), [
    "1 seat",
    "2 seats",
    "5 seats",
    "21 seats",
  ]);
  assert.deepEqual(
    forms("admin_capacity_promotes", "promoted").map((t) =>
      t.replace(/ from the waitlist.*$/, "")
    ),
    ["\n\n1 person", "\n\n2 people", "\n\n5 people", "\n\n21 people"],
  );
});

Deno.test("the English invitation shows the free seats when the week has a limit", () => {
  const text = (seats?: { capacity: number | null; seated: number }) =>
    invitation(ENGLISH, { ...MEETING, seats }).text;
  const plain = "You are invited to “Живой эфир” on Wednesday, 25 November, " +
    "at 11:00 (Moscow time). It will last 1 hour.\n\nWill you come?";
  assert.equal(text(), plain);
  assert.equal(
    text({ capacity: 20, seated: 19 }),
    plain.replace("Will you come?", "1 seat left.\n\nWill you come?"),
  );
  assert.equal(
    text({ capacity: 20, seated: 20 }),
    plain.replace(
      "Will you come?",
      "No seats left: answer “Yes, I'll be there” and I'll put you on the " +
        "waitlist.\n\nWill you come?",
    ),
  );
});
