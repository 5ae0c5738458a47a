/**
 * Calendar files as a person meets them through the fake Bot API: one file per change
 * of what their calendar should hold, not one per press. A "no" after a "yes" removes
 * the entry from that person's calendar (METHOD:CANCEL, the same UID, a higher
 * SEQUENCE), a "yes" again puts it back, presses in a row within the pause come to one
 * file, and an admin's change reaches each calendar once. Every file is read back with
 * the parser. Meeting Wednesday 2026-11-25 11:00 Moscow (08:00Z).
 */
import assert from "node:assert/strict";
import { BOT_INFO, user } from "./fake_bot_api.ts";
import { type Harness, ManualClock, startHarness } from "./helpers.ts";
import { type IcsComponent, parseIcs } from "./support/ics.ts";
import { CALENDAR_PAUSE_MS } from "../src/usecases/calendar_files.ts";
import { moveMeeting } from "../src/usecases/meetings.ts";
import { weekById } from "../src/usecases/weeks.ts";

const MEETING = "2026-11-25";
const anna = user(1, { first_name: "Анна" });
const boris = user(2, { first_name: "Борис" });
const YES = `rsvp:${MEETING}:yes`;
const NO = `rsvp:${MEETING}:no`;

const NEW =
  "Встреча «Живой эфир» в среду, 25 ноября, в 11:00 (мск): откройте файл, чтобы добавить её в календарь.";
const DECLINED =
  "Вы не придёте на встречу «Живой эфир» в среду, 25 ноября, в 11:00 (мск): откройте файл, и календарь её уберёт.";

/** One calendar file a person received: its caption and the file read back. */
interface Received {
  caption: string | undefined;
  calendar: IcsComponent;
  event: IcsComponent;
}

/** Monday 11:00 Moscow, the invitation due: Anna and Boris signed up. */
async function monday(): Promise<Harness> {
  const h = await startHarness({
    clock: new ManualClock("2026-11-23T08:00:00Z"),
  });
  for (const u of [anna, boris]) {
    await h.say(u, "/start");
    await h.press(u, "reg:yes");
  }
  return h;
}

/** The calendar files `chat` received, in order, each read back (a reused file by its id). */
function filesTo(h: Harness, chat: number): Received[] {
  const bytes = new Map<string, Uint8Array>();
  const received: Received[] = [];
  for (const m of h.fake.sent()) {
    if (m.method !== "sendDocument") continue;
    if (m.document !== undefined) {
      bytes.set(`document-${m.message_id}`, m.document.bytes);
    }
    if (m.chat_id !== chat) continue;
    const file = m.document?.bytes ?? bytes.get(String(m.params.document));
    assert.ok(file, "every file can be read");
    const [calendar, event] = parseIcs(new TextDecoder().decode(file));
    received.push({ caption: m.caption, calendar: calendar!, event: event! });
  }
  return received;
}

/** Presses each button in turn as `u`, each answered before the next. */
async function pressAll(h: Harness, u: typeof anna, data: string[]) {
  for (const d of data) await h.press(u, d);
  await h.idle();
}

/** Lets the pause after the last file pass, and delivers what fell due. */
async function afterPause(h: Harness): Promise<void> {
  h.clock.advance(CALENDAR_PAUSE_MS);
  h.sender.kick();
  await h.idle();
}

/** The calendar rows the outbox ever held for the chat's person. */
function calendarRows(h: Harness, chat: number): number {
  const row = h.db.prepare(
    `SELECT count(*) AS n FROM outbox o JOIN users u ON u.id = o.user_id
     WHERE o.kind = 'calendar' AND u.tg_id = ?`,
  ).get(chat) as { n: number };
  return Number(row.n);
}

Deno.test("seven presses yes, no, yes… within a minute bring one calendar file, on one row", async () => {
  await using h = await monday();
  // The entry is delivered before the next press, however slow the sender is: the
  // six presses after it all fall within the pause.
  await pressAll(h, anna, [YES]);
  assert.equal(filesTo(h, anna.id).length, 1, "the first file at once");
  await pressAll(h, anna, [NO, YES, NO, YES, NO, YES]);
  await afterPause(h);
  await afterPause(h);
  const files = filesTo(h, anna.id);
  assert.equal(files.length, 1, "the entry once: her calendar holds it");
  assert.equal(files[0]!.calendar.METHOD, "PUBLISH");
  assert.equal(files[0]!.caption, NEW);
  assert.equal(calendarRows(h, anna.id), 1, "one row, renewed");
});

Deno.test("yes, then no: that person's calendar gets the cancelling entry, same UID, higher SEQUENCE; yes again puts it back", async () => {
  await using h = await monday();
  await pressAll(h, boris, [YES]);
  await pressAll(h, anna, [YES]); // the entry arrives
  await pressAll(h, anna, [NO]);
  assert.equal(filesTo(h, anna.id).length, 1, "the removal waits the pause");
  await afterPause(h);
  await pressAll(h, anna, [YES]);
  await afterPause(h);
  const [entry, removal, back, ...more] = filesTo(h, anna.id);
  assert.deepEqual(more, [], "three files, no more");
  assert.equal(entry!.calendar.METHOD, "PUBLISH");
  assert.equal(entry!.event.SEQUENCE, "0");
  assert.equal(removal!.calendar.METHOD, "CANCEL");
  assert.equal(removal!.event.STATUS, "CANCELLED");
  assert.equal(removal!.event.UID, entry!.event.UID);
  assert.equal(removal!.event.SEQUENCE, "1");
  assert.equal(removal!.caption, DECLINED);
  assert.equal(back!.calendar.METHOD, "PUBLISH");
  assert.equal(back!.event.STATUS, "CONFIRMED");
  assert.equal(back!.event.UID, entry!.event.UID);
  assert.equal(back!.event.SEQUENCE, "2", "above the removal");
  assert.equal(back!.caption, NEW);
  assert.equal(filesTo(h, boris.id).length, 1, "Boris's calendar untouched");
});

Deno.test("a no with nothing in the calendar sends no file, and no then yes brings just the entry", async () => {
  await using h = await monday();
  await pressAll(h, anna, [NO]);
  await afterPause(h);
  assert.equal(filesTo(h, anna.id).length, 0);
  await pressAll(h, anna, [YES]);
  const files = filesTo(h, anna.id);
  assert.equal(files.length, 1, "at once: nothing was sent to her before");
  assert.equal(files[0]!.event.SEQUENCE, "0");
});

Deno.test("a move reaches each calendar once, though a press of her own is pending too", async () => {
  await using h = await monday();
  await pressAll(h, boris, [YES]);
  await pressAll(h, anna, [YES, NO, YES]); // her row waits the pause
  const week = weekById(h.store, { config: h.config, id: MEETING })!;
  await h.store.write(() =>
    moveMeeting(h.store, {
      week,
      to: new Date("2026-11-25T09:30:00Z"),
      now: h.clock.now(),
    })
  );
  h.sender.kick();
  await h.idle();
  await afterPause(h);
  for (const u of [anna, boris]) {
    const [entry, update, ...more] = filesTo(h, u.id);
    assert.deepEqual(more, [], `${u.first_name}: the entry and one update`);
    assert.equal(update!.event.UID, entry!.event.UID);
    assert.equal(update!.event.SEQUENCE, "1");
    assert.equal(update!.event.DTSTART, "20261125T093000Z");
    assert.equal(
      update!.caption,
      "Встреча «Живой эфир» изменилась, теперь она в среду, 25 ноября, в 12:30 (мск): откройте файл, и календарь её обновит.",
    );
  }
});

Deno.test("the UID names the bot: meeting-<date>@<bot username>.t.me", async () => {
  await using h = await monday();
  await pressAll(h, anna, [YES]);
  assert.equal(
    filesTo(h, anna.id)[0]!.event.UID,
    `meeting-${MEETING}@${BOT_INFO.username}.t.me`,
  );
});
