/**
 * Participants write to the host: their messages reach every admin with who wrote them,
 * an admin's reply goes back, and one participant cannot flood the admins.
 */
import assert from "node:assert/strict";
import { user } from "./fake_bot_api.ts";
import { ManualClock, startHarness, testConfig } from "./helpers.ts";

const hosts = [
  user(9001, { first_name: "Хост" }),
  user(9002, { first_name: "Соведущая" }),
];
const anna = user(1, {
  first_name: "Анна",
  last_name: "Иванова",
  username: "anna",
});

async function relayHarness(forwarding = { enabled: true, per_hour: 10 }) {
  const h = await startHarness({
    config: testConfig({ admins: hosts.map((a) => a.id), forwarding }),
    clock: new ManualClock("2026-11-24T09:00:00Z"),
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
      `💬 Анна Иванова (@anna) (id ${anna.id}) пишет. Ответьте на это сообщение — я передам ответ.`,
    );
    assert.equal(forward!.method, "forwardMessage");
    assert.equal(forward!.text, "Я опоздаю минут на десять");
  }
  // The first host replies to the forwarded message, the second to the header.
  const [header1, forward1] = h.fake.sent(hosts[0]!.id).slice(-2);
  h.fake.sendReply(hosts[0]!, forward1!.message_id, "Хорошо, ждём!");
  const [header2] = h.fake.sent(hosts[1]!.id).slice(-2);
  h.fake.sendReply(hosts[1]!, header2!.message_id, "Запись будет");
  await h.fake.waitFor((f) =>
    f.sent(anna.id).filter((m) => m.method === "copyMessage").length === 2
  );
  assert.deepEqual(
    h.fake.sent(anna.id).filter((m) => m.method === "copyMessage").map((m) =>
      m.text
    ),
    ["Хорошо, ждём!", "Запись будет"],
  );
  await h.idle();
  assert.equal(
    h.fake.messagesTo(hosts[0]!.id).at(-1),
    "Ответ передан: Анна Иванова (@anna).",
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
