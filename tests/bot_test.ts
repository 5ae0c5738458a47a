import assert from "node:assert/strict";
import { user } from "./fake_bot_api.ts";
import { ManualClock, startHarness } from "./helpers.ts";
import { CALENDAR_PAUSE_MS } from "../src/usecases/calendar_files.ts";

const anna = user(2001, { first_name: "Анна" });
const stranger = user(2999, { first_name: "Чужой" });

Deno.test("an unknown command, plain text and a sticker get a polite reply", async () => {
  await using h = await startHarness();
  assert.equal(
    await h.say(anna, "/foo"),
    "Такой команды нет. Список команд — /help.",
  );
  assert.equal(
    await h.say(anna, "привет"),
    "Я понимаю только команды. Список команд — /help.",
  );
  h.fake.injectUpdate({
    message: {
      message_id: 1,
      date: 0,
      chat: { id: anna.id, type: "private", first_name: anna.first_name },
      from: { ...anna, is_bot: false },
      sticker: {
        file_id: "x",
        file_unique_id: "x",
        type: "regular",
        width: 1,
        height: 1,
        is_animated: false,
        is_video: false,
      },
    },
  });
  const reply = await h.fake.waitFor((f) => f.sent(anna.id)[2]);
  assert.equal(reply.text, "Я понимаю только команды. Список команд — /help.");
  assert.equal(
    h.store.users.byTgId(anna.id),
    undefined,
    "nothing was recorded",
  );
});

Deno.test("forged or malformed button data is answered politely and changes nothing", async () => {
  await using h = await startHarness({
    clock: new ManualClock("2026-11-23T08:00:00Z"),
  });
  await h.say(anna, "/start");
  const before = h.db.prepare("SELECT count(*) AS n FROM answers").get();
  for (
    const data of [
      "rsvp:2026-11-24:yes", // a Tuesday: no meeting then
      "rsvp:2026-11-25:maybe",
      "rsvp:2026-11-25",
      "rsvp:'; DROP TABLE users; --:yes",
      "reg:perhaps",
      "admin:everything",
      "",
    ]
  ) {
    const answer = await h.press(anna, data);
    assert.equal(
      answer.text,
      "Эта кнопка больше не работает.",
      `data ${JSON.stringify(data)}`,
    );
  }
  assert.deepEqual(
    h.db.prepare("SELECT count(*) AS n FROM answers").get(),
    before,
  );
  assert.equal(h.store.users.byTgId(anna.id)?.is_registered, false);
});

Deno.test("buttons pressed by someone who never started change nothing", async () => {
  await using h = await startHarness({
    clock: new ManualClock("2026-11-23T08:00:00Z"),
  });
  const register = await h.press(stranger, "reg:yes");
  assert.match(register.text!, /Вы не подписаны/);
  const answer = await h.press(stranger, "rsvp:2026-11-25:yes");
  assert.equal(answer.text, "Эта кнопка больше не работает.");
  assert.equal(h.store.users.byTgId(stranger.id), undefined);
});

Deno.test("/help lists the commands; /status tells subscription and answer", async () => {
  await using h = await startHarness({
    clock: new ManualClock("2026-11-23T08:00:00Z"),
  });
  const help = await h.say(anna, "/help");
  for (const command of ["/start", "/stop", "/status", "/help"]) {
    assert.ok(help.includes(command), `help mentions ${command}`);
  }
  assert.match(
    await h.say(anna, "/status"),
    /Подписка: вы не получаете приглашения/,
  );
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  await h.press(anna, "rsvp:2026-11-25:yes");
  const status = await h.say(anna, "/status");
  assert.match(status, /Подписка: вы получаете приглашения/);
  assert.match(status, /Ближайшая встреча: среда, 25 ноября, 11:00/);
  assert.match(status, /Ваш ответ: приду/);
  await h.say(anna, "/stop");
  assert.match(await h.say(anna, "/status"), /Подписка: вы отписались/);
});

Deno.test("an update sent again after a crash is handled once", async () => {
  await using h = await startHarness();
  const update = h.fake.sendText(anna, "/start");
  await h.fake.waitFor((f) => f.sent(anna.id)[0]);
  h.fake.injectUpdate({ ...update }); // the same update_id, as Telegram re-sends it
  await h.say(anna, "/help"); // handled in order after the duplicate
  assert.equal(
    h.fake.sent(anna.id).length,
    2,
    "greeting and help, no second greeting",
  );
  assert.ok(h.logs.some((l) => l.includes("update.duplicate")));
});

Deno.test("a failing handler is logged with its update_id and polling goes on", async () => {
  await using h = await startHarness();
  h.fake.block(anna.id);
  const update = h.fake.sendText(anna, "/help");
  await h.fake.waitFor(() =>
    h.logs.find((l) => l.includes("ERROR update.error"))
  );
  const line = h.logs.find((l) => l.includes("ERROR update.error"))!;
  assert.match(line, new RegExp(`update_id=${update.update_id}`));
  assert.match(line, /403/);
  assert.match(
    await h.say(stranger, "/help"),
    /\/start/,
    "the bot still answers others",
  );
});

Deno.test("a yes brings the calendar file, uploaded once per meeting and then reused", async () => {
  await using h = await startHarness({
    clock: new ManualClock("2026-11-23T08:00:00Z"),
  });
  const boris = user(2002, { first_name: "Борис" });
  for (const u of [anna, boris]) {
    await h.say(u, "/start");
    await h.press(u, "rsvp:2026-11-25:yes");
  }
  const documentTo = (u: { id: number }) =>
    h.fake.waitFor((f) =>
      f.sent(u.id).find((m) => m.method === "sendDocument")
    );
  const first = await documentTo(anna);
  const second = await documentTo(boris);
  assert.equal(first.document?.filename, "meeting-2026-11-25.ics");
  assert.equal(second.document, undefined, "no second upload");
  assert.equal(
    second.params.document,
    `document-${first.message_id}`,
    "the first's file_id",
  );
  assert.equal(
    second.caption,
    "Встреча «Живой эфир» в среду, 25 ноября, в 11:00 (мск): откройте файл, чтобы добавить её в календарь.",
  );
  // Back to yes after a no, within the pause: her calendar holds the entry already.
  await h.press(anna, "rsvp:2026-11-25:no");
  await h.press(anna, "rsvp:2026-11-25:yes");
  h.clock.advance(CALENDAR_PAUSE_MS);
  h.sender.kick();
  await h.say(anna, "/help");
  await h.idle();
  const documents = h.fake.sent(anna.id).filter((m) =>
    m.method === "sendDocument"
  );
  assert.equal(documents.length, 1);
});
