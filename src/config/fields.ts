/**
 * Reading values out of a parsed YAML document, each with its dotted key and its line,
 * so that every complaint names where it is: `Invalid value "mon day" at
 * schedule.invitation.weekday (line 7): expected one of monday, …`.
 *
 * @module
 */
import { isMap, isScalar, isSeq, type LineCounter } from "yaml";
import { ConfigError } from "./schema.ts";

/** One value of the document: its dotted key, its YAML node (`undefined` when the key is missing) and its line. */
export interface Field {
  /** Dotted path, e.g. `schedule.invitation.weekday`, `key[0]` in a list; `""` at the top. */
  key: string;
  /** The YAML node, or `undefined` when the key is missing. */
  node: unknown;
  /** 1-based line of the value (of its key for a map or a list); `null` when unknown. */
  line: number | null;
  /** The document's line index, to find the lines of nested nodes. */
  lines: LineCounter;
}

/** A YAML map whose keys have been checked, with its values by name. */
export interface Section {
  /** Dotted path of the map; `""` for the whole document. */
  key: string;
  /** The map's line: a key missing from it is reported there. */
  line: number | null;
  /** The document's line index, to find the lines of nested nodes. */
  lines: LineCounter;
  /** The keys present, by name; `child` gives a missing one. */
  fields: Map<string, Field>;
}

/** The 1-based line where a YAML node starts, or `null` for a node without a range. */
export function lineOf(node: unknown, lines: LineCounter): number | null {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? lines.linePos(range[0]).line : null;
}

function show(node: unknown): string {
  if (isScalar(node)) {
    return typeof node.value === "string"
      ? JSON.stringify(node.value)
      : String(node.value);
  }
  if (isMap(node)) return "{…}";
  if (isSeq(node)) return "[…]";
  return String(node);
}

/** Throws "Missing key …" or "Invalid value … at …", both ending with what was `expected`. */
export function fail(field: Field, expected: string): never {
  const where = `${field.key || "the top level"} (line ${field.line})`;
  const message = field.node === undefined
    ? `Missing key ${where}: expected ${expected}`
    : `Invalid value ${show(field.node)} at ${where}: expected ${expected}`;
  throw new ConfigError(message, { key: field.key, line: field.line });
}

/** Whether an optional key is left out or left empty (`key:` with no value). */
export function isAbsent(field: Field): boolean {
  return field.node === undefined ||
    (isScalar(field.node) && field.node.value === null);
}

/** The scalar value of a field, or `undefined` for a map, a list or a missing key. */
export function scalar(field: Field): unknown {
  return isScalar(field.node) ? field.node.value : undefined;
}

/** Checks that `field` is a map whose keys are all in `keys`. */
export function openSection(field: Field, keys: readonly string[]): Section {
  if (!isMap(field.node)) fail(field, `a map with keys ${keys.join(", ")}`);
  const fields = new Map<string, Field>();
  for (const pair of field.node.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const key = field.key === "" ? name : `${field.key}.${name}`;
    const keyLine = lineOf(pair.key, field.lines);
    if (!keys.includes(name)) {
      const expected = `expected one of ${keys.join(", ")}`;
      throw new ConfigError(
        `Unknown key "${key}" (line ${keyLine}): ${expected}`,
        { key, line: keyLine },
      );
    }
    // A scalar is reported at its own line, a nested map or list at its key's.
    const line = isScalar(pair.value)
      ? lineOf(pair.value, field.lines)
      : keyLine;
    fields.set(name, { key, node: pair.value, line, lines: field.lines });
  }
  return { key: field.key, line: field.line, lines: field.lines, fields };
}

/** The value under `name`, or a missing field placed at the section's line. */
export function child(section: Section, name: string): Field {
  return section.fields.get(name) ?? {
    key: section.key === "" ? name : `${section.key}.${name}`,
    node: undefined,
    line: section.line,
    lines: section.lines,
  };
}

/** The items of a YAML list as fields `key[0]`, `key[1]`, …; throws unless it is a list. */
export function items(field: Field, expected: string): Field[] {
  if (!isSeq(field.node)) fail(field, expected);
  return field.node.items.map((item, index) => ({
    key: `${field.key}[${index}]`,
    node: item,
    line: lineOf(item, field.lines),
    lines: field.lines,
  }));
}

/** A non-empty string; `hint` says what it is for in the message. */
export function readString(field: Field, hint?: string): string {
  const value = scalar(field);
  const suffix = hint ? ` (${hint})` : "";
  if (typeof value !== "string") fail(field, `a string${suffix}`);
  if (value.trim() === "") fail(field, `a non-empty string${suffix}`);
  return value;
}

/** An integer within `range`; `range.expected` replaces the default wording. */
export function readInteger(
  field: Field,
  range: { min: number; max: number; expected?: string },
): number {
  const value = scalar(field);
  if (
    typeof value !== "number" || !Number.isSafeInteger(value) ||
    value < range.min || value > range.max
  ) {
    fail(
      field,
      range.expected ?? `an integer from ${range.min} to ${range.max}`,
    );
  }
  return value;
}

/** A finite number within `range` (exclusive of `above`, inclusive of `max`). */
export function readNumber(
  field: Field,
  range: { above: number; max: number; expected: string },
): number {
  const value = scalar(field);
  if (
    typeof value !== "number" || !Number.isFinite(value) ||
    value <= range.above || value > range.max
  ) {
    fail(field, range.expected);
  }
  return value;
}
