/**
 * A real scrape of the running bot, for the tests of what deploy/ builds on it (the
 * alerts, the dashboard, `promtool check metrics`): `main.ts run` under the compile
 * task's flags against the fake Bot API, after a `send` and a `backup`, so that every
 * family has samples.
 *
 * @module
 */
import assert from "node:assert/strict";
import { FakeBotApi } from "../fake_bot_api.ts";
import { runMain } from "../process.ts";
import {
  botFolder,
  collect,
  configWith,
  exited,
  FAST_SETTINGS,
  freePort,
  spawnRun,
  until,
} from "./bot_process.ts";

/** Runs the bot as the operator would and returns what its `GET /metrics` answered. */
export async function scrapeRunningBot(): Promise<string> {
  const port = freePort();
  await using dir = await botFolder({
    users: 2,
    config: configWith(
      FAST_SETTINGS,
      (text) =>
        text.replace(
          /^# http: .*$/m,
          `http: { port: ${port}, hostname: 127.0.0.1 }`,
        ),
    ),
  });
  await using fake = await FakeBotApi.start();
  const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
  for (const args of [["send", "invitation"], ["backup", "data/backups"]]) {
    const done = await runMain(args, { cwd: dir.path, env });
    assert.equal(done.code, 0, `${args.join(" ")}: ${done.stderr}`);
  }
  const bot = await spawnRun(dir.path, env);
  const out = collect(bot.stdout);
  const err = collect(bot.stderr);
  try {
    await until(() => out.text().includes("bot.started"), {
      what: "run started",
    });
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    assert.equal(response.status, 200);
    return await response.text();
  } finally {
    bot.kill("SIGTERM");
    assert.equal((await exited(bot)).code, 0, err.text());
  }
}

/**
 * The sample names a scrape can answer a query for: each `# TYPE` family, and for a
 * summary its `_sum` and `_count` (it has no quantiles).
 */
export function exportedNames(scrape: string): Set<string> {
  const names = new Set<string>();
  for (const [, name, type] of scrape.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    if (type === "summary") {
      names.add(`${name}_sum`);
      names.add(`${name}_count`);
    } else {
      names.add(name!);
    }
  }
  return names;
}
