/**
 * Every write goes through the group-commit writer (`store.write`): a lock another
 * process holds makes it wait off the event loop, where a direct write would fail at
 * once ("database is locked") under `run`'s short busy timeout.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { LANE, OWED } from "../src/core/owed.ts";
import { openDatabase } from "../src/db/database.ts";
import { Store } from "../src/db/store.ts";
import { Pacer } from "../src/delivery/pacer.ts";
import { Sender } from "../src/delivery/sender.ts";
import { createJobRunner } from "../src/jobs/runner.ts";
import { createLogger, silentLogger } from "../src/log.ts";
import { ManualClock, tempDir, testConfig } from "./helpers.ts";

/** Holds the write lock of `path` from another connection until released. */
function lockDatabase(path: string): { release(): void } {
  const other = new DatabaseSync(path);
  other.exec("BEGIN IMMEDIATE");
  other.exec(
    "INSERT INTO processed_updates (update_id, handled_at) VALUES (-7, 'x')",
  );
  return {
    release() {
      other.exec("ROLLBACK");
      other.close();
    },
  };
}

Deno.test("a weekly job's tick waits out another process's lock and then enqueues, where a direct write would fail", async () => {
  await using temp = await tempDir();
  const path = join(temp.path, "bot.sqlite3");
  const config = testConfig({ database: path });
  // Monday 10:00 Moscow: the invitation is due.
  const clock = new ManualClock("2026-11-23T07:00:30Z");
  const db = openDatabase(path, { busyTimeoutMs: 20 }); // as `run` opens it
  const store = new Store(db);
  try {
    for (let id = 1; id <= 3; id++) {
      store.users.start({ tg_id: id, first_name: `U${id}` }, clock.now());
      store.users.setRegistered({ tgId: id, registered: true }, clock.now());
    }
    const runner = createJobRunner({
      config,
      store,
      log: silentLogger,
      now: clock.now,
      kick: () => {},
    });
    const lock = lockDatabase(path);
    let ticked: boolean | undefined;
    const tick = runner.tick().then((ok) => ticked = ok);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(ticked, undefined, "still waiting for the lock");
    lock.release();
    await tick;
    assert.equal(ticked, true);
    assert.equal(
      store.outbox.batchCounts("invitation/2026-11-25").pending,
      3,
    );
  } finally {
    await store.settled();
    db.close();
  }
});

Deno.test("the sender's claim waits out another process's lock: the row goes once it is free, with no database error", async () => {
  await using temp = await tempDir();
  const path = join(temp.path, "bot.sqlite3");
  const db = openDatabase(path, { busyTimeoutMs: 20 });
  const store = new Store(db);
  const logs: string[] = [];
  const calls: number[] = [];
  let lock: { release(): void } | undefined;
  const sender = new Sender({
    outbox: store.outbox,
    api: {
      // Another process takes the lock while chat 1's request is in flight, and lets
      // it go when the answer comes: the claim of chat 2's paced row meets the lock.
      async call<T>(_method: string, params: Record<string, unknown>) {
        calls.push(Number(params.chat_id));
        if (params.chat_id === 1) {
          lock = lockDatabase(path);
          await new Promise((resolve) => setTimeout(resolve, 300));
          lock.release();
        }
        return { message_id: 1 } as T;
      },
    },
    render: (row) => ({
      method: "sendMessage",
      params: { chat_id: row.chat_id, text: "hi" },
    }),
    // Paced: chat 2's claim comes a fifth of a second after chat 1's, under the lock.
    pacer: new Pacer(5),
    log: createLogger({ level: "debug", write: (line) => logs.push(line) }),
    now: () => new Date(),
    write: (fn) => store.write(fn),
  });
  try {
    for (const chatId of [1, 2]) {
      store.outbox.add(
        {
          key: `text/${chatId}`,
          kind: OWED.text,
          chatId,
          lane: LANE.broadcast,
        },
        new Date(),
      );
    }
    sender.start({ alone: true });
    for (let i = 0; i < 100 && calls.length < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.deepEqual(calls, [1, 2]);
    assert.deepEqual(logs.filter((l) => l.includes("outbox.error")), []);
  } finally {
    await sender.stop();
    await store.settled();
    db.close();
  }
});
