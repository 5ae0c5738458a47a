/**
 * The shipped program when someone else takes its updates (409) or its token is wrong
 * (401): one clear line and an exit code that tells systemd whether to restart.
 */
import assert from "node:assert/strict";
import { FakeBotApi } from "./fake_bot_api.ts";
import { botFolder, collect, spawnRun } from "./support/bot_process.ts";

/** The process's exit status, or a failure if it keeps running past `ms`. */
async function exited(
  bot: Deno.ChildProcess,
  ms = 20_000,
): Promise<Deno.CommandStatus> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      bot.kill("SIGKILL");
      reject(new Error(`still running after ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([bot.status, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The lines of stderr that are not log lines. */
function errorLines(stderr: string): string[] {
  return stderr.split("\n").filter((line) => line.startsWith("error: "));
}

Deno.test("run exits 1 with one line when another instance polls with the same token", async () => {
  await using dir = await botFolder();
  await using fake = await FakeBotApi.start();
  const bot = await spawnRun(dir.path, {
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
  });
  collect(bot.stdout);
  const err = collect(bot.stderr);
  await fake.waitForCount("getUpdates", 1, { timeout: 20_000 });
  fake.simulateOtherInstance(true);
  const { code } = await exited(bot);
  assert.equal(code, 1, "restartable: the other one may stop");
  assert.deepEqual(errorLines(err.text()), [
    "error: Another instance of this bot is polling with the same token (409 Conflict): stop it, then start this one",
  ]);
  assert.doesNotMatch(err.text(), /\n\s+at /, "no stack trace");
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
  assert.match(lines[0]!, /^error: Cannot use the Bot API: .*401/);
  assert.ok(!err.text().includes("wrong"), "the token is not printed");
});
