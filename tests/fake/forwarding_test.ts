/** The fake Bot API's copyMessage, forwardMessage, sendPhoto and sendMessage extras. */
import assert from "node:assert/strict";
import { GrammyError, InlineKeyboard, InputFile } from "grammy";
import { FakeBotApi, inlineButtons } from "../fake_bot_api.ts";
import { ALICE, apiFor, BOB, rejection } from "./testing.ts";

const ADMIN = BOB;

Deno.test("FakeBotApi.copyMessage copies a user's text to another chat and records its source", async () => {
  await using fake = await FakeBotApi.start();
  const api = apiFor(fake);
  const source = fake.sendText(ALICE, "A question for the admin").message!;
  const copied = await api.copyMessage(ADMIN.id, ALICE.id, source.message_id, {
    reply_markup: new InlineKeyboard().text("Answer", "answer:1"),
  });
  assert.deepEqual(Object.keys(copied), ["message_id"]);
  const [record] = fake.sent(ADMIN.id);
  assert.equal(record?.method, "copyMessage");
  assert.equal(record?.message_id, copied.message_id);
  assert.equal(record?.text, "A question for the admin");
  assert.equal(record?.from_chat_id, ALICE.id);
  assert.equal(record?.source_message_id, source.message_id);
  assert.equal(record?.params.message_id, source.message_id);
  assert.deepEqual(fake.messagesTo(ADMIN.id), ["A question for the admin"]);
  const stored = fake.message(ADMIN.id, copied.message_id);
  assert.equal(stored?.text, "A question for the admin");
  assert.equal(stored?.forward_origin, undefined);
  assert.deepEqual(inlineButtons(stored?.reply_markup).map((b) => b.text), [
    "Answer",
  ]);
});

Deno.test("FakeBotApi.copyMessage copies media with a new caption, and an unknown source as empty", async () => {
  await using fake = await FakeBotApi.start();
  const api = apiFor(fake);
  const photo = fake.sendPhoto(ALICE, { caption: "old", fileId: "p1" })
    .message!;
  const copied = await api.copyMessage(ADMIN.id, ALICE.id, photo.message_id, {
    caption: "From Alice",
  });
  const stored = fake.message(ADMIN.id, copied.message_id);
  assert.equal(stored?.photo?.at(-1)?.file_id, "p1");
  assert.equal(stored?.caption, "From Alice");
  assert.equal(fake.sent(ADMIN.id)[0]?.caption, "From Alice");

  const unknown = await api.copyMessage(ADMIN.id, ALICE.id, 9999);
  const record = fake.sent(ADMIN.id)[1];
  assert.equal(record?.message_id, unknown.message_id);
  assert.equal(record?.text, undefined);
  assert.equal(record?.source_message_id, 9999);
});

Deno.test("FakeBotApi.forwardMessage answers the message with forward_origin", async () => {
  await using fake = await FakeBotApi.start();
  const api = apiFor(fake);
  const source = fake.sendText(ALICE, "Forward me").message!;
  const forwarded = await api.forwardMessage(
    ADMIN.id,
    ALICE.id,
    source.message_id,
  );
  assert.equal(forwarded.text, "Forward me");
  assert.equal(forwarded.chat.id, ADMIN.id);
  assert.deepEqual(forwarded.forward_origin, {
    type: "user",
    date: source.date,
    sender_user: source.from,
  });
  const [record] = fake.sent(ADMIN.id);
  assert.equal(record?.method, "forwardMessage");
  assert.equal(record?.from_chat_id, ALICE.id);
  assert.equal(record?.source_message_id, source.message_id);
  assert.deepEqual(fake.message(ADMIN.id, forwarded.message_id), forwarded);
});

Deno.test("FakeBotApi.sendPhoto records an upload or a file id, with caption", async () => {
  await using fake = await FakeBotApi.start();
  const api = apiFor(fake);
  const bytes = new Uint8Array([137, 80, 78, 71]);
  const uploaded = await api.sendPhoto(
    ALICE.id,
    new InputFile(bytes, "chart.png"),
    { caption: "This week" },
  );
  assert.equal(uploaded.photo?.length, 2);
  assert.equal(uploaded.caption, "This week");
  const byId = await api.sendPhoto(ALICE.id, "known-file-id");
  assert.equal(byId.photo?.at(-1)?.file_id, "known-file-id");
  const [first, second] = fake.sent(ALICE.id);
  assert.equal(first?.method, "sendPhoto");
  assert.equal(first?.photo?.filename, "chart.png");
  assert.deepEqual(first?.photo?.bytes, bytes);
  assert.equal(second?.photo, undefined);
  assert.deepEqual(fake.messagesTo(ALICE.id), ["This week", ""]);
  const none = await rejection(api.sendPhoto(ALICE.id, ""));
  assert.ok(none instanceof GrammyError);
  assert.equal(
    none.description,
    "Bad Request: there is no photo in the request",
  );
});

Deno.test("FakeBotApi.sendMessage keeps entities, reply_parameters and allow_paid_broadcast", async () => {
  await using fake = await FakeBotApi.start();
  const api = apiFor(fake);
  const question = fake.sendText(ALICE, "When is it?").message!;
  const entities = [{ type: "bold" as const, offset: 0, length: 6 }];
  const reply = await api.sendMessage(ALICE.id, "Monday, 10:00", {
    entities,
    reply_parameters: { message_id: question.message_id },
    allow_paid_broadcast: true,
  });
  assert.deepEqual(reply.entities, entities);
  assert.equal(reply.reply_to_message?.text, "When is it?");
  const [record] = fake.sent(ALICE.id);
  assert.deepEqual(record?.params.entities, entities);
  assert.deepEqual(record?.params.reply_parameters, {
    message_id: question.message_id,
  });
  assert.equal(record?.params.allow_paid_broadcast, true);

  const missing = await rejection(
    api.sendMessage(ALICE.id, "To nothing", {
      reply_parameters: { message_id: 9999 },
    }),
  );
  assert.ok(missing instanceof GrammyError);
  assert.equal(
    missing.description,
    "Bad Request: message to be replied not found",
  );
  const anyway = await api.sendMessage(ALICE.id, "To nothing", {
    reply_parameters: { message_id: 9999, allow_sending_without_reply: true },
  });
  assert.equal(anyway.reply_to_message, undefined);
});

Deno.test("FakeBotApi: an edit without reply_markup removes the keyboard, visible through message()", async () => {
  await using fake = await FakeBotApi.start();
  const api = apiFor(fake);
  const sent = await api.sendMessage(ALICE.id, "Coming?", {
    reply_markup: new InlineKeyboard().text("Yes", "yes"),
  });
  assert.equal(
    inlineButtons(fake.message(ALICE.id, sent.message_id)?.reply_markup).length,
    1,
  );
  await api.editMessageText(ALICE.id, sent.message_id, "Coming? Answered");
  const edited = fake.message(ALICE.id, sent.message_id);
  assert.equal(edited?.text, "Coming? Answered");
  assert.equal(edited?.reply_markup, undefined);
  assert.equal(fake.edits(ALICE.id)[0]?.reply_markup, undefined);
});
