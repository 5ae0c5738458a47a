/**
 * The sender against a fake Telegram: pacing, 429s, order, and stopping. Failures of
 * every kind are in sender_failures_test.ts.
 */
import assert from "node:assert/strict";
import { LANE } from "../src/core/owed.ts";
import { BATCH, outboxFixture } from "./support/outbox.ts";

Deno.test("Sender keeps to the rate and waits out each 429's retry_after", async () => {
  // The fake allows 20 a second; the sender is told 40, so it must meet 429s and wait.
  await using f = await outboxFixture({
    users: 60,
    perSecond: 40,
    fake: { rateLimit: { perSecond: 20, retryAfter: 1 } },
  });
  const sender = f.sender();
  sender.start();
  await f.fake.waitFor(() => !f.store.outbox.batchOpen(BATCH), {
    timeout: 20_000,
  });
  assert.ok(f.fake.stats.tooManyRequests > 0, "the fake did refuse some sends");
  assert.deepEqual(f.counts(), { sent: 60 });
  for (let id = 1; id <= 60; id++) {
    assert.equal(f.fake.deliveredCount(id), 1, `user ${id}`);
  }
  // After each 429, no send reached the fake before its retry_after was over.
  const sends = f.fake.requests.filter((r) => r.method === "sendMessage");
  for (const [i, refused] of sends.entries()) {
    if (refused.status !== 429) continue;
    const next = sends.slice(i + 1).find((r) => r.status === 200);
    if (next === undefined) continue;
    assert.ok(
      next.at - refused.at >= 950,
      `a send ${
        Math.round(next.at - refused.at)
      } ms after a 429 (retry_after 1 s)`,
    );
  }
});

Deno.test("Sender at the fake's own limit meets no 429", async () => {
  await using f = await outboxFixture({
    users: 30,
    perSecond: 30,
    fake: { rateLimit: { perSecond: 30 } },
  });
  const started = performance.now();
  await f.sender().drain();
  const seconds = (performance.now() - started) / 1000;
  assert.equal(f.fake.stats.tooManyRequests, 0);
  assert.deepEqual(f.counts(), { sent: 30 });
  assert.ok(seconds >= 0.9, `30 at 30/s take about a second, took ${seconds}`);
});

Deno.test("Sender sends a reply enqueued during a broadcast before the rest of it", async () => {
  await using f = await outboxFixture({ users: 40, perSecond: 20 });
  const sender = f.sender();
  sender.start();
  await f.fake.waitFor((fake) => fake.sent().length >= 3);
  f.store.outbox.add({
    key: "reply/1000",
    kind: "text",
    chatId: 1000,
    lane: LANE.reply,
  }, new Date());
  sender.kick();
  await f.fake.waitFor((fake) => fake.deliveredCount(1000) === 1);
  const position = f.fake.sent().findIndex((r) => r.chat_id === 1000);
  assert.ok(position <= 6, `the reply went out as send #${position + 1} of 41`);
});

Deno.test("Sender sends one chat's rows one at a time, in the order written", async () => {
  await using f = await outboxFixture({ users: 1, fake: { latency: 20 } });
  for (let i = 0; i < 5; i++) {
    f.store.outbox.add({
      key: `text/${i}`,
      kind: "text",
      chatId: 1,
      lane: LANE.reply,
      payload: { i },
    }, new Date());
  }
  await f.sender({ id: "one" }).drain();
  const toOne = f.fake.requests.filter((r) => r.params.chat_id === 1);
  assert.equal(toOne.length, 6);
  for (let i = 1; i < toOne.length; i++) {
    assert.ok(
      toOne[i]!.at >= toOne[i - 1]!.at + 15,
      "each request to the chat waited for the one before",
    );
  }
});

Deno.test("Sender.stop() lets the request in flight land and leaves the rest for the next start", async () => {
  await using f = await outboxFixture({
    users: 50,
    perSecond: 100,
    concurrency: 1,
  });
  const first = f.sender({ id: "first" });
  first.start();
  await f.fake.waitFor((fake) => fake.sent().length >= 10);
  await first.stop();
  const atStop = f.fake.sent().length;
  assert.ok(atStop < 50);
  assert.equal(f.counts().sending, undefined, "nothing half-written");
  assert.equal(f.counts().sent, atStop);
  await f.sender({ id: "second" }).drain();
  assert.deepEqual(f.counts(), { sent: 50 });
  for (let id = 1; id <= 50; id++) assert.equal(f.fake.deliveredCount(id), 1);
});

Deno.test("Sender stopped during a long 429 wait releases the row: the next start delivers it", async () => {
  await using f = await outboxFixture({
    users: 1,
    fake: { rateLimit: { perSecond: 1, retryAfter: 30 } },
  });
  f.store.outbox.add({
    key: "text/first",
    kind: "text",
    chatId: 2,
    lane: LANE.notice,
  }, new Date(Date.now() - 1000));
  const first = f.sender({ id: "first" });
  first.start();
  // The notice takes the fake's one slot; the invitation meets a 30 s 429.
  await f.fake.waitFor((fake) => fake.stats.tooManyRequests === 1);
  await first.stop();
  const row = f.store.outbox.byKey(`${BATCH}/u1`)!;
  assert.equal(row.status, "pending", "released, not left claimed");
  f.fake.rateLimit = undefined;
  // The restart comes after the wait (here: the row is made due at once).
  f.store.outbox.retry(row.id, {
    notBefore: new Date(),
    error: "x",
    now: new Date(),
  });
  await f.sender({ id: "second" }).drain();
  assert.equal(f.fake.deliveredCount(1), 1);
});
