/**
 * A database that another process locks, that is read-only, or that is damaged: the
 * bot keeps answering or fails visibly, `/healthz` and the logs say why, and the
 * commands stop with one line instead of a stack trace.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { FakeBotApi, user } from "./fake_bot_api.ts";
import { ManualClock, startHarness, tempDir, testConfig } from "./helpers.ts";
import { runMain } from "./process.ts";
import {
  botFolder,
  collect,
  configWith,
  FAST_SETTINGS,
  freePort,
  inDatabase,
  spawnRun,
  withHealthOn,
} from "./support/bot_process.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Holds the write lock of `path` from another connection until released; waits for a
 * write the bot has under way (its start, a poll) to end first, as another process
 * would.
 */
function lockDatabase(path: string): { release(): void } {
  const other = new DatabaseSync(path);
  other.exec("PRAGMA busy_timeout = 10000; BEGIN IMMEDIATE");
  other.exec(
    "INSERT INTO processed_updates (update_id, handled_at) VALUES (-7, 'x')",
  );
  return {
    release() {
      other.exec("ROLLBACK");
      other.close();
    },
  };
}

Deno.test("run answers while another process holds the database's lock; /healthz says so; the answer is saved after", async () => {
  const port = freePort();
  await using dir = await botFolder({
    users: 1,
    config: configWith(FAST_SETTINGS, withHealthOn(port)),
  });
  await using fake = await FakeBotApi.start();
  const bot = await spawnRun(dir.path, {
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
  }, "2026-11-24 09:00:00");
  collect(bot.stdout);
  const err = collect(bot.stderr);
  // A blocked event loop would hold the answer until SQLite gave up (30 s with a
  // busy wait): the guard is far below that and far above any answer.
  const health = async () => {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, {
      signal: AbortSignal.timeout(10_000),
    });
    return { status: response.status, body: await response.json() };
  };
  try {
    await fake.waitForCount("getUpdates", 1, { timeout: 20_000 });
    const lock = lockDatabase(dir.database);
    const locked = performance.now();
    try {
      fake.sendText(user(5, { first_name: "Ева" }), "/help");
      await fake.waitFor((f) => f.sent(5)[0], { timeout: 3_000 });
      const press = fake.pressButton(user(1), "rsvp:2026-11-25:yes");
      await sleep(Math.max(0, 3_000 - (performance.now() - locked)));
      const during = await health();
      assert.equal(during.status, 503);
      assert.match(
        during.body.checks.database.detail,
        /locked by another process/,
      );
      assert.equal(
        fake.answerFor(press.callback_query!.id),
        undefined,
        "waiting",
      );
    } finally {
      lock.release();
    }
    await fake.waitFor((f) => f.edits(1)[0], { timeout: 10_000 });
    assert.equal(
      inDatabase(dir.database, (s) => s.answers.counts("2026-11-25").yes),
      1,
      "the answer was saved once the lock went",
    );
    assert.equal((await health()).status, 200);
  } finally {
    bot.kill("SIGTERM");
  }
  assert.equal((await bot.status).code, 0, err.text());
});

Deno.test("a press whose write waits past the timeout fails visibly, and nothing is half-saved", async () => {
  await using temp = await tempDir();
  await using h = await startHarness({
    config: testConfig({ database: join(temp.path, "bot.sqlite3") }),
    clock: new ManualClock("2026-11-24T09:00:00Z"),
    writeTimeoutMs: 300,
  });
  const anna = user(1);
  await h.say(anna, "/start");
  const lock = lockDatabase(h.config.database);
  try {
    const answer = await h.press(anna, "rsvp:2026-11-25:yes");
    assert.equal(answer.text, h.config.texts.unavailable);
    assert.equal(answer.show_alert, true);
  } finally {
    lock.release();
  }
  assert.equal(h.store.answers.counts("2026-11-25").yes, 0);
  assert.ok(h.logs.some((l) => l.includes("DatabaseBusyError")));
});

async function readOnlyFolder() {
  const dir = await botFolder({ users: 2 });
  // A file the process cannot write: root ignores modes, so make it immutable.
  const root = Deno.uid() === 0;
  if (root) {
    await new Deno.Command("chattr", { args: ["+i", dir.database] }).output();
  } else {
    await Deno.chmod(dir.database, 0o444);
  }
  return Object.assign(dir, {
    async [Symbol.asyncDispose]() {
      if (root) {
        await new Deno.Command("chattr", { args: ["-i", dir.database] })
          .output();
      }
      await Deno.remove(dir.path, { recursive: true });
    },
  });
}

Deno.test("a read-only database stops run, send and check with one line, while stats still reads it", async () => {
  await using dir = await readOnlyFolder();
  await using fake = await FakeBotApi.start();
  const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
  for (const args of [["run"], ["send", "invitation"], ["check"]]) {
    const result = await runMain(args, { cwd: dir.path, env });
    assert.equal(result.code, 2, `${args.join(" ")}: ${result.stderr}`);
    const lines = result.stderr.trim().split("\n");
    assert.equal(lines.length, 1, result.stderr);
    assert.match(
      lines[0]!,
      /^error: Database ".*bot\.sqlite3" does not take writes .*readonly database/,
    );
  }
  const stats = await runMain(["stats"], { cwd: dir.path, env: {} });
  assert.equal(stats.code, 0, stats.stderr);
  assert.match(stats.stdout, /Приглашения получают: 2\./);
  assert.equal(fake.sent().length, 0);
});

Deno.test("a damaged database stops check and run with one line that says to restore a backup", async () => {
  await using dir = await botFolder({ users: 50 });
  const file = await Deno.open(dir.database, { write: true });
  await file.seek(4096 + 100, Deno.SeekMode.Start); // inside the second page
  await file.write(new Uint8Array(2000).fill(0xa5));
  file.close();
  for (const args of [["check"], ["run"]]) {
    const result = await runMain(args, {
      cwd: dir.path,
      env: { BOT_TOKEN: "1:x", TELEGRAM_API_ROOT: "http://127.0.0.1:9" },
    });
    assert.equal(result.code, 2, result.stderr);
    assert.match(
      result.stderr.trim(),
      /^error: (Database ".*" is damaged: .*Restore a backup|Cannot open database|Cannot migrate database|Database ".*" cannot be read)/,
    );
    assert.equal(result.stderr.trim().split("\n").length, 1, result.stderr);
  }
});
