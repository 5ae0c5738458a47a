/**
 * CSV (RFC 4180) for exports that admins open in Excel or LibreOffice. Pure.
 *
 * The text starts with a UTF-8 byte order mark so that Excel detects UTF-8 and shows
 * Cyrillic correctly. Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`,
 * tab or CR first) gets a leading `'`, so a member named `=HYPERLINK(…)` stays a name.
 *
 * @module
 */

/** One field of {@linkcode toCsv}: `null` and `undefined` are written as empty fields. */
export type CsvValue = string | number | null | undefined;

const BOM = "\uFEFF";
const CRLF = "\r\n";
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * The rows as CSV: a BOM first, every record ended by CRLF, fields quoted when they hold
 * `,` `"` CR LF or leading or trailing spaces. Numbers are written as they are (`-5`
 * stays `-5`); only text is defused against formula injection.
 */
export function toCsv(
  rows: readonly (readonly CsvValue[])[],
): string {
  let csv = BOM;
  for (const row of rows) csv += row.map(formatField).join(",") + CRLF;
  return csv;
}

function formatField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
