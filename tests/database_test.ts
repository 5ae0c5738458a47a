import assert from "node:assert/strict";
import { tempDir } from "./helpers.ts";
import { DatabaseSync } from "node:sqlite";
import { join } from "node:path";
import { openDatabase } from "../src/db/database.ts";
import { SCHEMA_VERSION, schemaVersion } from "../src/db/migrations.ts";
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
      "deliveries",
      "job_runs",
      "meetings",
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

Deno.test("Deliveries.claim() claims once; only a failed delivery is claimed again", () => {
  const db = openDatabase(":memory:");
  const store = new Store(db);
  const now = new Date("2026-11-23T07:00:00Z");
  const user = store.users.start({ tg_id: 1 }, now);
  const key = { meetingId: "2026-11-25", job: "invitation", userId: user.id };
  assert.equal(
    store.deliveries.claim(key, now),
    true,
  );
  assert.equal(
    store.deliveries.claim(key, now),
    false,
  );
  store.deliveries.finish(key, {
    status: "failed",
    error: "500",
    attempts: 3,
    now,
  });
  assert.equal(
    store.deliveries.claim(key, now),
    true,
  );
  store.deliveries.finish(key, {
    status: "sent",
    messageId: 7,
    attempts: 1,
    now,
  });
  assert.equal(
    store.deliveries.claim(key, now),
    false,
  );
  assert.deepEqual(store.deliveries.counts("2026-11-25", "invitation"), {
    sent: 1,
    blocked: 0,
    failed: 0,
    sending: 0,
  });
  db.close();
});
