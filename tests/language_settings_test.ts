/**
 * A person's language and zone together, through the fake Bot API: `/settings` in
 * English with English city names, a zone picked with a button, then a week's
 * messages in English on the day and at the hour of that zone.
 */
import assert from "node:assert/strict";
import { user } from "./fake_bot_api.ts";
import { ManualClock, startHarness } from "./helpers.ts";
import { labels, openSettings, pressSetting } from "./support/settings.ts";

const anna = user(1, { first_name: "Anna", language_code: "en" });

Deno.test("an English speaker in New York: /settings in English, then the week on her day and hour", async () => {
  await using h = await startHarness({
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  const settings = await openSettings(h, anna);
  assert.match(
    settings.text!,
    /^⚙️ Settings\n\nTime zone: Moscow \(Moscow time\)\. Your next meeting is on Wednesday, 25 November, at 11:00\./,
  );
  await pressSetting(h, anna, "set:zone");
  const zones = labels(
    h.fake.message(anna.id, settings.message_id)!,
  );
  assert.ok(zones.includes("New York (UTC−5)"), zones.join(" | "));
  assert.ok(zones.includes("✅ Moscow (Moscow time)"), zones.join(" | "));
  assert.equal(await pressSetting(h, anna, "set:tz:America/New_York"), "Saved");
  assert.match(
    h.fake.message(anna.id, settings.message_id)!.text!,
    /Time zone: New York \(UTC−5\)\. Your next meeting is on Wednesday, 25 November, at 03:00\./,
  );

  await h.jobs.runNow("invitation");
  assert.equal(
    h.fake.messagesTo(anna.id).at(-1),
    "You are invited to “Живой эфир” on Wednesday, 25 November, at 03:00 " +
      "(UTC−5). It will last 1 hour.\n\nWill you come?",
  );
  await h.press(anna, "rsvp:2026-11-25:yes");
  h.clock.set("2026-11-25T06:00:00Z"); // 09:00 in Moscow, 01:00 in New York
  await h.jobs.runNow("first_reminder");
  assert.match(
    h.fake.messagesTo(anna.id).at(-1)!,
    /^Reminder: “Живой эфир” is today at 03:00 \(UTC−5\)\./,
  );
  assert.match(
    await h.say(anna, "/status"),
    /\nTime zone: New York \(UTC−5\)\n/,
  );
  assert.match(
    await h.say(anna, "/help"),
    /^The bot of “Живой эфир”: every Wednesday at 03:00 \(UTC−5\), 1 hour\./,
  );
});
