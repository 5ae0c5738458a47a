/**
 * The UIDs of calendar files are this deployment's own: the bot's username under
 * `t.me` (`meeting-2026-11-25@meeting_bot.t.me`), from `getMe` in `run` and in `send`,
 * the same across restarts; an entry already in a calendar keeps the UID it was sent
 * under, including those sent before UIDs named the bot.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { sendCommand } from "../src/commands/send.ts";
import { keys, LANE, OWED } from "../src/core/owed.ts";
import { openDatabase } from "../src/db/database.ts";
import { MIGRATIONS } from "../src/db/migrations.ts";
import { Store } from "../src/db/store.ts";
import type { BotApi, CallOptions } from "../src/delivery/telegram.ts";
import { silentLogger } from "../src/log.ts";
import { createRenderer } from "../src/messages/render.ts";
import { tempDir, testConfig } from "./helpers.ts";
import { parseIcs } from "./support/ics.ts";
import { VirtualTime } from "./support/virtual_time.ts";

const MEETING = "2026-11-25";
const MONDAY = new Date("2026-11-23T08:00:00Z");

/** A store where users 7, 8 and 9 said yes, with an owed calendar row for each. */
function world(store = new Store(openDatabase(":memory:"))) {
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
  /** The calendar row of the `n`th user (1–3). */
  const add = (n: number) => {
    const key = keys.calendar(MEETING, ids[n - 1]!);
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
  return { store, add, ids };
}

/** The VEVENT of the file a delivery uploads. */
function uploadedEvent(
  delivery: { upload?: { bytes: Uint8Array } } | null,
): Record<string, string> {
  assert.ok(delivery?.upload, "the file is uploaded");
  return parseIcs(new TextDecoder().decode(delivery.upload.bytes))
    .find((c) => c.BEGIN === "VEVENT")!;
}

Deno.test("a calendar file's UID names its bot: the same after a restart, another for another bot", async () => {
  const { store, add, ids } = world();
  {
    const config = testConfig();
    const uid = async (botUsername: string, n: number) =>
      uploadedEvent(
        await createRenderer({ config, store, now: () => MONDAY, botUsername })
          .render(add(n)),
      ).UID;
    assert.equal(
      await uid("Meeting_Bot", 1),
      `meeting-${MEETING}@meeting_bot.t.me`,
    );
    assert.equal(
      await uid("Meeting_Bot", 1),
      await uid("Meeting_Bot", 2),
      "restarted",
    );
    assert.equal(
      await uid("other_bot", 3),
      `meeting-${MEETING}@other_bot.t.me`,
    );

    // An entry sent under another domain keeps it in every later file.
    store.calendars.sent({
      meetingId: MEETING,
      userId: ids[0]!,
      uidDomain: "meeting-bot",
      sequence: 0,
      meetingSequence: 0,
      holds: true,
    }, MONDAY);
    store.meetings.change(
      MEETING,
      { link: "https://meet.example.com/new" },
      MONDAY,
    );
    assert.equal(await uid("Meeting_Bot", 1), `meeting-${MEETING}@meeting-bot`);
  }
});

Deno.test("files sent before the calendar state was kept are taken as sent, under their old UID", async () => {
  await using temp = await tempDir();
  const path = join(temp.path, "before.sqlite3");
  const raw = new DatabaseSync(path);
  const step = MIGRATIONS.findIndex((sql) =>
    sql.includes("CREATE TABLE calendar_entries")
  );
  for (const sql of MIGRATIONS.slice(0, step)) raw.exec(sql);
  const at = "2026-11-23T08:00:00.000Z";
  raw.exec(`PRAGMA user_version = ${step};
    INSERT INTO users (id, tg_id, is_active, is_registered) VALUES (1, 7, 1, 1),
      (2, 8, 1, 1), (3, 9, 1, 1);
    INSERT INTO meetings (id, starts_at, status, sequence, created_at, updated_at)
      VALUES ('${MEETING}', '2026-11-25T08:00:00.000Z', 'scheduled', 1, '${at}', '${at}');
    INSERT INTO answers (meeting_id, user_id, answer, answered_at) VALUES
      ('${MEETING}', 1, 'yes', '${at}'), ('${MEETING}', 2, 'yes', '${at}'),
      ('${MEETING}', 3, 'yes', '${at}');
    INSERT INTO outbox (key, kind, ref, chat_id, user_id, lane, status, not_before,
        created_at, updated_at) VALUES
      ('calendar/${MEETING}/u1/1', 'calendar', '${MEETING}', 7, 1, 0, 'sent', '${at}', '${at}', '${at}'),
      ('calendar/${MEETING}/s1/u1', 'calendar', '${MEETING}', 7, 1, 1, 'sent', '${at}', '${at}', '${at}'),
      ('calendar/${MEETING}/u2/1', 'calendar', '${MEETING}', 8, 2, 0, 'sent', '${at}', '${at}', '${at}'),
      ('calendar/${MEETING}/s1/u2', 'calendar', '${MEETING}', 8, 2, 1, 'pending', '${at}', '${at}', '${at}');`);
  raw.close();
  const db = openDatabase(path);
  try {
    const store = new Store(db);
    const renderer = createRenderer({
      config: testConfig(),
      store,
      now: () => MONDAY,
      botUsername: "meeting_bot",
    });
    const row = (key: string) => store.outbox.byKey(key)!;
    assert.equal(
      await renderer.render(row(`calendar/${MEETING}/s1/u1`)),
      null,
      "user 1 has the update already",
    );
    const owed = uploadedEvent(
      await renderer.render(row(`calendar/${MEETING}/s1/u2`)),
    );
    assert.equal(
      owed.UID,
      `meeting-${MEETING}@meeting-bot`,
      "user 2: the old UID",
    );
    assert.equal(owed.SEQUENCE, "2", "above anything sent before");
    store.outbox.add({
      key: keys.calendar(MEETING, 3),
      kind: OWED.calendar,
      ref: MEETING,
      chatId: 9,
      userId: 3,
      lane: LANE.reply,
    }, MONDAY);
    const fresh = uploadedEvent(
      await renderer.render(row(keys.calendar(MEETING, 3))),
    );
    assert.equal(
      fresh.UID,
      `meeting-${MEETING}@meeting_bot.t.me`,
      "user 3: new",
    );
  } finally {
    db.close();
  }
});

Deno.test("send names its bot in the UIDs of the calendar files it delivers", async () => {
  await using temp = await tempDir();
  const config = testConfig({ database: join(temp.path, "bot.sqlite3") });
  const time = new VirtualTime(MONDAY.toISOString());
  const db = openDatabase(config.database);
  world(new Store(db)).add(1);
  db.close();
  const files: Uint8Array[] = [];
  let n = 0;
  const api: BotApi = {
    call<T>(method: string, _params: unknown, options: CallOptions = {}) {
      if (options.upload !== undefined) files.push(options.upload.bytes);
      const result = method === "getMe"
        ? { id: 1, is_bot: true, first_name: "Bot", username: "Meeting_Bot" }
        : { message_id: ++n };
      return Promise.resolve(result as T);
    },
  };
  let done = false;
  void sendCommand(config, {
    log: silentLogger,
    now: time.now,
    sleep: time.sleep,
    api,
    print: () => {},
    env: { token: "123:x", apiRoot: undefined },
    job: "invitation",
  }).finally(() => done = true);
  await time.runUntil(() => done);
  assert.equal(files.length, 1, "the owed calendar file");
  const event = parseIcs(new TextDecoder().decode(files[0]))
    .find((c) => c.BEGIN === "VEVENT")!;
  assert.equal(event.UID, `meeting-${MEETING}@meeting_bot.t.me`);
});
