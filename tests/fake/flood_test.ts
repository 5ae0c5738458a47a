/** The fake Bot API's per-chat flood limit, beside the global one. */
import assert from "node:assert/strict";
import { GrammyError, InputFile } from "grammy";
import { FakeBotApi } from "../fake_bot_api.ts";
import { ALICE, apiFor, BOB, delay, rejection } from "./testing.ts";

/** Asserts a 429 with `retry_after` of `seconds`. */
function assertTooMany(error: unknown, seconds: number): void {
  assert.ok(error instanceof GrammyError, String(error));
  assert.equal(error.error_code, 429);
  assert.equal(error.description, `Too Many Requests: retry after ${seconds}`);
  assert.equal(error.parameters.retry_after, seconds);
}

Deno.test("FakeBotApi chatRateLimit answers 429 to one chat beyond its burst, not to others", async () => {
  await using fake = await FakeBotApi.start({
    chatRateLimit: { perSecond: 10, burst: 2 },
  });
  const api = apiFor(fake);
  await api.sendMessage(ALICE.id, "one");
  await api.sendMessage(ALICE.id, "two");
  assertTooMany(await rejection(api.sendMessage(ALICE.id, "three")), 1);
  await api.sendMessage(BOB.id, "one");
  assert.deepEqual(fake.messagesTo(ALICE.id), ["one", "two"]);
  assert.equal(fake.stats.chatTooManyRequests, 1);
  assert.equal(fake.stats.tooManyRequests, 1);
  assert.equal(fake.stats.tooManyRequestsByChat.get(ALICE.id), 1);
  assert.equal(fake.stats.tooManyRequestsByChat.get(BOB.id), undefined);

  fake.chatRateLimit = { perSecond: 10, burst: 1 };
  await api.sendMessage(ALICE.id, "three");
  assertTooMany(await rejection(api.sendMessage(ALICE.id, "four")), 1);
  await delay(120); // 10 per second: one send back after 100 ms
  await api.sendMessage(ALICE.id, "four");
  assertTooMany(await rejection(api.sendMessage(ALICE.id, "five")), 1);
  assert.equal(fake.stats.tooManyRequestsByChat.get(ALICE.id), 3);
});

Deno.test("FakeBotApi chatRateLimit defaults to one send per second with retry_after up to the refill", async () => {
  await using fake = await FakeBotApi.start({ chatRateLimit: {} });
  const api = apiFor(fake);
  await api.sendMessage(ALICE.id, "one");
  assertTooMany(await rejection(api.sendMessage(ALICE.id, "two")), 1);

  fake.chatRateLimit = { perSecond: 0.25, retryAfter: 7 };
  await api.sendMessage(ALICE.id, "two");
  assertTooMany(await rejection(api.sendMessage(ALICE.id, "three")), 7);
  fake.chatRateLimit = { perSecond: 0.25 };
  await api.sendMessage(ALICE.id, "three");
  assertTooMany(await rejection(api.sendMessage(ALICE.id, "four")), 4);

  fake.chatRateLimit = undefined;
  await api.sendMessage(ALICE.id, "four");
  await api.sendMessage(ALICE.id, "five");
  assert.equal(fake.deliveredCount(ALICE.id), 5);
});

Deno.test("FakeBotApi chatRateLimit counts every kind of send", async () => {
  await using fake = await FakeBotApi.start({
    chatRateLimit: { perSecond: 1, burst: 5 },
  });
  const api = apiFor(fake);
  const source = fake.sendText(BOB, "to pass on").message!;
  await api.sendMessage(ALICE.id, "text");
  await api.sendDocument(ALICE.id, new InputFile(new Uint8Array(3), "a.csv"));
  await api.sendPhoto(ALICE.id, "photo-file-id");
  await api.copyMessage(ALICE.id, BOB.id, source.message_id);
  await api.forwardMessage(ALICE.id, BOB.id, source.message_id);
  const error = await rejection(api.sendMessage(ALICE.id, "sixth"));
  assertTooMany(error, 1);
  assert.deepEqual(fake.sent(ALICE.id).map((r) => r.method), [
    "sendMessage",
    "sendDocument",
    "sendPhoto",
    "copyMessage",
    "forwardMessage",
  ]);
});

Deno.test("FakeBotApi chatRateLimit and rateLimit: a send refused by one takes no slot of the other", async () => {
  await using fake = await FakeBotApi.start({
    rateLimit: { perSecond: 2 },
    chatRateLimit: { perSecond: 1 },
  });
  const api = apiFor(fake);
  await api.sendMessage(ALICE.id, "alice");
  assertTooMany(await rejection(api.sendMessage(ALICE.id, "again")), 1);
  await api.sendMessage(BOB.id, "bob");
  const global = await rejection(api.sendMessage(3003, "third chat"));
  assertTooMany(global, 1);
  assert.equal(fake.stats.tooManyRequests, 2);
  assert.equal(fake.stats.chatTooManyRequests, 1);
  assert.equal(fake.stats.tooManyRequestsByChat.get(3003), 1);
});
