/**
 * The metric names a PromQL expression reads, found roughly: what is left of it once
 * strings, label matchers, ranges and grouping clauses are taken out, every identifier
 * that is not a function call (followed by `(`) nor a keyword. Small on purpose; its
 * own test shows what it finds and what it leaves out.
 *
 * @module
 */

/** PromQL's keywords and binary operators written as words. */
const KEYWORDS = new Set([
  "and",
  "or",
  "unless",
  "bool",
  "offset",
  "by",
  "without",
  "on",
  "ignoring",
  "group_left",
  "group_right",
  "inf",
  "nan",
]);

/** The metric names `expr` reads, each once, in order of appearance. */
export function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(
      /\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g,
      " ",
    );
  const names: string[] = [];
  for (const match of bare.matchAll(/(?<![\w.$])[a-zA-Z_:][\w:]*/g)) {
    const name = match[0];
    const after = bare.slice(match.index! + name.length).trimStart();
    if (after.startsWith("(") || KEYWORDS.has(name.toLowerCase())) continue;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}
