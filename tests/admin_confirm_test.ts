/**
 * Confirmations of /skip, /move and /link: "No" changes nothing, only admins confirm, a
 * draft expires, and a confirmation checks again that the change still makes sense;
 * of two conflicting confirmations the second is refused with the reason.
 * Meeting Wednesday 2026-11-25 11:00 Moscow (08:00Z); Monday's invitation went out.
 */
import assert from "node:assert/strict";
import { inlineButtons, user } from "./fake_bot_api.ts";
import {
  type Harness,
  ManualClock,
  startHarness,
  testConfig,
} from "./helpers.ts";
import { cancelMeeting, changeLink } from "../src/usecases/meetings.ts";
import { weekById } from "../src/usecases/weeks.ts";

const MEETING = "2026-11-25";
const admin = user(9001, { first_name: "Хост" });
const second = user(9002, { first_name: "Соведущая" });
const anna = user(1, { first_name: "Анна" });
const boris = user(2, { first_name: "Борис" });

/** Monday 10:30 after the invitation: Anna said yes, Boris no. */
async function week(): Promise<Harness> {
  const h = await startHarness({
    config: testConfig({ admins: [admin.id, second.id] }),
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  for (const a of [admin, second]) await h.say(a, "/start");
  for (const u of [anna, boris]) {
    await h.say(u, "/start");
    await h.press(u, "reg:yes");
  }
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  await h.press(anna, `rsvp:${MEETING}:yes`);
  await h.press(boris, `rsvp:${MEETING}:no`);
  h.clock.set("2026-11-23T07:30:00Z");
  await h.idle();
  return h;
}

/** The data of button `index` (0: yes, 1: no) under `who`'s last question. */
function buttonData(h: Harness, who: { id: number }, index = 0) {
  const question = h.fake.sent(who.id).at(-1)!;
  const button = inlineButtons(question.reply_markup)[index]!;
  return {
    data: "callback_data" in button ? button.callback_data : "",
    messageId: question.message_id,
  };
}

/** Presses button `index` under `who`'s last question; resolves to the edited text. */
async function answer(
  h: Harness,
  who: { id: number; first_name: string },
  index = 0,
): Promise<string> {
  const { data, messageId } = buttonData(h, who, index);
  await h.press(who as typeof admin, data);
  const done = await h.fake.waitFor((f) =>
    f.edits(who.id).findLast((m) => m.message_id === messageId)
  );
  await h.idle();
  return done.text!;
}

const told = (h: Harness, id: number, words: RegExp) =>
  h.fake.messagesTo(id).filter((m) => words.test(m)).length;

Deno.test("pressing No under /skip, /move or /link changes nothing and tells nobody", async () => {
  await using h = await week();
  for (
    const command of [
      `/skip ${MEETING}`,
      "/move 26.11 15:00",
      "/link https://meet.example.com/new",
    ]
  ) {
    await h.say(admin, command);
    assert.equal(await answer(h, admin, 1), "Хорошо, ничего не меняю.");
  }
  const meeting = h.store.meetings.get(MEETING)!;
  assert.deepEqual(
    [meeting.status, meeting.moved_to, meeting.link, meeting.sequence],
    ["scheduled", null, null, 0],
  );
  assert.equal(told(h, anna.id, /отменяется|переносится|Новая ссылка/), 0);
});

Deno.test("a non-admin forging act:<id>:yes confirms nothing; the admin still can", async () => {
  await using h = await week();
  await h.say(admin, `/skip ${MEETING}`);
  const { data } = buttonData(h, admin);
  assert.equal(
    (await h.press(anna, data)).text,
    "Эта кнопка больше не работает.",
  );
  await h.idle();
  assert.equal(h.store.meetings.get(MEETING)!.status, "scheduled");
  assert.equal(told(h, boris.id, /отменяется/), 0);
  assert.match(await answer(h, admin), /отменена/);
});

Deno.test("a confirmation pressed after the meeting started changes nothing and says why", async () => {
  await using h = await week();
  h.clock.set("2026-11-25T07:50:00Z"); // 10:50
  await h.say(admin, `/skip ${MEETING}`);
  h.clock.set("2026-11-25T08:01:00Z"); // 11:01: the meeting is on
  assert.equal(
    await answer(h, admin),
    "Встреча в среду, 25 ноября, уже началась — менять её поздно.",
  );
  assert.equal(h.store.meetings.get(MEETING)!.status, "scheduled");
  assert.equal(told(h, boris.id, /отменяется/), 0);
});

Deno.test("a confirmation older than an hour changes nothing and says it expired", async () => {
  await using h = await week();
  await h.say(admin, "/move 26.11 15:00");
  h.clock.set("2026-11-23T08:31:00Z"); // 61 minutes later
  assert.equal(
    await answer(h, admin),
    "С этого вопроса прошло больше 60 минут — ничего не меняю. Повторите команду, если это ещё нужно.",
  );
  assert.equal(h.store.meetings.get(MEETING)!.moved_to, null);
  h.clock.set("2026-11-23T08:32:00Z");
  await h.say(admin, "/move 26.11 15:00");
  h.clock.set("2026-11-23T09:32:00Z"); // exactly an hour: still valid
  assert.match(await answer(h, admin), /перенесена/);
});

Deno.test("a move whose time has passed when it is confirmed is refused", async () => {
  await using h = await week();
  await h.say(admin, "/move 23.11 10:50"); // today, in 20 minutes
  h.clock.set("2026-11-23T07:55:00Z"); // 10:55
  assert.match(
    await answer(h, admin),
    /^Не переношу на понедельник, 23 ноября, 10:50 \(мск\): это время уже прошло/,
  );
  assert.equal(h.store.meetings.get(MEETING)!.moved_to, null);
});

Deno.test("a skip confirmed after another admin moved the week is refused with the reason", async () => {
  await using h = await week();
  await h.say(second, `/skip ${MEETING}`);
  await h.say(admin, "/move 26.11 15:00");
  assert.match(await answer(h, admin), /перенесена/);
  assert.match(
    await answer(h, second),
    /^Пока вы решали, встречу в среду, 25 ноября, уже изменили/,
  );
  assert.equal(h.store.meetings.get(MEETING)!.status, "scheduled");
  assert.equal(told(h, anna.id, /отменяется/), 0);
});

Deno.test("a move and a skip of one week confirmed by two admins at once: one applies, the other is refused", async () => {
  await using h = await week();
  await h.say(admin, "/move 26.11 15:00");
  await h.say(second, `/skip ${MEETING}`);
  const move = buttonData(h, admin);
  const skip = buttonData(h, second);
  const ids = [
    h.fake.pressButton(admin, move.data).callback_query!.id,
    h.fake.pressButton(second, skip.data).callback_query!.id,
  ];
  await h.fake.waitFor((f) => ids.every((id) => f.answerFor(id)));
  const texts = await h.fake.waitFor((f) => {
    const a = f.edits(admin.id).findLast((m) =>
      m.message_id === move.messageId
    );
    const b = f.edits(second.id).findLast((m) =>
      m.message_id === skip.messageId
    );
    return a && b ? [a.text!, b.text!] : undefined;
  });
  await h.idle();
  const refused = texts.filter((t) =>
    t.startsWith("Пока вы решали") || /отменена\. Чтобы/.test(t)
  );
  assert.equal(refused.length, 1, texts.join("\n"));
  const meeting = h.store.meetings.get(MEETING)!;
  const moved = meeting.moved_to !== null;
  const cancelled = meeting.status === "cancelled";
  assert.ok(moved !== cancelled, "exactly one of the two changes");
  for (const u of [anna, boris]) {
    assert.ok(told(h, u.id, /отменяется/) <= 1);
    assert.equal(told(h, u.id, /отменяется|переносится/), 1, u.first_name);
  }
});

Deno.test("two skips of one week confirmed by two admins: one cancellation, the second says it is cancelled already", async () => {
  await using h = await week();
  await h.say(admin, `/skip ${MEETING}`);
  await h.say(second, `/skip ${MEETING}`);
  assert.match(await answer(h, admin), /отменена\. Сообщаю 2/);
  assert.equal(
    await answer(h, second),
    "Встреча в среду, 25 ноября, уже отменена.",
  );
  for (const u of [anna, boris]) {
    assert.equal(told(h, u.id, /отменяется/), 1, u.first_name);
  }
  assert.equal(
    h.fake.sent(anna.id).filter((m) => m.method === "sendDocument").length,
    2,
    "the calendar entry, then one cancellation of it",
  );
});

Deno.test("cancelMeeting() of a meeting cancelled already tells nobody again", async () => {
  await using h = await week();
  const current = () => weekById(h.store, { config: h.config, id: MEETING })!;
  const first = cancelMeeting(h.store, { week: current(), now: h.clock.now() });
  const again = cancelMeeting(h.store, { week: current(), now: h.clock.now() });
  assert.deepEqual(
    [first.changed, first.notified, again.changed, again.notified],
    [true, 2, false, 0],
  );
  assert.equal(h.store.meetings.get(MEETING)!.sequence, 1);
});

Deno.test("changeLink() to the link the meeting has tells nobody again", async () => {
  await using h = await week();
  const current = () => weekById(h.store, { config: h.config, id: MEETING })!;
  const link = "https://meet.example.com/new";
  const first = changeLink(h.store, {
    week: current(),
    link,
    now: h.clock.now(),
  });
  const again = changeLink(h.store, {
    week: current(),
    link,
    now: h.clock.now(),
  });
  assert.deepEqual(
    [first.changed, first.notified, again.changed, again.notified],
    [true, 1, false, 0],
  );
  assert.equal(h.store.meetings.get(MEETING)!.sequence, 1);
});

Deno.test("/link with the link the meeting already has is refused; a second draft of one link is refused once the first is confirmed", async () => {
  await using h = await week();
  assert.equal(
    await h.say(admin, "/link https://example.com/live"),
    "У встречи в среду, 25 ноября, уже эта ссылка: https://example.com/live.",
  );
  await h.say(admin, "/link https://meet.example.com/new");
  await h.say(second, "/link https://meet.example.com/new");
  assert.equal(
    await answer(h, admin),
    "Ссылка на встречу в среду, 25 ноября, теперь такая: https://meet.example.com/new. Сообщаю 1 записавшемуся.",
  );
  assert.match(await answer(h, second), /^Пока вы решали/);
  assert.equal(told(h, anna.id, /Новая ссылка/), 1);
  assert.equal(
    await h.say(admin, "/link https://meet.example.com/new"),
    "У встречи в среду, 25 ноября, уже эта ссылка: https://meet.example.com/new.",
  );
});

Deno.test("/unskip sends those who said yes the calendar entry back", async () => {
  await using h = await week();
  await h.say(admin, `/skip ${MEETING}`);
  await answer(h, admin);
  await h.say(admin, "/unskip");
  await answer(h, admin);
  const calendars = h.fake.sent(anna.id)
    .filter((m) => m.method === "sendDocument")
    .map((m) => new TextDecoder().decode(m.document!.bytes));
  assert.equal(
    calendars.length,
    3,
    "the entry, its cancellation, the entry back",
  );
  assert.match(calendars[1]!, /METHOD:CANCEL/);
  assert.match(calendars[2]!, /METHOD:PUBLISH/);
  assert.equal(
    h.fake.sent(boris.id).filter((m) => m.method === "sendDocument").length,
    0,
    "said no: no calendar",
  );
});
