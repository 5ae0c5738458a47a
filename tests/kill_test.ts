/**
 * `main.ts send` killed with SIGKILL mid-broadcast and run again, several rounds in a
 * row (KILL_ROUNDS, 2 by default): held to the README's rule exactly. Every row is
 * sent, except one claimed at the kill, whose request may have left: that one is never
 * sent again and is settled as unknown at the next start. Nobody gets it twice.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { openDatabase } from "../src/db/database.ts";
import { Store } from "../src/db/store.ts";
import { FakeBotApi } from "./fake_bot_api.ts";
import { KILL_ROUNDS, makeWorkdir, runMain, spawnMain } from "./process.ts";
import { report } from "./support/report.ts";

const USERS = 300;
const SHIPPED = await Deno.readTextFile(
  new URL("../config.yaml", import.meta.url),
);

/** Each user's invitation row: its status. */
function statuses(database: string, meetingId: string): Map<number, string> {
  const db = openDatabase(database);
  try {
    const store = new Store(db);
    return new Map(
      Array.from({ length: USERS }, (_, i) => [
        i + 1,
        store.outbox.byKey(`invitation/${meetingId}/u${i + 1}`)?.status ?? "",
      ]),
    );
  } finally {
    db.close();
  }
}

Deno.test({
  name:
    "main.ts send killed with SIGKILL mid-broadcast and run again: every row sent once, or unknown where it was in flight, nobody twice",
  async fn(t) {
    for (let round = 1; round <= KILL_ROUNDS; round++) {
      await t.step(`round ${round}`, () => killAndSendAgain(round));
    }
  },
});

async function killAndSendAgain(round: number): Promise<void> {
  // 300 messages a second: the whole broadcast takes about a second, so a kill after
  // a hundred deliveries lands in the middle of it.
  await using temp = await makeWorkdir(
    SHIPPED.replace(/messages_per_second: \d+/, "messages_per_second: 300"),
  );
  const dir = temp.path;
  const database = join(dir, "data", "bot.sqlite3");
  // Telegram takes a while to answer: a kill most likely lands while a request is out.
  await using fake = await FakeBotApi.start({ latency: 3 });
  const db = openDatabase(database);
  const store = new Store(db);
  for (let id = 1; id <= USERS; id++) {
    store.users.start({ tg_id: id, first_name: `U${id}` }, new Date());
    store.users.setRegistered({ tgId: id, registered: true }, new Date());
  }
  db.close();
  const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };

  const doomed = await spawnMain(["send", "invitation"], {
    cwd: dir,
    env,
    stdout: "null",
  });
  await fake.waitFor(() => fake.sent().length >= 100, { timeout: 20_000 });
  doomed.kill("SIGKILL");
  assert.equal((await doomed.status).signal, "SIGKILL");
  await doomed.stderr.cancel();
  const meetingId = readMeetingId(database);
  const atKill = statuses(database, meetingId);
  const sentAtKill = [...atKill.values()].filter((s) => s === "sent").length;
  const inFlight = [...atKill].flatMap(([id, s]) =>
    s === "sending" ? [id] : []
  );
  assert.ok(sentAtKill < USERS, `killed mid-broadcast (${sentAtKill} sent)`);

  const again = await runMain(["send", "invitation"], { cwd: dir, env });
  assert.equal(again.code, 0, again.stderr);
  assert.match(
    again.stdout,
    new RegExp(
      `sent ${
        USERS - sentAtKill - inFlight.length
      }, blocked 0, failed 0, already had it ${sentAtKill}`,
    ),
  );
  // send leaves another process's claims to their lease (run may be sending beside
  // it); the next `run` settles them at its start, as here: unknown, never resent.
  const later = openDatabase(database);
  try {
    new Store(later).outbox.recover({ by: "next-start", now: new Date() });
  } finally {
    later.close();
  }
  const end = statuses(database, meetingId);
  const twice: number[] = [];
  let unknownDelivered = 0;
  for (const [id, status] of end) {
    const delivered = fake.deliveredCount(id);
    if (delivered > 1) twice.push(id);
    if (inFlight.includes(id)) {
      assert.equal(status, "unknown", `user ${id}, in flight at the kill`);
      unknownDelivered += delivered;
    } else {
      assert.equal(status, "sent", `user ${id}`);
      assert.equal(delivered, 1, `user ${id} got it once`);
    }
  }
  assert.deepEqual(twice, [], "nobody twice");
  report(
    `send+kill round ${round}: sent ${
      USERS - inFlight.length
    } (${sentAtKill} before the kill), ` +
      `unknown ${inFlight.length} (of which arrived ${unknownDelivered}), twice 0`,
  );
}

/** The meeting the invitation batch is about (the upcoming one as the test runs). */
function readMeetingId(database: string): string {
  const db = openDatabase(database);
  try {
    const row = db.prepare(
      "SELECT ref FROM outbox WHERE kind = 'invitation' LIMIT 1",
    ).get() as { ref: string };
    return row.ref;
  } finally {
    db.close();
  }
}
