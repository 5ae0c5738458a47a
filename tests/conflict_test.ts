/**
 * The shipped program when someone else takes its updates (409), its token is wrong
 * (401), or a signal comes while it starts: one clear line and an exit code that tells
 * systemd whether to restart (2: never; the unit has RestartPreventExitStatus=2).
 */
import assert from "node:assert/strict";
import { FakeBotApi } from "./fake_bot_api.ts";
import {
  botFolder,
  collect,
  exited,
  freePort,
  inDatabase,
  spawnRun,
  until,
} from "./support/bot_process.ts";

/** The lines of stderr that are not log lines. */
function errorLines(stderr: string): string[] {
  return stderr.split("\n").filter((line) => line.startsWith("error: "));
}

Deno.test("two instances with one token: the one displaced keeps out with one line and exit 2, the other keeps polling", async () => {
  await using first = await botFolder();
  await using second = await botFolder();
  await using fake = await FakeBotApi.start();
  fake.competeForUpdates(true);
  const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
  const a = await spawnRun(first.path, env);
  collect(a.stdout);
  const errA = collect(a.stderr);
  await fake.waitForCount("getUpdates", 2, { timeout: 20_000 });
  const b = await spawnRun(second.path, env);
  collect(b.stdout);
  const errB = collect(b.stderr);
  try {
    const { code } = await exited(a);
    assert.equal(
      code,
      2,
      "not restarted by the unit (RestartPreventExitStatus=2)",
    );
    assert.deepEqual(errorLines(errA.text()), [
      "error: Another instance of this bot took over its updates (409 Conflict: the same " +
      "token polls elsewhere), so this one stops and stays stopped: run only one; to run " +
      "it here, stop the other one and start this one again",
    ]);
    assert.doesNotMatch(errA.text(), /\n\s+at /, "no stack trace");
    // The other one goes on: it is not pushed off in turn.
    const polls = fake.requests.filter((r) => r.method === "getUpdates").length;
    await fake.waitForCount("getUpdates", polls + 3, { timeout: 20_000 });
    assert.deepEqual(errorLines(errB.text()), []);
  } finally {
    b.kill("SIGTERM");
  }
  assert.equal((await exited(b)).code, 0, errB.text());
});

Deno.test("run exits 2 with one line when a webhook is set, and deletes it when configured to", async (t) => {
  await t.step("not configured: it says how", async () => {
    await using dir = await botFolder();
    await using fake = await FakeBotApi.start();
    fake.setWebhook("https://example.com/hook");
    const bot = await spawnRun(dir.path, {
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
    });
    collect(bot.stdout);
    const err = collect(bot.stderr);
    assert.equal((await exited(bot)).code, 2);
    assert.deepEqual(errorLines(err.text()), [
      "error: A webhook is set for this bot (https://example.com/hook), so long polling cannot run: " +
      "set polling.delete_webhook: true in config.yaml (or call deleteWebhook) and start again",
    ]);
    assert.equal(fake.webhookUrl, "https://example.com/hook", "left as it was");
  });
  await t.step(
    "polling.delete_webhook: true deletes it and polls",
    async () => {
      const shipped = await Deno.readTextFile(
        new URL("../config.yaml", import.meta.url),
      );
      await using dir = await botFolder({
        config: shipped.replace(
          "delete_webhook: false",
          "delete_webhook: true",
        ),
      });
      await using fake = await FakeBotApi.start();
      fake.setWebhook("https://example.com/hook");
      const bot = await spawnRun(dir.path, {
        BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
      });
      collect(bot.stdout);
      const err = collect(bot.stderr);
      try {
        await fake.waitForCount("getUpdates", 1, { timeout: 20_000 });
        assert.equal(fake.webhookUrl, "");
        assert.match(
          err.text(),
          /WARN webhook\.deleted url=https:\/\/example\.com\/hook/,
        );
      } finally {
        bot.kill("SIGTERM");
      }
      assert.equal((await exited(bot)).code, 0);
    },
  );
});

Deno.test("run exits 2 with one line when Telegram rejects the token", async () => {
  await using dir = await botFolder();
  await using fake = await FakeBotApi.start();
  const bot = await spawnRun(dir.path, {
    BOT_TOKEN: "123456:wrong",
    TELEGRAM_API_ROOT: fake.apiRoot,
  });
  collect(bot.stdout);
  const err = collect(bot.stderr);
  assert.equal((await exited(bot)).code, 2);
  const lines = errorLines(err.text());
  assert.equal(lines.length, 1);
  assert.match(
    lines[0]!,
    /^error: Telegram does not accept the bot token in BOT_TOKEN \(401 Unauthorized\)/,
  );
  assert.ok(!err.text().includes("wrong"), "the token is not printed");
});

Deno.test("SIGTERM while run waits for Telegram at start: exit 0 after a clean stop", async () => {
  await using dir = await botFolder();
  // Nothing listens there: getMe cannot connect, and run waits for Telegram.
  const nobody = `http://127.0.0.1:${freePort()}`;
  const bot = await spawnRun(dir.path, {
    BOT_TOKEN: "123456:TEST-token",
    TELEGRAM_API_ROOT: nobody,
  });
  const out = collect(bot.stdout);
  const err = collect(bot.stderr);
  await until(() => err.text().includes("bot.waiting_for_telegram"), {
    what: "run waiting for Telegram",
  });
  bot.kill("SIGTERM");
  assert.equal((await exited(bot)).code, 0, err.text());
  assert.deepEqual(errorLines(err.text()), []);
  assert.match(
    out.text(),
    /INFO bot\.stopped reason="stopped before it started"/,
  );
  // The database was closed: it opens for writing at once.
  inDatabase(dir.database, (store) => store.users.counts());
});
