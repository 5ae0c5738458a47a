/**
 * An admin changes this week's meeting from Telegram: its topic, its link, its time, or
 * cancels a coming week. Each change reaches only that week's messages and exactly the
 * people it concerns, once each; calendars update the same entry.
 * Meeting Wednesday 2026-11-25 11:00 Moscow (08:00Z).
 */
import assert from "node:assert/strict";
import { inlineButtons, user } from "./fake_bot_api.ts";
import {
  type Harness,
  ManualClock,
  startHarness,
  testConfig,
} from "./helpers.ts";
import { parseIcs } from "./support/ics.ts";
import {
  admin,
  anna,
  boris,
  confirm,
  invitationOf,
  MEETING,
  pressUnder,
  vera,
  week,
} from "./support/week.ts";

const calendarsTo = (h: Harness, id: number) =>
  h.fake.sent(id).filter((m) => m.method === "sendDocument").map((m) => {
    const bytes = m.document?.bytes;
    return bytes === undefined
      ? undefined
      : parseIcs(new TextDecoder().decode(bytes));
  });

Deno.test("/topic shows this week's topic in its invitation and reminders, not next week's", async () => {
  await using h = await week();
  const messages = h.fake.messagesTo(vera.id).length;
  assert.equal(
    await h.say(admin, "/topic Как читать договоры"),
    "Тема встречи в среду, 25 ноября: «Как читать договоры». Допишу её в 3 " +
      "отправленных сообщения о встрече — без нового уведомления — и покажу в " +
      "следующих.",
  );
  await h.idle();
  assert.equal(
    invitationOf(h, vera).text,
    "Приглашаю на встречу «Живой эфир» в среду, 25 ноября, в 11:00 (мск). " +
      "Она продлится 1 час.\n\nТема: Как читать договоры\n\nПридёте?",
    "the invitation already sent says it",
  );
  assert.equal(
    invitationOf(h, anna).text,
    "Встреча «Живой эфир» в среду, 25 ноября, в 11:00 (мск).\n\n" +
      "Тема: Как читать договоры\n\n✅ Вы придёте — ждём! Ссылку пришлю в день " +
      "встречи. Если планы изменятся, ответ можно поменять до начала.",
    "with the answer shown in it",
  );
  assert.equal(
    h.fake.messagesTo(vera.id).length,
    messages,
    "an edit, no new message",
  );
  const gleb = user(4, { first_name: "Глеб" });
  await h.say(gleb, "/start");
  await h.press(gleb, "reg:yes"); // a latecomer's invitation has it
  await h.idle();
  assert.match(
    h.fake.messagesTo(gleb.id).at(-1)!,
    /Тема: Как читать договоры/,
  );
  h.clock.set("2026-11-25T06:00:00Z");
  await h.jobs.tick();
  assert.match(h.fake.messagesTo(anna.id).at(-1)!, /Тема: Как читать договоры/);
  h.clock.set("2026-11-30T07:00:00Z"); // next Monday
  await h.jobs.tick();
  assert.doesNotMatch(h.fake.messagesTo(anna.id).at(-1)!, /Тема/);
  assert.match(h.fake.messagesTo(anna.id).at(-1)!, /2 декабря/);
});

Deno.test("/link asks to confirm, then tells only those who said yes, once, with the updated calendar entry", async () => {
  await using h = await week();
  const before = calendarsTo(h, anna.id);
  assert.equal(before.length, 1);
  assert.equal(
    await h.say(admin, "/link https://meet.example.com/abc"),
    "Поменять ссылку на встречу в среду, 25 ноября, на https://meet.example.com/abc? Сообщу 1 записавшемуся.",
  );
  assert.equal(
    await confirm(h),
    "Ссылка на встречу в среду, 25 ноября, теперь такая: https://meet.example.com/abc. Сообщаю 1 записавшемуся.",
  );
  const told = (id: number) =>
    h.fake.messagesTo(id).filter((m) => m.startsWith("Новая ссылка"));
  assert.equal(told(anna.id).length, 1);
  assert.equal(told(boris.id).length, 0, "said no: not concerned");
  assert.equal(told(vera.id).length, 0);
  const [first, updated] = calendarsTo(h, anna.id);
  const event = (ics: typeof first) => ics!.find((c) => c.BEGIN === "VEVENT")!;
  assert.equal(event(updated).UID, event(first).UID);
  assert.equal(
    Number(event(updated).SEQUENCE),
    Number(event(first).SEQUENCE) + 1,
  );
  assert.equal(event(updated).URL, "https://meet.example.com/abc");
  // The reminders carry the new link; next week's the config's.
  h.clock.set("2026-11-25T06:00:00Z");
  await h.jobs.tick();
  assert.match(h.fake.messagesTo(anna.id).at(-1)!, /meet\.example\.com\/abc/);
  h.clock.set("2026-12-02T06:00:00Z");
  await h.press(anna, "rsvp:2026-12-02:yes");
  await h.jobs.tick();
  // (Sent in the same tick as the caught-up invitation, in either order.)
  const reminders = h.fake.messagesTo(anna.id).filter((m) =>
    m.startsWith("Напоминаю")
  );
  assert.equal(reminders.length, 2);
  assert.match(reminders[1]!, /example\.com\/live/);
});

Deno.test("/move moves the meeting, its reminders and the answer cut-off; everyone invited is told once, and every invitation shows the new time", async () => {
  await using h = await week();
  assert.equal(
    invitationOf(h, vera).text,
    "Приглашаю на встречу «Живой эфир» в среду, 25 ноября, в 11:00 (мск). " +
      "Она продлится 1 час.\n\nПридёте?",
    "before",
  );
  assert.equal(
    await h.say(admin, "/move 26.11 15:00"),
    "Перенести встречу со среды, 25 ноября, 11:00, на четверг, 26 ноября, 15:00 (мск)? Сообщу 3 приглашённым, а в уже отправленных сообщениях о встрече поправлю время.",
  );
  assert.equal(
    await confirm(h),
    "Встреча перенесена со среды, 25 ноября, 11:00, на четверг, 26 ноября, 15:00 (мск). Сообщаю 3 приглашённым и поправляю время в уже отправленных сообщениях о встрече.",
  );
  const told = (id: number) =>
    h.fake.messagesTo(id).filter((m) => m.includes("переносится"));
  assert.equal(told(anna.id).length, 1);
  assert.equal(told(boris.id).length, 1, "said no: may come now");
  assert.equal(
    told(anna.id)[0],
    "Встреча «Живой эфир» переносится со среды, 25 ноября, 11:00, на четверг, 26 ноября, 15:00 (мск).\n\n" +
      "Если планы изменились, ответ можно поменять в приглашении.",
  );
  assert.deepEqual(told(vera.id), [
    "Встреча «Живой эфир» переносится со среды, 25 ноября, 11:00, на четверг, 26 ноября, 15:00 (мск).\n\n" +
    "Придёте в новое время? Ответить можно кнопками в приглашении.",
  ], "did not answer: told too");
  assert.equal(
    invitationOf(h, vera).text,
    "Приглашаю на встречу «Живой эфир» в четверг, 26 ноября, в 15:00 (мск). " +
      "Она продлится 1 час.\n\nПридёте?",
    "after: the invitation shows the new time",
  );
  assert.equal(inlineButtons(invitationOf(h, vera).reply_markup).length, 2);
  assert.equal(
    invitationOf(h, anna).text,
    "Встреча «Живой эфир» в четверг, 26 ноября, в 15:00 (мск).\n\n✅ Вы " +
      "придёте — ждём! Ссылку пришлю в день встречи. Если планы изменятся, " +
      "ответ можно поменять до начала.",
    "and the answer shown in it",
  );
  const [first, updated] = calendarsTo(h, anna.id);
  const event = (ics: typeof first) => ics!.find((c) => c.BEGIN === "VEVENT")!;
  assert.equal(event(updated).UID, event(first).UID);
  assert.equal(
    event(updated).SEQUENCE,
    String(Number(event(first).SEQUENCE) + 1),
  );
  assert.equal(event(updated).DTSTART, "20261126T120000Z");
  // Wednesday 09:00: no reminder; Thursday 13:00 (the same two hours before): yes.
  const reminders = () =>
    h.fake.messagesTo(anna.id).filter((m) => m.startsWith("Напоминаю"));
  h.clock.set("2026-11-25T06:00:00Z");
  await h.jobs.tick();
  assert.equal(reminders().length, 0);
  // Wednesday after 11:00 answers are still open: the meeting is on Thursday.
  h.clock.set("2026-11-25T09:00:00Z");
  assert.equal(
    (await pressUnder(h, vera, `rsvp:${MEETING}:yes`)).text,
    "Ответ сохранён",
  );
  h.clock.set("2026-11-26T10:00:00Z");
  await h.jobs.tick();
  assert.equal(reminders().length, 1);
  assert.match(reminders()[0]!, /сегодня в 15:00 \(мск\)/);
  h.clock.set("2026-11-26T12:00:01Z");
  assert.equal(
    (await pressUnder(h, boris, `rsvp:${MEETING}:yes`)).text!,
    "Эта встреча уже началась — ответ не изменён.",
  );
  h.clock.set("2026-11-26T13:00:00Z");
  assert.equal(
    (await pressUnder(h, boris, `rsvp:${MEETING}:yes`)).text!,
    "Эта встреча уже прошла — ответ не изменён.",
  );
});

Deno.test("/skip of a week two weeks ahead leaves this week untouched", async () => {
  await using h = await week();
  assert.equal(
    await h.say(admin, "/skip 09.12"),
    "Отменить встречу в среду, 9 декабря, в 11:00 (мск)? Сообщу 3 подписчикам, напоминаний не будет.",
  );
  assert.equal(
    await confirm(h),
    "Встреча в среду, 9 декабря, отменена. Сообщаю 3 подписчикам; напоминаний не будет.",
  );
  assert.equal(
    h.store.meetings.get(MEETING)?.status ?? "scheduled",
    "scheduled",
  );
  h.clock.set("2026-11-25T06:00:00Z");
  await h.jobs.tick();
  assert.match(
    h.fake.messagesTo(anna.id).at(-1)!,
    /^Напоминаю/,
    "this week goes on",
  );
  h.clock.set("2026-12-07T07:00:00Z"); // Monday before the cancelled week
  await h.jobs.tick();
  assert.equal(
    h.fake.messagesTo(anna.id).filter((m) =>
      m.includes("9 декабря") && m.startsWith("Приглашаю")
    ).length,
    0,
  );
  assert.equal(
    (await h.say(anna, "/status")).split("\n\nЧасовой пояс:")[0],
    "Подписка: вы получаете приглашения\n" +
      "Встреча в среду, 9 декабря, отменена. Приглашение на следующую придёт как обычно.",
  );
});

Deno.test("a cancellation edits every message with answer buttons, tells everyone concerned, and sends METHOD:CANCEL", async () => {
  await using h = await week();
  await h.say(admin, `/skip ${MEETING}`);
  await confirm(h);
  for (const u of [anna, boris, vera]) {
    const invitation = h.fake.sent(u.id).find((m) =>
      m.text?.startsWith("Приглашаю")
    )!;
    const now = h.fake.message(u.id, invitation.message_id)!;
    assert.match(now.text!, /отменена/, `${u.first_name}'s invitation says so`);
    assert.equal(inlineButtons(now.reply_markup).length, 0, "no buttons");
    assert.equal(
      h.fake.messagesTo(u.id).filter((m) => m.includes("отменяется")).length,
      1,
    );
  }
  const cancel = calendarsTo(h, anna.id).at(-1)!;
  assert.equal(cancel.find((c) => c.BEGIN === "VCALENDAR")!.METHOD, "CANCEL");
  assert.equal(calendarsTo(h, boris.id).length, 0, "never had one");
  assert.match(await h.say(anna, "/status"), /отменена/);
  assert.doesNotMatch(await h.say(anna, "/status"), /прошла|Ваш ответ/);
});

Deno.test("/unskip after the invitation's time sends the invitation at once, without a restart", async () => {
  await using h = await startHarness({
    config: testConfig({ admins: [admin.id] }),
    clock: new ManualClock("2026-11-22T12:00:00Z"), // Sunday
  });
  await h.say(admin, "/start");
  for (const u of [anna, boris]) {
    await h.say(u, "/start");
    await h.press(u, "reg:yes");
  }
  await h.say(admin, `/skip ${MEETING}`);
  await confirm(h);
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick(); // Monday: nothing for a cancelled meeting
  assert.equal(
    h.fake.messagesTo(anna.id).filter((m) => m.startsWith("Приглашаю")).length,
    0,
  );
  h.clock.set("2026-11-24T09:00:00Z"); // Tuesday
  assert.equal(
    await h.say(admin, "/unskip"),
    "Вернуть встречу в среду, 25 ноября, в 11:00 (мск)? Сообщу 2 подписчикам, " +
      "что она всё-таки состоится.",
  );
  assert.equal(
    await confirm(h),
    "Встреча в среду, 25 ноября, снова в расписании. Сообщаю 2 подписчикам.",
  );
  for (const u of [anna, boris]) {
    const back = h.fake.sent(u.id).filter((m) =>
      m.text?.includes("всё-таки состоится")
    );
    assert.equal(back.length, 1);
    assert.equal(
      inlineButtons(back[0]!.reply_markup).length,
      2,
      "with the buttons",
    );
  }
  await h.jobs.tick();
  assert.equal(
    h.fake.messagesTo(anna.id).filter((m) => m.startsWith("Приглашаю")).length,
    0,
    "and no second invitation",
  );
});
