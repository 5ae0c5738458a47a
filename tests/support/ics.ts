/**
 * Reads iCalendar text back, for tests that check the calendar files the bot sends.
 *
 * @module
 */
import { IcsError } from "../../src/domain/ics.ts";

/** One component of a parsed file: its property values by name, `BEGIN` holding its type. */
export type IcsComponent = Record<string, string>;

/** Properties whose value is a URI, which is read without TEXT unescaping. */
const URI_PROPERTIES = new Set(["URL", "ATTACH", "TZURL"]);

/**
 * Reads an iCalendar text into its components in order of their BEGIN lines, e.g.
 * `[{ BEGIN: "VCALENDAR", VERSION: "2.0", … }, { BEGIN: "VEVENT", UID: "…", … }]`.
 *
 * Minimal: lines are unfolded, parameters (`;TZID=…`) are dropped, TEXT escapes are
 * undone (not in URI values), and a repeated property keeps its last value.
 */
export function parseIcs(text: string): IcsComponent[] {
  const unfolded = text.replace(/\r?\n[ \t]/g, "");
  const components: IcsComponent[] = [];
  const open: IcsComponent[] = [];
  const lines = unfolded.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line === "") continue;
    const { name, value } = splitProperty(line, index + 1);
    if (name === "BEGIN") {
      const component: IcsComponent = { BEGIN: value };
      components.push(component);
      open.push(component);
    } else if (name === "END") {
      const current = open.pop();
      if (current?.BEGIN !== value) {
        throw new IcsError(
          `Unexpected "END:${value}" at line ${index + 1}: expected "END:${
            current?.BEGIN ?? "(nothing open)"
          }"`,
        );
      }
    } else {
      const current = open.at(-1);
      if (current === undefined) {
        throw new IcsError(
          `Property "${name}" at line ${index + 1} is outside any component`,
        );
      }
      current[name] = URI_PROPERTIES.has(name) ? value : unescapeText(value);
    }
  }
  const unclosed = open.at(-1);
  if (unclosed !== undefined) {
    throw new IcsError(`Component "${unclosed.BEGIN}" is never ended`);
  }
  return components;
}

/** Undoes TEXT escaping; an unknown escape keeps its character. */
function unescapeText(value: string): string {
  return value.replace(
    /\\([\s\S])/g,
    (_, char: string) => (char === "n" || char === "N" ? "\n" : char),
  );
}

/** Splits `NAME;PARAM=…:value` at the first colon outside a quoted parameter value. */
function splitProperty(
  line: string,
  lineNumber: number,
): { name: string; value: string } {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"') quoted = !quoted;
    else if (char === ":" && !quoted) {
      const name = line.slice(0, i).split(";", 1)[0]!.toUpperCase();
      if (name === "") break;
      return { name, value: line.slice(i + 1) };
    }
  }
  throw new IcsError(
    `Invalid content line ${lineNumber} "${line}": expected "NAME:value"`,
  );
}
