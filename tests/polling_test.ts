/**
 * Long polling on its own: updates confirmed to Telegram before they were handled
 * survive a stop in the inbox, and a 401 or 409 ends polling with a clear error.
 */
import assert from "node:assert/strict";
import { Bot } from "grammy";
import type { Update } from "grammy/types";
import { PollingError, startPolling } from "../src/app/polling.ts";
import { createPlainApi } from "../src/bot/bot.ts";
import { TokenRejectedError } from "../src/core/errors.ts";
import { openDatabase } from "../src/db/database.ts";
import { Store } from "../src/db/store.ts";
import { silentLogger } from "../src/log.ts";
import { BOT_INFO, denoFetch, FakeBotApi, user } from "./fake_bot_api.ts";
import { testConfig } from "./helpers.ts";

function botFor(fake: FakeBotApi, handle: (text: string) => Promise<void>) {
  const bot = new Bot(fake.token, {
    botInfo: BOT_INFO,
    client: { apiRoot: fake.apiRoot, fetch: denoFetch as typeof fetch },
  });
  bot.on("message:text", (ctx) => handle(ctx.message.text));
  return bot;
}

Deno.test("updates polled but not yet handled are handled after a stop, from the inbox", async () => {
  await using fake = await FakeBotApi.start();
  const db = openDatabase(":memory:");
  const store = new Store(db);
  const inbox = {
    receive: (updates: readonly Update[]) =>
      store.write(() => store.updates.receive(updates, new Date())),
    unhandled: () => store.updates.unhandled(),
  };
  const options = {
    api: createPlainApi(fake.token, fake.apiRoot),
    log: silentLogger,
    config: testConfig(),
    timeoutSeconds: 1,
    inbox,
  };
  try {
    // The first process takes the updates and hangs in its handlers.
    const hung = botFor(fake, () => new Promise(() => {}));
    for (const text of ["один", "два", "три"]) fake.sendText(user(1), text);
    const first = startPolling(hung, options);
    // Asking for the next batch confirms these three to Telegram.
    await fake.waitFor((f) =>
      f.pendingUpdates === 0 &&
      f.requests.filter((r) => r.method === "getUpdates").length >= 2
    );
    await first.runner.stop();
    assert.equal(fake.pendingUpdates, 0, "Telegram will not send them again");

    const handled: string[] = [];
    const second = startPolling(
      botFor(fake, (text) => {
        handled.push(text);
        return Promise.resolve();
      }),
      options,
    );
    try {
      await fake.waitFor(() => handled.length === 3);
      assert.deepEqual(handled, ["один", "два", "три"]);
    } finally {
      await second.runner.stop();
    }
  } finally {
    await store.settled();
    db.close();
  }
});

Deno.test("polling ends with exit code 2 on a 409 (another instance, a webhook) and on a 401 (the token)", async () => {
  for (
    const arrange of [
      (fake: FakeBotApi) => fake.simulateOtherInstance(true),
      (fake: FakeBotApi) => fake.setWebhook("https://example.com/hook"),
    ]
  ) {
    await using fake = await FakeBotApi.start();
    arrange(fake);
    const polling = startPolling(botFor(fake, () => Promise.resolve()), {
      api: createPlainApi(fake.token, fake.apiRoot),
      log: silentLogger,
      config: testConfig(),
      timeoutSeconds: 1,
    });
    const error = await polling.runner.task()!.then(() => undefined, (e) => e);
    assert.ok(error instanceof PollingError, String(error));
    assert.equal(
      error.exitCode,
      2,
      "not restarted: it would take the updates back",
    );
  }
  await using fake = await FakeBotApi.start();
  const polling = startPolling(botFor(fake, () => Promise.resolve()), {
    api: createPlainApi("123:wrong", fake.apiRoot),
    log: silentLogger,
    config: testConfig(),
    timeoutSeconds: 1,
  });
  const error = await polling.runner.task()!.then(() => undefined, (e) => e);
  assert.ok(error instanceof TokenRejectedError, String(error));
  assert.equal(error.exitCode, 2);
  assert.match(error.message, /BOT_TOKEN \(401 Unauthorized\)/);
});
