/**
 * The files the operator's commands write, as the operator runs them (`main.ts` under
 * the compile task's exact permissions): where a backup goes, what a missing database
 * does, and who owns what a command run as root writes for the service.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { MIGRATIONS, SCHEMA_VERSION } from "../src/db/migrations.ts";
import { makeWorkdir, runMain } from "./process.ts";
import { botFolder } from "./support/bot_process.ts";

const BACKUP_LINE =
  /^backup: (\S+\/bot-\d{8}-\d{6}\.sqlite3) \((\d+) users, integrity ok\)/;

/** The permission bits of a file or folder, e.g. `0o600`. */
function mode(path: string): number {
  return Deno.statSync(path).mode! & 0o777;
}

Deno.test("backup to a name without an extension makes a folder (0700) and keeps making backups in it; a file there is refused with the reason", async () => {
  await using dir = await botFolder({ users: 2 });
  const folder = join(dir.path, "data", "backups");
  const first = await runMain(["backup", "data/backups"], { cwd: dir.path });
  assert.equal(first.code, 0, first.stderr);
  const [, path] = BACKUP_LINE.exec(first.stdout)!;
  assert.equal(path!.split("/").slice(0, -1).join("/"), folder);
  assert.equal(mode(folder), 0o700);
  // As if taken a day before: the next one, with --keep, goes into the same folder.
  await Deno.rename(path!, join(folder, "bot-20260101-000000.sqlite3"));
  const next = await runMain(["backup", "--keep", "5", "data/backups"], {
    cwd: dir.path,
  });
  assert.equal(next.code, 0, next.stderr);
  assert.equal([...Deno.readDirSync(folder)].length, 2);

  await Deno.writeTextFile(join(dir.path, "data", "old"), "");
  const refused = await runMain(["backup", "data/old"], { cwd: dir.path });
  assert.equal(refused.code, 2);
  assert.equal(
    refused.stderr,
    `error: Backup target "${
      join(dir.path, "data", "old")
    }" is a file, not a folder of backups: move it away, or name a new file with an extension, e.g. backup.sqlite3\n`,
  );
});

Deno.test("stats and export without a database say so, exit 2, and create nothing", async () => {
  await using temp = await makeWorkdir();
  for (const command of ["stats", "export"]) {
    const result = await runMain([command], { cwd: temp.path });
    assert.equal(result.code, 2, result.stderr);
    assert.equal(result.stdout, "");
    assert.match(
      result.stderr,
      /^error: Database ".*\/data\/bot\.sqlite3" does not exist: nothing to show yet/,
    );
    assert.equal(result.stderr.split("\n").length, 2, "one line");
    assert.ok(!existsSync(join(temp.path, "data")), "no data folder made");
  }
});

const IS_ROOT = Deno.uid() === 0;

Deno.test({
  name:
    "backup and restore run as root keep the service's owner and mode, so the service can open what they wrote" +
    (IS_ROOT ? "" : " (ignored: needs root to run as root)"),
  ignore: !IS_ROOT,
  async fn() {
    const service = 65534; // nobody: stands for the service's own user
    await using dir = await botFolder({ users: 2 });
    const data = join(dir.path, "data");
    Deno.chownSync(data, service, service);
    Deno.chownSync(dir.database, service, service);
    Deno.chmodSync(dir.database, 0o640);
    const owner = (path: string) => {
      const info = Deno.statSync(path);
      return { uid: info.uid, gid: info.gid, mode: info.mode! & 0o777 };
    };

    const backup = await runMain(["backup", "data/backups"], { cwd: dir.path });
    assert.equal(backup.code, 0, backup.stderr);
    const path = BACKUP_LINE.exec(backup.stdout)![1]!;
    const folder = join(data, "backups");
    assert.deepEqual(owner(folder), {
      uid: service,
      gid: service,
      mode: 0o700,
    });
    assert.deepEqual(owner(path), { uid: service, gid: service, mode: 0o600 });

    const restore = await runMain(["restore", path], { cwd: dir.path });
    assert.equal(restore.code, 0, restore.stderr);
    assert.deepEqual(owner(dir.database), {
      uid: service,
      gid: service,
      mode: 0o640,
    });
    const previous = [...Deno.readDirSync(data)].find((e) =>
      e.name.startsWith("bot.sqlite3.before-restore-")
    )!;
    assert.deepEqual(owner(join(data, previous.name)), {
      uid: service,
      gid: service,
      mode: 0o640,
    });
    for (const entry of Deno.readDirSync(data)) {
      assert.equal(owner(join(data, entry.name)).uid, service, entry.name);
    }
  },
});

Deno.test({
  name:
    "check run as root in the service's empty folder makes a database the service owns" +
    (IS_ROOT ? "" : " (ignored: needs root to run as root)"),
  ignore: !IS_ROOT,
  async fn() {
    const service = 65534;
    await using temp = await makeWorkdir();
    const data = join(temp.path, "data");
    Deno.mkdirSync(data, { mode: 0o700 });
    Deno.chownSync(data, service, service);
    const result = await runMain(["check"], { cwd: temp.path });
    assert.equal(result.code, 0, result.stderr);
    for (const entry of Deno.readDirSync(data)) {
      const info = Deno.statSync(join(data, entry.name));
      assert.equal(info.uid, service, entry.name);
      assert.equal(info.mode! & 0o777, 0o600, entry.name);
    }
  },
});

Deno.test("before a newer program migrates the database it keeps a copy, so an upgrade (docker compose up --build) has its backup", async () => {
  await using temp = await makeWorkdir();
  const data = join(temp.path, "data");
  Deno.mkdirSync(data, { mode: 0o700 });
  const database = join(data, "bot.sqlite3");
  // A database as the program one schema version ago left it, with a user.
  const old = new DatabaseSync(database);
  for (const sql of MIGRATIONS.slice(0, SCHEMA_VERSION - 1)) old.exec(sql);
  old.exec(`PRAGMA user_version = ${SCHEMA_VERSION - 1}`);
  old.exec("INSERT INTO users (tg_id, first_name) VALUES (7, 'Ева')");
  old.close();

  const check = await runMain(["check"], { cwd: temp.path });
  assert.equal(check.code, 0, check.stderr);
  assert.match(check.stdout, new RegExp(`schema version ${SCHEMA_VERSION},`));
  const copy = `${database}.before-schema-${SCHEMA_VERSION}`;
  assert.equal(mode(copy), 0o600);
  const kept = new DatabaseSync(copy, { readOnly: true });
  try {
    assert.deepEqual({ ...kept.prepare("PRAGMA user_version").get() }, {
      user_version: SCHEMA_VERSION - 1,
    });
    assert.deepEqual({ ...kept.prepare("SELECT tg_id FROM users").get() }, {
      tg_id: 7,
    });
  } finally {
    kept.close();
  }
  // Already migrated: nothing more is copied.
  const before = Deno.statSync(copy).mtime;
  assert.equal((await runMain(["check"], { cwd: temp.path })).code, 0);
  assert.deepEqual(Deno.statSync(copy).mtime, before);
  assert.deepEqual(
    [...Deno.readDirSync(data)].map((e) => e.name).filter((n) =>
      n.includes("before")
    ),
    [`bot.sqlite3.before-schema-${SCHEMA_VERSION}`],
  );
});
