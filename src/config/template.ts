/**
 * Filling in a text's placeholders: `{name}`, and `{name|form|form…}` with the plural
 * form of the noun after a number, picked by the rules of the text's language (Russian
 * `{count|ответ|ответа|ответов}`, English `{count|person|people}`); finding the
 * placeholders a text may not use; and what a text shows, to compare one language's
 * text with another's.
 *
 * @module
 */
import { grammarOf } from "../domain/grammar.ts";

/** `{name}`, or `{name|form|…}` with the plural forms of the noun after a number. */
const PLACEHOLDER = /\{([a-z_]+)((?:\|[^|{}]+)*)\}/g;

/** What a text is filled in with: values by placeholder name. */
export type Values = Readonly<Record<string, string | number>>;

/**
 * Replaces each `{name}` in `template` by `values[name]`, and `{name|form|…}` by the
 * number and the form of the noun it takes in `language` ("ru", "en"…); unknown names
 * stay as they are.
 */
export function render(
  template: string,
  values: Values,
  { language }: { language: string },
): string {
  return template.replace(
    PLACEHOLDER,
    (whole, name: string, listed: string) => {
      if (!(name in values)) return whole;
      const value = values[name]!;
      if (listed === "") return String(value);
      const forms = listed.slice(1).split("|");
      const index = grammarOf(language).pluralIndex(Number(value));
      return `${value} ${forms[Math.min(index, forms.length - 1)]}`;
    },
  );
}

/**
 * The placeholders of `template` that `allowed` does not have, as written
 * (`"{nmae}"`); a plural form needs as many forms as `language` has (three in Russian,
 * two in English).
 */
export function unknownPlaceholders(
  template: string,
  { allowed, language }: { allowed: readonly string[]; language: string },
): string[] {
  const count = grammarOf(language).pluralForms.length;
  const unknown: string[] = [];
  for (const match of template.matchAll(/\{([^{}]*)\}/g)) {
    const inner = match[1]!;
    const [name, ...forms] = inner.split("|");
    const shaped = forms.length === 0 ||
      (forms.length === count && forms.every((f) => f.trim() !== ""));
    if (!shaped || !/^[a-z_]+$/.test(name!) || !allowed.includes(name!)) {
      unknown.push(match[0]);
    }
  }
  return unknown;
}

/** The forms of one value: `{date_on}` and `{date_acc}` show the date, `{duration_acc}` the duration. */
const FORM =
  /^(.*(?:date|weekday))_(?:gen|dat|acc|ins|prep|on|from|every)$|^(duration)_acc$/;

/**
 * The values `template` shows, each named once whatever its form (`{date_on}` is
 * `date`, `{count|…}` is `count`), sorted: two languages' versions of a text must show
 * the same, so that a translation loses nothing.
 */
export function shownValues(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    const form = FORM.exec(name);
    names.add(form === null ? name : (form[1] ?? form[2])!);
  }
  return [...names].sort();
}
