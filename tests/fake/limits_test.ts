/** Telegram's size limits in the fake Bot API: text, captions and callback data. */
import assert from "node:assert/strict";
import { GrammyError, InlineKeyboard, InputFile } from "grammy";
import { ERRORS, FakeBotApi } from "../fake_bot_api.ts";
import { ALICE, apiFor, BOB, rejection } from "./testing.ts";

/** Asserts a 400 with this description. */
function assertBadRequest(error: unknown, description: string): void {
  assert.ok(error instanceof GrammyError, String(error));
  assert.equal(error.error_code, 400);
  assert.equal(error.description, description);
}

Deno.test("FakeBotApi rejects message texts over 4096 UTF-16 code units after trimming", async () => {
  await using fake = await FakeBotApi.start();
  const api = apiFor(fake);
  await api.sendMessage(ALICE.id, "a".repeat(4096));
  await api.sendMessage(ALICE.id, `  \n${"a".repeat(4096)}\n  `);
  await api.sendMessage(ALICE.id, "😀".repeat(2048));
  const long = await rejection(api.sendMessage(ALICE.id, "a".repeat(4097)));
  assertBadRequest(long, "Bad Request: message is too long");
  const emoji = await rejection(api.sendMessage(ALICE.id, "😀".repeat(2049)));
  assertBadRequest(emoji, ERRORS.textTooLong);
  const empty = await rejection(api.sendMessage(ALICE.id, " \n "));
  assertBadRequest(empty, "Bad Request: message text is empty");
  assert.equal(fake.deliveredCount(ALICE.id), 3);

  const { message_id } = fake.sent(ALICE.id)[0]!;
  const edit = await rejection(
    api.editMessageText(ALICE.id, message_id, "b".repeat(4097)),
  );
  assertBadRequest(edit, ERRORS.textTooLong);
  await api.editMessageText(ALICE.id, message_id, "b".repeat(4096));
});

Deno.test("FakeBotApi rejects captions over 1024 characters", async () => {
  await using fake = await FakeBotApi.start();
  const api = apiFor(fake);
  const file = () => new InputFile(new Uint8Array([1, 2]), "report.csv");
  await api.sendDocument(ALICE.id, file(), { caption: "c".repeat(1024) });
  const document = await rejection(
    api.sendDocument(ALICE.id, file(), { caption: "c".repeat(1025) }),
  );
  assertBadRequest(document, "Bad Request: message caption is too long");
  const photo = await rejection(
    api.sendPhoto(ALICE.id, "photo-id", { caption: "c".repeat(1025) }),
  );
  assertBadRequest(photo, ERRORS.captionTooLong);
  const source = fake.sendPhoto(BOB).message!;
  const copy = await rejection(
    api.copyMessage(ALICE.id, BOB.id, source.message_id, {
      caption: "c".repeat(1025),
    }),
  );
  assertBadRequest(copy, ERRORS.captionTooLong);
  assert.equal(fake.deliveredCount(ALICE.id), 1);
});

Deno.test("FakeBotApi rejects callback_data over 64 bytes of UTF-8 with BUTTON_DATA_INVALID", async () => {
  await using fake = await FakeBotApi.start();
  const api = apiFor(fake);
  const keyboard = (data: string) => new InlineKeyboard().text("Go", data);
  await api.sendMessage(ALICE.id, "ok", {
    reply_markup: keyboard("a".repeat(64)),
  });
  await api.sendMessage(ALICE.id, "ok", {
    reply_markup: keyboard("я".repeat(32)),
  });
  const ascii = await rejection(
    api.sendMessage(ALICE.id, "no", { reply_markup: keyboard("a".repeat(65)) }),
  );
  assertBadRequest(ascii, "Bad Request: BUTTON_DATA_INVALID");
  const cyrillic = await rejection(
    api.sendMessage(ALICE.id, "no", { reply_markup: keyboard("я".repeat(33)) }),
  );
  assertBadRequest(cyrillic, ERRORS.buttonData);

  const { message_id } = fake.sent(ALICE.id)[0]!;
  const edit = await rejection(
    api.editMessageReplyMarkup(ALICE.id, message_id, {
      reply_markup: keyboard("b".repeat(65)),
    }),
  );
  assertBadRequest(edit, ERRORS.buttonData);
  assert.equal(fake.deliveredCount(ALICE.id), 2);
});

Deno.test("FakeBotApi answers a too long text with Telegram's JSON and status 400", async () => {
  await using fake = await FakeBotApi.start();
  const response = await fetch(`${fake.apiRoot}/bot${fake.token}/sendMessage`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ chat_id: ALICE.id, text: "x".repeat(5000) }),
  });
  assert.equal(response.status, 400);
  assert.deepEqual(await response.json(), {
    ok: false,
    error_code: 400,
    description: "Bad Request: message is too long",
  });
});
