/**
 * `check` and the `job.scheduled` log line say when each job will next send: the instant
 * the real job runner sends at, in zones with daylight saving time on both sides of
 * both changes of 2026.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describeSchedule } from "../src/app/schedule.ts";
import { checkCommand } from "../src/commands/check.ts";
import { runCommand } from "../src/commands/run.ts";
import type { Config } from "../src/config/schema.ts";
import { openDatabase } from "../src/db/database.ts";
import { Store } from "../src/db/store.ts";
import { createJobRunner } from "../src/jobs/runner.ts";
import { createLogger, silentLogger } from "../src/log.ts";
import { FakeBotApi } from "./fake_bot_api.ts";
import { ManualClock, tempDir, testConfig } from "./helpers.ts";
import { cronFirings } from "./support/cron.ts";

const DAY = 86_400_000;

/**
 * Runs the real job runner at every cron firing from `from` to `to`, as `Deno.cron`
 * would wake it, and returns when each job started, by job.
 */
async function runnerStarts(
  config: Config,
  from: Date,
  to: Date,
): Promise<Map<string, number[]>> {
  const db = openDatabase(":memory:");
  try {
    const store = new Store(db);
    const clock = new ManualClock(from);
    const jobs = createJobRunner({
      config,
      store,
      log: silentLogger,
      now: clock.now,
      kick: () => {},
    });
    for (const at of cronFirings(config, from, to)) {
      clock.set(at);
      assert.ok(await jobs.tick());
    }
    const rows = db.prepare(
      "SELECT job, started_at FROM job_runs WHERE status != 'skipped'",
    ).all() as { job: string; started_at: string }[];
    const starts = new Map<string, number[]>();
    for (const row of rows) {
      const list = starts.get(row.job) ?? [];
      list.push(Date.parse(row.started_at));
      starts.set(row.job, list.sort((a, b) => a - b));
    }
    return starts;
  } finally {
    db.close();
  }
}

for (
  const [timezone, changes] of [
    ["Europe/Berlin", ["2026-03-29", "2026-10-25"]],
    ["America/New_York", ["2026-03-08", "2026-11-01"]],
  ] as const
) {
  Deno.test(`describeSchedule() gives the instant the job runner sends at, around both DST changes in ${timezone}`, async () => {
    const config = testConfig({ timezone });
    for (const change of changes) {
      const day = Date.parse(`${change}T12:00:00Z`);
      // A week of runner before the first sample: what was due then has been done.
      const from = new Date(day - 29 * DAY);
      const starts = await runnerStarts(config, from, new Date(day + 29 * DAY));
      const samples = new Set<number>();
      for (let t = day - 21 * DAY; t <= day + 21 * DAY; t += DAY / 4) {
        samples.add(t);
      }
      for (
        const at of cronFirings(
          config,
          new Date(day - 21 * DAY),
          new Date(day + 21 * DAY),
        )
      ) {
        for (const delta of [-1, 0, 1]) samples.add(at.getTime() + delta);
      }
      let checked = 0;
      for (const sample of samples) {
        const now = new Date(sample);
        for (const job of describeSchedule(config, now)) {
          const sends = starts.get(job.job) ?? [];
          const expected = sends.find((t) => t > sample);
          assert.ok(
            expected !== undefined,
            `${job.job} sends after ${now.toISOString()}`,
          );
          assert.equal(
            job.nextRun.toISOString(),
            new Date(expected).toISOString(),
            `${job.job} at ${now.toISOString()} (${timezone})`,
          );
          checked++;
        }
      }
      assert.ok(checked > 500, `${checked} comparisons around ${change}`);
    }
  });
}

Deno.test("check prints the next run at the local time in Europe/Berlin in November, not an hour early", async () => {
  await using temp = await tempDir();
  const lines: string[] = [];
  checkCommand(
    testConfig({
      timezone: "Europe/Berlin",
      database: join(temp.path, "bot.sqlite3"),
    }),
    {
      log: silentLogger,
      now: () => new Date("2026-11-24T12:00:00Z"),
      print: (line) => lines.push(line),
    },
  );
  assert.ok(
    lines.includes(
      'job invitation: monday 10:00 Europe/Berlin = cron "0 9 * * MON" + "0 8 * * MON" UTC; ' +
        "next run 2026-11-30 10:00 Europe/Berlin = 2026-11-30T09:00:00.000Z",
    ),
    lines.join("\n"),
  );
});

Deno.test("run logs job.scheduled with the next run at the local time in America/New_York in November", async () => {
  await using temp = await tempDir();
  await using fake = await FakeBotApi.start();
  const logs: string[] = [];
  const bot = await runCommand(
    testConfig({
      timezone: "America/New_York",
      database: join(temp.path, "bot.sqlite3"),
    }),
    {
      env: { token: fake.token, apiRoot: fake.apiRoot },
      log: createLogger({ write: (line) => logs.push(line) }),
      now: () => new Date("2026-11-03T12:00:00Z"), // Tuesday, after the change
      print: () => {},
      cron: () => {},
    },
  );
  await bot.stop();
  await bot.done;
  const scheduled = logs.filter((l) => l.includes(" job.scheduled "));
  assert.match(
    scheduled.find((l) => l.includes("job=invitation"))!,
    /next_run=2026-11-09T15:00:00.000Z$/, // Monday 10:00 EST
  );
  assert.match(
    scheduled.find((l) => l.includes("job=first_reminder"))!,
    /next_run=2026-11-04T14:00:00.000Z$/, // Wednesday 09:00 EST
  );
  assert.match(
    logs.find((l) => l.includes(" bot.starting "))!,
    /bot.starting version=\d+\.\d+\.\d+ /,
  );
});
