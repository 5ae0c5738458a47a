/**
 * `main.ts send` as the operator runs it, under the compile task's permissions: it
 * waits for its own batch's retries (saying so) before it reports, and its exit code
 * and `--help` say whether anything is left.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { SEND_WAIT_MS } from "../src/commands/send.ts";
import { openDatabase } from "../src/db/database.ts";
import { Store } from "../src/db/store.ts";
import { FakeBotApi } from "./fake_bot_api.ts";
import { makeWorkdir, runMain } from "./process.ts";

const SHIPPED = await Deno.readTextFile(
  new URL("../config.yaml", import.meta.url),
);

/** A workdir whose config retries after 0.2 s, with `users` registered users. */
async function workdir(users: number) {
  const temp = await makeWorkdir(
    SHIPPED.replace(/retry_initial_seconds: \d+/, "retry_initial_seconds: 0.2"),
  );
  const db = openDatabase(join(temp.path, "data", "bot.sqlite3"));
  const store = new Store(db);
  for (let id = 1; id <= users; id++) {
    store.users.start({ tg_id: id, first_name: `U${id}` }, new Date());
    store.users.setRegistered({ tgId: id, registered: true }, new Date());
  }
  db.close();
  return temp;
}

Deno.test("main.ts send waits for its 502's retry, says so, and exits 0 once everyone has it", async () => {
  await using dir = await workdir(5);
  await using fake = await FakeBotApi.start();
  fake.failNext(1, { status: 502 });
  const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
  const result = await runMain(["send", "invitation"], { cwd: dir.path, env });
  assert.equal(result.code, 0, result.stderr);
  // What send says to the operator (the log lines are on stdout too).
  const lines = result.stdout.split("\n").filter((l) =>
    l.startsWith("invitation for")
  );
  assert.equal(lines.length, 2, result.stdout);
  assert.match(
    lines[0]!,
    /^invitation for \d{4}-\d\d-\d\d: waiting up to 60 s for 1 to be retried$/,
  );
  assert.match(lines[1]!, /sent 5, blocked 0, failed 0, already had it 0$/);
  assert.equal(fake.stats.serverErrors, 1);
  for (let id = 1; id <= 5; id++) assert.equal(fake.deliveredCount(id), 1);
});

Deno.test("main.ts --help names send's wait and exit codes", async () => {
  await using dir = await makeWorkdir();
  const result = await runMain(["--help"], { cwd: dir.path });
  assert.equal(result.code, 0);
  const help = result.stdout.replace(/\s+/g, " ");
  assert.ok(help.includes(`waits up to ${SEND_WAIT_MS / 1000} s`), help);
  assert.match(
    help,
    /0 nothing left, 1 something failed, 3 something still waits for a retry \(run delivers it\), 2 operator error/,
  );
});
