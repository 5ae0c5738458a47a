/**
 * Calendar files as the renderer makes them, read back with the parser: the file is a
 * function of the meeting's state (a restart builds the same bytes), a change of topic
 * is a new file rather than the cached old one, and a cancellation names its organizer.
 */
import assert from "node:assert/strict";
import { type Delivery, keys, LANE, OWED } from "../src/core/owed.ts";
import { openDatabase } from "../src/db/database.ts";
import type { OutboxRow } from "../src/db/outbox.ts";
import { Store } from "../src/db/store.ts";
import { owedFile } from "../src/domain/calendar_entry.ts";
import { createRenderer } from "../src/messages/render.ts";
import { testConfig } from "./helpers.ts";
import { parseIcs } from "./support/ics.ts";

const MEETING = "2026-11-25";
const MONDAY = new Date("2026-11-23T08:00:00Z");

/** A store where users 7, 8 and 9 said yes to the meeting, and a row of each one's file. */
function world() {
  const db = openDatabase(":memory:");
  const store = new Store(db);
  const ids = [7, 8, 9].map((tg_id) =>
    store.users.start({ tg_id, first_name: "Анна" }, MONDAY).id
  );
  store.meetings.ensure(
    { id: MEETING, startsAt: new Date("2026-11-25T08:00:00Z") },
    MONDAY,
  );
  for (const userId of ids) {
    store.answers.record({ meetingId: MEETING, userId, answer: "yes" }, MONDAY);
  }
  /** The calendar row of the `n`th user (1–3), as the sender reads it. */
  const add = (n: number, key = keys.calendar(MEETING, ids[n - 1]!)) => {
    store.outbox.add({
      key,
      kind: OWED.calendar,
      ref: MEETING,
      chatId: 6 + n,
      userId: ids[n - 1]!,
      lane: LANE.reply,
    }, MONDAY);
    return store.outbox.byKey(key)!;
  };
  return { db, store, add, ids };
}

/** The file a delivery uploads, as text. */
function uploaded(delivery: Delivery | null): string {
  assert.ok(delivery?.upload, "the file is uploaded");
  return new TextDecoder().decode(delivery.upload.bytes);
}

function vevent(ics: string): Record<string, string> {
  return parseIcs(ics).find((c) => c.BEGIN === "VEVENT")!;
}

Deno.test("a calendar file is the same bytes after a restart: its DTSTAMP is the meeting's last change", async () => {
  const { db, store, add } = world();
  try {
    const config = testConfig();
    const row = add(1);
    const before = createRenderer({ config, store, now: () => MONDAY });
    const restarted = createRenderer({
      config,
      store,
      now: () => new Date(MONDAY.getTime() + 3_600_000),
    });
    const file = uploaded(await before.render(row));
    assert.equal(uploaded(await restarted.render(row)), file);
    assert.equal(vevent(file).DTSTAMP, "20261123T080000Z");
  } finally {
    db.close();
  }
});

Deno.test("a calendar file after /topic carries the new topic, not the cached file of before", async () => {
  const { db, store, add } = world();
  try {
    const config = testConfig();
    const renderer = createRenderer({ config, store, now: () => MONDAY });
    const first = add(1);
    const delivery = (await renderer.render(first))!;
    const file = uploaded(delivery);
    renderer.delivered(first, { document: { file_id: "F1" } }, delivery);
    // The same file again goes by its file_id.
    const again = (await renderer.render(add(2)))!;
    assert.equal(again.params.document, "F1");
    assert.equal(again.upload, undefined);

    const later = new Date(MONDAY.getTime() + 60_000);
    store.meetings.change(MEETING, { topic: "Итоги года" }, later);
    const after = await renderer.render(add(3));
    const changed = vevent(uploaded(after));
    assert.equal(changed.SUMMARY, `${config.meeting.title}: Итоги года`);
    assert.equal(changed.UID, vevent(file).UID);
    assert.equal(changed.DTSTAMP, "20261123T080100Z", "a later revision");
  } finally {
    db.close();
  }
});

Deno.test("a cancellation's calendar file is METHOD:CANCEL with the bot as ORGANIZER", async () => {
  const { db, store, add, ids } = world();
  try {
    const config = testConfig();
    const renderer = createRenderer({ config, store, now: () => MONDAY });
    const first = add(1);
    renderer.delivered(first, {}, (await renderer.render(first))!);
    store.meetings.setStatus({ id: MEETING, status: "cancelled" }, MONDAY);
    const row: OutboxRow = add(1, keys.calendarUpdate(MEETING, 1, ids[0]!));
    const [calendar, event] = parseIcs(uploaded(await renderer.render(row)));
    assert.equal(calendar!.METHOD, "CANCEL");
    assert.equal(event!.STATUS, "CANCELLED");
    assert.equal(event!.SEQUENCE, "1");
    assert.equal(event!.ORGANIZER, "mailto:noreply@meeting-bot.invalid");
  } finally {
    db.close();
  }
});

Deno.test("owedFile() sends a file only when what the calendar should hold changes", () => {
  const at = new Date("2026-11-24T08:00:00Z");
  const meeting = {
    sequence: 0,
    cancelled: false,
    startsAt: new Date("2026-11-25T08:00:00Z"),
  };
  const entry = { sequence: 0, meetingSequence: 0, holds: true };
  const removal = { sequence: 1, meetingSequence: 0, holds: false };
  const owed = (attending: boolean, sent?: typeof entry, m = meeting) =>
    owedFile({ meeting: m, attending, sent }, at);
  assert.deepEqual(owed(true), { holds: true, sequence: 0, reason: "new" });
  assert.equal(owed(false), null, "no entry was sent: nothing to remove");
  assert.equal(owed(true, entry), null, "it holds the entry already");
  assert.deepEqual(owed(false, entry), {
    holds: false,
    sequence: 1,
    reason: "declined",
  });
  assert.equal(owed(false, removal), null, "removed already");
  assert.deepEqual(owed(true, removal), {
    holds: true,
    sequence: 2,
    reason: "new",
  });
  const moved = { ...meeting, sequence: 1 };
  assert.deepEqual(owed(true, entry, moved), {
    holds: true,
    sequence: 1,
    reason: "updated",
  });
  assert.equal(owed(false, removal, moved), null, "a move of a removed entry");
  const cancelled = { ...meeting, sequence: 1, cancelled: true };
  assert.deepEqual(owed(true, entry, cancelled), {
    holds: false,
    sequence: 1,
    reason: "cancelled",
  });
  assert.equal(owed(true, undefined, cancelled), null);
  const started = { ...meeting, startsAt: at };
  assert.equal(
    owed(true, undefined, started),
    null,
    "no first file once begun",
  );
});
