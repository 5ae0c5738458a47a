import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../src/db/database.ts";
import { Store } from "../src/db/store.ts";
import { FakeBotApi } from "./fake_bot_api.ts";
import { makeWorkdir, spawnMain } from "./process.ts";

/** libfaketime from Debian's `faketime` package; `.ci/run` installs it. */
const LIBFAKETIME = [
  "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
  "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
  "/usr/lib/faketime/libfaketime.so.1",
].find((path) => existsSync(path));

Deno.test({
  name:
    "main.ts run: Deno.cron fires the invitation at Monday 10:00 Moscow in a real process",
  // Without libfaketime this cannot run; .ci/run installs it, so CI always runs it.
  ignore: LIBFAKETIME === undefined,
  async fn() {
    await using temp = await makeWorkdir();
    const dir = temp.path;
    await using fake = await FakeBotApi.start();
    const db = openDatabase(join(dir, "data", "bot.sqlite3"));
    const store = new Store(db);
    for (const id of [1, 2, 3]) {
      store.users.start(
        { tg_id: id, first_name: `U${id}` },
        new Date("2026-11-22T00:00:00Z"),
      );
      store.users.setRegistered(
        { tgId: id, registered: id !== 3 },
        new Date("2026-11-22T00:00:00Z"),
      );
    }
    db.close();
    // The process's clock starts 5 s before Monday 10:00 Moscow (07:00 UTC) and runs.
    const bot = await spawnMain(["run"], {
      cwd: dir,
      env: {
        BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        LD_PRELOAD: LIBFAKETIME!,
        FAKETIME: "@2026-11-23 06:59:55",
        TZ: "UTC",
      },
    });
    try {
      await fake.waitFor(
        (f) => f.deliveredCount(1) === 1 && f.deliveredCount(2) === 1,
        {
          timeout: 30_000,
        },
      );
    } finally {
      bot.kill("SIGTERM");
    }
    const { code, stdout } = await bot.output();
    const log = new TextDecoder().decode(stdout);
    assert.equal(code, 0, "a clean stop on SIGTERM");
    assert.match(
      log,
      /job\.scheduled job=invitation .*cron_utc="0 7 \* \* MON"/,
    );
    assert.match(log, /bot\.stopped/);
    assert.equal(fake.deliveredCount(3), 0, "not registered: no invitation");
    const check = openDatabase(join(dir, "data", "bot.sqlite3"));
    const run = new Store(check).jobRuns.get("2026-11-25", "invitation");
    check.close();
    assert.equal(run?.status, "done");
    assert.match(
      run!.started_at,
      /^2026-11-23T07:00:0\d/,
      "fired at 10:00 Moscow, not at start",
    );
  },
});
