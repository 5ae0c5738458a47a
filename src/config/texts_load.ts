/**
 * Reading the texts of `config.yaml`: `language` (the language of `texts:`, "ru" when
 * left out), `texts:` and `timezone_label` in it, and `languages:`, one block of texts
 * per other language:
 *
 * ```yaml
 * language: ru
 * timezone_label: мск
 * texts:
 *   invitation: "Приглашаю на встречу «{title}» {date_on}…"
 * languages:
 *   en:
 *     timezone_label: Moscow time
 *     texts:
 *       invitation: "You are invited to {title} {date_on}…"
 * ```
 *
 * Every block must set the same texts, and each text must show the same values in
 * every language (the same placeholders, whatever their form: `{date_on}` and `{date}`
 * both show the date), so that no reader loses a detail; a text no block sets keeps the
 * built-in one of each language. A config without `languages:` reads as it always did.
 *
 * @module
 */
import { isMap, isScalar } from "yaml";
import {
  child,
  fail,
  type Field,
  isAbsent,
  openSection,
  readString,
  type Section,
} from "./fields.ts";
import { ConfigError, type LanguageTexts } from "./schema.ts";
import { SHIPPED_TEXTS } from "./default_texts.ts";
import { TEXT_PLACEHOLDERS, type TextKey, type Texts } from "./texts.ts";
import { shownValues, unknownPlaceholders } from "./template.ts";
import { grammarOf, knownLanguage } from "../domain/grammar.ts";

const TEXT_KEYS = Object.keys(TEXT_PLACEHOLDERS) as TextKey[];
const LANGUAGE_KEYS = ["timezone_label", "texts"] as const;
/** The language of `texts:` when the config does not say. */
export const DEFAULT_LANGUAGE = "ru";

/** The texts of a config: its own language's, and the other languages'. */
export interface ConfigTexts {
  /** The language of `texts` and `timezone_label`. */
  language: string;
  /** Its texts: the built-in ones overridden by `texts:`. */
  texts: Texts;
  /** Its name of the zone, or `null` for the UTC offset. */
  timezone_label: string | null;
  /** The other languages, by code. */
  languages: Record<string, LanguageTexts>;
}

/** One block of texts as written: each text set, with its field (for the key and line). */
interface Block {
  language: string;
  section: Field;
  written: Map<TextKey, { template: string; field: Field }>;
}

/** Reads `language`, `timezone_label`, `texts` and `languages` of the top level. */
export function readConfigTexts(root: Section): ConfigTexts {
  const languageField = child(root, "language");
  const language = isAbsent(languageField)
    ? DEFAULT_LANGUAGE
    : readLanguageCode(languageField);
  const own = readBlock(child(root, "texts"), language);
  const others: Record<string, LanguageTexts> = {};
  const languagesField = child(root, "languages");
  if (!isAbsent(languagesField)) {
    const names = openLanguages(languagesField);
    for (const [code, field] of names) {
      if (code === language) {
        throw new ConfigError(
          `Language "${code}" at ${field.key} (line ${field.line}) is the config's own ` +
            `language (language: ${language}): its texts are under texts:`,
          { key: field.key, line: field.line },
        );
      }
      const section = openSection(field, LANGUAGE_KEYS);
      const block = readBlock(child(section, "texts"), code);
      sameTexts(own, block);
      others[code] = {
        texts: complete(block, own),
        timezone_label: readLabel(child(section, "timezone_label")),
      };
    }
  }
  return {
    language,
    texts: complete(own, own),
    timezone_label: readLabel(child(root, "timezone_label")),
    languages: others,
  };
}

/** A language code the runtime knows: two or three lowercase letters, "ru", "en", "de". */
function readLanguageCode(field: Field): string {
  const code = readString(field, "a language code such as ru or en");
  checkCode(code, field);
  return code;
}

/** Refuses `code` unless it is a language code the runtime knows. */
function checkCode(
  code: string,
  { key, line }: { key: string; line: number | null },
): void {
  if (/^[a-z]{2,3}$/.test(code) && knownLanguage(code)) return;
  throw new ConfigError(
    `Unknown language "${code}" at ${key} (line ${line}): expected a language ` +
      "code of two or three lowercase letters, such as ru, en or de",
    { key, line },
  );
}

/** The blocks under `languages:`, by their checked codes. */
function openLanguages(field: Field): Map<string, Field> {
  if (!isMap(field.node)) {
    fail(
      field,
      "a map of language codes to their texts, such as en: { texts: … }",
    );
  }
  // Any key may name a language: take the map's keys, then check each as a code.
  const names = field.node.items.map((pair) =>
    isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
  );
  const section = openSection(field, names);
  for (const [name, value] of section.fields) checkCode(name, value);
  return section.fields;
}

/** A zone label, or `null` when left out. */
function readLabel(field: Field): string | null {
  return isAbsent(field)
    ? null
    : readString(field, "a short name such as мск or Moscow time");
}

/** One block of texts, each checked for unknown `{placeholders}` in its language. */
function readBlock(field: Field, language: string): Block {
  const block: Block = { language, section: field, written: new Map() };
  if (isAbsent(field)) return block;
  const section = openSection(field, TEXT_KEYS);
  for (const name of TEXT_KEYS) {
    const text = section.fields.get(name);
    if (!text) continue;
    const template = readString(text);
    const allowed: readonly string[] = TEXT_PLACEHOLDERS[name];
    const [placeholder] = unknownPlaceholders(template, { allowed, language });
    const [value, ...forms] = placeholder?.slice(1, -1).split("|") ?? [];
    if (
      placeholder !== undefined && forms.length > 0 && allowed.includes(value!)
    ) {
      const plural = grammarOf(language).pluralForms;
      throw new ConfigError(
        `Plural "${placeholder}" in ${text.key} (line ${text.line}) has ` +
          `${forms.length} forms: expected ${plural.length} in "${language}" ` +
          `(${plural.join(", ")}), each non-empty, as {${value}|${
            plural.join("|")
          }}`,
        { key: text.key, line: text.line },
      );
    }
    if (placeholder !== undefined) {
      const expected = allowed.length === 0
        ? "no placeholders"
        : `one of ${allowed.map((p) => `{${p}}`).join(", ")}`;
      throw new ConfigError(
        `Unknown placeholder "${placeholder}" in ${text.key} (line ${text.line}): expected ${expected}`,
        { key: text.key, line: text.line },
      );
    }
    block.written.set(name, { template, field: text });
  }
  return block;
}

/**
 * Refuses a block that does not set the same texts as the config's own, or whose text
 * shows other values than the same text there.
 */
function sameTexts(own: Block, other: Block): void {
  for (const [name, mine] of own.written) {
    const theirs = other.written.get(name);
    if (theirs === undefined) {
      fail(
        { ...child(sectionOf(other), name), node: undefined },
        `a text in "${other.language}", as ${mine.field.key} (line ${mine.field.line}) ` +
          "is set: every language sets the same texts",
      );
    }
    const expected = shownValues(mine.template);
    const shown = shownValues(theirs.template);
    const missing = expected.filter((value) => !shown.includes(value));
    const extra = shown.filter((value) => !expected.includes(value));
    if (missing.length > 0 || extra.length > 0) {
      const what = missing.length > 0
        ? `lacks {${missing.join("}, {")}}`
        : `has {${extra.join("}, {")}}, which it does not`;
      throw new ConfigError(
        `Placeholders of ${theirs.field.key} (line ${theirs.field.line}) differ ` +
          `from ${mine.field.key} (line ${mine.field.line}): it ${what}; every ` +
          "language's text shows the same values",
        { key: theirs.field.key, line: theirs.field.line },
      );
    }
  }
  for (const [name, theirs] of other.written) {
    if (own.written.has(name)) continue;
    const where = isAbsent(own.section)
      ? `${own.section.key || "texts"}, which the config leaves out`
      : `${own.section.key} (line ${own.section.line})`;
    throw new ConfigError(
      `Text ${theirs.field.key} (line ${theirs.field.line}) is not set in ` +
        `${where}: every language sets the same texts`,
      { key: theirs.field.key, line: theirs.field.line },
    );
  }
}

/** The section of a block, for the key and line of a text missing from it. */
function sectionOf(block: Block): Section {
  return {
    key: block.section.key,
    line: block.section.line,
    lines: block.section.lines,
    fields: new Map(),
  };
}

/**
 * The block's texts: those it sets, the others built in for its language. A language
 * the bot has no texts of must set every one, or be told which is missing.
 */
function complete(block: Block, own: Block): Texts {
  const shipped = SHIPPED_TEXTS[block.language];
  const texts = {} as Texts;
  for (const name of TEXT_KEYS) {
    const written = block.written.get(name)?.template ?? shipped?.[name];
    if (written === undefined) {
      const field = child(sectionOf(block), name);
      fail(
        field,
        `a text in "${block.language}": the bot has none of its own in this ` +
          `language, so ${block.section.key || "texts"} sets every text (as ` +
          `${own.section.key || "texts"} must then too)`,
      );
    }
    texts[name] = written;
  }
  return texts;
}
