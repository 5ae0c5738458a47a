/**
 * Seats through the fake Bot API: the free seats in the invitation, a "yes" beyond them
 * on the waitlist with its place, a seat given up (a "no", `/stop`, a chat that is gone,
 * the leave button) going at once to the first on the waitlist with the calendar file
 * (and the link once the reminders went out), the reminders for seats only and the note
 * to those still waiting. Meeting Wednesday 2026-11-25 11:00 Moscow (08:00Z).
 */
import assert from "node:assert/strict";
import { type FakeUser, inlineButtons, user } from "./fake_bot_api.ts";
import {
  type Harness,
  ManualClock,
  startHarness,
  testConfig,
} from "./helpers.ts";

const MEETING = "2026-11-25";
const admin = user(9001, { first_name: "Хост" });
const anna = user(1, { first_name: "Анна" });
const boris = user(2, { first_name: "Борис" });
const vera = user(3, { first_name: "Вера" });
const gleb = user(4, { first_name: "Глеб" });
const dina = user(5, { first_name: "Дина" });
const PEOPLE = [anna, boris, vera, gleb, dina];

const YES = `rsvp:${MEETING}:yes`;
const NO = `rsvp:${MEETING}:no`;
const LEAVE = `rsvp:${MEETING}:leave`;
const GRANTED = "Освободилось место — вы идёте на встречу «Живой эфир» " +
  "в среду, 25 ноября, в 11:00 (мск).\n\n";
const DECLINE = "Если планы изменились, нажмите «Нет, не смогу» — место " +
  "перейдёт следующему в очереди.";

/** Everyone subscribed, Monday's invitation sent; `capacity` seats a week. */
async function seatedWeek(capacity: number | null): Promise<Harness> {
  const config = testConfig({ admins: [admin.id] });
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

/** The invitation `u` got (and pressed), as now shown after its edits. */
function invitationOf(h: Harness, u: FakeUser) {
  const sent = h.fake.sent(u.id).find((m) => m.text?.startsWith("Приглашаю"))!;
  return h.fake.message(u.id, sent.message_id);
}

/** The text of `u`'s invitation, as now shown. */
function pressedText(h: Harness, u: FakeUser): string | undefined {
  return invitationOf(h, u)?.text;
}

/** Where `u` stands, as the database says. */
function seatOf(h: Harness, u: FakeUser) {
  const id = h.store.users.byTgId(u.id)!.id;
  return h.store.seats.held(MEETING, id)?.seat ?? null;
}

const calendars = (h: Harness, u: FakeUser) =>
  h.fake.sent(u.id).filter((m) => m.method === "sendDocument").length;

/** `/status` without its settings lines (the zone, the messages, a pause). */
function statusHead(text: string): string {
  return text.split("\n\nЧасовой пояс:")[0]!;
}

Deno.test("the invitation shows the free seats, and a 'yes' beyond them waits on the waitlist with its place", async (t) => {
  await using h = await seatedWeek(2);
  await t.step("the invitation says how many seats are left", () => {
    assert.equal(
      h.fake.messagesTo(anna.id).at(-1),
      "Приглашаю на встречу «Живой эфир» в среду, 25 ноября, в 11:00 (мск). Она продлится 1 час.\n\nОсталось 2 места.\n\nПридёте?",
    );
  });
  await t.step(
    "the first two get the seats, the next two the waitlist",
    async () => {
      assert.equal((await h.press(anna, YES)).text, "Ответ сохранён");
      assert.equal((await h.press(boris, YES)).text, "Ответ сохранён");
      assert.equal(
        (await h.press(vera, YES)).text,
        "Мест нет — вы в листе ожидания, номер 1",
      );
      assert.equal(
        (await h.press(gleb, YES)).text,
        "Мест нет — вы в листе ожидания, номер 2",
      );
      await h.idle();
      assert.deepEqual(PEOPLE.map((u) => seatOf(h, u)), [
        "seat",
        "seat",
        "waitlist",
        "waitlist",
        null,
      ]);
      assert.deepEqual(PEOPLE.map((u) => calendars(h, u)), [1, 1, 0, 0, 0]);
    },
  );
  await t.step(
    "the waitlisted's message shows the place and a button to leave",
    async () => {
      await h.idle();
      assert.equal(
        pressedText(h, gleb),
        "Встреча «Живой эфир» в среду, 25 ноября, в 11:00 (мск).\n\n⏳ Мест пока нет — вы в листе ожидания, ваш номер в очереди: 2. Как только место освободится, оно перейдёт к вам, и я сразу напишу.",
      );
      assert.deepEqual(
        inlineButtons(invitationOf(h, gleb)?.reply_markup).map((b) => b.text),
        ["Выйти из листа ожидания"],
      );
    },
  );
  await t.step("a 'no' sees that no seat is left", async () => {
    await h.press(dina, NO);
    await h.idle();
    assert.equal(
      pressedText(h, dina),
      "Встреча «Живой эфир» в среду, 25 ноября, в 11:00 (мск).\n\nСвободных мест нет: ответите «Да, буду» — запишу в лист ожидания.\n\n❌ Вы не сможете прийти. Если планы изменятся, ответ можно поменять до начала.",
    );
  });
  await t.step("/status shows the place, and no link", async () => {
    assert.equal(
      statusHead(await h.say(vera, "/status")),
      "Подписка: вы получаете приглашения\nБлижайшая встреча: среда, 25 ноября, 11:00 (мск)\nВаш ответ: в листе ожидания, номер 1",
    );
  });
});

Deno.test("a 'no' from a seat gives it at once to the first on the waitlist: told, with the calendar file; the waitlist moves up", async () => {
  await using h = await seatedWeek(2);
  for (const u of [anna, boris, vera, gleb]) await h.press(u, YES);
  await h.idle();
  assert.equal((await h.press(anna, NO)).text, "Ответ сохранён");
  await h.idle();
  assert.equal(seatOf(h, vera), "seat");
  assert.equal(
    h.fake.messagesTo(vera.id).at(-1),
    GRANTED + DECLINE,
    "before the reminders: no link yet",
  );
  assert.equal(calendars(h, vera), 1);
  assert.match(pressedText(h, vera)!, /✅ Вы придёте/);
  assert.equal(
    statusHead(await h.say(gleb, "/status")),
    "Подписка: вы получаете приглашения\nБлижайшая встреча: среда, 25 ноября, 11:00 (мск)\nВаш ответ: в листе ожидания, номер 1",
  );
  assert.match(
    pressedText(h, anna)!,
    /Свободных мест нет/,
    "the seat went on at once: none is free",
  );
  // Once the reminders went out, the next promotion brings the link.
  h.clock.set("2026-11-25T06:00:00Z");
  await h.jobs.tick();
  assert.equal(
    h.fake.messagesTo(gleb.id).some((m) => m.includes("Ссылка")),
    false,
  );
  await h.press(boris, NO);
  await h.idle();
  assert.equal(
    h.fake.messagesTo(gleb.id).at(-1),
    GRANTED + "Ссылка: https://example.com/live\n\n" + DECLINE,
  );
  assert.equal(calendars(h, gleb), 1);
  assert.equal(h.store.seats.promotions(MEETING), 2);
});

Deno.test("/stop, or a chat Telegram says is gone, frees the seat for the first on the waitlist", async () => {
  await using h = await seatedWeek(1);
  for (const u of [anna, boris, vera]) await h.press(u, YES);
  await h.idle();
  await h.say(anna, "/stop");
  await h.idle();
  assert.equal(seatOf(h, boris), "seat");
  assert.equal(h.fake.messagesTo(boris.id).at(-1), GRANTED + DECLINE);
  // Boris blocked the bot: the reminder to him finds the chat gone, and at once (no
  // tick in between) his seat goes on.
  h.fake.block(boris.id);
  h.clock.set("2026-11-25T06:00:00Z");
  await h.jobs.runNow("first_reminder");
  assert.equal(h.store.users.byTgId(boris.id)!.is_active, false);
  assert.equal(seatOf(h, vera), "seat");
  assert.equal(
    h.fake.messagesTo(vera.id).at(-1),
    GRANTED + "Ссылка: https://example.com/live\n\n" + DECLINE,
  );
});

Deno.test("the leave button takes one off the waitlist, and the next moves up; pressed after a promotion it keeps the seat", async () => {
  await using h = await seatedWeek(1);
  for (const u of [anna, boris, vera]) await h.press(u, YES);
  await h.idle();
  assert.equal(
    (await h.press(boris, LEAVE)).text,
    "Вы вышли из листа ожидания",
  );
  await h.idle();
  assert.equal(seatOf(h, boris), null);
  assert.match(pressedText(h, boris)!, /❌ Вы не сможете прийти/);
  assert.match(
    pressedText(h, vera)!,
    /номер в очереди: 2/,
    "shown at its edit",
  );
  assert.equal(
    statusHead(await h.say(vera, "/status")),
    "Подписка: вы получаете приглашения\nБлижайшая встреча: среда, 25 ноября, 11:00 (мск)\nВаш ответ: в листе ожидания, номер 1",
  );
  await h.press(anna, NO);
  await h.idle();
  assert.equal(seatOf(h, vera), "seat");
  // An old "leave" button pressed after the promotion gives nothing away.
  const update = h.fake.pressButton(vera, LEAVE);
  const reply = await h.fake.waitFor((f) =>
    f.answerFor(update.callback_query!.id)
  );
  assert.equal(reply.text, "Место уже ваше — вы не в листе ожидания");
  await h.idle();
  assert.equal(seatOf(h, vera), "seat");
});

Deno.test("reminders with the link go to those with a seat; those waiting get a note before the start", async () => {
  await using h = await seatedWeek(1);
  for (const u of [anna, boris, vera]) await h.press(u, YES);
  h.clock.set("2026-11-25T06:00:00Z");
  await h.jobs.tick();
  h.clock.set("2026-11-25T07:40:00Z");
  await h.jobs.tick();
  const reminders = (u: FakeUser) =>
    h.fake.messagesTo(u.id).filter((m) => m.includes("Ссылка")).length;
  assert.deepEqual([anna, boris, vera].map(reminders), [2, 0, 0]);
  assert.equal(
    h.fake.messagesTo(vera.id).at(-1),
    "Встреча «Живой эфир» — сегодня в 11:00 (мск). В этот раз мест на ней не хватило: вы в листе ожидания, номер 2. Если кто-то откажется до начала, место перейдёт к вам, и я сразу пришлю ссылку.",
  );
  assert.match(h.fake.messagesTo(boris.id).at(-1)!, /номер 1\./);
  assert.equal(
    h.fake.messagesTo(anna.id).filter((m) => m.includes("листе ожидания"))
      .length,
    0,
  );
});

Deno.test("one who left and comes back gets the seat back while one is free, and queues at the end otherwise", async () => {
  await using h = await seatedWeek(2);
  await h.press(anna, YES);
  await h.say(anna, "/stop");
  await h.say(anna, "/start");
  await h.idle();
  assert.equal(seatOf(h, anna), "seat", "a seat was free");
  for (const u of [boris, vera]) await h.press(u, YES);
  await h.say(boris, "/stop");
  await h.idle();
  assert.equal(seatOf(h, vera), "seat", "Boris's seat went on");
  await h.say(boris, "/start");
  assert.equal(seatOf(h, boris), null, "no seat free: his 'yes' has no place");
  assert.equal(
    (await h.press(boris, YES)).text,
    "Мест нет — вы в листе ожидания, номер 1",
  );
});
