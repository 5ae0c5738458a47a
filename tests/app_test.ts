import assert from "node:assert/strict";
import { join } from "node:path";
import { checkCommand } from "../src/commands/check.ts";
import { SCHEMA_VERSION } from "../src/db/migrations.ts";
import { runCommand } from "../src/commands/run.ts";
import { sendCommand } from "../src/commands/send.ts";
import { openDatabase } from "../src/db/database.ts";
import { Store } from "../src/db/store.ts";
import { silentLogger } from "../src/log.ts";
import { FakeBotApi, scopeKey } from "./fake_bot_api.ts";
import { ManualClock, tempDir, testConfig } from "./helpers.ts";

const MONDAY_1030_MSK = "2026-11-23T07:30:00Z";

function seedUsers(path: string, count: number, now: Date) {
  const db = openDatabase(path);
  const store = new Store(db);
  for (let i = 1; i <= count; i++) {
    store.users.start({ tg_id: 5000 + i, first_name: `User ${i}` }, now);
    store.users.setRegistered({ tgId: 5000 + i, registered: true }, now);
  }
  db.close();
}

Deno.test("checkCommand() prints each job's local time, UTC cron and next run", async () => {
  await using temp = await tempDir();
  const dir = temp.path;
  const lines: string[] = [];
  const config = testConfig({ database: join(dir, "bot.sqlite3") });
  const clock = new ManualClock("2026-11-24T12:00:00Z");
  checkCommand(config, {
    log: silentLogger,
    now: clock.now,
    print: (l) => lines.push(l),
  });
  const output = lines.join("\n");
  assert.match(output, new RegExp(`schema version ${SCHEMA_VERSION}`));
  assert.match(
    output,
    /job invitation: monday 10:00 Europe\/Moscow = cron "0 7 \* \* MON" UTC; next run 2026-11-30 10:00 Europe\/Moscow = 2026-11-30T07:00:00.000Z/,
  );
  assert.match(
    output,
    /job first_reminder: .*"0 6 \* \* WED".*2026-11-25T06:00:00.000Z/,
  );
  assert.match(
    output,
    /job second_reminder: .*"40 7 \* \* WED".*2026-11-25T07:40:00.000Z/,
  );
});

Deno.test("sendCommand() run twice sends nothing twice", async () => {
  await using temp = await tempDir();
  const dir = temp.path;
  await using fake = await FakeBotApi.start();
  const config = testConfig({ database: join(dir, "bot.sqlite3") });
  const clock = new ManualClock(MONDAY_1030_MSK);
  seedUsers(config.database, 5, clock.now());
  const deps = { log: silentLogger, now: clock.now, print: () => {} };
  const env = { token: fake.token, apiRoot: fake.apiRoot };
  const first = await sendCommand(config, {
    ...deps,
    env,
    job: "invitation",
  });
  assert.equal(first.sent, 5);
  const second = await sendCommand(config, {
    ...deps,
    env,
    job: "invitation",
  });
  assert.deepEqual([second.sent, second.skipped], [0, 5]);
  for (let i = 1; i <= 5; i++) assert.equal(fake.deliveredCount(5000 + i), 1);
  await assert.rejects(
    () => sendCommand(config, { ...deps, env, job: "invitations" }),
    /Unknown job "invitations": expected one of invitation, first_reminder, second_reminder/,
  );
});

Deno.test("runCommand() registers the jobs, catches up, polls and stops cleanly", async (t) => {
  await using temp = await tempDir();
  const dir = temp.path;
  await using fake = await FakeBotApi.start();
  const config = testConfig({ database: join(dir, "bot.sqlite3") });
  const clock = new ManualClock(MONDAY_1030_MSK); // the invitation's time has passed
  seedUsers(config.database, 3, clock.now());
  const crons: {
    name: string;
    schedule: string;
    handler: () => Promise<void>;
  }[] = [];
  const bot = await runCommand(config, {
    env: { token: fake.token, apiRoot: fake.apiRoot },
    log: silentLogger,
    now: clock.now,
    print: () => {},
    cron: (name, schedule, handler) => crons.push({ name, schedule, handler }),
  });

  await t.step(
    "the four jobs of the shipped schedule are registered as UTC cron expressions",
    () => {
      assert.deepEqual(crons.map((c) => [c.name, c.schedule]), [
        ["invitation utc 0 7 MON", "0 7 * * MON"],
        ["first_reminder utc 0 6 WED", "0 6 * * WED"],
        ["second_reminder utc 40 7 WED", "40 7 * * WED"],
        ["nudge utc 0 15 TUE", "0 15 * * TUE"],
      ]);
    },
  );

  await t.step("the command menu is set for private chats", async () => {
    await fake.waitFor((f) =>
      f.commands({ type: "all_private_chats" }).length > 0
    );
    assert.deepEqual(
      fake.commands(scopeKey({ type: "all_private_chats" })).map((c) =>
        c.command
      ),
      ["start", "stop", "status", "settings", "language", "help"],
    );
  });

  await t.step(
    "the invitation missed while the bot was down goes out at start",
    async () => {
      await fake.waitFor((f) =>
        [5001, 5002, 5003].every((id) => f.deliveredCount(id) === 1)
      );
    },
  );

  await t.step("a cron firing afterwards sends nothing again", async () => {
    await crons[0]!.handler();
    assert.equal(fake.deliveredCount(5001), 1);
  });

  await t.step("updates are handled while running", async () => {
    fake.sendText({ id: 7000, first_name: "Новый" }, "/start");
    await fake.waitFor((f) => f.sent(7000)[0]);
  });

  await t.step("stop() ends polling and closes the database", async () => {
    await bot.stop();
    await bot.done;
    const db = openDatabase(config.database);
    assert.equal(new Store(db).users.byTgId(7000)?.first_name, "Новый");
    db.close();
  });
});
