/** The fake Bot API's 409 Conflict (webhook, another instance) and callback query expiry. */
import assert from "node:assert/strict";
import { Bot, GrammyError } from "grammy";
import { denoFetch, ERRORS, FakeBotApi } from "../fake_bot_api.ts";
import { ALICE, apiFor, BOB, delay, rejection } from "./testing.ts";

/** Asserts a GrammyError with this code and description. */
function assertApiError(error: unknown, code: number, description: string) {
  assert.ok(error instanceof GrammyError, String(error));
  assert.equal(error.error_code, code);
  assert.equal(error.description, description);
}

Deno.test("FakeBotApi.setWebhook() makes getUpdates answer 409 until deleteWebhook", async () => {
  await using fake = await FakeBotApi.start();
  const api = apiFor(fake);
  fake.sendText(ALICE, "queued");
  fake.setWebhook("https://example.com/hook");
  assert.equal(fake.webhookUrl, "https://example.com/hook");
  assert.equal((await api.getWebhookInfo()).url, "https://example.com/hook");
  assert.equal(
    ERRORS.webhookActive,
    "Conflict: can't use getUpdates method while webhook is active; " +
      "use deleteWebhook to delete the webhook first",
  );
  assertApiError(await rejection(api.getUpdates()), 409, ERRORS.webhookActive);

  await api.deleteWebhook();
  assert.equal((await api.getWebhookInfo()).url, "");
  assert.equal((await api.getUpdates()).length, 1);

  await api.setWebhook("https://example.com/other");
  assert.equal(fake.webhookUrl, "https://example.com/other");
  assertApiError(await rejection(api.getUpdates()), 409, ERRORS.webhookActive);
  const bad = await rejection(api.setWebhook("not a url"));
  assertApiError(bad, 400, "Bad Request: bad webhook: invalid URL");
  fake.setWebhook("");
  assert.equal((await api.getUpdates()).length, 1);
  assert.equal(fake.stats.conflicts, 2);
});

Deno.test("FakeBotApi.simulateOtherInstance() ends a pending poll with 409 and fails later ones", async () => {
  await using fake = await FakeBotApi.start();
  const api = apiFor(fake);
  const poll = rejection(api.getUpdates({ timeout: 30 }));
  await fake.waitForCount("getUpdates", 1);
  fake.simulateOtherInstance(true);
  assert.equal(
    ERRORS.otherInstance,
    "Conflict: terminated by other getUpdates request; " +
      "make sure that only one bot instance is running",
  );
  assertApiError(await poll, 409, ERRORS.otherInstance);
  assertApiError(await rejection(api.getUpdates()), 409, ERRORS.otherInstance);
  assert.equal((await api.getMe()).id, 42, "other methods still work");
  fake.simulateOtherInstance(false);
  assert.deepEqual(await api.getUpdates(), []);
  assert.equal(fake.stats.conflicts, 2);
});

Deno.test("FakeBotApi.simulateOtherInstance(): grammY's bot.start() rejects with the 409", async () => {
  await using fake = await FakeBotApi.start();
  fake.simulateOtherInstance(true);
  const bot = new Bot(fake.token, {
    client: { apiRoot: fake.apiRoot, fetch: denoFetch },
  });
  const error = await rejection(bot.start());
  assertApiError(error, 409, ERRORS.otherInstance);
});

Deno.test("FakeBotApi expires callback queries after callbackQueryTtlMs", async () => {
  await using fake = await FakeBotApi.start({ callbackQueryTtlMs: 50 });
  const api = apiFor(fake);
  const old = fake.pressButton(BOB, "vote").callback_query!.id;
  await delay(80);
  const fresh = fake.pressButton(BOB, "vote").callback_query!.id;
  const expired = await rejection(api.answerCallbackQuery(old));
  assertApiError(expired, 400, ERRORS.invalidQuery);
  assert.equal(
    ERRORS.invalidQuery,
    "Bad Request: query is too old and response timeout expired or query ID is invalid",
  );
  await api.answerCallbackQuery(fresh, { text: "in time" });
  assert.equal(fake.stats.expiredCallbackQueries, 1);

  fake.callbackQueryTtlMs = 10_000;
  await api.answerCallbackQuery(old, { text: "late, but the TTL grew" });
  const twice = await rejection(api.answerCallbackQuery(old));
  assertApiError(twice, 400, ERRORS.invalidQuery);
  assert.deepEqual(fake.answers.map((a) => a.text), [
    "in time",
    "late, but the TTL grew",
  ]);
});

Deno.test("FakeBotApi keeps callback queries answerable for 10 s by default", async () => {
  await using fake = await FakeBotApi.start();
  assert.equal(fake.callbackQueryTtlMs, 10_000);
});
