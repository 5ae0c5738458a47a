import assert from "node:assert/strict";
import { toCsv } from "../src/domain/csv.ts";
import { CsvError, parseCsv } from "./support/csv.ts";

Deno.test("toCsv() starts with a BOM and ends every record with CRLF", () => {
  const csv = toCsv([["name", "answer"], ["Иван", "да"]]);
  assert.equal(csv, "\uFEFFname,answer\r\nИван,да\r\n");
  assert.equal(toCsv([]), "\uFEFF");
  // Excel detects UTF-8 by the BOM's bytes at the very start of the file.
  const bytes = new TextEncoder().encode(csv);
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
});

Deno.test("toCsv() keeps Cyrillic names intact through parseCsv()", () => {
  const rows = [
    ["Имя", "Фамилия", "Ответ"],
    ["Ёлкина", "Анна-Мария", "придёт"],
    ["Щукин, Пётр", 'Прозвище "Щука"', "не придёт"],
  ];
  assert.deepEqual(parseCsv(toCsv(rows)), rows);
});

Deno.test("toCsv() quotes commas, quotes, line breaks and edge spaces", () => {
  assert.equal(
    toCsv([["a,b", 'say "hi"', "one\ntwo", "cr\rlf\r\n", " lead", "trail "]]),
    '\uFEFF"a,b","say ""hi""","one\ntwo","cr\rlf\r\n"," lead","trail "\r\n',
  );
  assert.equal(
    toCsv([["plain", "inner space"]]),
    "\uFEFFplain,inner space\r\n",
  );
});

Deno.test("toCsv() writes null and undefined as empty fields and numbers as they are", () => {
  const csv = toCsv([[null, 1, undefined, -5, 2.5, 0, ""]]);
  assert.equal(csv, "\uFEFF,1,,-5,2.5,0,\r\n");
  assert.deepEqual(parseCsv(csv), [["", "1", "", "-5", "2.5", "0", ""]]);
});

Deno.test("toCsv() defuses text that a spreadsheet would run as a formula", () => {
  const csv = toCsv([[
    '=HYPERLINK("http://evil","x")',
    "+7 999 123-45-67",
    "-5",
    "@SUM(A1)",
    "\tTAB",
    "a=b",
    -5,
  ]]);
  assert.deepEqual(parseCsv(csv), [[
    '\'=HYPERLINK("http://evil","x")',
    "'+7 999 123-45-67",
    "'-5",
    "'@SUM(A1)",
    "'\tTAB",
    "a=b",
    "-5",
  ]]);
});

Deno.test("parseCsv() reads LF and CR line ends, empty fields and rows", () => {
  assert.deepEqual(parseCsv("a,b\nc,\r\r\n,d"), [
    ["a", "b"],
    ["c", ""],
    [""],
    ["", "d"],
  ]);
  assert.deepEqual(parseCsv(""), []);
  assert.deepEqual(parseCsv("\uFEFF"), []);
  assert.deepEqual(parseCsv('""'), [[""]]);
  assert.deepEqual(parseCsv('a,""\r\n'), [["a", ""]]);
});

Deno.test("parseCsv() keeps a quote inside an unquoted field literally", () => {
  assert.deepEqual(parseCsv('5" screen,x'), [['5" screen', "x"]]);
});

Deno.test("parseCsv() throws CsvError for an unclosed quote or text after a closing one", () => {
  assert.throws(() => parseCsv('a\r\n"open'), {
    name: "CsvError",
    message: "Unclosed quoted field in row 2",
  });
  assert.throws(() => parseCsv('"a"b'), CsvError);
});
