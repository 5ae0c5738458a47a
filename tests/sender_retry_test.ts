/**
 * The sender's decisions on virtual time, against a scripted Bot API: the exact retry
 * schedule (growth and cap), giving up, a request with no answer (per kind: left unknown
 * or sent again), an edit Telegram finds unchanged, an edit renewed while in flight, and
 * the claims a killed process left.
 */
import assert from "node:assert/strict";
import { IF_UNKNOWN, LANE, OWED, type OwedKind } from "../src/core/owed.ts";
import { noAnswer, notModified, serverError } from "./support/scripted_api.ts";
import { virtualOutbox } from "./support/virtual_outbox.ts";

const RETRY = { initialMs: 2_000, maxMs: 20_000, giveUpMs: 86_400_000 };

/** Milliseconds between one call and the next. */
function gaps(calls: { at: number }[]): number[] {
  return calls.slice(1).map((call, i) => call.at - calls[i]!.at);
}

Deno.test("Sender retries a 5xx after retry_initial, twice as long each time, never longer than retry_max", async () => {
  await using w = virtualOutbox({
    retry: RETRY,
    script: (call) => call.n <= 7 ? serverError() : { message_id: 1 },
  });
  w.add({ key: "text/1" });
  w.sender().start();
  await w.time.runUntil(() => w.status("text/1") === "sent");
  assert.deepEqual(
    gaps(w.api.calls),
    [2_000, 4_000, 8_000, 16_000, 20_000, 20_000, 20_000],
  );
  assert.equal(
    w.logs.filter((l) => l.includes("WARN delivery.retry")).length,
    7,
  );
});

Deno.test("Sender gives up on a row still failing give_up_after it was owed, as failed", async () => {
  await using w = virtualOutbox({
    retry: { ...RETRY, giveUpMs: 60_000 },
    script: () => serverError(),
  });
  w.add({ key: "text/1" });
  const start = w.time.ms();
  w.sender().start();
  await w.time.runUntil(() => w.status("text/1") === "failed");
  assert.deepEqual(
    w.api.calls.map((c) => c.at - start),
    [0, 2_000, 6_000, 14_000, 30_000, 50_000, 70_000],
  );
  assert.ok(w.logs.some((l) => l.includes("ERROR delivery.gave_up")));
});

Deno.test("Sender decides per kind what a request with no answer leads to: edits and calendar files are sent again, messages are left unknown", async (t) => {
  for (const kind of Object.keys(IF_UNKNOWN) as OwedKind[]) {
    const resent = IF_UNKNOWN[kind] === "resend";
    await t.step(
      `${kind}: ${resent ? "sent again" : "left unknown"}`,
      async () => {
        await using w = virtualOutbox({
          retry: RETRY,
          script: (call) =>
            call.n === 1 ? noAnswer(call.method) : { message_id: 7 },
        });
        w.add({ key: `${kind}/1`, kind, payload: { message_id: 3 } });
        w.sender().start();
        await w.time.runFor(60_000);
        if (resent) {
          assert.equal(w.status(`${kind}/1`), "sent");
          assert.deepEqual(gaps(w.api.calls), [RETRY.initialMs]);
          assert.ok(w.api.calls.every((c) => c.idempotent), "safe to repeat");
        } else {
          assert.equal(w.status(`${kind}/1`), "unknown");
          assert.equal(w.api.calls.length, 1, "never sent again");
          assert.equal(w.api.calls[0]!.idempotent, false, "own connection");
          assert.ok(w.logs.some((l) => l.includes("WARN delivery.unknown")));
        }
      },
    );
  }
});

Deno.test("Sender sends a calendar file again after no answer, but leaves a text unknown", async () => {
  await using w = virtualOutbox({
    retry: RETRY,
    script: (call) => call.n <= 2 ? noAnswer(call.method) : { message_id: 7 },
  });
  w.add({ key: "calendar/2026-11-25/u1/1", kind: OWED.calendar, chatId: 1 });
  w.add({ key: "text/2", chatId: 2 });
  w.sender().start();
  await w.time.runFor(60_000);
  assert.equal(w.status("calendar/2026-11-25/u1/1"), "sent");
  assert.equal(w.api.calls.filter((c) => c.chat === 1).length, 2);
  assert.equal(w.status("text/2"), "unknown");
  assert.equal(w.api.calls.filter((c) => c.chat === 2).length, 1);
});

Deno.test("Sender records an edit Telegram finds unchanged as sent, not failed", async () => {
  await using w = virtualOutbox({ script: () => notModified() });
  w.add({
    key: "answer_edit/1/5",
    kind: OWED.answer_edit,
    payload: { message_id: 5 },
  });
  w.sender().start();
  await w.time.runFor(10_000);
  const row = w.row("answer_edit/1/5");
  assert.equal(row.status, "sent");
  assert.equal(w.api.calls.length, 1, "not tried again");
  assert.ok(!w.logs.some((l) => l.includes("delivery.failed")));
});

Deno.test("Sender makes an edit renewed while in flight again, with the new content, once the first lands", async () => {
  await using w = virtualOutbox({ api: { latencyMs: 100 } });
  const key = "answer_edit/1/5";
  const edit = (text: string) => ({
    key,
    kind: OWED.answer_edit,
    chatId: 1,
    lane: LANE.reply,
    payload: { message_id: 5, text },
  });
  w.add(edit("Да"));
  const sender = w.sender();
  sender.start();
  await w.time.runUntil(() => w.api.calls.length === 1);
  assert.equal(w.status(key), "sending", "in flight");
  w.store.outbox.renew(edit("Нет"), w.time.now());
  sender.kick();
  await w.time.runFor(10_000);
  assert.deepEqual(w.api.calls.map((c) => c.params.text), ["Да", "Нет"]);
  assert.ok(w.api.calls[1]!.at >= w.api.calls[0]!.endedAt!, "after it landed");
  assert.equal(w.status(key), "sent");
});

Deno.test("Sender settles claims a killed process left: a calendar file is sent again, a text is left unknown", async () => {
  await using w = virtualOutbox();
  w.add({ key: "calendar/2026-11-25/u1/1", kind: OWED.calendar, chatId: 1 });
  w.add({ key: "text/2", chatId: 2 });
  for (const key of ["calendar/2026-11-25/u1/1", "text/2"]) {
    w.store.outbox.claim(w.row(key).id, { by: "killed", now: w.time.now() });
  }
  w.sender({ id: "restarted" }).start({ alone: true });
  await w.time.runFor(10_000);
  assert.equal(w.status("calendar/2026-11-25/u1/1"), "sent");
  assert.equal(w.status("text/2"), "unknown");
  assert.deepEqual(w.api.calls.map((c) => c.chat), [1]);
});
