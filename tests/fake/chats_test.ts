/** The fake Bot API's chats: documents, edits, deletes, callback answers, commands, waits. */
import assert from "node:assert/strict";
import { Api, GrammyError, InlineKeyboard, InputFile } from "grammy";
import { FakeBotApi, inlineButtons, scopeKey } from "../fake_bot_api.ts";
import { ALICE, BOB, CLIENTS, rejection } from "./testing.ts";

for (const { name, client } of CLIENTS) {
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
