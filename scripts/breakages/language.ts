/**
 * Each person's language: taken at first contact, chosen with /language, honoured by
 * every message when it is sent (the feed and the panel too), with each language's
 * plurals, dates and zone label; and config.yaml's languages kept alike by `check`.
 *
 * @module
 */
import type { Breakage } from "./types.ts";

const BOT_TEST = "tests/language_bot_test.ts";
const CONFIG_TEST = "tests/language_config_test.ts";
const WEB_TEST = "tests/language_web_test.ts";
const SETTINGS_TEST = "tests/language_settings_test.ts";

/** Breakages of this area. */
export const BREAKAGES: Breakage[] = [
  {
    name: "uk, be and kk read Russian at first contact",
    file: "src/config/language.ts",
    edits: [[
      'const READ_RUSSIAN = ["ru", "uk", "be", "kk"];',
      'const READ_RUSSIAN = ["ru"];',
    ]],
    test: [BOT_TEST, "first contact: ru, uk, be and kk read Russian"],
  },
  {
    name: "any other language gets English at first contact",
    file: "src/config/language.ts",
    edits: [[
      "  return otherClientsLanguage(base);",
      "  return base.language;",
    ]],
    test: [BOT_TEST, "first contact: ru, uk, be and kk read Russian"],
  },
  {
    name: "the language taken at first contact is kept",
    file: "src/bot/features/start.ts",
    edits: [["language: ctx.config.language,", "language: null,"]],
    test: [BOT_TEST, "first contact: ru, uk, be and kk read Russian"],
  },
  {
    name: "each update is answered in its person's language",
    file: "src/bot/bot.ts",
    edits: [[
      "bot.use(speakTheirLanguage({ config, store: deps.store }));",
      "bot.use((ctx, next) => {\n    ctx.config = config;\n    return next();\n  });",
    ]],
    test: [BOT_TEST, "a press switches the replies"],
  },
  {
    name: "a queued message is written in the language of when it is sent",
    file: "src/messages/render.ts",
    edits: [[
      "return { ...at, config: inLanguage(config, language) };",
      "return { ...at, config };",
    ]],
    test: [BOT_TEST, "a language change between enqueue and send"],
  },
  {
    name: "/language takes only a language the config has",
    file: "src/bot/features/language.ts",
    edits: [[
      "if (!languageCodes(config).includes(code)) return false;",
      'if (code === "") return false;',
    ]],
    test: [BOT_TEST, "an unknown language code"],
  },
  {
    name: "each language's zone label",
    file: "src/config/language.ts",
    edits: [[
      "timezone_label: other.timezone_label,",
      "timezone_label: base.timezone_label,",
    ]],
    test: [BOT_TEST, "a week for an English speaker"],
  },
  {
    name: "English dates bring their preposition",
    file: "src/domain/english.ts",
    edits: [['  on: "on",', ""]],
    test: [BOT_TEST, "a week for an English speaker"],
  },
  {
    name: "English plurals: one is 1 alone",
    file: "src/domain/english.ts",
    edits: [[
      "return Math.abs(n) === 1 ? 0 : 1;",
      "return Math.abs(n) % 10 === 1 ? 0 : 1;",
    ]],
    test: [BOT_TEST, "plurals follow each admin's language"],
  },
  {
    name: "a plural is picked by its text's language",
    file: "src/config/template.ts",
    edits: [[
      "grammarOf(language).pluralIndex(Number(value))",
      'grammarOf("ru").pluralIndex(Number(value))',
    ]],
    test: [BOT_TEST, "plurals follow each admin's language"],
  },
  {
    name: "the feed is written in its owner's language",
    file: "src/web/feed.ts",
    edits: [[
      "inLanguage(config, user.language)",
      "inLanguage(config, null)",
    ]],
    test: [WEB_TEST, "the feed speak their person's language"],
  },
  {
    name: "the panel is in the signed-in admin's language",
    file: "src/web/panel/routes.ts",
    edits: [[
      "inLanguage(deps.config, store.users.byTgId(admin)?.language)",
      "inLanguage(deps.config, null)",
    ]],
    test: [WEB_TEST, "the panel's pages are in the signed-in admin's"],
  },
  {
    name: "Telegram's uk, be and kk clients get the Russian menu",
    file: "src/config/language.ts",
    edits: [[
      'return READ_RUSSIAN.filter((c) => c === "ru" || !codes.includes(c));',
      'return ["ru"];',
    ]],
    test: [WEB_TEST, "setCommandMenus() gives each client language"],
  },
  {
    name: "check refuses a language that lacks a text",
    file: "src/config/texts_load.ts",
    edits: [[
      "    if (theirs === undefined) {",
      "    if (theirs === undefined) continue;\n    if (false) {",
    ]],
    test: [CONFIG_TEST, "lacks a text texts: sets"],
  },
  {
    name: "check refuses a language that adds a text",
    file: "src/config/texts_load.ts",
    edits: [[
      "    if (own.written.has(name)) continue;",
      "    continue;",
    ]],
    test: [CONFIG_TEST, "sets a text texts: does not"],
  },
  {
    name: "check refuses a translation that shows other values",
    file: "src/config/texts_load.ts",
    edits: [[
      "if (missing.length > 0 || extra.length > 0) {",
      "if (extra.length > 0) {",
    ]],
    test: [CONFIG_TEST, "main.ts check refuses the shipped config"],
  },
  {
    name: "a browser that names no language gets the config's own",
    file: "src/web/pages.ts",
    edits: [[
      'first === "" || first === "*" ? undefined : first',
      "first || undefined",
    ]],
    test: [WEB_TEST, "a public page for a visitor the bot cannot name"],
  },
  {
    name: "a zone's city is named in the reader's language",
    file: "src/messages/settings.ts",
    edits: [[
      "commonZoneName(zone.timezone, cityLanguage(language))",
      "commonZoneName(zone.timezone)",
    ]],
    test: [SETTINGS_TEST, "an English speaker in New York"],
  },
  {
    name: "the zone buttons name their cities in the reader's language",
    file: "src/messages/settings.ts",
    edits: [[
      "city: common[cityLanguage(config.language)],",
      "city: common.ru,",
    ]],
    test: [SETTINGS_TEST, "an English speaker in New York"],
  },
  {
    name: "a date read in another zone keeps the reader's language",
    file: "src/messages/date_values.ts",
    edits: [[
      "return { timezone: zone.timezone, language: config.language };",
      'return { timezone: zone.timezone, language: "ru" };',
    ]],
    test: [SETTINGS_TEST, "an English speaker in New York"],
  },
  {
    name: "the schedule read in another zone keeps the reader's language",
    file: "src/messages/zone.ts",
    edits: [[
      "const grammar = grammarOf(config.language);\n  values.weekday",
      'const grammar = grammarOf("ru");\n  values.weekday',
    ]],
    test: [SETTINGS_TEST, "an English speaker in New York"],
  },
];
