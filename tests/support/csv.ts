/**
 * Reads CSV back, for tests that check what `export` wrote (the program only writes CSV).
 *
 * @module
 */

/** Text that {@linkcode parseCsv} cannot read. */
export class CsvError extends Error {
  override name = "CsvError";
}

const BOM = "\uFEFF";

/**
 * Parses CSV into rows of fields: drops a leading BOM, accepts CRLF, LF or CR line ends
 * and quoted fields with doubled quotes and line breaks. A final line end does not make an
 * empty row. Throws {@linkcode CsvError} for an unclosed quote or text after a closing one.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  // Whether the current record has started: after a field separator or any character.
  let inRecord = false;
  while (i < input.length) {
    const char = input[i]!;
    if (char === '"' && !fieldStartedUnquoted(input, i)) {
      const end = closingQuote(input, i);
      if (end < 0) {
        throw new CsvError(`Unclosed quoted field in row ${rows.length + 1}`);
      }
      field = input.slice(i + 1, end).replaceAll('""', '"');
      i = end + 1;
      inRecord = true;
      const next = input[i];
      if (
        next !== undefined && next !== "," && next !== "\r" && next !== "\n"
      ) {
        throw new CsvError(
          `Unexpected "${next}" after a closing quote in row ${
            rows.length + 1
          }`,
        );
      }
      continue;
    }
    if (char === ",") {
      row.push(field);
      field = "";
      inRecord = true;
    } else if (char === "\r" || char === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      inRecord = false;
      if (char === "\r" && input[i + 1] === "\n") i++;
    } else {
      field += char;
      inRecord = true;
    }
    i++;
  }
  if (inRecord) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Whether the field at `i` already has unquoted characters, so that `"` is literal. */
function fieldStartedUnquoted(input: string, i: number): boolean {
  const previous = input[i - 1];
  return i > 0 && previous !== "," && previous !== "\r" && previous !== "\n";
}

/** The index of the quote that closes the quoted field opened at `start`, or -1. */
function closingQuote(input: string, start: number): number {
  for (let i = start + 1; i < input.length; i++) {
    if (input[i] !== '"') continue;
    if (input[i + 1] === '"') i++;
    else return i;
  }
  return -1;
}
