/**
 * An admin's reply to a participant: it goes to them under the host's header (also when
 * it starts with "/"), and the admin learns how it went once that is known: delivered,
 * blocked, or no answer from Telegram.
 */
import assert from "node:assert/strict";
import { user } from "./fake_bot_api.ts";
import { ManualClock, startHarness, testConfig } from "./helpers.ts";
import { openDatabase } from "../src/db/database.ts";
import { Store } from "../src/db/store.ts";
import { createJobRunner } from "../src/jobs/runner.ts";
import { createLogger } from "../src/log.ts";
import { replyToParticipant } from "../src/usecases/relays.ts";

const host = user(9001, { first_name: "Хост" });
const anna = user(1, {
  first_name: "Анна",
  last_name: "Иванова",
  username: "anna",
});

/** A host, Anna, and Anna's question relayed to the host; resolves to its forward's id. */
async function asked() {
  const h = await startHarness({
    config: testConfig({ admins: [host.id] }),
    clock: new ManualClock("2026-11-24T09:00:00Z"),
  });
  await h.say(host, "/start");
  await h.say(anna, "/start");
  await h.say(anna, "Во сколько начало?");
  await h.idle();
  const forward = h.fake.sent(host.id).findLast((m) =>
    m.method === "forwardMessage"
  )!;
  return Object.assign(h, { question: forward.message_id });
}

/** Whether a text is a host's reply, as the participant reads it. */
function isAnswer(text: string): boolean {
  return text.startsWith("💬 Ответ ведущего:");
}

/** The notes the host got about their replies, with what each replies to. */
function notes(h: Awaited<ReturnType<typeof asked>>) {
  return h.fake.sent(host.id).filter((m) => m.params.reply_parameters).map(
    (m) => ({
      text: m.text,
      replyTo: (m.params.reply_parameters as { message_id: number }).message_id,
    }),
  );
}

Deno.test("the admin is told a reply was delivered only once it was, in reply to their message", async () => {
  await using h = await asked();
  h.fake.failNext(1, { status: 502 });
  const reply = h.fake.sendReply(host, h.question, "В 11:00 по Москве")
    .message!;
  await h.fake.waitFor((f) =>
    f.requests.some((r) => r.method === "sendMessage" && r.status === 502)
  );
  await h.idle();
  assert.deepEqual(notes(h), [], "nothing said while the reply waits");
  assert.equal(h.fake.sent(anna.id).at(-1)?.method, "sendMessage");

  h.clock.advance(60_000); // the retry falls due
  await h.fake.waitFor(() => notes(h).length === 1);
  assert.equal(
    h.fake.sent(anna.id).at(-1)?.text,
    "💬 Ответ ведущего:\n\nВ 11:00 по Москве",
  );
  assert.deepEqual(notes(h), [{
    text: "Ответ доставлен: Анна Иванова (@anna).",
    replyTo: reply.message_id,
  }]);
});

Deno.test("the admin is told plainly when the participant blocked the bot", async () => {
  await using h = await asked();
  h.fake.block(anna.id);
  const reply = h.fake.sendReply(host, h.question, "В 11:00").message!;
  await h.fake.waitFor(() => notes(h).length === 1);
  assert.deepEqual(notes(h), [{
    text:
      "Ответ не доставлен: Анна Иванова (@anna) — бот заблокирован или аккаунт удалён.",
    replyTo: reply.message_id,
  }]);
  assert.equal(h.fake.messagesTo(anna.id).filter(isAnswer).length, 0);
});

Deno.test("the admin is told when Telegram gave no answer, and the reply is not sent twice", async () => {
  await using h = await asked();
  h.fake.dropNext(1);
  h.fake.sendReply(host, h.question, "В 11:00");
  await h.fake.waitFor(() => notes(h).length === 1);
  assert.match(notes(h)[0]!.text!, /^Не знаю, дошёл ли ответ: Анна Иванова/);
  await h.idle();
  assert.equal(
    h.fake.requests.filter((r) =>
      r.method === "sendMessage" && r.params.chat_id === anna.id &&
      isAnswer(String(r.params.text))
    ).length,
    1,
  );
});

Deno.test('an admin\'s reply to a participant that starts with "/" goes to them as text, not run as a command', async () => {
  await using h = await asked();
  const before = h.fake.messagesTo(host.id).length;
  h.fake.sendReply(host, h.question, "/stats — это команда для ведущих");
  await h.fake.waitFor(() => notes(h).length === 1);
  await h.idle();
  assert.equal(
    h.fake.sent(anna.id).at(-1)?.text,
    "💬 Ответ ведущего:\n\n/stats — это команда для ведущих",
  );
  assert.deepEqual(
    h.fake.messagesTo(host.id).slice(before),
    ["Ответ доставлен: Анна Иванова (@anna)."],
    "no statistics, no other reply",
  );
  // Not a reply, the same command runs; and /help for admins says so.
  assert.match(await h.say(host, "/stats"), /^Приглашения получают:/);
  assert.match(
    await h.say(host, "/help"),
    /Ответ уйдёт как есть, даже если начинается с «\/», — команду пишите отдельным сообщением/,
  );
  assert.doesNotMatch(await h.say(anna, "/help"), /Для ведущих/);
});

Deno.test("a reply that settled while no note was owed (a stop in between) gets its note at the next tick", async () => {
  const db = openDatabase(":memory:");
  try {
    const store = new Store(db);
    const config = testConfig({ admins: [host.id] });
    const now = () => new Date("2026-11-24T09:00:00Z");
    const participant = store.users.start(
      { tg_id: anna.id, first_name: "Анна" },
      now(),
    );
    store.relays.add(
      { adminChatId: host.id, adminMessageId: 4, userId: participant.id },
      now(),
    );
    replyToParticipant(store, {
      adminChatId: host.id,
      replyTo: 4,
      messageId: 5,
      name: (u) => u.first_name ?? "",
      now: now(),
    });
    const answer = store.outbox.byKey(`relay_answer/${host.id}/5`)!;
    store.outbox.claim(answer.id, { by: "killed", now: now() });
    store.outbox.finish(answer.id, { status: "blocked", now: now() });
    const jobs = createJobRunner({
      config,
      store,
      log: createLogger({ write: () => {} }),
      now,
      kick: () => {},
    });
    assert.equal(await jobs.tick(), true);
    const note = store.outbox.byKey(`relay_outcome/${host.id}/5`);
    assert.equal(note?.chat_id, host.id);
    assert.equal(
      JSON.parse(note!.payload!).text,
      "Ответ не доставлен: Анна — бот заблокирован или аккаунт удалён.",
    );
  } finally {
    db.close();
  }
});
