/** The fake Bot API serving updates: grammY runner and bot.start(), offsets, limits, long polls. */
import assert from "node:assert/strict";
import { Api, Bot, HttpError } from "grammy";
import { run } from "@grammyjs/runner";
import { FakeBotApi, inlineButtons } from "../fake_bot_api.ts";
import { ALICE, BOB, CLIENTS, demoBot, rejection } from "./testing.ts";

for (const { name, client } of CLIENTS) {
  Deno.test(`FakeBotApi serves /start and a button press to a grammY runner (${name})`, async () => {
    const fake = await FakeBotApi.start();
    const runner = run(demoBot(fake, client));
    try {
      const start = fake.sendText(ALICE, "/start");
      assert.deepEqual(start.message?.entities, [{
        type: "bot_command",
        offset: 0,
        length: 6,
      }]);
      const reply = await fake.waitFor((f) => f.sent(ALICE.id)[0]);
      assert.equal(reply.text, "hi");
      assert.deepEqual(inlineButtons(reply.reply_markup), [{
        text: "A",
        callback_data: "a",
      }]);
      assert.deepEqual(fake.messagesTo(ALICE.id), ["hi"]);

      const press = fake.pressButton(ALICE, "a");
      assert.equal(press.callback_query?.message?.message_id, reply.message_id);
      const answer = await fake.waitFor((f) =>
        f.answerFor(press.callback_query!.id)
      );
      assert.equal(answer.text, "ok");
      assert.equal(fake.deliveredCount(ALICE.id), 1);
    } finally {
      await runner.stop();
      await fake.close();
    }
  });

  Deno.test(`FakeBotApi serves /start and a button press to bot.start() (${name})`, async () => {
    const fake = await FakeBotApi.start();
    const bot = demoBot(fake, client);
    const polling = bot.start();
    try {
      fake.sendText(ALICE, "/start");
      await fake.waitFor((f) => f.deliveredCount(ALICE.id) === 1);
      const press = fake.pressButton(ALICE, "a");
      await fake.waitFor((f) => f.answerFor(press.callback_query!.id));
      assert.deepEqual(fake.answers.map((a) => a.text), ["ok"]);
      assert.equal(fake.requests[0]?.method, "getMe");
      assert.equal(fake.requests[1]?.method, "deleteWebhook");
    } finally {
      await bot.stop();
      await polling;
      await fake.close();
    }
  });
}

Deno.test("grammY's npm build cannot use Deno's fetch as is", async () => {
  const fake = await FakeBotApi.start();
  const api = new Api(fake.token, {
    apiRoot: fake.apiRoot,
    fetch: globalThis.fetch,
  });
  try {
    const error = await rejection(api.getMe());
    assert.ok(error instanceof HttpError);
    assert.match(String(error.error), /not of type AbortSignal/);
    assert.equal(fake.requests.length, 0);
  } finally {
    await fake.close();
  }
});

Deno.test("FakeBotApi confirms updates by offset, so a later bot does not get them again", async () => {
  const fake = await FakeBotApi.start();
  try {
    const seen: string[] = [];
    const first = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    first.on("message:text", (ctx) => void seen.push(`first ${ctx.msg.text}`));
    fake.sendText(ALICE, "one");
    fake.sendText(ALICE, "two");
    const polling = first.start();
    await fake.waitFor(() => seen.length === 2);
    await first.stop();
    await polling;
    assert.equal(fake.pendingUpdates, 0);

    fake.sendText(ALICE, "three");
    const second = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    second.on(
      "message:text",
      (ctx) => void seen.push(`second ${ctx.msg.text}`),
    );
    const polling2 = second.start();
    await fake.waitFor(() => seen.length === 3);
    await second.stop();
    await polling2;
    assert.deepEqual(seen, ["first one", "first two", "second three"]);
  } finally {
    await fake.close();
  }
});

Deno.test("FakeBotApi.getUpdates honours limit and drops updates below offset", async () => {
  const fake = await FakeBotApi.start();
  const api = new Api(fake.token, { apiRoot: fake.apiRoot });
  try {
    const ids = [1, 2, 3].map((i) => fake.sendText(BOB, `m${i}`).update_id);
    assert.deepEqual(
      (await api.getUpdates({ limit: 2 })).map((u) => u.update_id),
      ids.slice(0, 2),
    );
    assert.deepEqual(
      (await api.getUpdates({ offset: ids[1]! })).map((u) => u.update_id),
      ids.slice(1),
    );
    assert.equal(fake.pendingUpdates, 2);
    assert.deepEqual(await api.getUpdates({ offset: ids[2]! + 1 }), []);
    assert.equal(fake.pendingUpdates, 0);
  } finally {
    await fake.close();
  }
});

Deno.test("FakeBotApi wakes a long poll on injectUpdate and ends it on close()", async (t) => {
  const fake = await FakeBotApi.start();
  const api = new Api(fake.token, { apiRoot: fake.apiRoot });
  try {
    await t.step("an injected update ends a pending poll", async () => {
      const poll = api.getUpdates({ timeout: 30 });
      await fake.waitForCount("getUpdates", 1);
      const update = fake.sendText(ALICE, "hello");
      assert.deepEqual((await poll).map((u) => u.update_id), [
        update.update_id,
      ]);
    });
    await t.step(
      "close() answers a pending poll with [] at once, not after its timeout",
      async () => {
        const poll = api.getUpdates({
          offset: fake.requests.length + 1000,
          timeout: 30,
        });
        await fake.waitForCount("getUpdates", 2);
        await fake.close();
        // A guard far below the poll's 30 s, far above an answer at once.
        let guard: ReturnType<typeof setTimeout> | undefined;
        const answer = await Promise.race([
          poll,
          new Promise((resolve) => guard = setTimeout(resolve, 10_000, "late")),
        ]);
        clearTimeout(guard);
        assert.deepEqual(answer, []);
      },
    );
  } finally {
    await fake.close();
  }
});
