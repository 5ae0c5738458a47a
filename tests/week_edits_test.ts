/**
 * Every message already sent that shows a week (the invitation, the answer shown in it,
 * the nudge, the reminders) is edited when the week changes, through the outbox: one
 * edit per message, renewed by a second change, made even for a message in flight at
 * the change, and made again after no answer. After an answer, every message with the
 * week's buttons shows it. Meeting Wednesday 2026-11-25 11:00 Moscow (08:00Z).
 */
import assert from "node:assert/strict";
import { LANE, OWED } from "../src/core/owed.ts";
import { moveMeeting } from "../src/usecases/meetings.ts";
import { weekById } from "../src/usecases/weeks.ts";
import { inlineButtons, user } from "./fake_bot_api.ts";
import {
  ManualClock,
  SCHEDULE_WITH_NUDGE,
  startHarness,
  testConfig,
} from "./helpers.ts";
import { noAnswer } from "./support/scripted_api.ts";
import { virtualOutbox } from "./support/virtual_outbox.ts";
import {
  admin,
  anna,
  confirm,
  invitationOf,
  MEETING,
  messageOf,
  pressUnder,
  vera,
  week,
} from "./support/week.ts";

const ANSWER_YES =
  "Встреча «Живой эфир» в среду, 25 ноября, в 11:00 (мск).\n\n" +
  "✅ Вы придёте — ждём! Ссылку пришлю в день встречи. Если планы изменятся, " +
  "ответ можно поменять до начала.";

Deno.test("after an answer under the nudge, the invitation shows it too, and the nudge an answer given under the invitation", async () => {
  await using h = await week({
    config: testConfig({ admins: [admin.id], schedule: SCHEDULE_WITH_NUDGE }),
  });
  h.clock.set("2026-11-24T15:00:00Z"); // Tuesday 18:00: the nudge
  await h.jobs.tick();
  const nudge = () => messageOf(h, vera, "Вы ещё не ответили");
  assert.equal(inlineButtons(nudge().reply_markup).length, 2);
  await pressUnder(h, vera, `rsvp:${MEETING}:yes`); // the nudge: the last one
  await h.idle();
  assert.equal(nudge().text, ANSWER_YES);
  assert.equal(invitationOf(h, vera).text, ANSWER_YES, "not «Придёте?»");
  assert.equal(inlineButtons(invitationOf(h, vera).reply_markup).length, 2);

  const underInvitation = invitationOf(h, vera);
  const update = h.fake.pressButton(
    vera,
    `rsvp:${MEETING}:no`,
    underInvitation,
  );
  await h.fake.waitFor((f) => f.answerFor(update.callback_query!.id));
  await h.idle();
  const answerNo =
    "Встреча «Живой эфир» в среду, 25 ноября, в 11:00 (мск).\n\n" +
    "❌ Вы не сможете прийти. Если планы изменятся, ответ можно поменять до " +
    "начала.";
  assert.equal(invitationOf(h, vera).text, answerNo);
  assert.equal(nudge().text, answerNo);
});

Deno.test("a new link edits the reminder already sent, and a cancellation then says so in it", async () => {
  await using h = await week();
  h.clock.set("2026-11-25T06:00:00Z"); // Wednesday 09:00: the first reminder
  await h.jobs.tick();
  const reminder = () => messageOf(h, anna, "Напоминаю");
  assert.match(reminder().text!, /example\.com\/live/);
  await h.say(admin, "/link https://meet.example.com/abc");
  await confirm(h);
  assert.equal(
    reminder().text,
    "Напоминаю: встреча «Живой эфир» в среду, 25 ноября, в 11:00 (мск).\n\n" +
      "Ссылка: https://meet.example.com/abc",
  );
  await h.say(admin, `/skip ${MEETING}`);
  await confirm(h);
  assert.equal(
    reminder().text,
    "Встреча «Живой эфир» в среду, 25 ноября, в 11:00 (мск), отменена.",
  );
  assert.equal(
    invitationOf(h, anna).text,
    "Встреча «Живой эфир» в среду, 25 ноября, в 11:00 (мск), отменена.",
  );
  assert.equal(inlineButtons(invitationOf(h, anna).reply_markup).length, 0);
});

Deno.test("a second change renews each message's one edit instead of adding another", async () => {
  await using h = await week();
  await h.say(admin, "/move 26.11 15:00");
  await confirm(h);
  await h.say(admin, "/topic Итоги года");
  await h.idle();
  const edits = (h.db.prepare(
    "SELECT key FROM outbox WHERE kind = ? AND chat_id = ?",
  ).all(OWED.week_edit, vera.id) as { key: string }[]).map((r) => r.key);
  const invitation = invitationOf(h, vera);
  assert.deepEqual(edits, [`week_edit/${vera.id}/${invitation.message_id}`]);
  assert.equal(
    invitation.text,
    "Приглашаю на встречу «Живой эфир» в четверг, 26 ноября, в 15:00 (мск). " +
      "Она продлится 1 час.\n\nТема: Итоги года\n\nПридёте?",
  );
  assert.equal(
    h.store.outbox.byKey(edits[0]!)!.lane,
    LANE.notice,
    "paced",
  );
});

Deno.test("an invitation in flight when the meeting moves is edited once it lands", async () => {
  const boris = user(2, { first_name: "Борис" });
  await using h = await startHarness({
    config: testConfig({ admins: [admin.id] }),
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  await h.say(boris, "/start");
  await h.press(boris, "reg:yes");
  h.fake.slow("sendMessage", 300);
  h.clock.set("2026-11-23T07:00:00Z");
  const ticking = h.jobs.tick();
  await h.fake.waitFor((f) =>
    f.sent(boris.id).find((m) => m.text?.startsWith("Приглашаю"))
  );
  const row = `invitation/${MEETING}/u${h.store.users.byTgId(boris.id)!.id}`;
  assert.equal(h.store.outbox.byKey(row)!.status, "sending", "in flight");
  const week = weekById(h.store, { config: h.config, id: MEETING })!;
  await h.store.write(() =>
    moveMeeting(h.store, {
      week,
      to: new Date("2026-11-26T12:00:00Z"),
      now: h.clock.now(),
    })
  );
  await ticking;
  h.fake.slow("sendMessage", 0);
  await h.idle();
  assert.equal(
    invitationOf(h, boris).text,
    "Приглашаю на встречу «Живой эфир» в четверг, 26 ноября, в 15:00 (мск). " +
      "Она продлится 1 час.\n\nПридёте?",
  );
});

Deno.test("a week edit whose request got no answer is sent again", async () => {
  await using w = virtualOutbox({
    retry: { initialMs: 2_000, maxMs: 60_000, giveUpMs: 3_600_000 },
    script: (call) => call.n === 1 ? noAnswer(call.method) : true,
  });
  w.add({
    key: "week_edit/1/5",
    kind: OWED.week_edit,
    chatId: 1,
    payload: { message_id: 5, of: OWED.invitation },
  });
  w.sender().start();
  await w.time.runFor(60_000);
  assert.equal(w.status("week_edit/1/5"), "sent");
  assert.equal(w.api.calls.length, 2);
});

Deno.test("vera, who had not answered, reads the move in her invitation and is told of it", async () => {
  await using h = await week();
  await h.say(admin, "/move 26.11 15:00");
  await confirm(h);
  assert.equal(
    invitationOf(h, vera).text,
    "Приглашаю на встречу «Живой эфир» в четверг, 26 ноября, в 15:00 (мск). " +
      "Она продлится 1 час.\n\nПридёте?",
  );
  assert.equal(
    h.fake.messagesTo(vera.id).filter((m) => m.includes("переносится"))
      .length,
    1,
  );
  assert.equal(
    invitationOf(h, anna).text,
    ANSWER_YES.replace(
      "в среду, 25 ноября, в 11:00",
      "в четверг, 26 ноября, в 15:00",
    ),
  );
});

Deno.test("a move before the invitation went out tells nobody: the invitation comes with the new time", async () => {
  await using h = await startHarness({
    config: testConfig({ admins: [admin.id] }),
    clock: new ManualClock("2026-11-22T09:00:00Z"), // Sunday
  });
  await h.say(admin, "/start");
  await h.say(vera, "/start");
  await h.press(vera, "reg:yes");
  assert.match(
    await h.say(admin, "/move 26.11 15:00"),
    /Сообщу 0 приглашённым/,
  );
  await confirm(h);
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  assert.deepEqual(
    h.fake.messagesTo(vera.id).filter((m) => m.includes("переносится")),
    [],
  );
  assert.equal(
    invitationOf(h, vera).text,
    "Приглашаю на встречу «Живой эфир» в четверг, 26 ноября, в 15:00 (мск). " +
      "Она продлится 1 час.\n\nПридёте?",
  );
});
