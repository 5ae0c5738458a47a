/**
 * After the meeting, an admin sends a follow-up (the recording, the slides) to those who
 * came or to every subscriber: paced, resumable, reported.
 */
import assert from "node:assert/strict";
import { inlineButtons, user } from "./fake_bot_api.ts";
import {
  type Harness,
  ManualClock,
  startHarness,
  testConfig,
} from "./helpers.ts";

const admin = user(9001, { first_name: "Хост" });
const anna = user(1, { first_name: "Анна" });
const boris = user(2, { first_name: "Борис" });
const vera = user(3, { first_name: "Вера" });
const MEETING = "2026-11-25";

/** Wednesday after the meeting: Anna came, Boris did not, Vera did not answer. */
async function afterMeeting(): Promise<Harness> {
  const h = await startHarness({
    config: testConfig({ admins: [admin.id] }),
    clock: new ManualClock("2026-11-23T08:00:00Z"),
  });
  await h.say(admin, "/start");
  for (const u of [anna, boris, vera]) {
    await h.say(u, "/start");
    await h.press(u, "reg:yes");
  }
  await h.press(anna, `rsvp:${MEETING}:yes`);
  await h.press(boris, `rsvp:${MEETING}:no`);
  h.clock.set("2026-11-25T10:00:00Z");
  return h;
}

async function choose(h: Harness, which: number) {
  const preview = h.fake.sent(admin.id).at(-1)!;
  const button = inlineButtons(preview.reply_markup)[which]!;
  await h.press(admin, "callback_data" in button ? button.callback_data : "");
  await h.fake.waitFor((f) =>
    f.messagesTo(admin.id).some((m) => m.startsWith("Итоги разосланы"))
  );
  await h.idle();
}

Deno.test("/followup to those who came reaches each of them once, and the admin gets the report", async () => {
  await using h = await afterMeeting();
  const preview = await h.say(
    admin,
    "/followup Запись встречи: https://example.com/rec",
  );
  assert.equal(
    preview,
    "Итоги встречи в среду, 25 ноября. Одно сообщение, 39 символов из 4096. " +
      "Кому их отправить?\n\nЗапись встречи: https://example.com/rec",
  );
  assert.deepEqual(
    inlineButtons(h.fake.sent(admin.id).at(-1)!.reply_markup).map((b) =>
      b.text
    ),
    ["Записавшимся (1)", "Всем подписчикам (3)", "Отмена"],
  );
  await choose(h, 0);
  const got = (u: { id: number }) =>
    h.fake.messagesTo(u.id).filter((m) => m.includes("Запись встречи"));
  assert.deepEqual(got(anna), [
    "📎 Итоги встречи «Живой эфир» в среду, 25 ноября:\n\n" +
    "Запись встречи: https://example.com/rec",
  ]);
  assert.deepEqual([got(boris).length, got(vera).length], [0, 0]);
  assert.equal(
    h.fake.messagesTo(admin.id).at(-1),
    "Итоги разосланы:\n" +
      "— доставлено: 1;\n" +
      "— заблокировали бота: 0;\n" +
      "— Telegram не принял: 0;\n" +
      "— не знаю, дошло ли: 0 (Telegram не ответил; повторно не отправляю, чтобы не было дублей);\n" +
      "— не отправлено, потому что человек успел отписаться: 0.",
  );
  const again = inlineButtons(
    h.fake.sent(admin.id).findLast((m) => m.text?.startsWith("Итоги встречи"))!
      .reply_markup,
  )[1]!;
  assert.equal(
    (await h.press(admin, "callback_data" in again ? again.callback_data : ""))
      .text,
    "Эта кнопка больше не работает.",
  );
});

Deno.test("/followup in reply to a post copies the post to every subscriber", async () => {
  await using h = await afterMeeting();
  const post = h.fake.sendText(
    admin,
    "Слайды и запись: https://example.com/slides",
  );
  await h.idle();
  h.fake.sendReply(admin, post.message!.message_id, "/followup");
  await h.fake.waitFor((f) =>
    f.messagesTo(admin.id).at(-1)?.startsWith("Итоги встречи")
  );
  await choose(h, 1);
  for (const u of [anna, boris, vera]) {
    const copies = h.fake.sent(u.id).filter((m) => m.method === "copyMessage");
    assert.equal(copies.length, 1, u.first_name);
    assert.equal(
      copies[0]!.text,
      "Слайды и запись: https://example.com/slides",
    );
  }
});

Deno.test("/followup is about the last meeting that took place, not a cancelled one", async () => {
  await using h = await afterMeeting();
  h.store.transaction(() => {
    h.store.meetings.ensure({
      id: MEETING,
      startsAt: new Date("2026-11-25T08:00:00Z"),
    }, h.clock.now());
    h.store.meetings.setStatus(
      { id: MEETING, status: "cancelled" },
      h.clock.now(),
    );
  });
  assert.match(
    await h.say(admin, "/followup Запись"),
    /^Итоги встречи в среду, 18 ноября\./,
  );
});
