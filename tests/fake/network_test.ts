/** The fake Bot API's TCP proxy: cutting and restoring the network, in this process and another. */
import assert from "node:assert/strict";
import { HttpError } from "grammy";
import { FakeBotApi } from "../fake_bot_api.ts";
import { ALICE, apiFor, delay, rejection } from "./testing.ts";

/** The `cause` of the fetch error inside a grammY `HttpError`, as text. */
function causeOf(error: unknown): string {
  assert.ok(error instanceof HttpError, String(error));
  const inner = error.error as Error;
  return String(inner.cause ?? inner);
}

Deno.test("FakeBotApi.cutNetwork() refuses connections until restoreNetwork(), on the same port", async () => {
  await using fake = await FakeBotApi.start();
  const api = apiFor(fake);
  const port = new URL(fake.apiRoot).port;
  assert.notEqual(fake.apiRoot, fake.directApiRoot);
  await api.sendMessage(ALICE.id, "before");

  await fake.cutNetwork();
  assert.equal(fake.networkCut, true);
  const refused = await rejection(api.sendMessage(ALICE.id, "during"));
  assert.match(causeOf(refused), /Connection refused/);
  const raw = await rejection(fetch(`${fake.apiRoot}/bot${fake.token}/getMe`));
  assert.match(
    String((raw as Error).cause),
    /tcp connect error: Connection refused/,
  );
  assert.deepEqual(fake.requests.map((r) => r.method), ["sendMessage"]);

  await fake.restoreNetwork();
  assert.equal(fake.networkCut, false);
  assert.equal(new URL(fake.apiRoot).port, port);
  await api.sendMessage(ALICE.id, "after");
  assert.deepEqual(fake.messagesTo(ALICE.id), ["before", "after"]);
  assert.equal(fake.stats.cuts, 1);
  assert.equal(fake.stats.connectionsCut, 1, "the kept-alive connection");
});

Deno.test("FakeBotApi.cutNetwork() mid-call: the call takes effect, its answer is lost", async () => {
  await using fake = await FakeBotApi.start();
  const api = apiFor(fake);
  fake.slow("sendMessage", 200);
  const call = rejection(api.sendMessage(ALICE.id, "delivered, unanswered"));
  await fake.waitFor((f) => f.deliveredCount(ALICE.id) === 1);
  await fake.cutNetwork();
  const error = await call;
  assert.match(causeOf(error), /connection closed before message completed/);
  const lost = await fake.waitFor((f) => f.requests.find((r) => r.answerLost));
  assert.equal(lost.method, "sendMessage");
  assert.equal(lost.status, 200);
  assert.equal(fake.stats.answersLost, 1);
  assert.deepEqual(fake.messagesTo(ALICE.id), ["delivered, unanswered"]);
});

Deno.test("FakeBotApi.cutNetwork() ends a pending long poll; updates wait for the next poll", async () => {
  await using fake = await FakeBotApi.start();
  const api = apiFor(fake);
  const poll = rejection(api.getUpdates({ timeout: 30 }));
  await fake.waitForCount("getUpdates", 1);
  await fake.cutNetwork();
  assert.ok(await poll instanceof HttpError);
  const update = fake.sendText(ALICE, "sent while cut");
  await fake.restoreNetwork();
  const updates = await api.getUpdates({ timeout: 1 });
  assert.deepEqual(updates.map((u) => u.update_id), [update.update_id]);
});

Deno.test("FakeBotApi.cutNetwork({ for }) restores the network by itself", async () => {
  await using fake = await FakeBotApi.start();
  const api = apiFor(fake);
  await fake.cutNetwork({ for: 100 });
  const refused = await rejection(api.getMe());
  assert.match(causeOf(refused), /Connection refused/);
  await fake.waitFor((f) => !f.networkCut, { timeout: 1000 });
  assert.equal((await api.getMe()).id, 42);
  await fake.cutNetwork();
  await fake.cutNetwork();
  assert.equal(fake.stats.cuts, 2, "cutting a cut network counts once");
});

Deno.test("FakeBotApi.close() ends a cut fake, and restoreNetwork() after close does nothing", async () => {
  const fake = await FakeBotApi.start();
  await fake.cutNetwork({ for: 10_000 });
  await fake.close();
  await fake.restoreNetwork();
  assert.equal(fake.networkCut, true);
});

/** Calls getMe every 20 ms through `TELEGRAM_API_ROOT` and prints "ok" or the error's cause. */
const CHILD = `
const root = Deno.env.get("TELEGRAM_API_ROOT");
const token = Deno.env.get("BOT_TOKEN");
while (true) {
  try {
    const response = await fetch(root + "/bot" + token + "/getMe");
    await response.body?.cancel();
    console.log("ok " + response.status);
  } catch (error) {
    console.log("error " + String(error.cause ?? error).replaceAll("\\n", " "));
  }
  await new Promise((resolve) => setTimeout(resolve, 20));
}
`;

Deno.test("FakeBotApi.cutNetwork() cuts a bot in another process", async () => {
  await using fake = await FakeBotApi.start();
  const child = new Deno.Command(Deno.execPath(), {
    args: ["eval", CHILD],
    env: { TELEGRAM_API_ROOT: fake.apiRoot, BOT_TOKEN: fake.token },
    stdout: "piped",
    stderr: "null",
  }).spawn();
  const lines: string[] = [];
  const reading = (async () => {
    const decoder = new TextDecoder();
    let rest = "";
    for await (const chunk of child.stdout) {
      const parts = (rest + decoder.decode(chunk, { stream: true })).split(
        "\n",
      );
      rest = parts.pop()!;
      lines.push(...parts);
    }
  })();
  const seen = (pattern: RegExp, from: number) =>
    fake.waitFor(() => lines.slice(from).some((line) => pattern.test(line)), {
      timeout: 10_000,
    });
  try {
    await seen(/^ok 200$/, 0);
    const cutAt = lines.length;
    await fake.cutNetwork();
    await seen(/^error .*Connection refused/, cutAt);
    const calls = fake.requests.length;
    await delay(60);
    assert.equal(fake.requests.length, calls, "nothing arrives during the cut");
    const restoredAt = lines.length;
    await fake.restoreNetwork();
    await seen(/^ok 200$/, restoredAt);
  } finally {
    child.kill();
    await child.status;
    await reading;
  }
});
