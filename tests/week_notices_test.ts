/**
 * What people read when an admin restores a cancelled meeting (`/unskip`, confirmed
 * first) or gives a reason with `/skip` and `/move`: the answer each had given, kept;
 * the reason in every notice. Meeting Wednesday 2026-11-25 11:00 Moscow (08:00Z).
 */
import assert from "node:assert/strict";
import { inlineButtons } from "./fake_bot_api.ts";
import {
  admin,
  anna,
  boris,
  confirm,
  invitationOf,
  MEETING,
  vera,
  week,
} from "./support/week.ts";

Deno.test("/unskip asks first; the notice shows each one the answer kept, with the buttons to change it, and the cancelled invitations show the meeting again", async (t) => {
  await using h = await week();
  await h.say(admin, `/skip ${MEETING}`);
  await confirm(h);
  assert.equal(
    invitationOf(h, anna).text,
    "Встреча «Живой эфир» в среду, 25 ноября, в 11:00 (мск), отменена.",
  );
  await t.step("No keeps it cancelled and tells nobody", async () => {
    const before = h.fake.sent().length;
    assert.equal(
      await h.say(admin, "/unskip"),
      "Вернуть встречу в среду, 25 ноября, в 11:00 (мск)? Сообщу 3 " +
        "подписчикам, что она всё-таки состоится.",
    );
    assert.equal(await confirm(h, 1), "Хорошо, ничего не меняю.");
    assert.equal(h.store.meetings.get(MEETING)!.status, "cancelled");
    assert.equal(h.fake.sent().length, before + 1, "only the question");
  });
  await t.step("Yes restores it", async () => {
    await h.say(admin, "/unskip");
    assert.equal(
      await confirm(h),
      "Встреча в среду, 25 ноября, снова в расписании. Сообщаю 3 подписчикам.",
    );
    const notice = (u: typeof anna) =>
      h.fake.sent(u.id).find((m) => m.text?.includes("всё-таки состоится"))!;
    assert.equal(
      notice(anna).text,
      "Встреча «Живой эфир» в среду, 25 ноября, в 11:00 (мск), всё-таки " +
        "состоится!\n\n✅ Ваш ответ в силе: вы придёте. Если планы изменились, " +
        "ответ можно поменять до начала.",
    );
    assert.equal(
      notice(boris).text,
      "Встреча «Живой эфир» в среду, 25 ноября, в 11:00 (мск), всё-таки " +
        "состоится!\n\n❌ Ваш ответ в силе: вы не сможете прийти. Если планы " +
        "изменились, ответ можно поменять до начала.",
    );
    assert.equal(
      notice(vera).text,
      "Встреча «Живой эфир» в среду, 25 ноября, в 11:00 (мск), всё-таки " +
        "состоится!\n\nПридёте?",
    );
    for (const u of [anna, boris, vera]) {
      assert.deepEqual(
        inlineButtons(notice(u).reply_markup).map((b) => b.text),
        ["Да, буду", "Нет, не смогу"],
        `${u.first_name} can change it`,
      );
    }
    assert.equal(
      invitationOf(h, anna).text,
      "Встреча «Живой эфир» в среду, 25 ноября, в 11:00 (мск).\n\n✅ Вы " +
        "придёте — ждём! Ссылку пришлю в день встречи. Если планы изменятся, " +
        "ответ можно поменять до начала.",
      "the invitation edited to «cancelled» shows the meeting again",
    );
    assert.equal(inlineButtons(invitationOf(h, anna).reply_markup).length, 2);
  });
});

Deno.test("a reason after the date of /skip and /move is shown in the question and in every notice", async (t) => {
  await using h = await week();
  await t.step("/move 26.11 15:00 Ведущий в дороге", async () => {
    assert.equal(
      await h.say(admin, "/move 26.11 15:00 Ведущий в дороге"),
      "Перенести встречу со среды, 25 ноября, 11:00, на четверг, 26 ноября, " +
        "15:00 (мск)? Сообщу 3 приглашённым, а в уже отправленных сообщениях " +
        "о встрече поправлю время.\n\nВ сообщении участникам будет причина: " +
        "Ведущий в дороге",
    );
    await confirm(h);
    assert.equal(
      h.fake.messagesTo(anna.id).find((m) => m.includes("переносится")),
      "Встреча «Живой эфир» переносится со среды, 25 ноября, 11:00, на " +
        "четверг, 26 ноября, 15:00 (мск).\n\nПричина: Ведущий в дороге\n\n" +
        "Если планы изменились, ответ можно поменять в приглашении.",
    );
    assert.equal(
      h.fake.messagesTo(vera.id).find((m) => m.includes("переносится")),
      "Встреча «Живой эфир» переносится со среды, 25 ноября, 11:00, на " +
        "четверг, 26 ноября, 15:00 (мск).\n\nПричина: Ведущий в дороге\n\n" +
        "Придёте в новое время? Ответить можно кнопками в приглашении.",
    );
  });
  await t.step("/skip 02.12 Ведущий заболел", async () => {
    assert.equal(
      await h.say(admin, "/skip 02.12 Ведущий заболел"),
      "Отменить встречу в среду, 2 декабря, в 11:00 (мск)? Сообщу 3 " +
        "подписчикам, напоминаний не будет.\n\nВ сообщении участникам будет " +
        "причина: Ведущий заболел",
    );
    await confirm(h);
    assert.equal(
      h.fake.messagesTo(vera.id).at(-1),
      "Встреча «Живой эфир» в среду, 2 декабря, отменяется.\n\n" +
        "Причина: Ведущий заболел\n\nПриглашение на следующую придёт как обычно.",
    );
  });
  await t.step("a reason too long is refused; none is no line", async () => {
    assert.equal(
      await h.say(admin, `/skip 09.12 ${"а".repeat(201)}`),
      "Причина слишком длинная: 201 символ, а можно не больше 200. Сократите её.",
    );
    assert.equal(
      await h.say(admin, "/skip 09.12"),
      "Отменить встречу в среду, 9 декабря, в 11:00 (мск)? Сообщу 3 " +
        "подписчикам, напоминаний не будет.",
    );
  });
});

Deno.test("of two /unskip questions for one week, the second confirmed says it is back already and tells nobody again", async () => {
  await using h = await week();
  await h.say(admin, `/skip ${MEETING}`);
  await confirm(h);
  await h.say(admin, "/unskip");
  const first = h.fake.sent(admin.id).at(-1)!;
  await h.say(admin, "/unskip");
  await confirm(h);
  const restored = () =>
    h.fake.messagesTo(vera.id).filter((m) => m.includes("всё-таки состоится"))
      .length;
  assert.equal(restored(), 1);
  const yes = inlineButtons(first.reply_markup)[0]!;
  await h.press(admin, "callback_data" in yes ? yes.callback_data : "");
  const refused = await h.fake.waitFor((f) =>
    f.edits(admin.id).find((m) => m.message_id === first.message_id)
  );
  assert.equal(refused.text, "Встреча в среду, 25 ноября, и так в расписании.");
  await h.idle();
  assert.equal(restored(), 1, "nobody told twice");
});
