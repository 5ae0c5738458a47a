/**
 * The sender on virtual time against a scripted Bot API: pacing, 429s, order, and
 * stopping, at exact instants. Failures over real HTTP (the fake Bot API) are in
 * sender_failures_test.ts; the retry schedule and outcomes in sender_retry_test.ts.
 */
import assert from "node:assert/strict";
import { LANE } from "../src/core/owed.ts";
import { Pacer } from "../src/delivery/pacer.ts";
import { tooManyRequests } from "./support/scripted_api.ts";
import { virtualOutbox } from "./support/virtual_outbox.ts";
import { VirtualTime } from "./support/virtual_time.ts";

/** Adds a broadcast row for each chat 1..n. */
function broadcast(w: ReturnType<typeof virtualOutbox>, n: number) {
  for (let chat = 1; chat <= n; chat++) {
    w.add({
      key: `invitation/2026-11-25/u${chat}`,
      batch: "invitation/2026-11-25",
      chatId: chat,
      lane: LANE.broadcast,
    });
  }
}

Deno.test("Sender starts paced sends evenly, 3% under the rate", async () => {
  await using w = virtualOutbox({ perSecond: 30 });
  broadcast(w, 30);
  const start = w.time.ms();
  w.sender().start();
  await w.time.runUntil(() => w.api.calls.length === 30);
  const interval = 1000 / (30 * 0.97);
  w.api.calls.forEach((call, i) =>
    assert.ok(
      Math.abs(call.at - start - i * interval) < 0.01,
      `send ${i + 1} at ${call.at - start} ms`,
    )
  );
  // Any one-second window holds at most as many starts as the rate.
  for (const call of w.api.calls) {
    const window = w.api.calls.filter((c) =>
      c.at >= call.at && c.at < call.at + 1000
    );
    assert.ok(window.length <= 30, `${window.length} starts in a second`);
  }
});

Deno.test("Sender waits out each 429's retry_after: no paced send starts before it is over", async () => {
  await using w = virtualOutbox({
    perSecond: 100,
    script: (call) =>
      call.n === 4 ? tooManyRequests(3) : { message_id: call.n },
  });
  broadcast(w, 10);
  w.sender().start();
  await w.time.runUntil(() => w.api.calls.length === 11);
  const refused = w.api.calls[3]!;
  const after = w.api.calls.slice(4);
  assert.ok(
    after.every((c) => c.at >= refused.at + 3_000),
    `sends at +${after.map((c) => c.at - refused.at).join(", +")} ms`,
  );
  assert.equal(after[0]!.at, refused.at + 3_000, "not a moment longer");
  const chats = w.api.calls.slice(0, 3).concat(after).map((c) => c.chat);
  assert.deepEqual(chats.sort((a, b) => a - b), [
    1,
    2,
    3,
    4,
    5,
    6,
    7,
    8,
    9,
    10,
  ]);
});

Deno.test("Pacer holds a caller that was asleep when a 429 came until the pause is over", async () => {
  const time = new VirtualTime("2026-11-23T07:00:00Z");
  const pacer = new Pacer(10, { now: time.ms, sleep: time.sleep });
  const start = time.ms();
  assert.equal(await pacer.take(), true, "the first slot is now");
  let slept: number | undefined;
  void pacer.take().then(() => slept = time.ms() - start);
  await time.settle();
  assert.equal(slept, undefined, "asleep until its slot");
  pacer.pause(1_000); // a 429 arrives while it sleeps
  await time.runUntil(() => slept !== undefined);
  assert.equal(slept, 1_000);
});

Deno.test("Sender sends a reply enqueued during a broadcast before the rest of it", async () => {
  await using w = virtualOutbox({ perSecond: 20 });
  broadcast(w, 40);
  const sender = w.sender();
  sender.start();
  await w.time.runUntil(() => w.api.calls.length === 3);
  w.add({ key: "reply/1000", chatId: 1000, lane: LANE.reply });
  sender.kick();
  await w.time.runUntil(() => w.api.calls.some((c) => c.chat === 1000));
  const position = w.api.calls.findIndex((c) => c.chat === 1000);
  // At most the paced send that already held its slot goes first.
  assert.ok(position <= 4, `the reply went out as send #${position + 1}`);
});

Deno.test("Sender sends one chat's rows one at a time, in the order written", async () => {
  await using w = virtualOutbox({ api: { latencyMs: 20 } });
  for (let i = 0; i < 5; i++) {
    w.add({ key: `text/${i}`, chatId: 1, payload: { text: `#${i}` } });
    w.add({ key: `other/${i}`, chatId: 2, payload: { text: `#${i}` } });
  }
  const sender = w.sender({ id: "one" });
  sender.start();
  await w.time.runUntil(() =>
    w.api.calls.length === 10 && w.api.calls.every((c) => c.endedAt)
  );
  assert.equal(w.api.maxPerChat, 1);
  const toOne = w.api.calls.filter((c) => c.chat === 1);
  assert.deepEqual(toOne.map((c) => c.params.text), [
    "#0",
    "#1",
    "#2",
    "#3",
    "#4",
  ]);
  for (let i = 1; i < toOne.length; i++) {
    assert.ok(
      toOne[i]!.at >= toOne[i - 1]!.endedAt!,
      "waited for the one before",
    );
  }
  const toTwo = w.api.calls.filter((c) => c.chat === 2);
  assert.equal(toTwo[0]!.at, toOne[0]!.at, "other chats go meanwhile");
});

Deno.test("Sender.stop() lets the request in flight land and leaves the rest for the next start", async () => {
  await using w = virtualOutbox({ api: { latencyMs: 50 }, concurrency: 1 });
  broadcast(w, 20);
  const first = w.sender({ id: "first" });
  first.start();
  await w.time.runUntil(() => w.api.calls.length === 5);
  let stopped = false;
  void first.stop().then(() => stopped = true);
  await w.time.runUntil(() => stopped);
  const counts = w.store.outbox.batchCounts("invitation/2026-11-25");
  assert.equal(counts.sending, 0, "nothing half-written");
  assert.equal(counts.sent, 5, "the one in flight landed");
  let drained = false;
  void w.sender({ id: "second" }).drain().then(() => drained = true);
  await w.time.runUntil(() => drained);
  assert.equal(w.store.outbox.batchCounts("invitation/2026-11-25").sent, 20);
  const chats = w.api.calls.map((c) => c.chat).sort((a, b) => a - b);
  assert.deepEqual(chats, Array.from({ length: 20 }, (_, i) => i + 1));
});

Deno.test("Sender stopped during a long 429 wait stops at once and releases the row: the next start delivers it", async () => {
  await using w = virtualOutbox({
    script: (call) => call.n === 1 ? tooManyRequests(30) : { message_id: 1 },
  });
  broadcast(w, 2);
  const first = w.sender({ id: "first" });
  first.start();
  await w.time.runUntil(() => w.api.calls.length === 1);
  // The second row waits in the pacer for the 429's 30 s; the stop cuts it short.
  const stopping = w.time.ms();
  let stopped = false;
  void first.stop().then(() => stopped = true);
  await w.time.runUntil(() => stopped);
  assert.equal(
    w.time.ms(),
    stopping,
    "no time passed: the wait was not waited out",
  );
  const row = w.row("invitation/2026-11-25/u1");
  assert.equal(row.status, "pending", "released, not left claimed");
  assert.equal(w.status("invitation/2026-11-25/u2"), "pending");
  assert.equal(
    new Date(row.not_before).getTime(),
    Math.floor(w.api.calls[0]!.at) + 30_000,
    "due when the wait is over",
  );
  let drained = false;
  void w.sender({ id: "second" }).drain().then(() => drained = true);
  await w.time.runUntil(() => drained);
  assert.equal(w.status("invitation/2026-11-25/u1"), "pending", "not yet");
  await w.time.runFor(30_000);
  drained = false;
  void w.sender({ id: "third" }).drain().then(() => drained = true);
  await w.time.runUntil(() => drained);
  assert.equal(w.status("invitation/2026-11-25/u1"), "sent");
  assert.equal(w.api.calls.length, 3);
});

Deno.test("Sender never lets a chat's later row overtake one it passed over while the chat was busy", async () => {
  await using w = virtualOutbox({ perSecond: 10, api: { latencyMs: 50 } });
  // The reply keeps chat 1 busy while the pass reaches its invitation; the pacer then
  // sleeps before chat 3's invitation, and chat 1 comes free meanwhile.
  w.add({
    key: "reply/1",
    chatId: 1,
    lane: LANE.reply,
    payload: { text: "reply" },
  });
  w.add({
    key: "invitation/u1",
    chatId: 1,
    lane: LANE.broadcast,
    payload: { text: "invitation" },
  });
  w.add({
    key: "invitation/u2",
    chatId: 2,
    lane: LANE.broadcast,
    payload: { text: "invitation" },
  });
  w.add({
    key: "invitation/u3",
    chatId: 3,
    lane: LANE.broadcast,
    payload: { text: "invitation" },
  });
  w.add({
    key: "reminder/u1",
    chatId: 1,
    lane: LANE.broadcast,
    payload: { text: "reminder" },
  });
  w.sender().start();
  await w.time.runUntil(() =>
    w.api.calls.length === 5 && w.api.calls.every((c) => c.endedAt)
  );
  assert.deepEqual(
    w.api.calls.filter((c) => c.chat === 1).map((c) => c.params.text),
    ["reply", "invitation", "reminder"],
  );
});
