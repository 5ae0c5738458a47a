/**
 * Every backup is recorded in the database it copied, whichever process made it (the
 * daily timer's), so that `/metrics` tells how old the last one is; one that cannot be
 * recorded says so, and the copy stays.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import {
  backupCommand,
  BackupError,
  checkCopy,
} from "../src/commands/backup.ts";
import { openDatabase } from "../src/db/database.ts";
import { MIGRATIONS } from "../src/db/migrations.ts";
import { Store } from "../src/db/store.ts";
import { silentLogger } from "../src/log.ts";
import { tempDir, testConfig } from "./helpers.ts";

Deno.test("backup records each backup in the database it copied: when, which file, how many users", async () => {
  await using dir = await tempDir();
  const config = testConfig({ database: join(dir.path, "bot.sqlite3") });
  const db = openDatabase(config.database);
  new Store(db).users.start({ tg_id: 1, first_name: "U" }, new Date());
  db.close();
  const backup = (at: string) =>
    backupCommand(config, {
      target: join(dir.path, "backups"),
      log: silentLogger,
      now: () => new Date(at),
      print: () => {},
    });
  await backup("2026-11-23T03:42:10Z");
  const last = await backup("2026-11-24T03:35:00Z");
  const after = openDatabase(config.database);
  try {
    assert.deepEqual({ ...new Store(after).backups.latest() }, {
      taken_at: "2026-11-24T03:35:00.000Z",
      path: last.path,
      users: 1,
    });
  } finally {
    after.close();
  }
});

Deno.test("backup of a database in an older schema, without the backups table, copies it and records nothing", async () => {
  await using dir = await tempDir();
  const config = testConfig({ database: join(dir.path, "bot.sqlite3") });
  // The schema just before the step that made the backups table.
  const before = MIGRATIONS.findIndex((sql) =>
    sql.includes("CREATE TABLE backups")
  );
  const old = new DatabaseSync(config.database);
  for (const sql of MIGRATIONS.slice(0, before)) old.exec(sql);
  old.exec(`PRAGMA user_version = ${before}`);
  old.close();
  const result = await backupCommand(config, {
    target: join(dir.path, "copy.sqlite3"),
    log: silentLogger,
    now: () => new Date("2026-11-24T03:35:00Z"),
    print: () => {},
  });
  assert.equal(result.users, 0);
  const after = new DatabaseSync(config.database, { readOnly: true });
  try {
    assert.equal(
      after.prepare(
        "SELECT count(*) AS n FROM sqlite_master WHERE name = 'backups'",
      ).get()!.n,
      0,
    );
  } finally {
    after.close();
  }
});

Deno.test("a backup that cannot be recorded (a read-only database) says so as an operator error, and the checked copy stays", async () => {
  await using dir = await tempDir();
  const config = testConfig({ database: join(dir.path, "bot.sqlite3") });
  const db = openDatabase(config.database);
  new Store(db).users.start({ tg_id: 1, first_name: "U" }, new Date());
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  db.close();
  // A file the process cannot write: root ignores modes, so make it immutable.
  const root = Deno.uid() === 0;
  const immutable = (on: boolean) =>
    new Deno.Command("chattr", { args: [on ? "+i" : "-i", config.database] })
      .output();
  if (root) await immutable(true);
  else await Deno.chmod(config.database, 0o444);
  try {
    const target = join(dir.path, "copy.sqlite3");
    await assert.rejects(
      backupCommand(config, {
        target,
        log: silentLogger,
        now: () => new Date("2026-11-24T03:35:00Z"),
        print: () => {},
      }),
      (error: unknown) => {
        assert.ok(error instanceof BackupError);
        assert.equal(error.exitCode, 2);
        assert.match(
          error.message,
          /^Backup ".*copy\.sqlite3" is written and checked, but could not be recorded in database/,
        );
        return true;
      },
    );
    assert.equal(checkCopy(target, target), 1);
  } finally {
    if (root) await immutable(false);
  }
});
