/**
 * The config in one person's language. A {@linkcode Config} holds its own language's
 * texts in `texts` and the others under `languages`; {@linkcode inLanguage} gives the
 * same config with another language's texts and zone label in their place, so that
 * every builder that takes a config speaks the person's language without knowing it.
 * Also: which language Telegram's `language_code` gets at first contact, and a text
 * filled in by the rules of its own language.
 *
 * @module
 */
import type { Config } from "./schema.ts";
import type { TextKey } from "./texts.ts";
import { render, type Values } from "./template.ts";

/** Languages whose speakers read Russian rather than English when the bot has no text in theirs. */
const READ_RUSSIAN = ["ru", "uk", "be", "kk"];

/** Each config's views, by language; and the config each view was made from. */
const views = new WeakMap<Config, Map<string, Config>>();
const bases = new WeakMap<Config, Config>();

/** The config a view was made from (the loaded one); `config` itself if it is no view. */
function baseOf(config: Config): Config {
  return bases.get(config) ?? config;
}

/** The codes of the languages `config` speaks, its own (the default) first. */
export function languageCodes(config: Config): string[] {
  const base = baseOf(config);
  return [base.language, ...Object.keys(base.languages)];
}

/**
 * `config` in the language `code`: its texts and zone label in that language, the
 * rest the same. The config's own language, an unknown code or none gives the loaded
 * config itself (a person who never chose keeps the default). Views are kept, one per
 * language: the same object every time.
 */
export function inLanguage(
  config: Config,
  code: string | null | undefined,
): Config {
  const base = baseOf(config);
  if (code === null || code === undefined || code === base.language) {
    return base;
  }
  const other = base.languages[code];
  if (other === undefined) return base;
  let cached = views.get(base);
  if (cached === undefined) {
    cached = new Map();
    views.set(base, cached);
  }
  let view = cached.get(code);
  if (view === undefined) {
    const languages = {
      [base.language]: {
        texts: base.texts,
        timezone_label: base.timezone_label,
      },
      ...base.languages,
    };
    delete languages[code];
    view = {
      ...base,
      language: code,
      texts: other.texts,
      timezone_label: other.timezone_label,
      languages,
    };
    cached.set(code, view);
    bases.set(view, base);
  }
  return view;
}

/**
 * The language a person gets at first contact from Telegram's `language_code`: the
 * same language when the config has it; ru, uk, be and kk read Russian; anything else
 * English, when the config has English; without a code, or else, the config's own.
 */
export function firstContactLanguage(
  config: Config,
  languageCode: string | undefined,
): string {
  const base = baseOf(config);
  if (languageCode === undefined || languageCode === "") return base.language;
  const codes = languageCodes(base);
  const primary = languageCode.toLowerCase().split(/[-_]/)[0]!;
  if (codes.includes(primary)) return primary;
  if (READ_RUSSIAN.includes(primary) && codes.includes("ru")) return "ru";
  return otherClientsLanguage(base);
}

/** The language anyone gets whose Telegram language the config has no texts of. */
export function otherClientsLanguage(config: Config): string {
  const base = baseOf(config);
  return base.languages.en !== undefined || base.language === "en"
    ? "en"
    : base.language;
}

/**
 * The Telegram `language_code`s that get the language `code` at first contact: its
 * own, and for Russian uk, be and kk unless the config has a language of theirs.
 */
export function telegramCodes(config: Config, code: string): string[] {
  const codes = languageCodes(config);
  if (code !== "ru") return [code];
  return READ_RUSSIAN.filter((c) => c === "ru" || !codes.includes(c));
}

/** The text `key` of `config`, filled in with `values` by the rules of its language. */
export function renderText(
  config: Pick<Config, "texts" | "language">,
  key: TextKey,
  values: Values = {},
): string {
  return render(config.texts[key], values, { language: config.language });
}
