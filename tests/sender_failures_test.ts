/**
 * The sender when Telegram or the network fails the way they do: every owed message is
 * delivered once, or recorded as refused or unknown, and never sent twice.
 */
import assert from "node:assert/strict";
import { LANE } from "../src/core/owed.ts";
import { BATCH, outboxFixture } from "./support/outbox.ts";

const settled = (f: Awaited<ReturnType<typeof outboxFixture>>) =>
  f.fake.waitFor(() => !f.store.outbox.batchOpen(BATCH), { timeout: 20_000 });

Deno.test("Sender deactivates blocked, deactivated and vanished users, never retrying", async () => {
  await using f = await outboxFixture({ users: 10 });
  f.fake.block(3);
  f.fake.deactivate(5);
  await f.sender().drain();
  assert.deepEqual(f.counts(), { sent: 8, blocked: 2 });
  assert.equal(f.store.users.byTgId(3)?.is_active, false);
  assert.equal(f.store.users.byTgId(5)?.is_active, false);
  assert.equal(f.store.users.byTgId(4)?.is_active, true);
  const attempts = f.fake.requests.filter((r) =>
    r.method === "sendMessage" && r.params.chat_id === 3
  );
  assert.equal(attempts.length, 1, "a 403 is not retried");
});

Deno.test("Sender treats 400 chat not found as unreachable", async () => {
  await using f = await outboxFixture({
    users: 3,
    fake: { knownChatsOnly: true },
  });
  await f.sender().drain();
  assert.deepEqual(f.counts(), { blocked: 3 });
  assert.equal(f.store.users.invitationRecipients().length, 0);
});

Deno.test("Sender retries 5xx until delivered, each exactly once", async () => {
  await using f = await outboxFixture({ users: 20 });
  f.fake.failNext(6, { status: 502 });
  f.sender().start();
  await settled(f);
  assert.deepEqual(f.counts(), { sent: 20 });
  assert.equal(f.fake.stats.serverErrors, 6);
  for (let id = 1; id <= 20; id++) assert.equal(f.fake.deliveredCount(id), 1);
  assert.ok(f.logs.some((l) => l.includes("WARN delivery.retry")));
});

Deno.test("Sender records a dropped answer as unknown and never sends it again", async () => {
  await using f = await outboxFixture({ users: 5, concurrency: 1 });
  f.fake.dropNext(1);
  f.sender().start();
  await settled(f);
  assert.deepEqual(f.counts(), { sent: 4, unknown: 1 });
  const user = f.fake.requests.find((r) => r.status === 0)!.params.chat_id;
  assert.equal(
    f.fake.requests.filter((r) => r.params.chat_id === user).length,
    1,
    "one request, never repeated",
  );
  assert.ok(f.logs.some((l) => l.includes("WARN delivery.unknown")));
});

Deno.test("Sender records a send whose answer did not come within the timeout as unknown: it arrived, and is never sent again", async () => {
  await using f = await outboxFixture({ users: 1, timeoutMs: 100 });
  f.fake.slow("sendMessage", 2_000);
  f.sender().start();
  // Telegram took it; the answer is late.
  await f.fake.waitFor((fake) => fake.deliveredCount(1) === 1);
  f.fake.slow("sendMessage", 0); // a second try would be answered at once
  await settled(f);
  assert.deepEqual(f.counts(), { unknown: 1 });
  assert.equal(f.fake.requests.length, 1, "never sent again");
  assert.ok(f.logs.some((l) => l.includes("WARN delivery.unknown")));
});

Deno.test("Sender makes an edit again after a dropped answer: an edit is safe to repeat", async () => {
  await using f = await outboxFixture({
    users: 0,
    render: (row) => ({
      method: "editMessageText",
      params: {
        chat_id: row.chat_id,
        message_id: JSON.parse(row.payload!).message_id,
        text: "Изменено",
      },
    }),
  });
  const sent = await (await fetch(
    `${f.fake.apiRoot}/bot${f.fake.token}/sendMessage`,
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ chat_id: 7, text: "Вопрос" }),
    },
  )).json();
  f.store.outbox.add({
    key: "answer_edit/7/1",
    kind: "answer_edit",
    chatId: 7,
    lane: LANE.reply,
    payload: { message_id: sent.result.message_id },
  }, new Date());
  f.fake.dropNext(1);
  f.sender().start();
  await f.fake.waitFor(() =>
    f.store.outbox.byKey("answer_edit/7/1")?.status === "sent"
  );
  assert.equal(f.fake.edits(7).length, 1, "the second try made the edit");
});

Deno.test("Sender gives up on a message that keeps failing past giveUpMs, as failed", async () => {
  await using f = await outboxFixture({
    users: 2,
    retry: { initialMs: 10, maxMs: 20, giveUpMs: 300 },
  });
  f.fake.failNext(1_000, { status: 500 });
  f.sender().start();
  await settled(f);
  assert.deepEqual(f.counts(), { failed: 2 });
  assert.ok(f.logs.some((l) => l.includes("ERROR delivery.gave_up")));
});

Deno.test("Sender waits out a network outage and then delivers everyone exactly once", async () => {
  await using f = await outboxFixture({ users: 30, perSecond: 50 });
  f.sender().start();
  await f.fake.waitFor((fake) => fake.sent().length >= 5);
  await f.fake.cutNetwork();
  await new Promise((resolve) => setTimeout(resolve, 300));
  await f.fake.restoreNetwork();
  await settled(f);
  const counts = f.counts();
  const unknown = counts.unknown ?? 0;
  assert.equal((counts.sent ?? 0) + unknown, 30);
  for (let id = 1; id <= 30; id++) {
    assert.ok(f.fake.deliveredCount(id) <= 1, `user ${id} at most once`);
  }
  const delivered = Array.from({ length: 30 }, (_, i) => i + 1)
    .filter((id) => f.fake.deliveredCount(id) === 1).length;
  assert.ok(delivered >= 30 - unknown, "only an unknown one may be missing");
  assert.ok(
    f.logs.some((l) => l.includes("WARN delivery.retry")),
    "refused connections were retried",
  );
});

Deno.test("Sender settles claims left by a killed process: a send is unknown, an edit is made again", async () => {
  await using f = await outboxFixture({ users: 2 });
  const now = new Date();
  f.store.outbox.add({
    key: "answer_edit/9/1",
    kind: "answer_edit",
    chatId: 9,
    lane: LANE.reply,
  }, now);
  // A killed process claimed user 1's invitation and the edit, then died.
  for (const key of [`${BATCH}/u1`, "answer_edit/9/1"]) {
    const row = f.store.outbox.byKey(key)!;
    f.store.outbox.claim(row.id, { by: "dead", now });
  }
  await f.sender({ id: "alive" }).drain(); // drain recovers only after the lease
  assert.equal(f.store.outbox.byKey(`${BATCH}/u1`)!.status, "sending");
  const restarted = f.sender({ id: "restarted" });
  restarted.start({ alone: true });
  await f.fake.waitFor(() =>
    f.store.outbox.byKey("answer_edit/9/1")!.status !== "pending" &&
    f.store.outbox.byKey("answer_edit/9/1")!.status !== "sending"
  );
  assert.equal(f.store.outbox.byKey(`${BATCH}/u1`)!.status, "unknown");
  assert.equal(f.fake.deliveredCount(1), 0, "never sent again");
  assert.equal(f.fake.deliveredCount(2), 1);
  assert.ok(
    f.fake.requests.some((r) =>
      r.method === "editMessageText" && r.params.chat_id === 9
    ),
    "the edit was made again",
  );
});
