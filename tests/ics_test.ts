import assert from "node:assert/strict";
import { IcsError, type IcsMeeting, meetingIcs } from "../src/domain/ics.ts";
import { parseIcs } from "./support/ics.ts";

const NOW = new Date("2026-11-23T07:00:00.123Z");
const LONG_TITLE =
  "Еженедельная встреча команды разработки: планирование, обзор задач и ответы на вопросы участников";

function meeting(overrides: Partial<IcsMeeting> = {}): IcsMeeting {
  return {
    id: "2026-11-25",
    startsAt: new Date("2026-11-25T08:00:00Z"),
    durationMinutes: 90,
    title: "Встреча",
    link: "https://example.com/live?room=1,2",
    timeZone: "Europe/Moscow",
    ...overrides,
  };
}

/** The physical lines of an ICS text, without their CRLF; asserts the text ends with one. */
function physicalLines(ics: string): string[] {
  assert.ok(ics.endsWith("\r\n"), "the file ends with CRLF");
  return ics.slice(0, -2).split("\r\n");
}

function octets(text: string): number {
  return new TextEncoder().encode(text).length;
}

function event(ics: string): Record<string, string> {
  const components = parseIcs(ics);
  assert.equal(components.length, 2);
  const vevent = components[1];
  assert.equal(vevent?.BEGIN, "VEVENT");
  return vevent;
}

Deno.test("meetingIcs() writes one VEVENT with UTC times and a stable UID", () => {
  const ics = meetingIcs(meeting(), { stamp: NOW });
  const [calendar, vevent] = parseIcs(ics);
  assert.deepEqual(calendar, {
    BEGIN: "VCALENDAR",
    VERSION: "2.0",
    PRODID: "-//meeting-bot//RU",
    CALSCALE: "GREGORIAN",
    METHOD: "PUBLISH",
  });
  assert.deepEqual(vevent, {
    BEGIN: "VEVENT",
    UID: "meeting-2026-11-25@meeting-bot",
    SEQUENCE: "0",
    STATUS: "CONFIRMED",
    DTSTAMP: "20261123T070000Z",
    ORGANIZER: "mailto:noreply@meeting-bot.invalid",
    DTSTART: "20261125T080000Z",
    DTEND: "20261125T093000Z",
    SUMMARY: "Встреча",
    DESCRIPTION: "https://example.com/live?room=1,2",
    LOCATION: "https://example.com/live?room=1,2",
    URL: "https://example.com/live?room=1,2",
  });
  // The same meeting changed later keeps its UID, so calendars update instead of duplicating.
  const later = meetingIcs(meeting(), {
    stamp: new Date("2026-11-24T00:00:00Z"),
  });
  assert.equal(event(later).UID, vevent?.UID);
});

Deno.test("meetingIcs() uses the given domain in the UID", () => {
  const ics = meetingIcs(meeting(), { stamp: NOW, domain: "bot.example.org" });
  assert.equal(event(ics).UID, "meeting-2026-11-25@bot.example.org");
});

Deno.test("meetingIcs() ends every line with CRLF and has no bare CR or LF", () => {
  const ics = meetingIcs(meeting({ title: `${LONG_TITLE}\nвторая строка` }), {
    stamp: NOW,
  });
  assert.ok(ics.endsWith("\r\n"));
  assert.doesNotMatch(ics, /\r(?!\n)|(?<!\r)\n/);
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /\r\nEND:VCALENDAR\r\n$/);
});

Deno.test("meetingIcs() folds a long Cyrillic title at 75 octets and it parses back intact", () => {
  const title = `${LONG_TITLE} ${LONG_TITLE}`;
  const ics = meetingIcs(meeting({ title }), { stamp: NOW });
  const lines = physicalLines(ics);
  const summary = lines.findIndex((line) => line.startsWith("SUMMARY:"));
  assert.ok(lines[summary + 1]?.startsWith(" "), "the SUMMARY line is folded");
  for (const line of lines) {
    assert.ok(octets(line) <= 75, `${octets(line)} octets: ${line}`);
    // A fold inside a two-byte letter would leave a replacement character.
    assert.doesNotMatch(line, /\uFFFD/);
  }
  // Each fold is as late as possible: one more character would not fit.
  for (const [i, line] of lines.entries()) {
    const next = lines[i + 1];
    if (!next?.startsWith(" ")) continue;
    const first = [...next.slice(1)][0]!;
    assert.ok(octets(line + first) > 75, `line ${i} folded early`);
  }
  assert.equal(event(ics).SUMMARY, title);
});

Deno.test("meetingIcs() splits neither UTF-8 sequences nor surrogate pairs at any offset", () => {
  for (let pad = 0; pad < 8; pad++) {
    const title = "x".repeat(pad) + "Я😀".repeat(40);
    const ics = meetingIcs(meeting({ title }), { stamp: NOW });
    for (const line of physicalLines(ics)) {
      assert.ok(octets(line) <= 75);
      assert.doesNotMatch(line, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      assert.doesNotMatch(line, /(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    assert.equal(event(ics).SUMMARY, title);
  }
});

Deno.test("meetingIcs() escapes ; , \\ and newlines in text and they round-trip", () => {
  const title = "План; итоги, \\ да\nнет\r\nещё";
  const ics = meetingIcs(meeting({ title }), { stamp: NOW });
  assert.match(ics, /\r\nSUMMARY:План\\; итоги\\, \\\\ да\\nнет\\nещё\r\n/);
  assert.equal(event(ics).SUMMARY, "План; итоги, \\ да\nнет\nещё");
  // TEXT escaping applies to LOCATION and DESCRIPTION, not to the URI in URL.
  assert.match(
    ics,
    /\r\nLOCATION:https:\/\/example\.com\/live\?room=1\\,2\r\n/,
  );
  assert.match(ics, /\r\nURL:https:\/\/example\.com\/live\?room=1,2\r\n/);
});

Deno.test("meetingIcs() sets DTEND to DTSTART plus the duration, across midnight too", () => {
  const ics = meetingIcs(
    meeting({
      startsAt: new Date("2026-12-31T23:30:00Z"),
      durationMinutes: 45,
    }),
    { stamp: NOW },
  );
  const vevent = event(ics);
  assert.equal(vevent.DTSTART, "20261231T233000Z");
  assert.equal(vevent.DTEND, "20270101T001500Z");
  assert.equal(
    parseUtc(vevent.DTEND!) - parseUtc(vevent.DTSTART!),
    45 * 60_000,
  );
});

Deno.test("meetingIcs() throws IcsError for a bad duration or date", () => {
  assert.throws(
    () => meetingIcs(meeting({ durationMinutes: 0 }), { stamp: NOW }),
    { name: "IcsError", message: /Invalid meeting duration "0"/ },
  );
  assert.throws(
    () => meetingIcs(meeting({ startsAt: new Date(NaN) }), { stamp: NOW }),
    IcsError,
  );
  assert.throws(
    () => meetingIcs(meeting(), { stamp: new Date(NaN) }),
    { message: /Invalid DTSTAMP/ },
  );
});

Deno.test("meetingIcs() drops control characters that could inject properties", () => {
  const ics = meetingIcs(
    meeting({ link: "https://example.com/\r\nATTENDEE:x", title: "a\x07b" }),
    { stamp: NOW },
  );
  const vevent = event(ics);
  assert.equal(vevent.URL, "https://example.com/ATTENDEE:x");
  assert.equal(vevent.SUMMARY, "ab");
  assert.equal(vevent.ATTENDEE, undefined);
});

Deno.test("parseIcs() unfolds, drops parameters and accepts LF line ends", () => {
  const text = [
    "BEGIN:VCALENDAR",
    "BEGIN:VEVENT",
    'DTSTART;TZID="Europe/Moscow:x":20261125T110000',
    "SUMMARY:Пла",
    " н\\, итоги",
    "END:VEVENT",
    "END:VCALENDAR",
  ].join("\n");
  assert.deepEqual(parseIcs(text), [
    { BEGIN: "VCALENDAR" },
    {
      BEGIN: "VEVENT",
      DTSTART: "20261125T110000",
      SUMMARY: "План, итоги",
    },
  ]);
});

Deno.test("parseIcs() throws IcsError for malformed text", () => {
  assert.throws(() => parseIcs("BEGIN:VCALENDAR\r\nnonsense\r\n"), {
    name: "IcsError",
    message: 'Invalid content line 2 "nonsense": expected "NAME:value"',
  });
  assert.throws(() => parseIcs("BEGIN:VCALENDAR\r\n"), {
    message: 'Component "VCALENDAR" is never ended',
  });
  assert.throws(() => parseIcs("BEGIN:A\r\nEND:B\r\n"), IcsError);
  assert.throws(() => parseIcs("SUMMARY:x\r\n"), IcsError);
});

function parseUtc(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  assert.ok(m, `not a UTC date-time: ${value}`);
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
}

Deno.test("meetingIcs() of a moved meeting keeps the UID with a higher SEQUENCE; of a cancelled one, METHOD:CANCEL", () => {
  const first = event(meetingIcs(meeting(), { stamp: NOW }));
  const moved = meetingIcs(
    meeting({ startsAt: new Date("2026-11-26T12:00:00Z"), sequence: 1 }),
    { stamp: NOW },
  );
  const [calendar, updated] = parseIcs(moved);
  assert.equal(calendar!.METHOD, "PUBLISH");
  assert.equal(updated!.UID, first.UID);
  assert.equal(Number(updated!.SEQUENCE), Number(first.SEQUENCE) + 1);
  assert.equal(updated!.DTSTART, "20261126T120000Z");
  const [cancelCalendar, cancelled] = parseIcs(
    meetingIcs(meeting({ sequence: 2, cancelled: true }), { stamp: NOW }),
  );
  assert.equal(cancelCalendar!.METHOD, "CANCEL");
  assert.equal(cancelled!.STATUS, "CANCELLED");
  assert.equal(cancelled!.UID, first.UID);
  assert.equal(cancelled!.SEQUENCE, "2");
});

Deno.test("meetingIcs() is a function of the meeting: the same state and stamp give the same bytes", () => {
  const state = meeting({ sequence: 3, title: "Встреча: итоги" });
  assert.equal(
    meetingIcs(state, { stamp: NOW }),
    meetingIcs({ ...state }, { stamp: new Date(NOW) }),
  );
  assert.notEqual(
    meetingIcs(state, { stamp: NOW }),
    meetingIcs(state, { stamp: new Date(NOW.getTime() + 60_000) }),
    "a later change is a later DTSTAMP",
  );
});

Deno.test("meetingIcs() names the bot as ORGANIZER of PUBLISH and CANCEL alike (RFC 5546)", () => {
  for (const cancelled of [false, true]) {
    const ics = meetingIcs(meeting({ cancelled, sequence: 1 }), {
      stamp: NOW,
      organizer: 'Живой "эфир"',
    });
    const [calendar, vevent] = parseIcs(ics);
    assert.equal(calendar!.METHOD, cancelled ? "CANCEL" : "PUBLISH");
    assert.equal(vevent!.ORGANIZER, "mailto:noreply@meeting-bot.invalid");
    const line = ics.replace(/\r\n[ \t]/g, "").split("\r\n").find((l) =>
      l.startsWith("ORGANIZER")
    );
    assert.equal(
      line,
      'ORGANIZER;CN="Живой эфир":mailto:noreply@meeting-bot.invalid',
    );
    // What RFC 5546 requires of each method is there.
    for (const property of ["UID", "DTSTAMP", "SEQUENCE", "ORGANIZER"]) {
      assert.ok(vevent![property], `${property} in ${calendar!.METHOD}`);
    }
  }
});
