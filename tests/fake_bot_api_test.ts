import assert from "node:assert/strict";
import {
  Api,
  Bot,
  GrammyError,
  HttpError,
  InlineKeyboard,
  InputFile,
} from "grammy";
import { run } from "@grammyjs/runner";
import {
  denoFetch,
  FakeBotApi,
  inlineButtons,
  scopeKey,
  user,
} from "./fake_bot_api.ts";

const ALICE = user(1001, { first_name: "Alice", username: "alice" });
const BOB = user(1002, { first_name: "Bob" });

/** The two ways a grammY npm build can reach the fake from Deno. */
const CLIENTS = [
  {
    name: "node-fetch",
    client: (fake: FakeBotApi) => ({ apiRoot: fake.apiRoot }),
  },
  {
    name: "denoFetch",
    client: (fake: FakeBotApi) => ({ apiRoot: fake.apiRoot, fetch: denoFetch }),
  },
];

/** A bot that replies to /start with one button and answers every button press. */
function demoBot(fake: FakeBotApi, client = CLIENTS[0]!.client): Bot {
  const bot = new Bot(fake.token, { client: client(fake) });
  bot.command(
    "start",
    (ctx) =>
      ctx.reply("hi", { reply_markup: new InlineKeyboard().text("A", "a") }),
  );
  bot.on(
    "callback_query:data",
    (ctx) => ctx.answerCallbackQuery({ text: "ok" }),
  );
  bot.catch((error) => {
    throw error;
  });
  return bot;
}

/** The error a promise rejects with. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected the promise to reject");
}

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

  Deno.test(`FakeBotApi records an uploaded document (${name})`, async () => {
    const fake = await FakeBotApi.start();
    const api = new Api(fake.token, client(fake));
    try {
      const bytes = new TextEncoder().encode("name;date\nAlice;2024-05-06\n");
      const message = await api.sendDocument(
        ALICE.id,
        new InputFile(bytes, "report.csv"),
        {
          caption: "Weekly report",
          reply_markup: new InlineKeyboard().text("Again", "again"),
        },
      );
      assert.equal(message.document?.file_name, "report.csv");
      const [record] = fake.sent(ALICE.id);
      assert.equal(record?.method, "sendDocument");
      assert.equal(record?.document?.filename, "report.csv");
      assert.deepEqual(record?.document?.bytes, bytes);
      assert.equal(record?.caption, "Weekly report");
      assert.equal(record?.params.chat_id, ALICE.id);
      assert.deepEqual(inlineButtons(record?.reply_markup), [{
        text: "Again",
        callback_data: "again",
      }]);
    } finally {
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
      "close() answers a pending poll with [] in under a second",
      async () => {
        const poll = api.getUpdates({
          offset: fake.requests.length + 1000,
          timeout: 30,
        });
        await fake.waitForCount("getUpdates", 2);
        const started = performance.now();
        await fake.close();
        assert.deepEqual(await poll, []);
        assert.ok(performance.now() - started < 1000);
      },
    );
  } finally {
    await fake.close();
  }
});

Deno.test("FakeBotApi edits messages and rejects missing or unchanged ones", async () => {
  const fake = await FakeBotApi.start();
  const api = new Api(fake.token, { apiRoot: fake.apiRoot });
  try {
    const keyboard = new InlineKeyboard().text("Yes", "yes");
    const sent = await api.sendMessage(ALICE.id, "Coming?", {
      reply_markup: keyboard,
    });
    const edited = await api.editMessageText(
      ALICE.id,
      sent.message_id,
      "Coming? (yes)",
      {
        reply_markup: keyboard,
      },
    );
    assert.ok(edited !== true && edited.edit_date !== undefined);
    assert.equal(
      fake.message(ALICE.id, sent.message_id)?.text,
      "Coming? (yes)",
    );
    assert.deepEqual(fake.edits(ALICE.id).map((e) => e.text), [
      "Coming? (yes)",
    ]);

    const unchanged = await rejection(
      api.editMessageText(ALICE.id, sent.message_id, "Coming? (yes)", {
        reply_markup: keyboard,
      }),
    );
    assert.ok(unchanged instanceof GrammyError);
    assert.equal(unchanged.error_code, 400);
    assert.match(
      unchanged.description,
      /^Bad Request: message is not modified: /,
    );

    const missing = await rejection(api.editMessageText(ALICE.id, 9999, "x"));
    assert.ok(missing instanceof GrammyError);
    assert.equal(missing.description, "Bad Request: message to edit not found");

    await api.editMessageReplyMarkup(ALICE.id, sent.message_id);
    assert.equal(
      fake.message(ALICE.id, sent.message_id)?.reply_markup,
      undefined,
    );
    assert.deepEqual(fake.log.map((r) => r.method), [
      "sendMessage",
      "editMessageText",
      "editMessageReplyMarkup",
    ]);
  } finally {
    await fake.close();
  }
});

Deno.test("FakeBotApi.answerCallbackQuery accepts each query id once", async () => {
  const fake = await FakeBotApi.start();
  const api = new Api(fake.token, { apiRoot: fake.apiRoot });
  try {
    const id = fake.pressButton(BOB, "vote").callback_query!.id;
    await api.answerCallbackQuery(id, { text: "Counted", show_alert: true });
    const again = await rejection(api.answerCallbackQuery(id));
    assert.ok(again instanceof GrammyError);
    assert.equal(again.error_code, 400);
    assert.match(again.description, /query is too old/);
    const unknown = await rejection(api.answerCallbackQuery("no-such-query"));
    assert.ok(unknown instanceof GrammyError);
    assert.equal(fake.answers.length, 1);
    assert.equal(fake.answerFor(id)?.text, "Counted");
    assert.equal(fake.answerFor(id)?.show_alert, true);
  } finally {
    await fake.close();
  }
});

Deno.test("FakeBotApi.pressButton() without a sent message makes one the bot can edit", async () => {
  const fake = await FakeBotApi.start();
  const api = new Api(fake.token, { apiRoot: fake.apiRoot });
  try {
    const first = fake.pressButton(BOB, "vote").callback_query!;
    const second = fake.pressButton(BOB, "vote").callback_query!;
    assert.notEqual(first.id, second.id);
    assert.equal(second.message?.message_id, first.message?.message_id);
    const messageId = first.message!.message_id;
    await api.editMessageText(BOB.id, messageId, "Vote counted");
    assert.equal(fake.message(BOB.id, messageId)?.text, "Vote counted");
    await api.deleteMessage(BOB.id, messageId);
    assert.equal(fake.message(BOB.id, messageId), undefined);
    const gone = await rejection(api.deleteMessage(BOB.id, messageId));
    assert.ok(gone instanceof GrammyError);
    assert.equal(gone.description, "Bad Request: message to delete not found");
    assert.equal(fake.sent().length, 0);
  } finally {
    await fake.close();
  }
});

Deno.test("FakeBotApi stores commands per scope", async () => {
  const fake = await FakeBotApi.start();
  const api = new Api(fake.token, { apiRoot: fake.apiRoot });
  try {
    await api.setMyCommands([{ command: "start", description: "Start" }]);
    const admin = { type: "chat" as const, chat_id: ALICE.id };
    await api.setMyCommands(
      [{ command: "announce", description: "Announce" }],
      { scope: admin },
    );
    assert.deepEqual(fake.commands().map((c) => c.command), ["start"]);
    assert.deepEqual(fake.commands(admin).map((c) => c.command), ["announce"]);
    assert.deepEqual(
      fake.commands(JSON.stringify(admin)),
      fake.commands(scopeKey(admin)),
    );
    assert.deepEqual(
      await api.getMyCommands({ scope: admin }),
      fake.commands(admin),
    );
    await api.deleteMyCommands({ scope: admin });
    assert.deepEqual(fake.commands(admin), []);
  } finally {
    await fake.close();
  }
});

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

Deno.test("FakeBotApi.sendText marks only the command word as bot_command", async () => {
  const fake = await FakeBotApi.start();
  try {
    const update = fake.sendText(ALICE, "/announce hello");
    assert.deepEqual(update.message?.entities, [{
      type: "bot_command",
      offset: 0,
      length: 9,
    }]);
    assert.equal(fake.sendText(ALICE, "hello").message?.entities, undefined);
    assert.deepEqual(update.message?.chat, {
      id: ALICE.id,
      type: "private",
      first_name: "Alice",
      username: "alice",
    });
  } finally {
    await fake.close();
  }
});

Deno.test("FakeBotApi.latency delays the answer, not the effect", async () => {
  const fake = await FakeBotApi.start({ latency: 150 });
  const api = new Api(fake.token, { apiRoot: fake.apiRoot });
  try {
    const started = performance.now();
    await api.sendMessage(ALICE.id, "slow");
    const answered = performance.now();
    assert.ok(answered - started >= 140);
    // The call took effect on arrival; only the answer was late.
    assert.ok(answered - fake.sent(ALICE.id)[0]!.at >= 140);
  } finally {
    await fake.close();
  }
});

Deno.test("FakeBotApi.waitFor() also sees state outside the fake", async () => {
  const fake = await FakeBotApi.start();
  try {
    let done = false;
    const timer = setTimeout(() => done = true, 30);
    assert.equal(await fake.waitFor(() => done, { timeout: 1000 }), true);
    clearTimeout(timer);
  } finally {
    await fake.close();
  }
});

Deno.test("FakeBotApi.waitFor() rejects after its timeout, naming the last requests", async () => {
  const fake = await FakeBotApi.start();
  const api = new Api(fake.token, { apiRoot: fake.apiRoot });
  try {
    fake.block(ALICE.id);
    await rejection(api.sendMessage(ALICE.id, "hi"));
    const error = await rejection(
      fake.waitFor((f) => f.deliveredCount(ALICE.id) > 0, { timeout: 50 }),
    );
    assert.ok(error instanceof Error);
    assert.equal(
      error.message,
      "Condition not met within 50 ms, last requests: sendMessage 403",
    );
  } finally {
    await fake.close();
  }
});
