/**
 * Each person's language through the fake Bot API: taken from Telegram's
 * `language_code` at first contact, changed with `/language` (buttons, or a code),
 * refused for a code the config has no texts of, and honoured by every message owed to
 * them, also one already queued when they changed it: a week for an English speaker.
 */
import assert from "node:assert/strict";
import { parseConfig } from "../src/config/load.ts";
import { answerData } from "../src/messages/build.ts";
import { scopeKey, user } from "./fake_bot_api.ts";
import { ManualClock, startHarness, testConfig } from "./helpers.ts";

/** Monday 23 November 2026, 09:00 MSK: the meeting is on Wednesday 25 November at 11:00. */
const MONDAY = "2026-11-23T06:00:00Z";
const MEETING_ID = "2026-11-25";

/** A config from before there were languages: Russian only. */
const RUSSIAN_ONLY = {
  ...parseConfig(
    await Deno.readTextFile(
      new URL("./fixtures/config_before_date_forms.yaml", import.meta.url),
    ),
  ),
  database: ":memory:",
};

/** Whoever sends the language code `code`. */
function speaker(id: number, code?: string) {
  return user(id, { first_name: "Anna", language_code: code });
}

Deno.test("first contact: ru, uk, be and kk read Russian, any other language English", async () => {
  await using h = await startHarness({ clock: new ManualClock(MONDAY) });
  const cases: [string | undefined, string][] = [
    ["ru", "ru"],
    ["uk", "ru"],
    ["be", "ru"],
    ["kk", "ru"],
    ["en", "en"],
    ["en-GB", "en"],
    ["de", "en"],
    ["pt-br", "en"],
    [undefined, "ru"],
  ];
  for (const [i, [code, language]] of cases.entries()) {
    const person = speaker(100 + i, code);
    const greeting = await h.say(person, "/start");
    assert.match(
      greeting,
      language === "ru" ? /^Здравствуйте, Anna!/ : /^Hello, Anna!/,
      String(code),
    );
    assert.equal(h.store.users.byTgId(person.id)?.language, language);
  }
});

Deno.test("first contact without English texts: every language code gets the config's own", async () => {
  await using h = await startHarness({
    config: RUSSIAN_ONLY,
    clock: new ManualClock(MONDAY),
  });
  for (const [i, code] of ["en", "de", "uk"].entries()) {
    const person = speaker(200 + i, code);
    assert.match(await h.say(person, "/start"), /^Здравствуйте, Anna!/);
    assert.equal(h.store.users.byTgId(person.id)?.language, "ru");
  }
  assert.match(await h.say(speaker(210, "en"), "/language"), /по-русски/);
});

Deno.test("/language offers each language by its own name; a press switches the replies, the record and the chat's menu", async () => {
  await using h = await startHarness({ clock: new ManualClock(MONDAY) });
  const anna = speaker(1, "ru");
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  const asked = await h.say(anna, "/language");
  assert.equal(asked, "На каком языке вам писать? Сейчас пишу по-русски.");
  const keyboard = h.fake.sent(anna.id).at(-1)!.params.reply_markup as {
    inline_keyboard: { text: string; callback_data: string }[][];
  };
  assert.deepEqual(keyboard.inline_keyboard.flat(), [
    { text: "Русский", callback_data: "lang:ru" },
    { text: "English", callback_data: "lang:en" },
  ]);

  await h.press(anna, "lang:en");
  await h.idle();
  assert.equal(
    h.fake.edits(anna.id).at(-1)?.text,
    "All right, from now on I'll write to you in English.",
  );
  assert.equal(h.store.users.byTgId(anna.id)?.language, "en");
  assert.match(await h.say(anna, "/help"), /^The bot of “Живой эфир”/);
  const menu = h.fake.commands(scopeKey({ type: "chat", chat_id: anna.id }));
  assert.equal(
    menu.find((c) => c.command === "language")?.description,
    "Language",
  );

  assert.equal(
    await h.say(anna, "/language ru"),
    "Хорошо, теперь пишу по-русски.",
  );
  assert.equal(h.store.users.byTgId(anna.id)?.language, "ru");
  // /start again keeps the language chosen, whatever Telegram says.
  await h.say(speaker(1, "en"), "/start");
  assert.equal(h.store.users.byTgId(anna.id)?.language, "ru");
});

Deno.test("an unknown language code, typed or on a forged button, changes nothing and says so", async () => {
  await using h = await startHarness({ clock: new ManualClock(MONDAY) });
  const anna = speaker(1, "en");
  await h.say(anna, "/start");
  assert.equal(
    await h.say(anna, "/language xx"),
    "I don't know the language “xx”. Choose one with the buttons: /language",
  );
  const forged = await h.press(anna, "lang:de");
  assert.equal(forged.text, "This button no longer works.");
  const long = await h.say(anna, `/language ${"q".repeat(300)}`);
  assert.ok(long.length < 120, long);
  assert.equal(h.store.users.byTgId(anna.id)?.language, "en");
});

Deno.test("a week for an English speaker: invitation, answer, both reminders in English, with English dates and zone", async () => {
  await using h = await startHarness({ clock: new ManualClock(MONDAY) });
  const anna = speaker(1, "en");
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  await h.jobs.runNow("invitation");
  assert.equal(
    h.fake.messagesTo(anna.id).at(-1),
    "You are invited to “Живой эфир” on Wednesday, 25 November, at 11:00 " +
      "(Moscow time). It will last 1 hour.\n\nWill you come?",
  );
  const buttons = h.fake.sent(anna.id).at(-1)!.params.reply_markup as {
    inline_keyboard: { text: string }[][];
  };
  assert.deepEqual(buttons.inline_keyboard.flat().map((b) => b.text), [
    "Yes, I'll be there",
    "No, I can't",
  ]);
  const saved = await h.press(anna, answerData(MEETING_ID, "yes"));
  assert.equal(saved.text, "Answer saved");
  h.clock.set("2026-11-25T06:00:00Z");
  await h.jobs.runNow("first_reminder");
  assert.match(
    h.fake.messagesTo(anna.id).at(-1)!,
    /^Reminder: “Живой эфир” is today at 11:00 \(Moscow time\)\.\n\nLink: /,
  );
  h.clock.set("2026-11-25T07:40:00Z");
  await h.jobs.runNow("second_reminder");
  assert.match(
    h.fake.messagesTo(anna.id).at(-1)!,
    /^In a few minutes, at 11:00 \(Moscow time\), “Живой эфир” begins!/,
  );
  assert.ok(
    h.fake.messagesTo(anna.id).every((text) =>
      !/[а-яё]{4,}/i.test(
        text.replaceAll("Живой эфир", ""),
      )
    ),
    "no Russian word reaches her",
  );
});

Deno.test("a language change between enqueue and send: the queued invitation goes out in the new language", async () => {
  await using h = await startHarness({ clock: new ManualClock(MONDAY) });
  const anna = speaker(1, "ru");
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  h.fake.failNext(1, { status: 502 });
  await h.jobs.runNow("invitation");
  assert.ok(
    h.fake.requests.some((r) => r.method === "sendMessage" && r.status === 502),
  );
  assert.ok(
    !h.fake.messagesTo(anna.id).some((t) => t.startsWith("Приглашаю")),
    "the invitation waits, owed",
  );
  await h.press(anna, "lang:en");
  await h.idle();
  h.clock.advance(60_000); // the retry falls due
  await h.jobs.tick();
  const invitations = h.fake.messagesTo(anna.id).filter((t) =>
    t.includes("25")
  );
  assert.deepEqual(invitations.map((t) => t.split(" ").slice(0, 3).join(" ")), [
    "You are invited",
  ]);
});

Deno.test("plurals follow each admin's language: 1 subscriber, 2 subscribers; 21 символ, 22 символа", async () => {
  const host = speaker(9, "en");
  const cohost = user(10, { first_name: "Вера", language_code: "ru" });
  await using h = await startHarness({
    config: testConfig({ admins: [host.id, cohost.id] }),
    clock: new ManualClock(MONDAY),
  });
  const preview = async (admin: typeof host, text: string) =>
    (await h.say(admin, `/announce ${text}`)).split("\n")[0];
  await h.say(speaker(1, "en"), "/start");
  await h.press(speaker(1, "en"), "reg:yes");
  assert.equal(
    await preview(host, "x".repeat(21)),
    "The announcement will go to 1 subscriber. One message, 21 characters of 4096.",
  );
  await h.say(speaker(2, "ru"), "/start");
  await h.press(speaker(2, "ru"), "reg:yes");
  assert.equal(
    await preview(host, "x"),
    "The announcement will go to 2 subscribers. One message, 1 character of 4096.",
  );
  assert.equal(
    await preview(cohost, "x".repeat(22)),
    "Объявление уйдёт 2 подписчикам. Одно сообщение, 22 символа из 4096.",
  );
  assert.equal(
    await preview(cohost, "x".repeat(21)),
    "Объявление уйдёт 2 подписчикам. Одно сообщение, 21 символ из 4096.",
  );
});
