/**
 * No admins, forwarding on: `/help` does not promise what nobody would receive, and the
 * operator is warned by `check` and at start.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { runCommand } from "../src/commands/run.ts";
import type { Config } from "../src/config/schema.ts";
import { createLogger } from "../src/log.ts";
import { FakeBotApi } from "./fake_bot_api.ts";
import { ManualClock, tempDir, testConfig } from "./helpers.ts";
import { makeWorkdir, runMain } from "./process.ts";
import { recordingBot, textUpdate } from "./support/recorder.ts";

const ANNA = { id: 501, first_name: "Анна" };
const HOST = 9001;
const HELP = "Бот встречи «Живой эфир»: по средам в 11:00 (мск), 1 час.\n\n" +
  "/start — подписаться на приглашения\n" +
  "/stop — отписаться\n" +
  "/status — подписка и ваш ответ на ближайшую встречу\n" +
  "/settings — часовой пояс, какие сообщения присылать, пауза\n" +
  "/language — язык бота (language)\n" +
  "/help — эта справка";
const RELAY_LINE =
  "\n\nВопрос ведущему можно просто написать сюда — я передам.";
const WARNING =
  "admins is empty although forwarding is on: what participants write reaches " +
  "nobody (they are told the bot understands only commands), and nobody gets the " +
  "admin commands or the delivery reports. Send /start to the bot from your own " +
  "Telegram account, take the id from the log line user.started (user=…), put it " +
  "under admins (admins: [123456789]) and restart";

/** What Anna, subscribed, reads after /help and after writing a question. */
async function helpAndQuestion(config: Config): Promise<string[]> {
  using bot = recordingBot(config);
  await bot.handle(textUpdate(ANNA, "/start"));
  const before = bot.sent("sendMessage").length;
  await bot.handle(textUpdate(ANNA, "/help"));
  await bot.handle(textUpdate(ANNA, "Во сколько начало?"));
  return bot.sent("sendMessage").slice(before).map((m) => m.text as string);
}

Deno.test("/help promises that a question reaches the host only when someone receives it", async (t) => {
  await t.step("admins empty (the shipped config): no promise", async () => {
    assert.deepEqual(await helpAndQuestion(testConfig()), [
      HELP,
      "Я понимаю только команды. Список команд — /help.",
    ]);
  });
  await t.step("an admin and forwarding on: the promise, kept", async () => {
    assert.deepEqual(await helpAndQuestion(testConfig({ admins: [HOST] })), [
      HELP + RELAY_LINE,
      "Передал ваше сообщение ведущему.",
    ]);
  });
  await t.step("forwarding off: no promise", async () => {
    const config = testConfig({
      admins: [HOST],
      forwarding: { enabled: false, per_hour: 10 },
    });
    assert.deepEqual(await helpAndQuestion(config), [
      HELP,
      "Я понимаю только команды. Список команд — /help.",
    ]);
  });
  await t.step("someone who never sent /start: no promise", async () => {
    using bot = recordingBot(testConfig({ admins: [HOST] }));
    await bot.handle(textUpdate(ANNA, "/help"));
    assert.deepEqual(bot.sent("sendMessage").map((m) => m.text), [HELP]);
  });
});

Deno.test("main.ts check warns when admins is empty and forwarding is on, and says how to fix it", async (t) => {
  const shipped = await Deno.readTextFile(
    new URL("../config.yaml", import.meta.url),
  );
  await t.step("the shipped config", async () => {
    await using dir = await makeWorkdir(shipped);
    const result = await runMain(["check"], { cwd: dir.path });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.split("\n").at(-2), `warning: ${WARNING}`);
  });
  await t.step("with an admin: no warning", async () => {
    await using dir = await makeWorkdir(
      shipped.replace(/^admins: \[\]/m, `admins: [${HOST}]`),
    );
    const result = await runMain(["check"], { cwd: dir.path });
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stdout, /warning:/);
  });
});

Deno.test("run logs the same warning at start", async (t) => {
  for (const admins of [[], [HOST]]) {
    await t.step(`admins: [${admins}]`, async () => {
      await using temp = await tempDir();
      await using fake = await FakeBotApi.start();
      const clock = new ManualClock("2026-11-22T09:00:00Z");
      const lines: string[] = [];
      const bot = await runCommand(
        testConfig({ admins, database: join(temp.path, "bot.sqlite3") }),
        {
          env: { token: fake.token, apiRoot: fake.apiRoot },
          log: createLogger({ write: (l) => lines.push(l), now: clock.now }),
          now: clock.now,
          print: () => {},
          cron: () => {},
        },
      );
      await bot.stop();
      const warnings = lines.filter((l) => l.includes(" config.warning "));
      assert.deepEqual(
        warnings,
        admins.length === 0
          ? [
            `2026-11-22T09:00:00.000Z WARN config.warning key=admins message=${
              JSON.stringify(WARNING)
            }`,
          ]
          : [],
      );
    });
  }
});
