/**
 * The real week's participants: who signs up after Monday's invitation, who comes back,
 * who says yes after the reminders. Meeting Wednesday 2026-11-25 11:00 Moscow.
 */
import assert from "node:assert/strict";
import { inlineButtons, user } from "./fake_bot_api.ts";
import { ManualClock, startHarness, testConfig } from "./helpers.ts";

const MEETING = "2026-11-25";
const anna = user(1, { first_name: "Анна" });
const boris = user(2, { first_name: "Борис" });
const vera = user(3, { first_name: "Вера" });

const invitationsTo = (
  h: { fake: { sent(id: number): readonly { text?: string }[] } },
  id: number,
) => h.fake.sent(id).filter((m) => m.text?.startsWith("Приглашаю"));

Deno.test("a Tuesday subscriber gets this week's invitation at once, with its buttons", async () => {
  await using h = await startHarness({
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  h.clock.set("2026-11-23T07:00:00Z"); // Monday 10:00: the invitation
  await h.jobs.tick();
  assert.equal(invitationsTo(h, anna.id).length, 1);

  h.clock.set("2026-11-24T12:00:00Z"); // Tuesday
  await h.say(boris, "/start");
  await h.press(boris, "reg:yes");
  await h.idle();
  const invitation = invitationsTo(h, boris.id);
  assert.equal(invitation.length, 1, "invited at once");
  assert.deepEqual(
    inlineButtons(
      h.fake.sent(boris.id).find((m) => m.text?.startsWith("Приглашаю"))!
        .reply_markup,
    )
      .map((b) => "callback_data" in b ? b.callback_data : ""),
    [`rsvp:${MEETING}:yes`, `rsvp:${MEETING}:no`],
  );
  assert.match(
    await h.say(boris, "/status"),
    /Ближайшая встреча: среда, 25 ноября, 11:00 \(мск\)\nВаш ответ: пока нет/,
  );
  // Pressing "Да" again, or /start again, does not invite twice.
  await h.press(boris, "reg:yes");
  await h.say(boris, "/start");
  await h.idle();
  assert.equal(invitationsTo(h, boris.id).length, 1);
  assert.equal(invitationsTo(h, anna.id).length, 1);
});

Deno.test("someone who comes back with /start after the invitation gets it", async () => {
  await using h = await startHarness({
    clock: new ManualClock("2026-11-22T12:00:00Z"),
  });
  await h.say(vera, "/start");
  await h.press(vera, "reg:yes");
  await h.say(vera, "/stop");
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  assert.equal(invitationsTo(h, vera.id).length, 0, "stopped: not invited");
  h.clock.set("2026-11-24T09:00:00Z");
  await h.say(vera, "/start");
  await h.idle();
  assert.equal(invitationsTo(h, vera.id).length, 1);
});

Deno.test("no invitation for a latecomer once the meeting began, or before the invitation went out", async () => {
  await using h = await startHarness({
    clock: new ManualClock("2026-11-22T12:00:00Z"), // Sunday: not yet sent
  });
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  await h.idle();
  assert.equal(invitationsTo(h, anna.id).length, 0, "Monday's job will invite");
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  h.clock.set("2026-11-25T08:30:00Z"); // the meeting is on
  await h.say(boris, "/start");
  await h.press(boris, "reg:yes");
  await h.idle();
  assert.equal(invitationsTo(h, boris.id).length, 0);
});

Deno.test("a yes after the last reminder gets it (with the link) at once; /status shows the link", async () => {
  await using h = await startHarness({
    clock: new ManualClock("2026-11-23T07:00:00Z"),
  });
  for (const u of [anna, boris]) {
    await h.say(u, "/start");
    await h.press(u, "reg:yes");
  }
  await h.jobs.tick();
  await h.press(anna, `rsvp:${MEETING}:yes`);
  h.clock.set("2026-11-25T06:00:00Z");
  await h.jobs.tick();
  h.clock.set("2026-11-25T07:40:00Z");
  await h.jobs.tick(); // both reminders went to Anna
  h.clock.set("2026-11-25T07:45:00Z"); // 10:45: Boris decides to come
  await h.press(boris, `rsvp:${MEETING}:yes`);
  await h.idle();
  const late = h.fake.messagesTo(boris.id).filter((m) =>
    m.includes("https://example.com/live")
  );
  assert.equal(late.length, 1, "the link, once");
  assert.match(late[0]!, /^Через несколько минут, в 11:00 \(мск\)/);
  assert.match(
    await h.say(boris, "/status"),
    /Ваш ответ: приду\nСсылка: https:\/\/example\.com\/live/,
  );
  // No, then yes again: no second copy of the reminder.
  await h.press(boris, `rsvp:${MEETING}:no`);
  await h.press(boris, `rsvp:${MEETING}:yes`);
  await h.idle();
  assert.equal(
    h.fake.messagesTo(boris.id).filter((m) =>
      m.startsWith("Через несколько минут")
    ).length,
    1,
  );
});

Deno.test("someone who already got Monday's invitation and sends /start again is not invited twice", async () => {
  await using h = await startHarness({
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  h.clock.set("2026-11-24T09:00:00Z");
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  await h.idle();
  assert.equal(invitationsTo(h, anna.id).length, 1);
});

Deno.test("someone who got the notice that a cancelled meeting takes place after all gets no invitation on top of it with /start", async () => {
  const admin = user(9001, { first_name: "Хост" });
  await using h = await startHarness({
    config: testConfig({ admins: [admin.id] }),
    clock: new ManualClock("2026-11-22T06:00:00Z"), // Sunday
  });
  await h.say(admin, "/start");
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  await h.say(admin, `/skip ${MEETING}`);
  const question = h.fake.sent(admin.id).at(-1)!;
  const yes = inlineButtons(question.reply_markup)[0]!;
  await h.press(admin, "callback_data" in yes ? yes.callback_data : "");
  await h.fake.waitFor((f) =>
    f.edits(admin.id).find((m) => m.message_id === question.message_id)
  );
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick(); // nothing for a cancelled meeting
  h.clock.set("2026-11-24T07:00:00Z");
  await h.say(admin, "/unskip");
  const restore = h.fake.sent(admin.id).at(-1)!;
  const confirmed = inlineButtons(restore.reply_markup)[0]!;
  await h.press(
    admin,
    "callback_data" in confirmed ? confirmed.callback_data : "",
  );
  await h.fake.waitFor((f) =>
    f.edits(admin.id).find((m) => m.message_id === restore.message_id)
  );
  await h.idle();
  const withButtons = () =>
    h.fake.sent(anna.id).filter((m) =>
      inlineButtons(m.reply_markup).some((b) =>
        "callback_data" in b && b.callback_data.startsWith("rsvp:")
      )
    );
  assert.equal(withButtons().length, 1, "the restore notice");
  await h.say(anna, "/start");
  await h.idle();
  assert.equal(withButtons().length, 1, "and nothing more");
});

Deno.test("a newcomer between a moved meeting and next week's gets the invitation of each", async () => {
  const admin = user(9001, { first_name: "Хост" });
  await using h = await startHarness({
    config: testConfig({ admins: [admin.id] }),
    clock: new ManualClock("2026-11-23T07:00:00Z"),
  });
  await h.jobs.tick(); // this week's invitation
  await h.say(admin, "/move 03.12 11:00"); // past next week's
  const question = h.fake.sent(admin.id).at(-1)!;
  const yes = inlineButtons(question.reply_markup)[0]!;
  await h.press(admin, "callback_data" in yes ? yes.callback_data : "");
  await h.fake.waitFor((f) =>
    f.edits(admin.id).find((m) => m.message_id === question.message_id)
  );
  h.clock.set("2026-11-30T07:00:00Z");
  await h.jobs.tick(); // next week's invitation
  h.clock.set("2026-12-01T09:00:00Z");
  await h.say(boris, "/start");
  await h.press(boris, "reg:yes");
  await h.idle();
  const data = h.fake.sent(boris.id)
    .filter((m) => m.text?.startsWith("Приглашаю"))
    .flatMap((m) => inlineButtons(m.reply_markup))
    .map((b) => "callback_data" in b ? b.callback_data : "")
    .filter((d) => d.endsWith(":yes"))
    .sort();
  assert.deepEqual(data, ["rsvp:2026-11-25:yes", "rsvp:2026-12-02:yes"]);
});
