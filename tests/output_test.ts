/**
 * What the operator's commands print, under the compile task's permissions: with
 * `LOG_FORMAT=json` every line on stdout and stderr is one JSON object (results, the
 * fatal error, `export`'s records), so `jq` reads all of it; without it, plain text.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { FakeBotApi } from "./fake_bot_api.ts";
import { makeWorkdir, runMain } from "./process.ts";
import { botFolder } from "./support/bot_process.ts";

/** Every line of `text` parsed as JSON, with the log's first keys; fails on any other. */
function jsonLines(text: string): Record<string, unknown>[] {
  return text.split("\n").filter((line) => line !== "").map((line) => {
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(line);
    } catch {
      throw new Error(`not JSON: ${line}`);
    }
    assert.deepEqual(Object.keys(entry).slice(0, 3), [
      "time",
      "level",
      "event",
    ]);
    return entry;
  });
}

/** Runs `main.ts ARGS` with `LOG_FORMAT=json`: exit code, and stdout and stderr parsed. */
async function runJson(
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
) {
  const result = await runMain(args, {
    cwd: options.cwd,
    env: { LOG_FORMAT: "json", ...options.env },
  });
  return {
    code: result.code,
    out: jsonLines(result.stdout),
    err: jsonLines(result.stderr),
  };
}

/** The one error object of a failed command. */
function theError(result: { err: Record<string, unknown>[] }) {
  const errors = result.err.filter((e) => e.event === "error");
  assert.equal(errors.length, 1, JSON.stringify(result.err));
  return errors[0]!;
}

Deno.test("LOG_FORMAT=json: every line of every command is one JSON object, fatal errors and results included", async (t) => {
  await using dir = await botFolder({ users: 2, yesFor: "2026-11-25" });
  await using fake = await FakeBotApi.start();
  const cwd = dir.path;
  const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };

  await t.step("version and check", async () => {
    const version = await runJson(["version"], { cwd });
    assert.equal(version.code, 0);
    assert.equal(version.out[0]!.event, "version");
    const check = await runJson(["check"], { cwd });
    assert.equal(check.code, 0);
    assert.ok(check.out.some((e) => /^database: /.test(String(e.text))));
  });

  await t.step("send: the result, and a refused token", async () => {
    const send = await runJson(["send", "invitation"], { cwd, env });
    assert.equal(send.code, 0, JSON.stringify(send.err));
    const done = send.out.find((e) => e.event === "send.done")!;
    assert.equal(done.job, "invitation");
    assert.equal(done.sent, 2);
    assert.equal(done.failed, 0);
    const refused = await runJson(["send", "invitation"], {
      cwd,
      env: { ...env, BOT_TOKEN: "123456:WRONG-token" },
    });
    assert.equal(refused.code, 2);
    const error = theError(refused);
    assert.equal(error.level, "error");
    assert.equal(error.exit_code, 2);
    assert.match(String(error.message), /bot token in BOT_TOKEN \(401/);
  });

  await t.step("stats and export", async () => {
    const stats = await runJson(["stats"], { cwd });
    assert.equal(stats.code, 0);
    assert.ok(stats.out.every((e) => e.event === "stats"));
    const exported = await runJson(["export"], { cwd });
    assert.equal(exported.code, 0);
    assert.deepEqual(
      exported.out.map((e) => [e.event, e.meeting, e.tg_id, e.answer]),
      [["export.row", "2026-11-25", 1, "yes"], [
        "export.row",
        "2026-11-25",
        2,
        "yes",
      ]],
    );
  });

  await t.step("backup and restore", async () => {
    const backup = await runJson(["backup", "data/backups"], { cwd });
    assert.equal(backup.code, 0, JSON.stringify(backup.err));
    const done = backup.out.find((e) => e.event === "backup.done")!;
    assert.equal(done.users, 2);
    const restore = await runJson(["restore", String(done.path)], { cwd });
    assert.equal(restore.code, 0, JSON.stringify(restore.err));
    assert.equal(restore.out.at(-1)!.event, "restore.done");
  });

  await t.step("health, an unknown command, a broken config", async () => {
    const health = await runJson(["health"], { cwd });
    assert.equal(health.code, 2);
    assert.match(String(theError(health).message), /No health listener/);
    const unknown = await runJson(["frobnicate"], { cwd });
    assert.equal(unknown.code, 2);
    assert.match(String(theError(unknown).message), /Unknown command/);
    await using broken = await makeWorkdir("timezone: Mars/Olympus\n");
    const bad = await runJson(["check"], { cwd: broken.path });
    assert.equal(bad.code, 2);
    assert.match(String(theError(bad).message), /config\.yaml/);
  });
});

Deno.test("without LOG_FORMAT, results and the error line stay plain text", async () => {
  await using dir = await botFolder({ users: 1 });
  const backup = await runMain(["backup", "data/backups"], { cwd: dir.path });
  assert.equal(backup.code, 0, backup.stderr);
  assert.match(backup.stdout, /^backup: \S+ \(1 users, integrity ok\)\n$/);
  const missing = await runMain(["restore", "data/none.sqlite3"], {
    cwd: dir.path,
  });
  assert.equal(missing.code, 2);
  assert.equal(
    missing.stderr,
    `error: Backup file "${
      join(dir.path, "data", "none.sqlite3")
    }" does not exist\n`,
  );
});
