/**
 * Participants write to the host: their messages reach every admin with who wrote them,
 * an admin's reply goes back, and one participant cannot flood the admins.
 */
import assert from "node:assert/strict";
import { type FakeUser, user } from "./fake_bot_api.ts";
import type { MessageContent } from "./fake/users.ts";
import { join } from "node:path";
import { ManualClock, startHarness, tempDir, testConfig } from "./helpers.ts";

const hosts = [
  user(9001, { first_name: "Хост" }),
  user(9002, { first_name: "Соведущая" }),
];
const anna = user(1, {
  first_name: "Анна",
  last_name: "Иванова",
  username: "anna",
});

/** The hosts' replies that reached `u`, as they read them. */
function answersTo(
  h: { fake: { messagesTo(id: number): string[] } },
  u: FakeUser,
): string[] {
  return h.fake.messagesTo(u.id).filter((m) => m.startsWith("💬 Ответ"));
}

async function relayHarness(
  forwarding = { enabled: true, per_hour: 10 },
  options: { database?: string; clock?: ManualClock; idsAfter?: number } = {},
) {
  const h = await startHarness({
    config: testConfig({
      admins: hosts.map((a) => a.id),
      forwarding,
      database: options.database ?? ":memory:",
    }),
    clock: options.clock ?? new ManualClock("2026-11-24T09:00:00Z"),
    fake: { idsAfter: options.idsAfter },
  });
  for (const host of hosts) await h.say(host, "/start");
  await h.say(anna, "/start");
  return h;
}

Deno.test("a participant's text reaches every admin with who wrote it, and an admin's reply reaches the participant", async () => {
  await using h = await relayHarness();
  assert.equal(
    await h.say(anna, "Я опоздаю минут на десять"),
    "Передал ваше сообщение ведущему.",
  );
  await h.idle();
  for (const host of hosts) {
    const [header, forward] = h.fake.sent(host.id).slice(-2);
    assert.equal(
      header!.text,
      `💬 Пишет Анна Иванова (@anna), id ${anna.id}. Ответьте на это сообщение — я передам ответ.`,
    );
    assert.equal(forward!.method, "forwardMessage");
    assert.equal(forward!.text, "Я опоздаю минут на десять");
  }
  // The first host replies to the forwarded message, the second to the header.
  const [header1, forward1] = h.fake.sent(hosts[0]!.id).slice(-2);
  h.fake.sendReply(hosts[0]!, forward1!.message_id, "Хорошо, ждём!");
  const [header2] = h.fake.sent(hosts[1]!.id).slice(-2);
  h.fake.sendReply(hosts[1]!, header2!.message_id, "Запись будет");
  await h.fake.waitFor(() => answersTo(h, anna).length === 2);
  assert.deepEqual(answersTo(h, anna), [
    "💬 Ответ ведущего:\n\nХорошо, ждём!",
    "💬 Ответ ведущего:\n\nЗапись будет",
  ]);
  await h.idle();
  assert.equal(
    h.fake.messagesTo(hosts[0]!.id).at(-1),
    "Ответ доставлен: Анна Иванова (@anna).",
  );
  assert.ok(header1);
  // A reply to something else is not passed on.
  h.fake.sendReply(hosts[0]!, 1, "кому это?");
  await h.fake.waitFor((f) =>
    f.messagesTo(hosts[0]!.id).at(-1)?.startsWith("Не знаю, кому передать")
  );
});

Deno.test("photos, voice messages and documents are passed on too", async () => {
  await using h = await relayHarness();
  h.fake.sendPhoto(anna, { caption: "слайд" });
  h.fake.sendVoice(anna, { duration: 3 });
  h.fake.sendDocument(anna, { fileName: "вопросы.pdf" });
  await h.fake.waitFor((f) =>
    f.sent(hosts[0]!.id).filter((m) => m.method === "forwardMessage").length ===
      3
  );
  assert.equal(
    h.fake.messagesTo(anna.id).filter((m) => m.startsWith("Передал")).length,
    3,
  );
});

/** One message of each kind a participant may send, besides text, photo, voice and file. */
const CONTENTS: Record<string, MessageContent> = {
  video: {
    video: {
      file_id: "video",
      file_unique_id: "v",
      width: 640,
      height: 360,
      duration: 5,
    },
    caption: "как у нас",
  },
  video_note: {
    video_note: {
      file_id: "circle",
      file_unique_id: "c",
      length: 240,
      duration: 4,
    },
  },
  audio: {
    audio: { file_id: "song", file_unique_id: "a", duration: 180 },
  },
  sticker: {
    sticker: {
      file_id: "sticker",
      file_unique_id: "s",
      type: "regular",
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
    },
  },
  animation: {
    animation: {
      file_id: "gif",
      file_unique_id: "g",
      width: 320,
      height: 240,
      duration: 2,
    },
  },
  location: { location: { latitude: 55.75, longitude: 37.62 } },
  contact: { contact: { phone_number: "+70000000000", first_name: "Ольга" } },
};

Deno.test("videos, video notes, audio, stickers, animations, locations and contacts are passed on too", async (t) => {
  await using h = await relayHarness();
  for (const [kind, content] of Object.entries(CONTENTS)) {
    await t.step(kind, async () => {
      const told = h.fake.messagesTo(anna.id).length;
      h.fake.sendContent(anna, content);
      const forward = await h.fake.waitFor((f) =>
        f.sent(hosts[0]!.id).findLast((m) =>
          m.method === "forwardMessage" &&
          f.message(hosts[0]!.id, m.message_id)?.[kind as "video"] !== undefined
        )
      );
      const origin = h.fake.message(hosts[0]!.id, forward.message_id)
        ?.forward_origin;
      assert.equal(origin?.type === "user" && origin.sender_user.id, anna.id);
      await h.fake.waitFor((f) => f.messagesTo(anna.id).length > told);
      assert.equal(
        h.fake.messagesTo(anna.id).at(-1),
        "Передал ваше сообщение ведущему.",
      );
    });
  }
});

Deno.test("one participant's messages are passed on at most per_hour an hour, with one notice", async () => {
  await using h = await relayHarness({ enabled: true, per_hour: 3 });
  for (let i = 1; i <= 6; i++) h.fake.sendText(anna, `вопрос ${i}`);
  await h.fake.waitFor((f) =>
    f.messagesTo(anna.id).some((m) => m.startsWith("Ведущий уже получил"))
  );
  await h.idle();
  const forwarded = h.fake.sent(hosts[0]!.id).filter((m) =>
    m.method === "forwardMessage"
  );
  assert.deepEqual(forwarded.map((m) => m.text), [
    "вопрос 1",
    "вопрос 2",
    "вопрос 3",
  ]);
  const replies = h.fake.messagesTo(anna.id).slice(1);
  assert.equal(replies.filter((m) => m.startsWith("Передал")).length, 3);
  assert.equal(
    replies.filter((m) => m.startsWith("Ведущий уже получил")).length,
    1,
    "told once",
  );
});

Deno.test("the per-hour limit holds across a restart, and lifts an hour after", async () => {
  await using temp = await tempDir();
  const database = join(temp.path, "bot.sqlite3");
  const clock = new ManualClock("2026-11-24T09:00:00Z");
  const forwarding = { enabled: true, per_hour: 2 };
  {
    await using h = await relayHarness(forwarding, { database, clock });
    for (const text of ["вопрос 1", "вопрос 2"]) {
      assert.equal(await h.say(anna, text), "Передал ваше сообщение ведущему.");
    }
    await h.idle();
  }
  clock.advance(30 * 60_000);
  // Telegram's update and message ids go on after a restart.
  await using h = await relayHarness(forwarding, {
    database,
    clock,
    idsAfter: 1000,
  });
  assert.equal(
    await h.say(anna, "вопрос 3"),
    "Ведущий уже получил от вас много сообщений. Следующие смогу передать через час.",
  );
  clock.advance(30 * 60_000 + 1);
  assert.equal(
    await h.say(anna, "вопрос 4"),
    "Передал ваше сообщение ведущему.",
  );
  await h.idle();
  assert.deepEqual(
    h.fake.sent(hosts[0]!.id).filter((m) => m.method === "forwardMessage")
      .map((m) => m.text),
    ["вопрос 4"],
  );
});

Deno.test("with forwarding off, a participant's text gets the commands-only reply", async () => {
  await using h = await relayHarness({ enabled: false, per_hour: 10 });
  assert.equal(
    await h.say(anna, "привет"),
    "Я понимаю только команды. Список команд — /help.",
  );
  await h.idle();
  assert.equal(
    h.fake.sent(hosts[0]!.id).filter((m) => m.method === "forwardMessage")
      .length,
    0,
  );
});

Deno.test("an admin's reply reaches the participant it answers, though another admin's chat has another participant's relay under the same message id", async () => {
  await using h = await relayHarness();
  const boris = user(2, { first_name: "Борис" });
  await h.say(boris, "/start");
  // The second host's chat runs two messages ahead of the first host's.
  await h.say(hosts[1]!, "/help");
  await h.say(anna, "вопрос Анны");
  await h.idle();
  await h.say(boris, "вопрос Бориса");
  await h.idle();
  const header = (host: FakeUser, name: string) =>
    h.fake.sent(host.id).find((m) => m.text?.startsWith(`💬 Пишет ${name}`))!;
  const borisAtFirst = header(hosts[0]!, "Борис");
  const annaAtSecond = header(hosts[1]!, "Анна");
  assert.equal(
    borisAtFirst.message_id,
    annaAtSecond.message_id,
    "Telegram numbers messages per chat: the two relays share an id",
  );
  h.fake.sendReply(hosts[0]!, borisAtFirst.message_id, "Борису от хоста");
  h.fake.sendReply(hosts[1]!, annaAtSecond.message_id, "Анне от соведущей");
  await h.fake.waitFor(() =>
    answersTo(h, anna).length + answersTo(h, boris).length === 2
  );
  await h.idle();
  assert.deepEqual(answersTo(h, anna), [
    "💬 Ответ ведущего:\n\nАнне от соведущей",
  ]);
  assert.deepEqual(answersTo(h, boris), [
    "💬 Ответ ведущего:\n\nБорису от хоста",
  ]);
});

Deno.test("two admins' replies with the same message id in their own chats both reach the participant", async () => {
  await using h = await relayHarness();
  await h.say(anna, "вопрос");
  await h.idle();
  const replies = hosts.map((host, i) => {
    const forward = h.fake.sent(host.id).findLast((m) =>
      m.method === "forwardMessage"
    )!;
    return h.fake.sendReply(host, forward.message_id, `ответ ${i + 1}`)
      .message!.message_id;
  });
  assert.equal(replies[0], replies[1], "the replies share a message id");
  await h.fake.waitFor(() => answersTo(h, anna).length === 2);
});
