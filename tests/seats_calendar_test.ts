/**
 * Seats and calendars through the fake Bot API: only a seat puts the meeting in a
 * person's calendar, on their one calendar row. A place on the waitlist brings no file, a
 * promotion brings the entry, a seat given up takes it out; one who comes back after
 * `/stop` is told in the welcome whether the seat is theirs again, and when it is not,
 * the entry sent before they left is taken out. Every file is read back with the parser.
 * Meeting Wednesday 2026-11-25 11:00 Moscow (08:00Z).
 */
import assert from "node:assert/strict";
import { type FakeUser, user } from "./fake_bot_api.ts";
import {
  type Harness,
  ManualClock,
  startHarness,
  testConfig,
} from "./helpers.ts";
import { type IcsComponent, parseIcs } from "./support/ics.ts";
import { CALENDAR_PAUSE_MS } from "../src/usecases/calendar_files.ts";

const MEETING = "2026-11-25";
const anna = user(1, { first_name: "Анна" });
const boris = user(2, { first_name: "Борис" });
const YES = `rsvp:${MEETING}:yes`;
const NO = `rsvp:${MEETING}:no`;

const ON = "в среду, 25 ноября, в 11:00 (мск)";
const NEW =
  `Встреча «Живой эфир» ${ON}: откройте файл, чтобы добавить её в календарь.`;
const DECLINED =
  `Вы не придёте на встречу «Живой эфир» ${ON}: откройте файл, и календарь её уберёт.`;
const SEATLESS =
  `У вас сейчас нет места на встрече «Живой эфир» ${ON}: откройте файл, и календарь её уберёт.`;
const WELCOME =
  "С возвращением, Анна! Приглашения на «Живой эфир» снова будут приходить каждую неделю: встречи по средам в 11:00 (мск). Отписаться — /stop.";

/** Monday after the invitation: Anna and Boris subscribed, `capacity` seats. */
async function monday(capacity: number | null): Promise<Harness> {
  const config = testConfig();
  const h = await startHarness({
    config: { ...config, meeting: { ...config.meeting, capacity } },
    clock: new ManualClock("2026-11-22T09:00:00Z"),
  });
  for (const u of [anna, boris]) {
    await h.say(u, "/start");
    await h.press(u, "reg:yes");
  }
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  h.clock.set("2026-11-23T07:30:00Z");
  return h;
}

/** One calendar file a person received: its caption and the file read back. */
interface Received {
  caption: string | undefined;
  method: string | undefined;
  sequence: string | undefined;
}

/** The calendar files `u` received, in order (a reused file read by its upload). */
function filesTo(h: Harness, u: FakeUser): Received[] {
  const bytes = new Map<string, Uint8Array>();
  const received: Received[] = [];
  for (const m of h.fake.sent()) {
    if (m.method !== "sendDocument") continue;
    if (m.document !== undefined) {
      bytes.set(`document-${m.message_id}`, m.document.bytes);
    }
    if (m.chat_id !== u.id) continue;
    const file = m.document?.bytes ?? bytes.get(String(m.params.document));
    assert.ok(file, "every file can be read");
    const [calendar, event] = parseIcs(new TextDecoder().decode(file)) as [
      IcsComponent,
      IcsComponent,
    ];
    received.push({
      caption: m.caption,
      method: calendar.METHOD,
      sequence: event.SEQUENCE,
    });
  }
  return received;
}

/** Presses as `u`, then delivers what is due. */
async function press(h: Harness, u: FakeUser, data: string): Promise<string> {
  const { text } = await h.press(u, data);
  await h.idle();
  return text ?? "";
}

/** Lets the pause after the last file pass, and delivers what fell due. */
async function afterPause(h: Harness): Promise<void> {
  h.clock.advance(CALENDAR_PAUSE_MS);
  h.sender.kick();
  await h.idle();
}

/** The calendar rows the outbox ever held for `u`. */
function calendarRows(h: Harness, u: FakeUser): string[] {
  return (h.db.prepare(
    `SELECT o.key FROM outbox o JOIN users u ON u.id = o.user_id
     WHERE o.kind = 'calendar' AND u.tg_id = ?`,
  ).all(u.id) as { key: string }[]).map((r) => r.key);
}

/** What `u` was sent after their `n`th message: texts, and captions of files. */
function sentAfter(h: Harness, u: FakeUser, n: number): (string | undefined)[] {
  return h.fake.sent(u.id).slice(n).map((m) => m.text ?? m.caption);
}

Deno.test("only a seat puts the meeting in a calendar: the waitlist brings no file, a promotion the entry, a seat given up its removal", async (t) => {
  await using h = await monday(1);
  await t.step(
    "a yes with a seat brings the entry; one on the waitlist none",
    async () => {
      assert.equal(await press(h, anna, YES), "Ответ сохранён");
      assert.equal(
        await press(h, boris, YES),
        "Мест нет — вы в листе ожидания, номер 1",
      );
      assert.deepEqual(filesTo(h, anna), [
        { caption: NEW, method: "PUBLISH", sequence: "0" },
      ]);
      assert.deepEqual(filesTo(h, boris), [], "a place holds no entry");
      assert.deepEqual(calendarRows(h, boris), [], "nor owes one");
    },
  );
  await t.step(
    "a no from the seat, then a yes that waits, within the pause: the promoted gets the entry at once, the one who left its removal after the pause",
    async () => {
      await press(h, anna, NO);
      assert.deepEqual(filesTo(h, boris), [
        { caption: NEW, method: "PUBLISH", sequence: "0" },
      ]);
      assert.equal(
        await press(h, anna, YES),
        "Мест нет — вы в листе ожидания, номер 1",
      );
      await afterPause(h);
      assert.deepEqual(filesTo(h, anna).slice(1), [
        { caption: SEATLESS, method: "CANCEL", sequence: "1" },
      ], "a place on the waitlist holds no entry");
    },
  );
  await t.step(
    "the seat back brings the entry back; a plain no takes it out",
    async () => {
      await press(h, boris, NO);
      await afterPause(h);
      assert.deepEqual(filesTo(h, anna).slice(2), [
        { caption: NEW, method: "PUBLISH", sequence: "2" },
      ]);
      assert.deepEqual(filesTo(h, boris).slice(1), [
        { caption: DECLINED, method: "CANCEL", sequence: "1" },
      ]);
    },
  );
  await t.step("each person's files went on one row", () => {
    assert.deepEqual(calendarRows(h, anna), [`calendar/${MEETING}/u1`]);
    assert.deepEqual(calendarRows(h, boris), [`calendar/${MEETING}/u2`]);
  });
});

Deno.test("one who comes back to a seat still free is told it is theirs again, and their calendar keeps its entry", async () => {
  await using h = await monday(1);
  await press(h, anna, YES);
  await h.say(anna, "/stop");
  await h.idle();
  const before = h.fake.sent(anna.id).length;
  await h.say(anna, "/start");
  await h.idle();
  await afterPause(h);
  assert.deepEqual(sentAfter(h, anna, before), [
    `${WELCOME}\n\nМесто на встрече в среду, 25 ноября, снова ваше.`,
  ]);
  assert.equal(filesTo(h, anna).length, 1, "the entry she has stands");
  assert.equal(h.store.seats.held(MEETING, 1)?.seat, "seat");
});

Deno.test("one who comes back when no seat is free is told how to wait for one, and the entry is taken out of their calendar", async () => {
  await using h = await monday(1);
  await press(h, anna, YES);
  await h.say(anna, "/stop");
  await press(h, boris, YES); // the seat she gave up
  h.clock.advance(60 * 60_000); // an hour later: her last file is long past
  const before = h.fake.sent(anna.id).length;
  await h.say(anna, "/start");
  await h.idle();
  // The file goes on her calendar row, owed long before the welcome: first.
  assert.deepEqual(sentAfter(h, anna, before), [
    SEATLESS,
    `${WELCOME}\n\nСвободных мест на встрече в среду, 25 ноября, сейчас нет: нажмите «Да, буду» в приглашении, и я запишу вас в лист ожидания.`,
  ]);
  assert.deepEqual(filesTo(h, anna).at(-1), {
    caption: SEATLESS,
    method: "CANCEL",
    sequence: "1",
  });
  assert.equal(
    await press(h, anna, YES),
    "Мест нет — вы в листе ожидания, номер 1",
  );
  await afterPause(h);
  assert.equal(filesTo(h, anna).length, 2, "waiting, she is owed no entry");
});

Deno.test("without a limit, one who comes back is welcomed as before and their calendar is left alone", async () => {
  await using h = await monday(null);
  await press(h, anna, YES);
  await h.say(anna, "/stop");
  await h.idle();
  const before = h.fake.sent(anna.id).length;
  await h.say(anna, "/start");
  await h.idle();
  await afterPause(h);
  assert.deepEqual(sentAfter(h, anna, before), [WELCOME]);
  assert.equal(filesTo(h, anna).length, 1);
});
