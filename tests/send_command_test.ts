/**
 * `send JOB` on virtual time against a scripted Bot API: it waits for its own batch's
 * retries that fall due within its bound (saying so), leaves later ones to `run`, and
 * its exit code says whether anything is left. The process, under the compile task's
 * permissions, is in process_send_test.ts.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  SEND_EXIT,
  SEND_WAIT_MS,
  sendCommand,
  sendExitCode,
} from "../src/commands/send.ts";
import { openDatabase } from "../src/db/database.ts";
import { Store } from "../src/db/store.ts";
import { silentLogger } from "../src/log.ts";
import { tempDir, testConfig } from "./helpers.ts";
import {
  type Script,
  ScriptedApi,
  serverError,
} from "./support/scripted_api.ts";
import { VirtualTime } from "./support/virtual_time.ts";

/** Monday 10:30 in Moscow: the invitation of Wednesday's meeting is due. */
const MONDAY_1030_MSK = "2026-11-23T07:30:00Z";

/** Runs `send invitation` for three users on virtual time; the API answers by `script`. */
async function send(script: Script) {
  await using temp = await tempDir();
  const config = testConfig({ database: join(temp.path, "bot.sqlite3") });
  const time = new VirtualTime(MONDAY_1030_MSK);
  const db = openDatabase(config.database);
  const store = new Store(db);
  for (let id = 1; id <= 3; id++) {
    store.users.start({ tg_id: id, first_name: `U${id}` }, time.now());
    store.users.setRegistered({ tgId: id, registered: true }, time.now());
  }
  db.close();
  // `send` asks getMe first: it answers at once and does not count in `script`'s `n`.
  const api = new ScriptedApi(
    time,
    (call) =>
      call.method === "getMe"
        ? { id: 1, is_bot: true, first_name: "Bot", username: "meeting_bot" }
        : script({ ...call, n: call.n - 1 }),
  );
  const lines: string[] = [];
  let report: Awaited<ReturnType<typeof sendCommand>> | undefined;
  let failure: unknown;
  const started = time.ms();
  void sendCommand(config, {
    log: silentLogger,
    now: time.now,
    sleep: time.sleep,
    api,
    print: (line) => lines.push(line),
    env: { token: "123:x", apiRoot: undefined },
    job: "invitation",
  }).then((done) => report = done, (error) => failure = error ?? "failed");
  await time.runUntil(() => report !== undefined || failure !== undefined);
  if (failure !== undefined) throw failure;
  // Whole milliseconds: the clock the outbox keeps is a Date's.
  const calls = api.calls.filter((c) => c.method !== "getMe").map((c) => ({
    chat: c.chat,
    at: Math.floor(c.at - started),
  }));
  return { report: report!, lines, calls };
}

Deno.test("send waits for its batch's retry that falls due soon, says so, and exits 0 with nothing left", async () => {
  const { report, lines, calls } = await send((call) =>
    call.n === 1 ? serverError() : { message_id: call.n }
  );
  assert.equal(lines.length, 2, lines.join("\n"));
  assert.match(
    lines[0]!,
    /^invitation for 2026-11-25: waiting up to 60 s for 1 to be retried$/,
  );
  assert.match(lines[1]!, /sent 3, blocked 0, failed 0, already had it 0$/);
  assert.equal(report.waiting, 0);
  assert.equal(sendExitCode(report), SEND_EXIT.done);
  // The shipped config retries after retry_initial_seconds: 2.
  assert.deepEqual(calls.filter((c) => c.chat === 1).map((c) => c.at), [
    0,
    2_000,
  ]);
});

Deno.test("send leaves a retry due after its wait to run, says so, and exits 3", async () => {
  const { report, lines, calls } = await send((call) =>
    call.params.chat_id === 1 ? serverError() : { message_id: call.n }
  );
  // Tries at 0, 2, 6, 14 and 30 s; the next falls due at 62 s, after the 60 s wait.
  assert.deepEqual(calls.filter((c) => c.chat === 1).map((c) => c.at), [
    0,
    2_000,
    6_000,
    14_000,
    30_000,
  ]);
  assert.equal(SEND_WAIT_MS, 60_000);
  assert.match(lines[0]!, /waiting up to 60 s for 1 to be retried$/);
  assert.match(
    lines.at(-1)!,
    /sent 2, blocked 0, failed 0, already had it 0, waiting to retry 1 \(run delivers them\)$/,
  );
  assert.equal(sendExitCode(report), SEND_EXIT.waiting);
});

Deno.test("send exits 1 when a message failed for good, and waits for nothing", async () => {
  const { report, lines } = await send((call) =>
    call.params.chat_id === 2
      ? serverError("sendMessage", 400)
      : { message_id: call.n }
  );
  assert.equal(lines.length, 1, "no wait");
  assert.match(lines[0]!, /sent 2, blocked 0, failed 1/);
  assert.equal(sendExitCode(report), SEND_EXIT.failed);
});
