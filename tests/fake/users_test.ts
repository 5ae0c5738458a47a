/** Users sending more than text to the fake Bot API: photos, voice, documents and replies. */
import assert from "node:assert/strict";
import { Bot } from "grammy";
import { denoFetch, FakeBotApi } from "../fake_bot_api.ts";
import { ALICE, apiFor, BOB } from "./testing.ts";

const ADMIN = BOB;

Deno.test("FakeBotApi.sendPhoto/sendVoice/sendDocument queue a user's media in their private chat", async () => {
  await using fake = await FakeBotApi.start();
  const photo = fake.sendPhoto(ALICE, { caption: "Venue", fileId: "venue" })
    .message!;
  assert.equal(photo.chat.id, ALICE.id);
  assert.equal(photo.from?.id, ALICE.id);
  assert.equal(photo.caption, "Venue");
  assert.deepEqual(photo.photo?.map((size) => size.file_id), [
    "venue-s",
    "venue",
  ]);
  const voice = fake.sendVoice(ALICE, { duration: 7 }).message!;
  assert.equal(voice.voice?.duration, 7);
  assert.equal(voice.voice?.mime_type, "audio/ogg");
  const document = fake.sendDocument(ALICE, {
    fileName: "agenda.pdf",
    caption: "Agenda",
  }).message!;
  assert.equal(document.document?.file_name, "agenda.pdf");
  assert.equal(document.caption, "Agenda");
  assert.equal(fake.pendingUpdates, 3);
});

Deno.test("FakeBotApi.sendReply() replies to a message the bot copied to the admin", async () => {
  await using fake = await FakeBotApi.start();
  const api = apiFor(fake);
  const question = fake.sendText(ALICE, "Can I bring a friend?").message!;
  const { message_id } = await api.copyMessage(
    ADMIN.id,
    ALICE.id,
    question.message_id,
  );
  const reply = fake.sendReply(ADMIN, message_id, "Yes, of course").message!;
  assert.equal(reply.chat.id, ADMIN.id);
  assert.equal(reply.text, "Yes, of course");
  assert.equal(reply.reply_to_message?.message_id, message_id);
  assert.equal(reply.reply_to_message?.text, "Can I bring a friend?");
  assert.equal(reply.reply_to_message?.from?.is_bot, true);

  const forwarded = await api.forwardMessage(
    ADMIN.id,
    ALICE.id,
    question.message_id,
  );
  const second = fake.sendReply(ADMIN, forwarded, "/ban").message!;
  assert.equal(second.reply_to_message?.message_id, forwarded.message_id);
  assert.deepEqual(second.entities, [{
    type: "bot_command",
    offset: 0,
    length: 4,
  }]);
  assert.throws(
    () => fake.sendReply(ADMIN, 9999, "to nothing"),
    /No message 9999 in chat 1002/,
  );
});

Deno.test("FakeBotApi: a grammY bot receives photos, voice, documents and replies by its filters", async () => {
  await using fake = await FakeBotApi.start();
  const bot = new Bot(fake.token, {
    client: { apiRoot: fake.apiRoot, fetch: denoFetch },
  });
  const seen: string[] = [];
  bot.on("message:photo", (ctx) => void seen.push(`photo ${ctx.msg.caption}`));
  bot.on(
    "message:voice",
    (ctx) => void seen.push(`voice ${ctx.msg.voice.duration}`),
  );
  bot.on(
    "message:document",
    (ctx) => void seen.push(`document ${ctx.msg.document.file_name}`),
  );
  bot.on("message:text", (ctx) => {
    seen.push(`reply to ${ctx.msg.reply_to_message?.message_id}`);
  });
  bot.catch((error) => {
    throw error;
  });
  const polling = bot.start();
  try {
    const sent = await apiFor(fake).sendMessage(ALICE.id, "Pick a time");
    fake.sendPhoto(ALICE, { caption: "map" });
    fake.sendVoice(ALICE, { duration: 2 });
    fake.sendDocument(ALICE, { fileName: "a.pdf" });
    fake.sendReply(ALICE, sent, "Tuesday");
    await fake.waitFor(() => seen.length === 4);
    assert.deepEqual(seen, [
      "photo map",
      "voice 2",
      "document a.pdf",
      `reply to ${sent.message_id}`,
    ]);
  } finally {
    await bot.stop();
    await polling;
  }
});
