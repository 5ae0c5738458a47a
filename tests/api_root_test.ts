/**
 * `TELEGRAM_API_ROOT` as an operator writes it, under the shipped permissions: a
 * trailing slash (`http://127.0.0.1:8081/`, as a local Bot API server's docs show it) is
 * taken off, so `check`, `send` and `run` work as without it; a root that cannot be
 * one is refused with one `error:` line and exit code 2, never a stack trace.
 */
import assert from "node:assert/strict";
import { FakeBotApi } from "./fake_bot_api.ts";
import { runMain } from "./process.ts";
import { botFolder, collect, exited, spawnRun } from "./support/bot_process.ts";

/** Asserts that `stderr` is no more than the one error line, when there is one. */
function assertNoTrace(stderr: string) {
  assert.doesNotMatch(stderr, /\n\s+at /, "no stack trace");
  assert.ok(
    stderr.split("\n").filter((l) => l.startsWith("error: ")).length <= 1,
    stderr,
  );
}

Deno.test("a trailing slash in TELEGRAM_API_ROOT is taken off: check passes, send delivers, run polls", async () => {
  await using dir = await botFolder({ users: 2 });
  await using fake = await FakeBotApi.start();
  const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: `${fake.apiRoot}//` };

  const check = await runMain(["check"], { cwd: dir.path, env });
  assert.equal(check.code, 0, check.stderr);
  assertNoTrace(check.stderr);

  const send = await runMain(["send", "invitation"], { cwd: dir.path, env });
  assert.equal(send.code, 0, send.stderr);
  assert.match(send.stdout, /sent 2, blocked 0, failed 0/);
  assertNoTrace(send.stderr);

  const run = await spawnRun(dir.path, env);
  collect(run.stdout);
  const err = collect(run.stderr);
  await fake.waitForCount("getUpdates", 1, { timeout: 20_000 });
  run.kill("SIGTERM");
  assert.equal((await exited(run)).code, 0, err.text());
  assertNoTrace(err.text());
});

Deno.test("a TELEGRAM_API_ROOT that cannot be a root is refused by check, send and run with one line, exit 2", async () => {
  await using dir = await botFolder({ users: 1 });
  await using fake = await FakeBotApi.start();
  const env = {
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: `${fake.apiRoot}/?proxy=1`,
  };
  for (const command of [["check"], ["send", "invitation"], ["run"]]) {
    const result = await runMain(command, { cwd: dir.path, env });
    assert.equal(result.code, 2, `${command[0]}: ${result.stderr}`);
    assert.equal(
      result.stderr.trim(),
      `error: TELEGRAM_API_ROOT "${fake.apiRoot}/?proxy=1" has a query or a fragment: give the root alone, such as https://api.telegram.org`,
    );
  }
  assert.deepEqual(fake.requests, [], "Telegram was asked nothing");
});
