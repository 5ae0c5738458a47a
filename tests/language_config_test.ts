/**
 * The languages of config.yaml: a block of another language must set the same texts as
 * `texts:` and each text must show the same values, or the config is refused with the
 * key and the line (by `check` too); a language code must be one; and a third language
 * is one more block, copied from the English one, spoken at once.
 */
import assert from "node:assert/strict";
import { languageCodes } from "../src/config/language.ts";
import { parseConfig } from "../src/config/load.ts";
import { ConfigError } from "../src/config/schema.ts";
import { user } from "./fake_bot_api.ts";
import { ManualClock, startHarness } from "./helpers.ts";
import { makeWorkdir, runMain } from "./process.ts";

const SHIPPED = await Deno.readTextFile(
  new URL("../config.yaml", import.meta.url),
);

/** The smallest valid config; line numbers below refer to it (it has 11 lines). */
const MINIMAL = `timezone: Europe/Moscow
meeting:
  title: Живой эфир
  weekday: wednesday
  time: "11:00"
  duration_minutes: 60
  link: https://example.com/live
schedule:
  invitation: { weekday: monday, time: "10:00" }
  first_reminder: { weekday: wednesday, time: "09:00" }
  second_reminder: { weekday: wednesday, time: "10:40" }
`;

/** The error `text` is refused with: its key, line and message. */
function refusal(text: string) {
  try {
    parseConfig(text);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return { key: error.key, line: error.line, message: error.message };
  }
  assert.fail("the config was accepted");
}

Deno.test("parseConfig() refuses a language that lacks a text texts: sets, naming the key and line", () => {
  assert.deepEqual(
    refusal(
      MINIMAL + "texts:\n  stopped: Пока\n  help: Помощь {title}\n" +
        "languages:\n  en:\n    texts:\n      stopped: Bye\n",
    ),
    {
      key: "languages.en.texts.help",
      line: 17,
      message: "Missing key languages.en.texts.help (line 17): expected a " +
        'text in "en", as texts.help (line 14) is set: every language sets ' +
        "the same texts",
    },
  );
});

Deno.test("parseConfig() refuses a language that sets a text texts: does not", () => {
  assert.deepEqual(
    refusal(
      MINIMAL + "texts:\n  stopped: Пока\n" +
        "languages:\n  en:\n    texts:\n      stopped: Bye\n      help: Help\n",
    ),
    {
      key: "languages.en.texts.help",
      line: 18,
      message: "Text languages.en.texts.help (line 18) is not set in texts " +
        "(line 12): every language sets the same texts",
    },
  );
  assert.match(
    refusal(MINIMAL + "languages:\n  en:\n    texts:\n      stopped: Bye\n")
      .message,
    /is not set in texts, which the config leaves out/,
  );
});

Deno.test("parseConfig() refuses a translation that shows other values, naming the key, the line and the placeholder", () => {
  const texts = "texts:\n  nudge: Придёте {date_on}?\nlanguages:\n  en:\n" +
    "    texts:\n";
  assert.deepEqual(
    refusal(MINIMAL + texts + "      nudge: Will you come?\n"),
    {
      key: "languages.en.texts.nudge",
      line: 17,
      message: "Placeholders of languages.en.texts.nudge (line 17) differ " +
        "from texts.nudge (line 13): it lacks {date}; every language's text " +
        "shows the same values",
    },
  );
  assert.match(
    refusal(
      MINIMAL + texts + "      nudge: Will you come {date_on} at {time}?\n",
    )
      .message,
    /it has \{time\}, which it does not/,
  );
  // Another form of the same value is the same value: {date} for {date_on}.
  const config = parseConfig(
    MINIMAL + texts + "      nudge: Will you come on {date}?\n",
  );
  assert.equal(config.languages.en!.texts.nudge, "Will you come on {date}?");
});

Deno.test("parseConfig() refuses a plural with the wrong number of forms for its language", () => {
  assert.deepEqual(
    refusal(
      MINIMAL +
        'texts:\n  admin_export_caption: "{count|запись|записи|записей}"\n' +
        "languages:\n  en:\n    texts:\n" +
        '      admin_export_caption: "{count|record|records|recordz}"\n',
    ),
    {
      key: "languages.en.texts.admin_export_caption",
      line: 17,
      message: 'Plural "{count|record|records|recordz}" in ' +
        "languages.en.texts.admin_export_caption (line 17) has 3 forms: " +
        'expected 2 in "en" (one, other), each non-empty, as {count|one|other}',
    },
  );
});

Deno.test("parseConfig() refuses what is no language code, and the config's own language as another", () => {
  assert.deepEqual(refusal(MINIMAL + "language: xx\n"), {
    key: "language",
    line: 12,
    message: 'Unknown language "xx" at language (line 12): expected a ' +
      "language code of two or three lowercase letters, such as ru, en or de",
  });
  assert.equal(
    refusal(MINIMAL + "languages:\n  klingon:\n    texts: {}\n").key,
    "languages.klingon",
  );
  assert.match(
    refusal(MINIMAL + "languages:\n  ru:\n    texts: {}\n").message,
    /is the config's own language/,
  );
});

Deno.test("parseConfig() refuses a language the bot has no texts of unless its block sets every text", () => {
  const refused = refusal(
    MINIMAL + "languages:\n  de:\n    texts: {}\n",
  );
  assert.equal(refused.key, "languages.de.texts.start_greeting");
  assert.match(refused.message, /the bot has none of its own in this language/);
});

Deno.test("main.ts check refuses the shipped config whose English text lost a placeholder, with the key and line", async () => {
  const from =
    "      nudge: \"You haven't answered yet: will you come to “{title}” " +
    '{date_on}, at {time} ({tz})?"';
  assert.ok(SHIPPED.includes(from));
  const line = SHIPPED.split("\n").indexOf(from) + 1;
  await using dir = await makeWorkdir(
    SHIPPED.replace(from, from.replace(" ({tz})", "")),
  );
  const result = await runMain(["check"], { cwd: dir.path });
  assert.equal(result.code, 2);
  assert.equal(
    result.stderr,
    `error: config.yaml: Placeholders of languages.en.texts.nudge (line ${line}) ` +
      "differ from texts.nudge (line " +
      `${
        SHIPPED.split("\n").findIndex((l) => l.startsWith('  nudge: "')) + 1
      }` +
      "): it lacks {tz}; every language's text shows the same values\n",
  );
});

/**
 * The shipped config with a third language: German, the English block copied under
 * `de:`, its name, zone label and invitation translated, as README says.
 */
function withGerman(): string {
  const english = SHIPPED.slice(
    SHIPPED.indexOf("\n  en:\n") + "\n  en:\n".length,
  );
  const invitation = english.indexOf("      invitation: |-\n");
  const after = english.indexOf("\n      topic_line:", invitation);
  const german = english.slice(0, invitation) +
    "      invitation: |-\n" +
    "        Einladung zu „{title}“ am {date}, um {time} ({tz}). Dauer: {duration}.\n\n" +
    "        {topic_line}{seats_line}Kommen Sie?" +
    english.slice(after);
  return SHIPPED + "  de:\n" +
    german
      .replace("timezone_label: Moscow time", "timezone_label: Moskauer Zeit")
      .replace('language_name: "English"', 'language_name: "Deutsch"');
}

Deno.test("a third language is one block of config.yaml: German speakers get it at first contact, with German dates", async () => {
  const config = { ...parseConfig(withGerman()), database: ":memory:" };
  assert.deepEqual(languageCodes(config), ["ru", "en", "de"]);
  await using h = await startHarness({
    config,
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  const hans = user(1, { first_name: "Hans", language_code: "de-AT" });
  await h.say(hans, "/start");
  await h.press(hans, "reg:yes");
  assert.equal(h.store.users.byTgId(hans.id)?.language, "de");
  await h.jobs.runNow("invitation");
  assert.equal(
    h.fake.messagesTo(hans.id).at(-1),
    "Einladung zu „Живой эфир“ am Mittwoch, 25. November, um 11:00 " +
      "(Moskauer Zeit). Dauer: 1 Stunde.\n\nKommen Sie?",
  );
  await h.say(hans, "/language");
  const keyboard = h.fake.sent(hans.id).at(-1)!.params.reply_markup as {
    inline_keyboard: { text: string }[][];
  };
  assert.deepEqual(keyboard.inline_keyboard.flat().map((b) => b.text), [
    "Русский",
    "English",
    "Deutsch",
  ]);
});
