/**
 * The shipped program through network outages, as a process under its own
 * permissions: a broadcast cut in the middle, and polling that comes back within
 * seconds while `/healthz` says what is wrong.
 */
import { report } from "./support/report.ts";
import assert from "node:assert/strict";
import { Bot } from "grammy";
import { startPolling } from "../src/app/polling.ts";
import { createPlainApi } from "../src/bot/bot.ts";
import { silentLogger } from "../src/log.ts";
import { BOT_INFO, denoFetch, FakeBotApi, user } from "./fake_bot_api.ts";
import { testConfig } from "./helpers.ts";
import {
  botFolder,
  collect,
  configWith,
  FAST_SETTINGS,
  fastConfig,
  freePort,
  inDatabase,
  LIBFAKETIME,
  spawnRun,
  until,
  withHealthOn,
} from "./support/bot_process.ts";

const USERS = 300;
const BATCH = "invitation/2026-11-25";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

Deno.test({
  name:
    "run delivers a broadcast cut by a network outage to everyone exactly once, with no manual step",
  ignore: LIBFAKETIME === undefined,
  async fn() {
    await using dir = await botFolder({
      users: USERS,
      config: fastConfig(),
    });
    await using fake = await FakeBotApi.start();
    // Monday 10:00:05 Moscow: the invitation is due at start.
    const bot = await spawnRun(dir.path, {
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
    }, "2026-11-23 07:00:05");
    const out = collect(bot.stdout);
    const err = collect(bot.stderr);
    try {
      await fake.waitFor((f) => f.sent().length >= 60, { timeout: 30_000 });
      await fake.cutNetwork();
      await sleep(3_000);
      await fake.restoreNetwork();
      await until(
        () => inDatabase(dir.database, (s) => !s.outbox.batchOpen(BATCH)),
        { timeout: 60_000, what: "every invitation settled" },
      );
    } finally {
      bot.kill("SIGTERM");
    }
    assert.equal((await bot.status).code, 0, err.text());
    const counts = inDatabase(
      dir.database,
      (s) => s.outbox.batchCounts(BATCH),
    );
    const perUser = Array.from(
      { length: USERS },
      (_, i) => fake.deliveredCount(i + 1),
    );
    const twice = perUser.filter((n) => n > 1).length;
    const never = perUser.filter((n) => n === 0).length;
    assert.equal(twice, 0, "nobody twice");
    assert.ok(
      never <= counts.unknown,
      `${never} never reached, ${counts.unknown} reported unknown`,
    );
    assert.equal(counts.sent + counts.unknown, USERS);
    assert.match(out.text() + err.text(), /delivery\.retry/);
    report(
      `outage mid-broadcast: ${USERS} users, sent ${counts.sent}, unknown ${counts.unknown}, ` +
        `never reached ${never}, twice ${twice}, cut connections ${fake.stats.connectionsCut}`,
    );
  },
});

Deno.test("run answers within seconds after an outage, and /healthz says unhealthy during it", async () => {
  const port = freePort();
  await using dir = await botFolder({
    config: configWith(FAST_SETTINGS, withHealthOn(port)),
  });
  await using fake = await FakeBotApi.start();
  const bot = await spawnRun(dir.path, {
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
  });
  const out = collect(bot.stdout);
  const err = collect(bot.stderr);
  const health = async () => {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    return { status: response.status, body: await response.json() };
  };
  try {
    await fake.waitForCount("getUpdates", 1, { timeout: 20_000 });
    assert.equal((await health()).status, 200);
    await fake.cutNetwork();
    // Longer than polling.unhealthy_after_seconds (2 s), at most 1 s between tries.
    await sleep(8_000);
    const during = await health();
    assert.equal(during.status, 503);
    assert.match(during.body.checks.polling.detail, /no update poll/);
    await fake.restoreNetwork();
    const restored = performance.now();
    fake.sendText(user(9, { first_name: "Ира" }), "/start");
    // How soon: the waits between tries are pinned by the test below, not timed here.
    await fake.waitFor((f) => f.sent(9)[0], { timeout: 10_000 });
    const seconds = (performance.now() - restored) / 1000;
    assert.equal((await health()).status, 200);
    assert.match(err.text(), /polling\.stalled/);
    assert.match(out.text(), /polling\.recovered/);
    report(
      `first reply ${seconds.toFixed(1)} s after the network came back`,
    );
  } finally {
    bot.kill("SIGTERM");
  }
  assert.equal((await bot.status).code, 0, err.text());
});

Deno.test("polling retries within seconds after an outage: it waits 250 ms, doubling up to retry_max_seconds", async () => {
  await using fake = await FakeBotApi.start();
  fake.failUpdates({ times: 7, status: 502 });
  const config = testConfig();
  const waits: number[] = [];
  const polling = startPolling(
    new Bot(fake.token, {
      botInfo: BOT_INFO,
      client: { apiRoot: fake.apiRoot, fetch: denoFetch as typeof fetch },
    }),
    {
      api: createPlainApi(fake.token, fake.apiRoot),
      log: silentLogger,
      config: { polling: { ...config.polling, retry_max_seconds: 2 } },
      timeoutSeconds: 1,
      // Records each wait instead of waiting it.
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    },
  );
  try {
    await fake.waitFor((f) =>
      f.stats.updatesErrors === 7 && waits.length === 7
    );
    await fake.waitForCount("getUpdates", 8);
  } finally {
    await polling.runner.stop();
  }
  assert.deepEqual(waits, [250, 500, 1_000, 2_000, 2_000, 2_000, 2_000]);
});
