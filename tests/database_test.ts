import assert from "node:assert/strict";
import { tempDir } from "./helpers.ts";
import { DatabaseSync } from "node:sqlite";
import { join } from "node:path";
import { openDatabase } from "../src/db/database.ts";
import {
  MIGRATIONS,
  SCHEMA_VERSION,
  schemaVersion,
} from "../src/db/migrations.ts";
import { DatabaseError } from "../src/db/sqlite.ts";
import { Store } from "../src/db/store.ts";

/** The earlier Python bot's table, as its `database.py` created it, with its rows. */
function makeLegacyDatabase(path: string) {
  const db = new DatabaseSync(path);
  db.exec(`
    CREATE TABLE IF NOT EXISTS users (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      tg_id INTEGER UNIQUE NOT NULL,
      first_name TEXT,
      last_name TEXT,
      username TEXT,
      is_active BOOLEAN DEFAULT TRUE,
      is_registered BOOLEAN DEFAULT FALSE,
      last_response TEXT CHECK(last_response IN ('yes', 'no') OR last_response IS NULL),
      created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
      updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
    );
    INSERT INTO users (tg_id, first_name, last_name, username, is_active, is_registered,
      last_response, created_at, updated_at) VALUES
      (1001, 'Анна', 'Иванова', 'anna', 1, 1, 'yes', '2025-11-03 10:00:00', '2025-11-05 09:00:00'),
      (1002, 'Борис', NULL, NULL, 1, 0, NULL, '2025-11-03 10:05:00', '2025-11-03 10:05:00'),
      (1003, 'Вера', 'Петрова', 'vera', 0, 1, 'no', '2025-11-04 12:00:00', '2025-11-06 08:00:00');
  `);
  db.close();
}

Deno.test("openDatabase() adopts the earlier bot's database and keeps every user", async () => {
  await using temp = await tempDir();
  const dir = temp.path;
  const path = join(dir, "db.sqlite3");
  makeLegacyDatabase(path);
  const db = openDatabase(path);
  try {
    assert.equal(schemaVersion(db), SCHEMA_VERSION);
    const store = new Store(db);
    assert.deepEqual(store.users.byTgId(1001), {
      id: 1,
      tg_id: 1001,
      first_name: "Анна",
      last_name: "Иванова",
      username: "anna",
      is_active: true,
      is_registered: true,
      last_response: "yes",
      timezone: null,
      paused_through: null,
      language: null, // the config's own: nobody was asked before
    });
    assert.equal(store.users.byTgId(1003)?.is_active, false);
    assert.deepEqual(store.users.invitationRecipients().map((u) => u.tg_id), [
      1001,
    ]);
    const rows = db.prepare("SELECT created_at FROM users ORDER BY id").all();
    assert.equal(rows[0]?.created_at, "2025-11-03 10:00:00");
    // The old file is still usable by the new code: a new user gets the next id.
    assert.equal(
      store.users.start({ tg_id: 1004, first_name: "Глеб" }, new Date()).id,
      4,
    );
  } finally {
    db.close();
  }
  // Opening again migrates nothing more and loses nothing.
  const again = openDatabase(path);
  assert.equal(new Store(again).users.invitationRecipients().length, 1);
  assert.equal(
    (again.prepare("SELECT count(*) AS n FROM users").get() as { n: number })
      .n,
    4,
  );
  again.close();
});

Deno.test("openDatabase() creates a new database in WAL mode with the whole schema", async () => {
  await using temp = await tempDir();
  const dir = temp.path;
  const db = openDatabase(join(dir, "nested", "bot.sqlite3"));
  assert.equal(schemaVersion(db), SCHEMA_VERSION);
  assert.equal(
    (db.prepare("PRAGMA journal_mode").get() as { journal_mode: string })
      .journal_mode,
    "wal",
  );
  const tables = db.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
  )
    .all().map((r) => r.name);
  for (
    const table of [
      "announcements",
      "answers",
      "job_runs",
      "meetings",
      "outbox",
      "processed_updates",
      "users",
    ]
  ) {
    assert.ok(tables.includes(table), `missing table ${table}`);
  }
  db.close();
});

Deno.test("openDatabase() refuses a database of a newer schema or of another program", async () => {
  await using temp = await tempDir();
  const dir = temp.path;
  const newer = join(dir, "newer.sqlite3");
  const raw = new DatabaseSync(newer);
  raw.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
  raw.close();
  assert.throws(
    () => openDatabase(newer),
    (e) => e instanceof DatabaseError && /newer/.test(e.message),
  );

  const other = join(dir, "other.sqlite3");
  const raw2 = new DatabaseSync(other);
  raw2.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)");
  raw2.close();
  assert.throws(
    () => openDatabase(other),
    (e) => e instanceof DatabaseError && /lacks columns tg_id/.test(e.message),
  );
});

Deno.test("Outbox.add() writes a key once; claim() takes a row once", () => {
  const db = openDatabase(":memory:");
  const store = new Store(db);
  const now = new Date("2026-11-23T07:00:00Z");
  const item = {
    key: "invitation/2026-11-25/u1",
    kind: "invitation",
    chatId: 1,
    lane: 2 as const,
  };
  assert.equal(store.outbox.add(item, now), true);
  assert.equal(store.outbox.add(item, now), false, "the same key again");
  const row = store.outbox.byKey(item.key)!;
  assert.equal(store.outbox.claim(row.id, { by: "a", now }), true);
  assert.equal(store.outbox.claim(row.id, { by: "b", now }), false);
  store.outbox.finish(row.id, { status: "sent", messageId: 7, now });
  assert.equal(store.outbox.claim(row.id, { by: "b", now }), false);
  assert.equal(store.outbox.byKey(item.key)!.message_id, 7);
  db.close();
});

Deno.test("openDatabase() moves the delivery log of version 3 into the outbox", async () => {
  await using temp = await tempDir();
  const path = join(temp.path, "v3.sqlite3");
  const raw = new DatabaseSync(path);
  for (const sql of MIGRATIONS.slice(0, 3)) raw.exec(sql);
  raw.exec(`PRAGMA user_version = 3;
    INSERT INTO users (id, tg_id, is_active, is_registered) VALUES (1, 101, 1, 1),
      (2, 102, 1, 1), (3, 103, 1, 1);
    INSERT INTO deliveries (meeting_id, job, user_id, status, attempts, updated_at) VALUES
      ('2026-11-25', 'invitation', 1, 'sent', 1, '2026-11-23T07:00:01Z'),
      ('2026-11-25', 'invitation', 2, 'sending', 1, '2026-11-23T07:00:02Z'),
      ('2026-11-25', 'invitation', 3, 'failed', 3, '2026-11-23T07:00:03Z'),
      ('announcements', 'announcement-4', 1, 'sent', 1, '2026-11-23T08:00:00Z');`);
  raw.close();
  const db = openDatabase(path);
  const store = new Store(db);
  const status = (key: string) => store.outbox.byKey(key)?.status;
  assert.equal(status("invitation/2026-11-25/u1"), "sent");
  assert.equal(status("invitation/2026-11-25/u2"), "unknown", "never twice");
  assert.equal(status("invitation/2026-11-25/u3"), "pending", "tried again");
  assert.equal(status("announcement/4/u1"), "sent");
  assert.equal(store.outbox.byKey("invitation/2026-11-25/u3")?.chat_id, 103);
  db.close();
});
