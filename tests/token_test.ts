/**
 * A wrong or revoked token (401) as the operator meets it, with the shipped permissions:
 * `send` and `run` stop at once with one line that names BOT_TOKEN, exit code 2, and
 * leave everything owed pending. Nothing is recorded as failed or done because of it, so
 * the run with the right token sends what is left, once.
 */
import assert from "node:assert/strict";
import { FakeBotApi } from "./fake_bot_api.ts";
import { runMain, spawnMain } from "./process.ts";
import {
  botFolder,
  collect,
  configWith,
  exited,
  FAST_SETTINGS,
  inDatabase,
  LIBFAKETIME,
  spawnRun,
  until,
} from "./support/bot_process.ts";

/** Monday 10:00:05 Moscow: the invitation is due. */
const MONDAY = "2026-11-23 07:00:05";

/** The lines of stderr that are the program's error line. */
function errorLines(stderr: string): string[] {
  return stderr.split("\n").filter((line) => line.startsWith("error: "));
}

/** The one error line of a refused token: names BOT_TOKEN, in words, no library's. */
function assertTokenLine(stderr: string) {
  const lines = errorLines(stderr);
  assert.equal(lines.length, 1, stderr);
  assert.match(
    lines[0]!,
    /^error: Telegram does not accept the bot token in BOT_TOKEN \(401 Unauthorized\): it is mistyped, or it was revoked/,
  );
  assert.doesNotMatch(lines[0]!, /GrammyError|ApiError|Call to/);
  assert.doesNotMatch(stderr, /\n\s+at /, "no stack trace");
}

/** The invitation's rows by status, and its job's state (whichever meeting is next). */
function invitationState(database: string) {
  return inDatabase(database, (store, db) => {
    const run = db.prepare(
      "SELECT meeting_id, status FROM job_runs WHERE job = 'invitation'",
    ).get() as { meeting_id: string; status: string } | undefined;
    return {
      counts: store.outbox.batchCounts(`invitation/${run?.meeting_id}`),
      job: run?.status,
    };
  });
}

/** 40 subscribers, sent at 20 a second: a broadcast long enough to cut. */
const SLOW_BROADCAST = configWith(FAST_SETTINGS).replace(
  /^broadcast: .*$/m,
  "broadcast: { messages_per_second: 20, paid: false }",
);

Deno.test("send with a wrong token stops before it enqueues anything; with the right one it sends", async () => {
  await using dir = await botFolder({ users: 3 });
  await using fake = await FakeBotApi.start();
  const wrong = await runMain(["send", "invitation"], {
    cwd: dir.path,
    env: { BOT_TOKEN: "123456:WRONG-token", TELEGRAM_API_ROOT: fake.apiRoot },
  });
  assert.equal(wrong.code, 2, wrong.stderr);
  assertTokenLine(wrong.stderr);
  assert.ok(!wrong.stderr.includes("WRONG-token"), "the token is not printed");
  assert.deepEqual(fake.requests.map((r) => r.method), ["getMe"]);
  const state = invitationState(dir.database);
  assert.equal(state.job, undefined, "no job started");
  assert.equal(state.counts.pending + state.counts.failed, 0, "nothing owed");

  const right = await runMain(["send", "invitation"], {
    cwd: dir.path,
    env: { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot },
  });
  assert.equal(right.code, 0, right.stderr);
  assert.match(right.stdout, /sent 3, blocked 0, failed 0, already had it 0/);
});

Deno.test("send whose token is revoked mid-broadcast stops at once and leaves the rest owed; the rerun sends each the rest once", async () => {
  const users = 40;
  await using dir = await botFolder({ users, config: SLOW_BROADCAST });
  await using fake = await FakeBotApi.start();
  const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
  const send = await spawnMain(["send", "invitation"], { cwd: dir.path, env });
  const out = collect(send.stdout);
  const err = collect(send.stderr);
  await fake.waitForCount("sendMessage", 5, { timeout: 20_000 });
  fake.tokenRevoked = true;
  const { code } = await exited(send);
  assert.equal(code, 2, err.text());
  assertTokenLine(err.text());
  assert.doesNotMatch(out.text(), /sent \d+/, "no result: it did not finish");
  const after = invitationState(dir.database);
  assert.equal(after.counts.failed, 0, "nothing recorded failed");
  assert.equal(after.counts.sending, 0, "nothing left in flight");
  assert.equal(after.job, "running", "the job is not done");
  assert.ok(after.counts.pending > 0, "the rest is owed");
  assert.equal(after.counts.sent, fake.sent().length);
  const sentBefore = after.counts.sent;

  fake.tokenRevoked = false;
  const rerun = await runMain(["send", "invitation"], { cwd: dir.path, env });
  assert.equal(rerun.code, 0, rerun.stderr);
  assert.match(
    rerun.stdout,
    new RegExp(
      `sent ${
        users - sentBefore
      }, blocked 0, failed 0, already had it ${sentBefore}`,
    ),
  );
  for (let id = 1; id <= users; id++) {
    assert.equal(fake.messagesTo(id).length, 1, `user ${id} got it once`);
  }
  assert.equal(invitationState(dir.database).job, "done");
});

Deno.test({
  name:
    "run whose token is revoked while it sends the invitation stops with one line, exit 2; the next start sends the rest once",
  ignore: LIBFAKETIME === undefined,
  async fn() {
    const users = 40;
    await using dir = await botFolder({ users, config: SLOW_BROADCAST });
    await using fake = await FakeBotApi.start();
    const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
    const bot = await spawnRun(dir.path, env, MONDAY);
    collect(bot.stdout);
    const err = collect(bot.stderr);
    await fake.waitForCount("sendMessage", 5, { timeout: 20_000 });
    fake.tokenRevoked = true;
    assert.equal((await exited(bot)).code, 2, err.text());
    assertTokenLine(err.text());
    const after = invitationState(dir.database);
    assert.equal(after.counts.failed, 0, "nothing recorded failed");
    assert.equal(after.counts.sending, 0, "nothing left in flight");
    assert.equal(after.job, "running", "the job is not done");
    assert.ok(after.counts.pending > 0, "the rest is owed");

    fake.tokenRevoked = false;
    const again = await spawnRun(dir.path, env, MONDAY);
    collect(again.stdout);
    const err2 = collect(again.stderr);
    try {
      await until(() => invitationState(dir.database).job === "done", {
        what: "the invitation done",
      });
    } finally {
      again.kill("SIGTERM");
    }
    assert.equal((await exited(again)).code, 0, err2.text());
    for (let id = 1; id <= users; id++) {
      assert.equal(fake.messagesTo(id).length, 1, `user ${id} got it once`);
    }
  },
});
