/**
 * `/capacity` through the fake Bot API: one week's seats, asked and confirmed like the
 * other per-week changes (the draft expires, the confirmation checks again); a larger
 * capacity seats the waitlist at once, a smaller one takes no seat away; and the seats,
 * the waitlist in its order and the promotions in `/stats`, `/who` and the export.
 * Meeting Wednesday 2026-11-25 11:00 Moscow (08:00Z).
 */
import assert from "node:assert/strict";
import { type FakeUser, inlineButtons, user } from "./fake_bot_api.ts";
import {
  type Harness,
  ManualClock,
  startHarness,
  tempDir,
  testConfig,
} from "./helpers.ts";
import { parseCsv } from "./support/csv.ts";

const MEETING = "2026-11-25";
const admin = user(9001, { first_name: "Хост" });
const anna = user(1, { first_name: "Анна" });
const boris = user(2, { first_name: "Борис" });
const vera = user(3, { first_name: "Вера" });
const gleb = user(4, { first_name: "Глеб" });
const PEOPLE = [anna, boris, vera, gleb];
const YES = `rsvp:${MEETING}:yes`;
const NO = `rsvp:${MEETING}:no`;
const GRANTED = /^Освободилось место — вы идёте на встречу/;

/** Everyone subscribed, Monday's invitation out; `capacity` seats; `database` a file. */
async function week(
  capacity: number | null,
  database = ":memory:",
): Promise<Harness> {
  const config = testConfig({ admins: [admin.id], database });
  const h = await startHarness({
    config: { ...config, meeting: { ...config.meeting, capacity } },
    clock: new ManualClock("2026-11-22T09:00:00Z"),
  });
  for (const u of PEOPLE) {
    await h.say(u, "/start");
    await h.press(u, "reg:yes");
  }
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  h.clock.set("2026-11-23T07:30:00Z");
  return h;
}

/** Presses the first button (Yes) under the question `question`, and waits for the edit. */
async function confirm(
  h: Harness,
  question: { message_id: number; reply_markup?: unknown },
): Promise<string> {
  const button = inlineButtons(
    question.reply_markup as Parameters<typeof inlineButtons>[0],
  )[0]!;
  await h.press(admin, "callback_data" in button ? button.callback_data : "");
  const done = await h.fake.waitFor((f) =>
    f.edits(admin.id).find((m) => m.message_id === question.message_id)
  );
  await h.idle();
  return done.text!;
}

/** Sends `/capacity …` and resolves to the question (or the refusal) it got. */
async function ask(h: Harness, command: string) {
  const before = h.fake.sent(admin.id).length;
  h.fake.sendText(admin, command);
  return await h.fake.waitFor(() => h.fake.sent(admin.id)[before]);
}

function seatOf(h: Harness, u: FakeUser) {
  const id = h.store.users.byTgId(u.id)!.id;
  return h.store.seats.held(MEETING, id)?.seat ?? null;
}

Deno.test("/capacity 3 asks first, then seats the waitlist at once, and each promoted is told", async () => {
  await using h = await week(1);
  for (const u of [anna, boris, vera]) await h.press(u, YES);
  const question = await ask(h, "/capacity 3");
  assert.equal(
    question.text,
    "Число мест на встрече в среду, 25 ноября: сейчас 1 место, станет 3 места. Занято мест: 1, в листе ожидания: 2.\n\nМесто сразу получат 2 человека из листа ожидания — я им напишу.",
  );
  assert.equal(seatOf(h, boris), "waitlist", "nothing before the confirmation");
  assert.equal(
    await confirm(h, question),
    "Готово: на встрече в среду, 25 ноября теперь 3 места. Из листа ожидания получили место: 2.",
  );
  assert.deepEqual(PEOPLE.map((u) => seatOf(h, u)), [
    "seat",
    "seat",
    "seat",
    null,
  ]);
  for (const u of [boris, vera]) {
    assert.match(h.fake.messagesTo(u.id).at(-1)!, GRANTED);
  }
  // Only this week: next week has the config's seat.
  h.clock.set("2026-11-30T07:00:00Z");
  await h.jobs.tick();
  assert.match(h.fake.messagesTo(gleb.id).at(-1)!, /Осталось 1 место\./);
});

Deno.test("a smaller capacity takes no seat away: freed seats are not given again until the count is under it", async () => {
  await using h = await week(3);
  for (const u of [anna, boris, vera]) await h.press(u, YES);
  const question = await ask(h, "/capacity 1");
  assert.equal(
    question.text,
    "Число мест на встрече в среду, 25 ноября: сейчас 3 места, станет 1 место. Занято мест: 3, в листе ожидания: 0.\n\nЗанято больше мест, чем станет: ни у кого место не отнимется, а новые «да» пойдут в лист ожидания, пока места не освободятся.",
  );
  await confirm(h, question);
  assert.deepEqual([anna, boris, vera].map((u) => seatOf(h, u)), [
    "seat",
    "seat",
    "seat",
  ]);
  assert.equal(
    (await h.press(gleb, YES)).text,
    "Мест нет — вы в листе ожидания, номер 1",
  );
  await h.press(anna, NO);
  await h.press(boris, NO);
  assert.equal(seatOf(h, gleb), "waitlist", "one seat taken of one");
  await h.press(vera, NO);
  await h.idle();
  assert.equal(seatOf(h, gleb), "seat");
  assert.match(h.fake.messagesTo(gleb.id).at(-1)!, GRANTED);
});

Deno.test("/capacity - lifts the limit for the week and seats everyone waiting", async () => {
  await using h = await week(1);
  for (const u of [anna, boris, vera]) await h.press(u, YES);
  const question = await ask(h, "/capacity -");
  assert.equal(
    question.text,
    "Число мест на встрече в среду, 25 ноября: сейчас 1 место, станет без ограничения. Занято мест: 1, в листе ожидания: 2.\n\nМесто сразу получат 2 человека из листа ожидания — я им напишу.",
  );
  assert.equal(
    await confirm(h, question),
    "Готово: на встрече в среду, 25 ноября теперь без ограничения. Из листа ожидания получили место: 2.",
  );
  assert.equal((await h.press(gleb, YES)).text, "Ответ сохранён");
  assert.deepEqual(PEOPLE.map((u) => seatOf(h, u)), [
    "seat",
    "seat",
    "seat",
    "seat",
  ]);
});

Deno.test("/capacity refuses nonsense and the seats it already has; only admins have it", async () => {
  await using h = await week(2);
  const usage =
    "Напишите число мест: /capacity 12 — или /capacity -, чтобы снять ограничение. Меняется только ближайшая встреча.";
  for (const bad of ["", "0", "много", "2.5", "-3", "100001"]) {
    assert.equal((await ask(h, `/capacity ${bad}`)).text, usage, bad);
  }
  assert.equal(
    (await ask(h, "/capacity 2")).text,
    "На встрече в среду, 25 ноября и так 2 места.",
  );
  assert.equal(
    await h.say(anna, "/capacity 5"),
    "Такой команды нет. Список команд — /help.",
  );
});

Deno.test("a /capacity confirmation checks again: seats changed meanwhile, or the question is too old", async () => {
  await using h = await week(1);
  const first = await ask(h, "/capacity 3");
  const second = await ask(h, "/capacity 5");
  await confirm(h, second);
  assert.equal(
    await confirm(h, first),
    "Пока вы решали, число мест на встрече в среду, 25 ноября уже поменяли: сейчас 5 мест. Отправьте /capacity ещё раз.",
  );
  assert.equal(h.store.seats.ownCapacity(MEETING).capacity, 5);
  const late = await ask(h, "/capacity 2");
  h.clock.advance(61 * 60_000);
  assert.match(await confirm(h, late), /^С этого вопроса прошло больше/);
  assert.equal(h.store.seats.ownCapacity(MEETING).capacity, 5);
});

Deno.test("/stats, /who and the export show the seats, the waitlist in its order and the promotions", async (t) => {
  await using h = await week(1);
  for (const u of [anna, vera, boris]) await h.press(u, YES);
  await h.press(anna, NO); // Vera, first waiting, gets the seat
  await h.press(gleb, YES);
  await h.idle();
  await t.step("/who", async () => {
    assert.equal(
      await h.say(admin, "/who"),
      "Встреча в среду, 25 ноября, в 11:00 (мск)\n\n" +
        "✅ Придут (1):\nВера\n\n❌ Не смогут (1):\nАнна\n\n❔ Не ответили (0):\n—\n\n" +
        "⏳ Лист ожидания (2):\n1. Борис\n2. Глеб\n\n" +
        "Мест: 1, занято 1, свободно 0. Из листа ожидания получили место: 1.",
    );
  });
  await t.step("/stats", async () => {
    assert.match(
      await h.say(admin, "/stats"),
      /\n\nМеста на встрече в среду, 25 ноября \(1 место\): занято 1, в листе ожидания 2, получили место из листа ожидания 1\.$/,
    );
  });
  await t.step("the export", async () => {
    h.fake.sendText(admin, "/export");
    const document = await h.fake.waitFor((f) =>
      f.sent(admin.id).find((m) => m.method === "sendDocument")
    );
    const rows = parseCsv(new TextDecoder().decode(document.document!.bytes));
    // The seat's columns after the answer, then whether they came and the rating.
    assert.deepEqual(rows[0]!.slice(-5), [
      "Место",
      "Номер в листе ожидания",
      "Из листа ожидания",
      "Пришёл",
      "Оценка",
    ]);
    assert.deepEqual(
      rows.slice(1).map((r) => [r[5], r[8], ...r.slice(-5)]),
      [
        ["Анна", "нет", "", "", "", "неизвестно", ""],
        ["Борис", "да", "лист ожидания", "1", "", "неизвестно", ""],
        ["Вера", "да", "место", "", "да", "неизвестно", ""],
        ["Глеб", "да", "лист ожидания", "2", "", "неизвестно", ""],
      ],
    );
  });
});

Deno.test("a larger meeting.capacity in the config seats the waitlist as soon as the bot starts", async () => {
  await using dir = await tempDir();
  const database = `${dir.path}/bot.sqlite3`;
  {
    await using h = await week(1, database);
    for (const u of [anna, boris, vera]) await h.press(u, YES);
    await h.idle();
  }
  const config = testConfig({ admins: [admin.id], database });
  await using h = await startHarness({
    config: { ...config, meeting: { ...config.meeting, capacity: 2 } },
    clock: new ManualClock("2026-11-23T08:00:00Z"),
    fake: { idsAfter: 100_000 }, // update ids the first bot did not handle
  });
  // A "yes" before the first tick does not pass those waiting for the new seat.
  assert.equal(
    (await h.press(gleb, YES)).text,
    "Мест нет — вы в листе ожидания, номер 2",
  );
  await h.jobs.tick(); // as at start
  assert.deepEqual(PEOPLE.map((u) => seatOf(h, u)), [
    "seat",
    "seat",
    "waitlist",
    "waitlist",
  ]);
  assert.match(h.fake.messagesTo(boris.id).at(-1)!, GRANTED);
});

Deno.test("/link counts and tells only those with a seat, not those waiting", async () => {
  await using h = await week(1);
  for (const u of [anna, boris]) await h.press(u, YES);
  const question = await ask(h, "/link https://meet.example.com/new");
  assert.match(question.text!, /Сообщу 1 записавшемуся\.$/);
  await confirm(h, question);
  const told = (u: FakeUser) =>
    h.fake.messagesTo(u.id).filter((m) => m.startsWith("Новая ссылка")).length;
  assert.deepEqual([anna, boris].map(told), [1, 0]);
});
