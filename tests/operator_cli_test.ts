/**
 * `backup` and `restore` as the operator runs them: `main.ts` as a process under the
 * compile task's exact permissions, next to a running bot.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { FakeBotApi, user } from "./fake_bot_api.ts";
import { makeWorkdir, runMain, spawnMain } from "./process.ts";
import {
  botFolder,
  collect,
  fastConfig,
  inDatabase,
  spawnRun,
  until,
} from "./support/bot_process.ts";

const BACKUP_LINE =
  /^backup: (\S+\/bot-\d{8}-\d{6}\.sqlite3) \((\d+) users, integrity ok\)/;

/** The permission bits of a file or folder, e.g. `0o600`. */
function mode(path: string): number {
  return Deno.statSync(path).mode! & 0o777;
}

/** Runs `sql` on a database file opened read-only; the first row. */
function query(path: string, sql: string): Record<string, unknown> {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    return { ...db.prepare(sql).get() };
  } finally {
    db.close();
  }
}

Deno.test("check creates the data folder 0700 and the database 0600", async () => {
  await using temp = await makeWorkdir();
  const result = await runMain(["check"], { cwd: temp.path });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(mode(join(temp.path, "data")), 0o700);
  for (const entry of Deno.readDirSync(join(temp.path, "data"))) {
    assert.equal(mode(join(temp.path, "data", entry.name)), 0o600, entry.name);
  }
});

Deno.test("backup into a folder: named by the time, 0600 in a 0700 folder, --keep deletes only older backups", async () => {
  await using dir = await botFolder({ users: 4 });
  const backups = join(dir.path, "data", "backups");
  await Deno.mkdir(backups, { recursive: true });
  // Older backups, and files that only look alike: --keep never touches those.
  const others = [
    "bot-20260101-000000.sqlite3.partial",
    "bot-2026-01-01.sqlite3",
    "notes.txt",
  ];
  for (const name of others) await Deno.writeTextFile(join(backups, name), "");
  for (const stamp of ["20260101-000000", "20260102-000000"]) {
    await Deno.copyFile(dir.database, join(backups, `bot-${stamp}.sqlite3`));
  }
  const result = await runMain(["backup", "--keep", "2", "data/backups"], {
    cwd: dir.path,
  });
  assert.equal(result.code, 0, result.stderr);
  const [, path, users] = BACKUP_LINE.exec(result.stdout)!;
  assert.equal(users, "4");
  assert.match(
    result.stdout,
    /; removed 1 older: bot-20260101-000000.sqlite3\n$/,
  );
  assert.equal(mode(path!), 0o600);
  assert.deepEqual(
    [...Deno.readDirSync(backups)].map((e) => e.name).sort(),
    [...others, "bot-20260102-000000.sqlite3", path!.split("/").pop()!].sort(),
  );
  assert.deepEqual(query(path!, "PRAGMA journal_mode"), {
    journal_mode: "delete",
  });

  // A folder that does not exist yet, named with a trailing slash: created 0700.
  const fresh = await runMain(["backup", "data/new/"], { cwd: dir.path });
  assert.equal(fresh.code, 0, fresh.stderr);
  assert.equal(mode(join(dir.path, "data", "new")), 0o700);

  // A file name: written once, never overwritten.
  const file = await runMain(["backup", "data/copy.sqlite3"], {
    cwd: dir.path,
  });
  assert.equal(file.code, 0, file.stderr);
  assert.match(file.stdout, /^backup: .*\/data\/copy.sqlite3 \(4 users/);
  assert.equal(mode(join(dir.path, "data", "copy.sqlite3")), 0o600);
  const again = await runMain(["backup", "data/copy.sqlite3"], {
    cwd: dir.path,
  });
  assert.equal(again.code, 2);
  assert.match(
    again.stderr,
    /^error: Backup file ".*copy.sqlite3" already exists/,
  );
});

Deno.test("backup while send is broadcasting: the copy is one consistent snapshot, and the broadcast stays exact", async () => {
  const users = 300;
  await using dir = await botFolder({
    users,
    config: fastConfig(),
  });
  await using fake = await FakeBotApi.start();
  const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
  const send = await spawnMain(["send", "invitation"], { cwd: dir.path, env });
  await fake.waitFor((f) => f.sent().length >= 60, { timeout: 20_000 });
  const backup = await runMain(["backup", "data/backups/"], { cwd: dir.path });
  const sentAtBackup = fake.sent().length;
  const output = await send.output();
  assert.equal(output.code, 0, new TextDecoder().decode(output.stderr));
  assert.equal(backup.code, 0, backup.stderr);
  assert.ok(
    sentAtBackup < users,
    `the backup ran mid-broadcast (${sentAtBackup})`,
  );
  for (let id = 1; id <= users; id++) assert.equal(fake.deliveredCount(id), 1);

  const [, path, counted] = BACKUP_LINE.exec(backup.stdout)!;
  assert.equal(counted, String(users));
  const copied = Number(
    query(
      path!,
      "SELECT count(*) AS n FROM outbox WHERE status IN ('sending', 'sent')",
    ).n,
  );
  assert.ok(
    copied >= 60 && copied < users,
    `a snapshot mid-broadcast (${copied})`,
  );
  assert.deepEqual(query(path!, "PRAGMA integrity_check"), {
    integrity_check: "ok",
  });
});

Deno.test("restore puts a backup back once the bot is stopped, keeping the database it replaces", async (t) => {
  await using dir = await botFolder({ users: 3 });
  await using fake = await FakeBotApi.start();
  const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
  const newcomer = user(4, { first_name: "Новый" });
  const users = () => inDatabase(dir.database, (s) => s.users.counts().active);
  let backupPath = "";

  await t.step(
    "backup while run is running, then the data changes",
    async () => {
      const bot = await spawnRun(dir.path, env);
      collect(bot.stdout);
      collect(bot.stderr);
      await fake.waitForCount("getUpdates", 1, { timeout: 20_000 });
      const backup = await runMain(["backup", "data/backups/"], {
        cwd: dir.path,
      });
      assert.equal(backup.code, 0, backup.stderr);
      backupPath = BACKUP_LINE.exec(backup.stdout)![1]!;
      fake.sendText(newcomer, "/start");
      await fake.waitFor((f) => f.sent(4)[0], { timeout: 20_000 });
      await until(() => users() === 4, {
        what: "the newcomer in the database",
      });

      const refused = await runMain(["restore", backupPath], { cwd: dir.path });
      assert.equal(refused.code, 2);
      assert.match(
        refused.stderr,
        /^error: Database ".*bot.sqlite3" is in use: stop the bot first .*\n$/,
      );
      assert.equal(users(), 4, "a refused restore changes nothing");
      bot.kill("SIGTERM");
      assert.equal((await bot.status).code, 0);
    },
  );

  await t.step(
    "restore brings the backup's data back, 0600, no stale WAL",
    async () => {
      const restore = await runMain(["restore", backupPath], { cwd: dir.path });
      assert.equal(restore.code, 0, restore.stderr);
      const previous = /kept as (bot\.sqlite3\.before-restore-\d{8}-\d{6})\n$/
        .exec(restore.stdout)?.[1];
      assert.ok(previous, restore.stdout);
      assert.match(
        restore.stdout,
        /^restore: .* -> .*bot.sqlite3 \(schema version \d+, 3 users, integrity ok\)/,
      );
      assert.equal(users(), 3);
      const kept = join(dir.path, "data", previous);
      assert.equal(Number(query(kept, "SELECT count(*) AS n FROM users").n), 4);
      assert.equal(mode(dir.database), 0o600);
      assert.equal(mode(kept), 0o600);
      assert.ok(!existsSync(`${dir.database}.restoring`));
    },
  );

  await t.step("the program runs on the restored database", async () => {
    const check = await runMain(["check"], { cwd: dir.path });
    assert.equal(check.code, 0, check.stderr);
    const bot = await spawnRun(dir.path, env);
    collect(bot.stdout);
    collect(bot.stderr);
    const before = fake.sent(4).length;
    fake.sendText(newcomer, "/start");
    const greeting = await fake.waitFor((f) => f.sent(4)[before], {
      timeout: 20_000,
    });
    assert.match(greeting.text!, /Здравствуйте, Новый!/);
    bot.kill("SIGTERM");
    assert.equal((await bot.status).code, 0);
    assert.equal(users(), 4);
  });

  await t.step("restore refuses what is not a backup of this bot", async () => {
    const junk = join(dir.path, "data", "junk.sqlite3");
    await Deno.writeTextFile(
      junk,
      "not a database at all, just text ".repeat(40),
    );
    const result = await runMain(["restore", "data/junk.sqlite3"], {
      cwd: dir.path,
    });
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /^error: Backup ".*junk.sqlite3" is not a readable SQLite database/,
    );
    const missing = await runMain(["restore", "data/none.sqlite3"], {
      cwd: dir.path,
    });
    assert.equal(missing.code, 2);
    assert.match(
      missing.stderr,
      /^error: Backup file ".*none.sqlite3" does not exist\n$/,
    );
    assert.equal(users(), 4);
  });

  await t.step(
    "restore replaces a database that SQLite cannot read, keeping it aside",
    async () => {
      const garbage = "this was a database once ".repeat(200);
      await Deno.writeTextFile(dir.database, garbage);
      const result = await runMain(["restore", backupPath], { cwd: dir.path });
      assert.equal(result.code, 0, result.stderr);
      const previous = /kept as (\S+)\n$/.exec(result.stdout)![1]!;
      assert.equal(
        await Deno.readTextFile(join(dir.path, "data", previous)),
        garbage,
      );
      assert.equal(users(), 3);
    },
  );
});
