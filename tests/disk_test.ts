/**
 * A full disk, for real: the data folder is a 1 MiB tmpfs (mounting needs root; the
 * tests are ignored without it), filled by the test, with `main.ts run` under the
 * compile task's exact permissions. `/healthz` says so while writes fail and recovers
 * once space is freed; at start, "Disk full" in words and exit code 1, which the unit
 * restarts once space is freed.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { openDatabase } from "../src/db/database.ts";
import { Store } from "../src/db/store.ts";
import { FakeBotApi, user } from "./fake_bot_api.ts";
import { makeWorkdir } from "./process.ts";
import {
  collect,
  configWith,
  exited,
  FAST_SETTINGS,
  freePort,
  spawnRun,
  until,
  withHealthOn,
} from "./support/bot_process.ts";

const IS_ROOT = Deno.uid() === 0;
const IGNORED = IS_ROOT ? "" : " (ignored: mounting a tmpfs needs root)";

async function sh(command: string, args: string[]): Promise<void> {
  const output = await new Deno.Command(command, { args, stderr: "piped" })
    .output();
  assert.equal(output.code, 0, new TextDecoder().decode(output.stderr));
}

/** A working folder whose `data/` is a small tmpfs, with two users in the database. */
async function tinyDiskFolder(config: string) {
  const dir = await makeWorkdir(config);
  const data = join(dir.path, "data");
  await Deno.mkdir(data, { mode: 0o700 });
  await sh("mount", ["-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", data]);
  const database = join(data, "bot.sqlite3");
  const db = openDatabase(database);
  const store = new Store(db);
  const at = new Date("2026-11-20T00:00:00Z");
  for (const id of [1, 2]) {
    store.users.start({ tg_id: id, first_name: `U${id}` }, at);
  }
  db.close();
  const filler = join(data, "filler");
  return {
    path: dir.path,
    /** Writes until no byte more fits. */
    fill() {
      using file = Deno.openSync(filler, { create: true, append: true });
      const chunk = new Uint8Array(4096);
      try {
        for (;;) file.writeSync(chunk);
      } catch (error) {
        assert.match(String(error), /os error 28/);
      }
    },
    free() {
      Deno.removeSync(filler);
    },
    async [Symbol.asyncDispose]() {
      // Lazily: a bot a failed test left stopping must not keep the mount.
      await sh("umount", ["--lazy", data]);
      await dir[Symbol.asyncDispose]();
    },
  };
}

/** `/healthz` of the bot at `port`: its status and body. */
async function health(port: number) {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: response.status, body: await response.json() };
}

/** Asks `/healthz` until it answers `status`; its answer then. */
async function healthBecomes(port: number, status: number) {
  const end = performance.now() + 20_000;
  for (;;) {
    const answer = await health(port);
    if (answer.status === status) return answer;
    if (performance.now() > end) {
      throw new Error(
        `/healthz stayed ${answer.status}: ${JSON.stringify(answer.body)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

Deno.test({
  name:
    "a full disk while run runs: /healthz answers 503 with the reason until writes succeed again" +
    IGNORED,
  ignore: !IS_ROOT,
  async fn() {
    const port = freePort();
    await using disk = await tinyDiskFolder(
      configWith(FAST_SETTINGS, withHealthOn(port)),
    );
    await using fake = await FakeBotApi.start();
    const bot = await spawnRun(disk.path, {
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
    });
    collect(bot.stdout);
    const err = collect(bot.stderr);
    try {
      await fake.waitForCount("getUpdates", 2, { timeout: 20_000 });
      assert.equal((await health(port)).status, 200);
      disk.fill();
      for (let id = 100; id < 140; id++) {
        fake.sendText(user(id, { first_name: "Новый".repeat(20) }), "/start");
      }
      const during = await healthBecomes(port, 503);
      assert.match(
        during.body.checks.database.detail,
        /^writes fail: the disk is full \(disk full\): free some space/,
      );
      // Nothing else writes now: /healthz itself finds that writes work again.
      disk.free();
      const after = await healthBecomes(port, 200);
      assert.equal(after.body.checks.database.ok, true);
    } finally {
      bot.kill("SIGTERM");
    }
    assert.equal((await exited(bot)).code, 0, err.text());
  },
});

Deno.test({
  name:
    "a full disk at start: one line that says disk full, exit 1 (restarted) after a pause a signal ends; the start after space is freed runs" +
    IGNORED,
  ignore: !IS_ROOT,
  async fn(t) {
    await using disk = await tinyDiskFolder(configWith(FAST_SETTINGS));
    await using fake = await FakeBotApi.start();
    const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
    disk.fill();
    await t.step(
      "exit 1 with the line, after polling.retry_max_seconds",
      async () => {
        const bot = await spawnRun(disk.path, env);
        collect(bot.stdout);
        const err = collect(bot.stderr);
        assert.equal((await exited(bot)).code, 1, err.text());
        const lines = err.text().split("\n").filter((l) =>
          l.startsWith("error: ")
        );
        assert.equal(lines.length, 1, err.text());
        assert.match(
          lines[0]!,
          /^error: Disk full: no space is left on the disk of database ".*bot\.sqlite3", so it cannot be opened for writing\. Free some space; the service starts again by itself$/,
        );
        assert.match(err.text(), /ERROR database\.disk_full .*exit_in_s=1/);
        assert.deepEqual(fake.requests, [], "Telegram is not asked anything");
      },
    );
    await t.step("SIGTERM during the pause: exit 0", async () => {
      await Deno.writeTextFile(
        join(disk.path, "config.yaml"),
        configWith(
          FAST_SETTINGS.replace(
            /^polling:\n {2}retry_max_seconds: 1$/m,
            "polling:\n  retry_max_seconds: 60",
          ),
        ),
      );
      const bot = await spawnRun(disk.path, env);
      collect(bot.stdout);
      const err = collect(bot.stderr);
      await until(() => err.text().includes("database.disk_full"), {
        what: "the pause",
      });
      bot.kill("SIGTERM");
      assert.equal((await exited(bot)).code, 0, err.text());
    });
    await t.step("space freed: the next start runs", async () => {
      disk.free();
      const bot = await spawnRun(disk.path, env);
      collect(bot.stdout);
      const err = collect(bot.stderr);
      try {
        await fake.waitForCount("getUpdates", 1, { timeout: 20_000 });
      } finally {
        bot.kill("SIGTERM");
      }
      assert.equal((await exited(bot)).code, 0, err.text());
    });
  },
});

Deno.test("Store.health() stays unhealthy after a failed write until a write really succeeds; one that changes nothing proves nothing", async () => {
  const db = openDatabase(":memory:");
  const store = new Store(db);
  const at = new Date("2026-11-20T00:00:00Z");
  const pages =
    (db.prepare("PRAGMA page_count").get() as { page_count: number })
      .page_count;
  // SQLite's own "database or disk is full" once the file may grow no more.
  db.exec(`PRAGMA max_page_count = ${pages}`);
  const many = () => {
    for (let id = 1; id <= 500; id++) {
      store.users.start({ tg_id: id, first_name: "x".repeat(200) }, at);
    }
  };
  await assert.rejects(store.write(many), /database or disk is full/);
  assert.match(store.health().detail ?? "", /^writes fail: the disk is full/);
  await store.write(() => store.users.counts());
  assert.equal(store.health().ok, false, "a write that changed nothing");
  db.exec(`PRAGMA max_page_count = ${pages * 100}`);
  assert.deepEqual(await store.checkWrites(), { ok: true });
  db.close();
});
