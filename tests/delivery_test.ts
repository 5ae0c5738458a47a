import assert from "node:assert/strict";
import { createBroadcastApi } from "../src/bot/bot.ts";
import { openDatabase } from "../src/db/database.ts";
import { Store } from "../src/db/store.ts";
import type { User } from "../src/db/users.ts";
import { runBroadcast } from "../src/delivery/broadcast.ts";
import { Pacer } from "../src/delivery/pacer.ts";
import { silentLogger } from "../src/log.ts";
import { FakeBotApi, type FakeBotApiOptions } from "./fake_bot_api.ts";

const NOW = new Date("2026-11-23T07:00:00Z");

function seed(store: Store, count: number): User[] {
  for (let id = 1; id <= count; id++) {
    store.users.start({ tg_id: id, first_name: `U${id}` }, NOW);
    store.users.setRegistered({ tgId: id, registered: true }, NOW);
  }
  return store.users.invitationRecipients();
}

async function broadcastTo(
  count: number,
  fakeOptions: FakeBotApiOptions,
  options: {
    perSecond: number;
    arrange?: (fake: FakeBotApi) => void;
  },
) {
  const fake = await FakeBotApi.start(fakeOptions);
  const db = openDatabase(":memory:");
  const store = new Store(db);
  const recipients = seed(store, count);
  options.arrange?.(fake);
  const api = createBroadcastApi(fake.token, fake.apiRoot);
  const started = performance.now();
  const report = await runBroadcast({
    meetingId: "2026-11-25",
    job: "invitation",
    recipients,
    send: async (user) =>
      (await api.sendMessage(user.tg_id, "Приглашение")).message_id,
  }, {
    store,
    pacer: new Pacer(options.perSecond),
    log: silentLogger,
    now: () => NOW,
    retryDelaysMs: [20, 50, 100],
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    fake,
    store,
    report,
    seconds,
    async [Symbol.asyncDispose]() {
      await fake.close();
      db.close();
    },
  };
}

Deno.test("runBroadcast() keeps to the rate and waits out each 429's retry_after", async () => {
  // The fake allows 20 a second; the bot is told 40, so it must meet 429s and wait them out.
  await using run = await broadcastTo(60, {
    rateLimit: { perSecond: 20, retryAfter: 1 },
  }, {
    perSecond: 40,
  });
  const { fake, report } = run;
  assert.ok(fake.stats.tooManyRequests > 0, "the fake did refuse some sends");
  assert.equal(report.tooManyRequests, fake.stats.tooManyRequests);
  assert.equal(report.sent, 60);
  for (let id = 1; id <= 60; id++) {
    assert.equal(fake.deliveredCount(id), 1, `user ${id}`);
  }
  assert.deepEqual(run.store.deliveries.counts("2026-11-25", "invitation"), {
    sent: 60,
    blocked: 0,
    failed: 0,
    sending: 0,
  });
});

Deno.test("runBroadcast() at the fake's own limit meets no 429", async () => {
  await using run = await broadcastTo(30, { rateLimit: { perSecond: 30 } }, {
    perSecond: 30,
  });
  assert.equal(run.fake.stats.tooManyRequests, 0);
  assert.equal(run.report.sent, 30);
  assert.ok(
    run.seconds >= 0.9,
    `30 at 30/s take about a second, took ${run.seconds}`,
  );
});

Deno.test("runBroadcast() deactivates blocked, deactivated and vanished users, never retrying", async () => {
  await using run = await broadcastTo(10, { knownChatsOnly: false }, {
    perSecond: 1000,
    arrange: (fake) => {
      fake.block(3);
      fake.deactivate(5);
    },
  });
  const { fake, store, report } = run;
  assert.deepEqual([report.sent, report.blocked, report.failed], [8, 2, 0]);
  assert.equal(store.users.byTgId(3)?.is_active, false);
  assert.equal(store.users.byTgId(5)?.is_active, false);
  assert.equal(store.users.byTgId(4)?.is_active, true);
  const attempts = fake.requests.filter((r) =>
    r.method === "sendMessage" && r.params.chat_id === 3
  );
  assert.equal(attempts.length, 1, "a 403 is not retried");
  // Their next /start brings them back (tested end to end in week_test.ts).
  assert.equal(store.users.invitationRecipients().length, 8);
});

Deno.test("runBroadcast() treats 400 chat not found as unreachable", async () => {
  await using run = await broadcastTo(3, { knownChatsOnly: true }, {
    perSecond: 1000,
  });
  assert.deepEqual([run.report.sent, run.report.blocked], [0, 3]);
  assert.equal(run.store.users.invitationRecipients().length, 0);
});

Deno.test("runBroadcast() retries 5xx and dropped connections, then goes on", async () => {
  await using run = await broadcastTo(20, {}, {
    perSecond: 1000,
    arrange: (fake) => {
      fake.failNext(2, { status: 502 });
      fake.dropNext(2);
    },
  });
  const { fake, report } = run;
  assert.equal(report.sent, 20);
  assert.equal(fake.stats.serverErrors, 2);
  assert.equal(fake.stats.dropped, 2);
  for (let id = 1; id <= 20; id++) {
    assert.equal(fake.deliveredCount(id), 1, `user ${id}`);
  }
});

Deno.test("runBroadcast() records a user who keeps failing as failed, and a re-run retries them", async () => {
  const fake = await FakeBotApi.start();
  const db = openDatabase(":memory:");
  try {
    const store = new Store(db);
    const recipients = seed(store, 5);
    const api = createBroadcastApi(fake.token, fake.apiRoot);
    const broadcast = {
      meetingId: "2026-11-25",
      job: "invitation",
      recipients,
      send: async (user: User) => {
        if (user.tg_id === 2) fake.failNext(1, { status: 500 }); // every try for user 2 fails
        return (await api.sendMessage(user.tg_id, "Приглашение")).message_id;
      },
    };
    const deps = {
      store,
      pacer: new Pacer(1000),
      log: silentLogger,
      now: () => NOW,
      retryDelaysMs: [5, 5],
      concurrency: 1,
    };
    const first = await runBroadcast(broadcast, deps);
    assert.deepEqual([first.sent, first.failed], [4, 1]);
    assert.equal(
      fake.requests.filter((r) => r.params.chat_id === 2).length,
      3,
      "3 tries",
    );
    const second = await runBroadcast({
      ...broadcast,
      send: async (user) => (await api.sendMessage(user.tg_id, "x")).message_id,
    }, deps);
    assert.deepEqual([second.sent, second.skipped], [1, 4]);
    for (let id = 1; id <= 5; id++) assert.equal(fake.deliveredCount(id), 1);
  } finally {
    await fake.close();
    db.close();
  }
});

Deno.test("runBroadcast() stops starting sends once aborted and leaves the rest for later", async () => {
  await using fake = await FakeBotApi.start();
  const db = openDatabase(":memory:");
  try {
    const store = new Store(db);
    const recipients = seed(store, 50);
    const api = createBroadcastApi(fake.token, fake.apiRoot);
    const stop = new AbortController();
    const broadcast = {
      meetingId: "2026-11-25",
      job: "invitation",
      recipients,
      send: async (user: User) => {
        if (user.tg_id === 10) stop.abort();
        return (await api.sendMessage(user.tg_id, "Приглашение")).message_id;
      },
    };
    const deps = {
      store,
      pacer: new Pacer(1000),
      log: silentLogger,
      now: () => NOW,
      concurrency: 1,
    };
    const first = await runBroadcast(broadcast, {
      ...deps,
      signal: stop.signal,
    });
    assert.equal(first.sent, 10, "the send in flight finished");
    assert.equal(first.interrupted, true);
    assert.equal(
      store.deliveries.counts("2026-11-25", "invitation").sending,
      0,
      "nothing half-written",
    );
    const rest = await runBroadcast(broadcast, deps);
    assert.equal(rest.sent, 40);
    assert.equal(rest.interrupted, false);
  } finally {
    db.close();
  }
});
