/**
 * Filling in a text's placeholders: `{name}`, and `{name|one|few|many}` with the Russian
 * plural form of the noun after a number; and finding the placeholders a text may not use.
 *
 * @module
 */
import { pluralize } from "../domain/russian.ts";

/** `{name}`, or `{name|one|few|many}` with the plural forms of the noun after a number. */
const PLACEHOLDER = /\{([a-z_]+)(?:\|([^|{}]+)\|([^|{}]+)\|([^|{}]+))?\}/g;

/**
 * Replaces each `{name}` in `template` by `values[name]`, and `{name|one|few|many}` by
 * the number and the form of the noun it takes; unknown names stay as they are.
 */
export function render(
  template: string,
  values: Readonly<Record<string, string | number>>,
): string {
  return template.replace(
    PLACEHOLDER,
    (whole, name: string, one?: string, few?: string, many?: string) => {
      if (!(name in values)) return whole;
      const value = values[name]!;
      if (one === undefined || few === undefined || many === undefined) {
        return String(value);
      }
      return pluralize(Number(value), [one, few, many]);
    },
  );
}

/**
 * The placeholders of `template` that `allowed` does not have, as written
 * (`"{nmae}"`); a plural form needs all three forms.
 */
export function unknownPlaceholders(
  template: string,
  allowed: readonly string[],
): string[] {
  const unknown: string[] = [];
  for (const match of template.matchAll(/\{([^{}]*)\}/g)) {
    const inner = match[1]!;
    const [name, ...forms] = inner.split("|");
    const shaped = forms.length === 0 ||
      (forms.length === 3 && forms.every((f) => f.trim() !== ""));
    if (!shaped || !/^[a-z_]+$/.test(name!) || !allowed.includes(name!)) {
      unknown.push(match[0]);
    }
  }
  return unknown;
}
