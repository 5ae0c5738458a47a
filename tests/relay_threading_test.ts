/**
 * The host's reply as the participant reads it: under "💬 Ответ ведущего:", as a reply to
 * the question it answers (Telegram's `reply_parameters`), and still delivered, without
 * the thread, when the participant has deleted the question.
 */
import assert from "node:assert/strict";
import type { Message } from "grammy/types";
import { user } from "./fake_bot_api.ts";
import { ManualClock, startHarness, testConfig } from "./helpers.ts";
import type { Config } from "../src/config/schema.ts";

const host = user(9001, { first_name: "Хост" });
const anna = user(1, { first_name: "Анна", username: "anna" });

/** Anna asks the host a question; resolves with its id in her chat and the host's forward. */
async function asked(texts: Partial<Config["texts"]> = {}) {
  const config = testConfig({ admins: [host.id] });
  const h = await startHarness({
    config: { ...config, texts: { ...config.texts, ...texts } },
    clock: new ManualClock("2026-11-24T09:00:00Z"),
  });
  await h.say(host, "/start");
  await h.say(anna, "/start");
  const question = h.fake.sendText(anna, "Во сколько начало?").message!;
  await h.fake.waitFor((f) =>
    f.sent(host.id).some((m) => m.method === "forwardMessage")
  );
  await h.idle();
  const forward = h.fake.sent(host.id).findLast((m) =>
    m.method === "forwardMessage"
  )!;
  const replyTo = h.fake.message(host.id, forward.message_id)!;
  return Object.assign(h, { question: question.message_id, replyTo });
}

/** The host's reply with `content`, as Telegram would send it, to `replyTo`. */
function reply(
  h: Awaited<ReturnType<typeof asked>>,
  content: Partial<Message>,
) {
  const { reply_to_message: _nested, ...replyTo } = h.replyTo;
  h.fake.sendContent(host, {
    ...content,
    reply_to_message: replyTo as Message["reply_to_message"],
  });
}

/** The last message Anna got, as she sees it now, with what it replies to. */
async function lastToAnna(h: Awaited<ReturnType<typeof asked>>) {
  await h.fake.waitFor((f) =>
    f.messagesTo(host.id).some((m) => m.startsWith("Ответ доставлен"))
  );
  const record = h.fake.sent(anna.id).at(-1)!;
  const shown = h.fake.message(anna.id, record.message_id)!;
  return { record, shown };
}

Deno.test("the host's text reply comes under «Ответ ведущего» as a reply to the question, its formatting moved along", async () => {
  await using h = await asked();
  reply(h, {
    text: "В 11:00 по Москве",
    entities: [{ type: "bold", offset: 2, length: 5 }],
  });
  const { record, shown } = await lastToAnna(h);
  assert.equal(record.method, "sendMessage");
  assert.equal(record.text, "💬 Ответ ведущего:\n\nВ 11:00 по Москве");
  // The header and its blank line are 20 UTF-16 code units ("💬" counts two).
  assert.deepEqual(record.params.entities, [
    { type: "bold", offset: 22, length: 5 },
  ]);
  assert.deepEqual(record.params.reply_parameters, {
    message_id: h.question,
    allow_sending_without_reply: true,
  });
  assert.equal(shown.reply_to_message?.message_id, h.question);
  assert.equal(shown.reply_to_message?.text, "Во сколько начало?");
});

Deno.test("the host's photo reply comes with the header above its caption, threaded to the question", async () => {
  await using h = await asked();
  reply(h, {
    photo: [{ file_id: "plan", file_unique_id: "p", width: 800, height: 600 }],
    caption: "Вот план встречи",
  });
  const { record, shown } = await lastToAnna(h);
  assert.equal(record.method, "copyMessage");
  assert.equal(record.caption, "💬 Ответ ведущего:\n\nВот план встречи");
  assert.equal(shown.photo?.at(-1)?.file_id, "plan");
  assert.equal(shown.reply_to_message?.message_id, h.question);
});

Deno.test("the host's sticker reply, which has no caption, is copied as it is, threaded to the question", async () => {
  await using h = await asked();
  reply(h, {
    sticker: {
      file_id: "thumbs-up",
      file_unique_id: "t",
      type: "regular",
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
    },
  });
  const { record, shown } = await lastToAnna(h);
  assert.equal(record.method, "copyMessage");
  assert.equal(record.params.caption, undefined);
  assert.equal(shown.sticker?.file_id, "thumbs-up");
  assert.equal(shown.reply_to_message?.message_id, h.question);
});

Deno.test("a reply to a question the participant deleted still arrives, without the thread", async () => {
  await using h = await asked();
  assert.ok(h.fake.deleteUserMessage(anna.id, h.question));
  reply(h, { text: "Начало в 11:00" });
  const { record, shown } = await lastToAnna(h);
  assert.equal(record.text, "💬 Ответ ведущего:\n\nНачало в 11:00");
  assert.equal(shown.reply_to_message, undefined);
  assert.equal(
    h.fake.messagesTo(host.id).at(-1),
    "Ответ доставлен: Анна (@anna).",
  );
});

Deno.test("with an empty relay_answer_header the host's reply comes as written, still threaded", async () => {
  await using h = await asked({ relay_answer_header: "" });
  reply(h, { text: "Начало в 11:00" });
  const { record, shown } = await lastToAnna(h);
  assert.equal(record.text, "Начало в 11:00");
  assert.equal(shown.reply_to_message?.message_id, h.question);
});
