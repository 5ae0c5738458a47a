/**
 * What Telegram does to a bot on a bad day, against the real bot in-process: a flood
 * from one chat, presses that arrive too late to answer, forged buttons, long texts,
 * and an admin's formatted announcement.
 */
import assert from "node:assert/strict";
import { inlineButtons, user } from "./fake_bot_api.ts";
import { ManualClock, startHarness, testConfig } from "./helpers.ts";

const MEETING = "2026-11-25";
const TUESDAY = "2026-11-24T09:00:00Z";

Deno.test("one chat's flood is cut off with one notice, and others are answered meanwhile", async () => {
  await using h = await startHarness({
    config: testConfig({ flood: { burst: 10, per_minute: 20 } }),
    clock: new ManualClock(TUESDAY),
    fake: { chatRateLimit: { perSecond: 1 } },
  });
  const flooder = user(666, { first_name: "Флуд" });
  for (let i = 0; i < 600; i++) h.fake.sendText(flooder, `спам ${i}`);
  const others = [1, 2, 3, 4, 5].map((id) => user(id));
  // How far the flood's answers had got when each of the others was answered.
  const floodAnswered: number[] = [];
  for (const other of others) {
    assert.match(await h.say(other, "/help"), /\/start/);
    floodAnswered.push(h.fake.messagesTo(flooder.id).length);
  }
  const notices = () =>
    h.fake.messagesTo(flooder.id).filter((m) =>
      m === h.config.texts.flood_notice
    ).length;
  await h.fake.waitFor(() => notices() === 1);
  // The flooder's burst is still being answered at one a second (Telegram's per-chat
  // limit) while everyone else was answered at once.
  assert.ok(
    h.fake.messagesTo(flooder.id).length < 10,
    "the flood is still queued behind Telegram's limit",
  );
  // Others were answered while the flood was still queued, not after it.
  assert.ok(
    floodAnswered.every((n) => n < 10),
    `the flooder had ${
      floodAnswered.join(", ")
    } answers as others were answered`,
  );
  assert.equal(notices(), 1, "one notice per flood");
  assert.ok(h.logs.some((l) => l.includes("WARN update.flood")));
});

Deno.test("a press too late for its answer still records it, edits the message and sends the calendar file", async () => {
  await using h = await startHarness({
    clock: new ManualClock(TUESDAY),
    fake: { callbackQueryTtlMs: 0 },
  });
  const anna = user(1);
  await h.say(anna, "/start");
  h.fake.pressButton(anna, "reg:yes");
  await h.fake.waitFor((f) => f.edits(anna.id)[0]);
  const update = h.fake.pressButton(anna, `rsvp:${MEETING}:yes`);
  await h.fake.waitFor((f) =>
    f.sent(anna.id).find((m) => m.method === "sendDocument")
  );
  await h.idle();
  assert.equal(h.fake.answerFor(update.callback_query!.id), undefined);
  const message = update.callback_query!.message!;
  assert.match(
    h.fake.message(anna.id, message.message_id)!.text!,
    /✅ Вы придёте/,
  );
  assert.equal(
    h.store.answers.get(MEETING, h.store.users.byTgId(anna.id)!.id),
    "yes",
  );
});

Deno.test("answer buttons are taken only once the meeting's invitation is due", async () => {
  await using h = await startHarness({ clock: new ManualClock(TUESDAY) });
  const anna = user(1);
  await h.say(anna, "/start");
  for (const early of ["2026-12-02", "2026-12-09"]) {
    assert.equal(
      (await h.press(anna, `rsvp:${early}:yes`)).text,
      "Приглашение на эту встречу ещё не приходило — ответить можно будет, когда оно придёт.",
      `${early}: before its invitation`,
    );
    assert.equal(h.store.meetings.get(early), undefined, `no row ${early}`);
  }
  for (const far of ["2027-11-24", "2099-01-07"]) {
    assert.equal(
      (await h.press(anna, `rsvp:${far}:yes`)).text,
      h.config.texts.bad_button,
      far,
    );
    assert.equal(h.store.meetings.get(far), undefined, `no meeting row ${far}`);
  }
  h.clock.set("2026-11-30T07:00:00Z"); // Monday 10:00: 2026-12-02's invitation is due
  assert.equal(
    (await h.press(anna, "rsvp:2026-12-02:yes")).text,
    "Ответ сохранён",
  );
});

Deno.test("/who with 500 names arrives whole, split under Telegram's limit at line breaks", async () => {
  const admin = user(9001);
  await using h = await startHarness({
    config: testConfig({ admins: [admin.id] }),
    clock: new ManualClock(TUESDAY),
  });
  h.store.transaction(() => {
    for (let id = 1; id <= 500; id++) {
      const u = h.store.users.start({
        tg_id: id,
        first_name: `Участница-с-длинным-именем-${id}`,
        last_name: "Константинопольская",
        username: `user_${id}`,
      }, h.clock.now());
      h.store.meetings.ensure({
        id: MEETING,
        startsAt: new Date("2026-11-25T08:00:00Z"),
      }, h.clock.now());
      h.store.answers.record(
        { meetingId: MEETING, userId: u.id, answer: "yes" },
        h.clock.now(),
      );
    }
  });
  h.fake.sendText(admin, "/who");
  await h.fake.waitFor((f) =>
    f.messagesTo(admin.id).join("\n").includes("user_500)")
  );
  const parts = h.fake.messagesTo(admin.id);
  assert.ok(parts.length > 1, `${parts.length} messages`);
  for (const part of parts) assert.ok(part.length <= 4096);
  const all = parts.join("\n");
  for (let id = 1; id <= 500; id++) {
    assert.ok(all.includes(`(@user_${id})`), `name ${id}`);
  }
});

Deno.test("/announce keeps the admin's formatting in the preview and for every subscriber", async () => {
  const admin = user(9001);
  await using h = await startHarness({
    config: testConfig({ admins: [admin.id] }),
    clock: new ManualClock(TUESDAY),
  });
  const anna = user(1);
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  const text = "/announce Важно: встреча по ссылке";
  h.fake.injectUpdate({
    message: {
      message_id: 1,
      date: 0,
      from: { id: admin.id, is_bot: false, first_name: admin.first_name },
      chat: { id: admin.id, type: "private", first_name: admin.first_name },
      text,
      entities: [
        { type: "bot_command", offset: 0, length: 9 },
        { type: "bold", offset: 10, length: 5 },
        {
          type: "text_link",
          offset: 28,
          length: 6,
          url: "https://example.com/x",
        },
      ],
    },
  });
  const preview = await h.fake.waitFor((f) => f.sent(admin.id)[0]);
  const body = "Важно: встреча по ссылке";
  const at = preview.text!.indexOf(body);
  assert.deepEqual(preview.params.entities, [
    { type: "bold", offset: at, length: 5 },
    {
      type: "text_link",
      offset: at + 18,
      length: 6,
      url: "https://example.com/x",
    },
  ]);
  const send = inlineButtons(preview.reply_markup)[0]!;
  await h.press(admin, "callback_data" in send ? send.callback_data : "");
  // Under its header ("📢 Объявление:" and a blank line, 16 code units).
  const sent = await h.fake.waitFor((f) =>
    f.sent(anna.id).find((m) => m.text?.endsWith(body))
  );
  assert.equal(sent.text, `📢 Объявление:\n\n${body}`);
  assert.deepEqual(sent.params.entities, [
    { type: "bold", offset: 16, length: 5 },
    { type: "text_link", offset: 34, length: 6, url: "https://example.com/x" },
  ]);
});
