/**
 * `/metrics` counts what the bot did, not what one process saw: the jobs' outcomes,
 * durations and last runs come from the job log in the database, so they include what
 * `send` delivered from another process and survive restarts. And the README lists
 * exactly the metrics a scrape has.
 */
import assert from "node:assert/strict";
import { FakeBotApi } from "./fake_bot_api.ts";
import { runMain } from "./process.ts";
import {
  botFolder,
  collect,
  configWith,
  FAST_SETTINGS,
  freePort,
  LIBFAKETIME,
  spawnRun,
  until,
  withHealthOn,
} from "./support/bot_process.ts";
import { parseMetrics } from "./support/prometheus.ts";

/** Monday 10:00:05 Moscow: this week's invitation is due. */
const MONDAY = "2026-11-23 07:00:05";

/** Starts `run`, scrapes `/metrics` once polling is up, and stops it (exit 0). */
async function scrapeRun(
  dir: string,
  options: { port: number; env: Record<string, string> },
): Promise<string> {
  const bot = await spawnRun(dir, options.env, MONDAY);
  const out = collect(bot.stdout);
  const err = collect(bot.stderr);
  try {
    await until(() => out.text().includes("bot.started"), {
      what: "run started",
    });
    return await (await fetch(`http://127.0.0.1:${options.port}/metrics`))
      .text();
  } finally {
    bot.kill("SIGTERM");
    assert.equal((await bot.status).code, 0, err.text());
  }
}

Deno.test({
  name:
    "the jobs' metrics come from the database: what send delivered shows in run's /metrics, and after a restart",
  ignore: LIBFAKETIME === undefined,
  async fn() {
    const port = freePort();
    await using dir = await botFolder({
      users: 3,
      config: configWith(FAST_SETTINGS, withHealthOn(port)),
    });
    await using fake = await FakeBotApi.start();
    const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
    const send = await runMain(["send", "invitation"], {
      cwd: dir.path,
      env: {
        ...env,
        LD_PRELOAD: LIBFAKETIME!,
        FAKETIME: `@${MONDAY}`,
        TZ: "UTC",
      },
    });
    assert.equal(send.code, 0, send.stderr);
    assert.match(send.stdout, /sent 3/);

    for (const start of ["first start", "after a restart"]) {
      const samples = parseMetrics(await scrapeRun(dir.path, { port, env }));
      const job = (name: string, labels = "") =>
        samples.get(`${name}{${labels}weekly_job="invitation"}`);
      assert.equal(
        job("meeting_bot_messages_total", 'outcome="sent",'),
        3,
        start,
      );
      assert.equal(job("meeting_bot_messages_total", 'outcome="failed",'), 0);
      assert.equal(job("meeting_bot_job_duration_seconds_count"), 1, start);
      const last = job("meeting_bot_last_job_timestamp_seconds")!;
      const monday = Date.parse(`${MONDAY.replace(" ", "T")}Z`) / 1000;
      assert.ok(last >= monday && last < monday + 60, `${start}: ${last}`);
    }
  },
});

Deno.test({
  name:
    "the last backup in run's /metrics is the one the backup command made in another process, 0 before any, and after a restart",
  ignore: LIBFAKETIME === undefined,
  async fn() {
    const port = freePort();
    await using dir = await botFolder({
      users: 2,
      config: configWith(FAST_SETTINGS, withHealthOn(port)),
    });
    await using fake = await FakeBotApi.start();
    const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
    const last = async () =>
      parseMetrics(await scrapeRun(dir.path, { port, env })).get(
        "meeting_bot_last_backup_timestamp_seconds",
      );
    assert.equal(await last(), 0, "none yet");
    const at = "2026-11-24 03:42:10"; // as the daily timer would, without a token
    const backup = await runMain(["backup", "--keep", "14", "data/backups"], {
      cwd: dir.path,
      env: { LD_PRELOAD: LIBFAKETIME!, FAKETIME: `@${at}`, TZ: "UTC" },
    });
    assert.equal(backup.code, 0, backup.stderr);
    const taken = Date.parse(`${at.replace(" ", "T")}Z`) / 1000;
    for (const start of ["first start", "after a restart"]) {
      const value = (await last())!;
      assert.ok(value >= taken && value < taken + 60, `${start}: ${value}`);
    }
  },
});

Deno.test("the README's metric list is what /metrics has", async () => {
  const port = freePort();
  await using dir = await botFolder({
    users: 1,
    config: configWith(FAST_SETTINGS, withHealthOn(port)),
  });
  await using fake = await FakeBotApi.start();
  // A finished job, so that every family has a sample.
  const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
  assert.equal(
    (await runMain(["send", "invitation"], { cwd: dir.path, env })).code,
    0,
  );
  const bot = await spawnRun(dir.path, env);
  const out = collect(bot.stdout);
  collect(bot.stderr);
  let text = "";
  try {
    await until(() => out.text().includes("bot.started"));
    text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  } finally {
    bot.kill("SIGTERM");
    await bot.status;
  }
  const scraped = [...text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]!);
  const readme = await Deno.readTextFile(
    new URL("../README.md", import.meta.url),
  );
  const section = readme.slice(
    readme.indexOf("### Metrics and health"),
    readme.indexOf("\n## ", readme.indexOf("### Metrics and health")),
  );
  const listed = [...section.matchAll(/`(meeting_bot_[a-z_]+)/g)].map((m) =>
    m[1]!
  );
  assert.deepEqual([...new Set(listed)].sort(), scraped.sort());
});
