/** Failures the fake Bot API injects: 429, 403, 5xx, dropped connections, latency, failing getUpdates. */
import assert from "node:assert/strict";
import { Api, GrammyError, HttpError } from "grammy";
import { FakeBotApi } from "../fake_bot_api.ts";
import { ALICE, apiFor, BOB, CLIENTS, delay, rejection } from "./testing.ts";

for (const { name, client } of CLIENTS) {
  Deno.test(`FakeBotApi answers 429 with retry_after beyond the rate limit (${name})`, async () => {
    const fake = await FakeBotApi.start({
      rateLimit: { perSecond: 2, retryAfter: 3 },
    });
    const api = new Api(fake.token, client(fake));
    try {
      await api.sendMessage(ALICE.id, "one");
      await api.sendMessage(ALICE.id, "two");
      const error = await rejection(api.sendMessage(ALICE.id, "three"));
      assert.ok(error instanceof GrammyError);
      assert.equal(error.error_code, 429);
      assert.equal(error.description, "Too Many Requests: retry after 3");
      assert.equal(error.parameters.retry_after, 3);
      assert.equal(fake.stats.tooManyRequests, 1);
      assert.deepEqual(fake.messagesTo(ALICE.id), ["one", "two"]);
      fake.rateLimit = undefined;
      await api.sendMessage(ALICE.id, "three");
      assert.equal(fake.deliveredCount(ALICE.id), 3);
    } finally {
      await fake.close();
    }
  });

  Deno.test(`FakeBotApi answers 403 for blocked and deactivated chats (${name})`, async () => {
    const fake = await FakeBotApi.start();
    const api = new Api(fake.token, client(fake));
    try {
      fake.block(ALICE.id);
      fake.deactivate(BOB.id);
      const blocked = await rejection(api.sendMessage(ALICE.id, "hi"));
      assert.ok(blocked instanceof GrammyError);
      assert.equal(blocked.error_code, 403);
      assert.equal(
        blocked.description,
        "Forbidden: bot was blocked by the user",
      );
      const deactivated = await rejection(api.sendMessage(BOB.id, "hi"));
      assert.ok(deactivated instanceof GrammyError);
      assert.equal(deactivated.description, "Forbidden: user is deactivated");
      assert.equal(fake.stats.forbidden, 2);
      assert.equal(fake.deliveredCount(ALICE.id), 0);
      assert.deepEqual(fake.requests.map((r) => r.status), [403, 403]);
    } finally {
      await fake.close();
    }
  });

  Deno.test(`FakeBotApi fails the next sends with 5xx (${name})`, async () => {
    const fake = await FakeBotApi.start();
    const api = new Api(fake.token, client(fake));
    try {
      fake.failNext(1, { status: 502 });
      fake.failNext(1);
      const first = await rejection(api.sendMessage(ALICE.id, "hi"));
      assert.ok(first instanceof GrammyError);
      assert.equal(first.error_code, 502);
      assert.equal(first.description, "Bad Gateway");
      const second = await rejection(api.sendMessage(ALICE.id, "hi"));
      assert.ok(second instanceof GrammyError);
      assert.equal(second.error_code, 500);
      await api.sendMessage(ALICE.id, "hi");
      assert.equal(fake.stats.serverErrors, 2);
      assert.equal(fake.deliveredCount(ALICE.id), 1);
    } finally {
      await fake.close();
    }
  });

  Deno.test(`FakeBotApi drops connections so the call rejects with HttpError (${name})`, async () => {
    const fake = await FakeBotApi.start();
    const api = new Api(fake.token, client(fake));
    try {
      fake.dropNext(1);
      const error = await rejection(api.sendMessage(ALICE.id, "lost"));
      assert.ok(error instanceof HttpError, String(error));
      assert.equal(fake.stats.dropped, 1);
      assert.equal(fake.deliveredCount(ALICE.id), 0);
      assert.equal(fake.requests[0]?.status, 0);
      await api.sendMessage(ALICE.id, "kept");
      assert.deepEqual(fake.messagesTo(ALICE.id), ["kept"]);
    } finally {
      await fake.close();
    }
  });
}

Deno.test("FakeBotApi rejects other tokens and, if asked, unknown chats", async () => {
  const fake = await FakeBotApi.start({ knownChatsOnly: true });
  try {
    const stranger = new Api("999:other", { apiRoot: fake.apiRoot });
    const unauthorized = await rejection(stranger.getMe());
    assert.ok(unauthorized instanceof GrammyError);
    assert.equal(unauthorized.error_code, 401);

    const api = new Api(fake.token, { apiRoot: fake.apiRoot });
    const unknown = await rejection(api.sendMessage(BOB.id, "hi"));
    assert.ok(unknown instanceof GrammyError);
    assert.equal(unknown.description, "Bad Request: chat not found");
    fake.sendText(BOB, "/announce hello");
    await api.sendMessage(BOB.id, "hi");
    assert.equal(fake.sent(BOB.id)[0]?.text, "hi");
  } finally {
    await fake.close();
  }
});

Deno.test("FakeBotApi.latency delays the answer, not the effect", async () => {
  const fake = await FakeBotApi.start({ latency: 150 });
  const api = new Api(fake.token, { apiRoot: fake.apiRoot });
  try {
    let answered = false;
    const call = api.sendMessage(ALICE.id, "slow").then(() => answered = true);
    // The call took effect on arrival, while its answer was still held back.
    const effect = await fake.waitFor((f) =>
      f.sent(ALICE.id)[0] && { answeredThen: answered }
    );
    assert.equal(effect.answeredThen, false);
    await call;
    assert.equal(fake.requests[0]!.delayMs, 150);
  } finally {
    await fake.close();
  }
});

Deno.test("FakeBotApi.slow() delays one method's answers, for good or for a while", async () => {
  await using fake = await FakeBotApi.start({
    latencyByMethod: { sendMessage: 250 },
  });
  const api = apiFor(fake);
  /** The milliseconds the fake held the answer of `call` back. */
  const held = async (call: () => Promise<unknown>) => {
    await call();
    return fake.requests.at(-1)!.delayMs;
  };
  assert.equal(await held(() => api.sendMessage(ALICE.id, "slow")), 250);
  assert.equal(await held(() => api.getMe()), 0);
  fake.slow("sendMessage", 0);
  assert.equal(await held(() => api.sendMessage(ALICE.id, "fast")), 0);

  fake.slow("getMe", 250, { for: 1_000 });
  assert.equal(await held(() => api.getMe()), 250);
  await delay(1_000);
  assert.equal(await held(() => api.getMe()), 0, "the slow spell is over");
});

Deno.test("FakeBotApi.slow('getUpdates') delays the answer of a poll", async () => {
  await using fake = await FakeBotApi.start({ latency: 500 });
  const api = apiFor(fake);
  fake.sendText(ALICE, "hi");
  assert.equal((await api.getUpdates()).length, 1);
  assert.equal(fake.requests.at(-1)!.delayMs, 0, "latency skips getUpdates");
  fake.slow("getUpdates", 100);
  assert.equal((await api.getUpdates()).length, 1);
  assert.equal(fake.requests.at(-1)!.delayMs, 100);
});

Deno.test("FakeBotApi.failUpdates() answers getUpdates with 5xx, n times or for a while", async () => {
  await using fake = await FakeBotApi.start();
  const api = apiFor(fake);
  fake.failUpdates({ times: 2, status: 502 });
  for (let i = 0; i < 2; i++) {
    const error = await rejection(api.getUpdates());
    assert.ok(error instanceof GrammyError);
    assert.equal(error.error_code, 502);
    assert.equal(error.description, "Bad Gateway");
  }
  assert.deepEqual(await api.getUpdates(), []);

  fake.failUpdates({ for: 100 });
  const during = await rejection(api.getUpdates());
  assert.ok(during instanceof GrammyError);
  assert.equal(during.error_code, 500);
  assert.equal(during.description, "Internal Server Error");
  await delay(120);
  assert.deepEqual(await api.getUpdates(), []);
  assert.equal(fake.stats.updatesErrors, 3);
  assert.equal(fake.stats.serverErrors, 0);
});

Deno.test("FakeBotApi.failNext() and dropNext() apply to copyMessage and forwardMessage too", async () => {
  await using fake = await FakeBotApi.start();
  const api = apiFor(fake);
  const source = fake.sendText(BOB, "pass it on").message!;
  fake.failNext(1, { status: 503 });
  const failed = await rejection(
    api.copyMessage(ALICE.id, BOB.id, source.message_id),
  );
  assert.ok(failed instanceof GrammyError);
  assert.equal(failed.description, "Service Unavailable");
  fake.dropNext(1);
  const dropped = await rejection(
    api.forwardMessage(ALICE.id, BOB.id, source.message_id),
  );
  assert.ok(dropped instanceof HttpError);
  assert.equal(fake.deliveredCount(ALICE.id), 0);
  await api.copyMessage(ALICE.id, BOB.id, source.message_id);
  assert.equal(fake.deliveredCount(ALICE.id), 1);
});
