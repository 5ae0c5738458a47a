/**
 * The messages each person chose, through a real week on the fake Bot API: the weekly
 * jobs, latecomer invitations, the notices of a change and the question after a meeting
 * each go only to whoever wants them, decided when they are owed and again when they are
 * sent. Meeting Wednesday 2026-11-25 11:00 Moscow (08:00Z).
 */
import assert from "node:assert/strict";
import { type FakeUser, inlineButtons } from "./fake_bot_api.ts";
import { type Harness, ManualClock, startHarness } from "./helpers.ts";
import { openSettings, pressSetting } from "./support/settings.ts";
import {
  admin,
  anna,
  boris,
  confirm,
  MEETING,
  pressUnder,
  vera,
  week,
} from "./support/week.ts";

const FIRST = "Напоминаю: сегодня в 11:00 (мск)";
const SECOND = "Через несколько минут, в 11:00 (мск)";

/** The outbox key of `kind` about `ref` (and its round) for `u`. */
function keyFor(h: Harness, u: FakeUser, batch: string): string {
  return `${batch}/u${h.store.users.byTgId(u.id)!.id}`;
}

function starting(h: Harness, u: FakeUser, start: string): string[] {
  return h.fake.messagesTo(u.id).filter((m) => m.startsWith(start));
}

/** Monday 09:00 Moscow, before the invitation: `people` subscribed. */
async function sunday(...people: FakeUser[]): Promise<Harness> {
  const h = await startHarness({
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  for (const u of people) {
    await h.say(u, "/start");
    await h.press(u, "reg:yes");
  }
  return h;
}

/** Opens `/settings` as `u` and presses `data` there (a screen, then `then`). */
async function setting(
  h: Harness,
  u: FakeUser,
  data: string,
  then?: string,
) {
  await openSettings(h, u);
  const answer = await pressSetting(h, u, data);
  if (then === undefined) assert.equal(answer, "Сохранено", data);
  else assert.equal(await pressSetting(h, u, then), "Сохранено", then);
}

Deno.test("a person who turned the first reminder off gets only the second; the others get both", async () => {
  await using h = await sunday(anna, boris);
  await setting(h, anna, "set:msg:first_reminder:off");
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  for (const u of [anna, boris]) await pressUnder(h, u, `rsvp:${MEETING}:yes`);
  h.clock.set("2026-11-25T06:00:00Z");
  await h.jobs.tick();
  assert.deepEqual(starting(h, anna, FIRST), []);
  assert.equal(
    h.store.outbox.byKey(keyFor(h, anna, `first_reminder/${MEETING}`)),
    undefined,
    "not even owed",
  );
  assert.equal(starting(h, boris, FIRST).length, 1);
  h.clock.set("2026-11-25T07:40:00Z");
  await h.jobs.tick();
  assert.deepEqual(starting(h, anna, SECOND), [
    "Через несколько минут, в 11:00 (мск), начинаем «Живой эфир»!\n\n" +
    "Ссылка: https://example.com/live",
  ]);
  assert.equal(starting(h, boris, SECOND).length, 1);
});

Deno.test("a reminder owed before the person turned it off is not sent after", async () => {
  await using h = await sunday(anna);
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  await pressUnder(h, anna, `rsvp:${MEETING}:yes`);
  await h.idle(); // the calendar file is delivered
  h.clock.set("2026-11-25T06:00:00Z");
  h.fake.failNext(1); // the first try fails: the reminder waits in the outbox
  await h.jobs.tick();
  const row = h.store.outbox.byKey(
    keyFor(h, anna, `first_reminder/${MEETING}`),
  )!;
  assert.equal(row.status, "pending", "owed, not yet sent");
  await setting(h, anna, "set:msg:first_reminder:off");
  h.clock.advance(60_000);
  await h.jobs.tick();
  assert.equal(h.store.outbox.byKey(row.key)!.status, "dropped");
  assert.deepEqual(starting(h, anna, "Напоминаю"), []);
});

Deno.test("an invitation owed before the person paused is not sent after; ending the pause brings it at once", async () => {
  await using h = await sunday(anna);
  h.clock.set("2026-11-23T07:00:00Z");
  h.fake.failNext(1);
  await h.jobs.tick();
  await setting(h, anna, "set:pause", "set:pause:1");
  h.clock.advance(60_000);
  await h.jobs.tick();
  assert.equal(
    h.store.outbox.byKey(keyFor(h, anna, `invitation/${MEETING}`))!.status,
    "dropped",
  );
  assert.deepEqual(starting(h, anna, "Приглашаю"), []);
  // Ended early, the pause owes no note, and the week's invitation comes now.
  await pressSetting(h, anna, "set:unpause");
  assert.equal(starting(h, anna, "Приглашаю").length, 1);
  assert.deepEqual(starting(h, anna, "Пауза закончилась"), []);
});

Deno.test("a cancellation still reaches a paused person who said yes; not one paused without an answer; a new link reaches no one paused", async () => {
  await using h = await week(); // Anna yes, Boris no, Vera silent
  for (const u of [anna, vera]) {
    await setting(h, u, "set:pause", "set:pause:1");
  }
  await h.say(admin, "/link https://example.com/new");
  assert.match(h.fake.messagesTo(admin.id).at(-1)!, /Сообщу 0 записавшимся\.$/);
  await confirm(h);
  assert.deepEqual(starting(h, anna, "Новая ссылка"), [], "paused: no link");

  assert.match(
    await h.say(admin, `/skip ${MEETING}`),
    /Сообщу 2 подписчикам/,
  );
  await confirm(h);
  assert.deepEqual(
    starting(h, anna, "Встреча «Живой эфир» в среду, 25 ноября, отменяется"),
    [
      "Встреча «Живой эфир» в среду, 25 ноября, отменяется.\n\n" +
      "Приглашение на следующую придёт как обычно.",
    ],
  );
  assert.equal(
    starting(h, boris, "Встреча «Живой эфир» в среду, 25 ноября, отменяется")
      .length,
    1,
  );
  assert.deepEqual(starting(h, vera, "Встреча «Живой эфир» в среду"), []);
});

Deno.test("invitations turned off: none on Monday, none with /start; turned on again, this week's comes at once", async () => {
  await using h = await sunday(anna, boris);
  await setting(h, anna, "set:msg:invitation:off");
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  assert.deepEqual(starting(h, anna, "Приглашаю"), []);
  assert.equal(starting(h, boris, "Приглашаю").length, 1);
  await h.say(anna, "/start");
  await h.idle();
  assert.deepEqual(starting(h, anna, "Приглашаю"), []);
  assert.equal(
    h.store.outbox.byKey(keyFor(h, anna, `invitation/${MEETING}`)),
    undefined,
  );
  await pressSetting(h, anna, "set:msg:invitation:on");
  assert.equal(starting(h, anna, "Приглашаю").length, 1);
});

Deno.test("the nudge, the question after the meeting and follow-ups go only to whoever keeps them", async () => {
  await using h = await week(); // Anna yes, Boris no, Vera silent
  await setting(h, vera, "set:msg:nudge:off");
  h.clock.set("2026-11-24T15:00:00Z"); // Tuesday 18:00: the nudge
  await h.jobs.tick();
  assert.deepEqual(starting(h, vera, "Вы ещё не ответили"), []);
  await pressUnder(h, boris, `rsvp:${MEETING}:yes`);
  await setting(h, boris, "set:msg:feedback:off");
  h.clock.set("2026-11-25T09:15:00Z"); // 15 minutes after the end
  await h.jobs.tick();
  assert.equal(starting(h, anna, "Как вам встреча").length, 1);
  assert.deepEqual(starting(h, boris, "Как вам встреча"), []);
  assert.equal(
    h.store.outbox.byKey(keyFor(h, boris, `feedback/${MEETING}`)),
    undefined,
  );

  await setting(h, anna, "set:msg:followups:off");
  await h.say(admin, "/followup Запись: https://example.com/rec");
  const everyone = inlineButtons(
    h.fake.sent(admin.id).at(-1)!.reply_markup,
  )[1]!;
  await pressUnder(
    h,
    admin,
    "callback_data" in everyone ? everyone.callback_data : "",
  );
  await h.fake.waitFor((f) =>
    f.messagesTo(admin.id).some((m) => m.startsWith("Итоги разосланы"))
  );
  const followups = (u: FakeUser) => starting(h, u, "📎 Итоги встречи");
  assert.deepEqual([anna, boris, vera].map((u) => followups(u).length), [
    0,
    1,
    1,
  ]);
});

Deno.test("/stats counts the paused apart from those who get invitations", async () => {
  await using h = await week();
  await setting(h, vera, "set:pause", "set:pause:2");
  assert.match(
    await h.say(admin, "/stats"),
    /^Приглашения получают: 3\.\nИз них на паузе: 1\.\n/,
  );
});

Deno.test("a new link owed before the person paused the week is not sent after", async () => {
  await using h = await week(); // Anna said yes
  await h.say(admin, "/link https://example.com/new");
  // Anna's notice and her calendar file fail once and wait in the outbox.
  h.fake.failNext(2);
  await confirm(h);
  const row = h.store.outbox.byKey(
    keyFor(h, anna, `link_changed/${MEETING}/s1`),
  )!;
  assert.equal(row.status, "pending");
  await setting(h, anna, "set:pause", "set:pause:1");
  h.clock.advance(60_000);
  await h.jobs.tick();
  assert.equal(h.store.outbox.byKey(row.key)!.status, "dropped");
  assert.deepEqual(starting(h, anna, "Новая ссылка"), []);
});

Deno.test("a paused person who comes back with /start after the invitation is not invited; the week after their pause, they are", async () => {
  await using h = await sunday(anna);
  await setting(h, anna, "set:pause", "set:pause:1");
  await h.say(anna, "/stop");
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  h.clock.set("2026-11-24T09:00:00Z");
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  await h.idle();
  assert.deepEqual(starting(h, anna, "Приглашаю"), []);
  assert.equal(
    h.store.outbox.byKey(keyFor(h, anna, `invitation/${MEETING}`)),
    undefined,
  );
  h.clock.set("2026-11-30T07:00:00Z");
  await h.jobs.tick();
  assert.deepEqual(
    starting(h, anna, "Приглашаю").map((m) => /\d+ [а-я]+/.exec(m)![0]),
    ["2 декабря"],
  );
});
