import assert from "node:assert/strict";
import { parseIcs } from "./support/ics.ts";
import { inlineButtons, user } from "./fake_bot_api.ts";
import { ManualClock, startHarness } from "./helpers.ts";

const anna = user(1001, {
  first_name: "Анна",
  last_name: "Иванова",
  username: "anna",
});
const boris = user(1002, { first_name: "Борис" });
const vera = user(1003, { first_name: "Вера" });

Deno.test("a whole week: sign-up, invitation, answers, reminders, /stop, next week", async (t) => {
  // Sunday 2026-11-22 12:00 Moscow.
  await using h = await startHarness({
    clock: new ManualClock("2026-11-22T09:00:00Z"),
  });
  const { fake, store, clock, jobs } = h;
  const messagesTo = (u: { id: number }) =>
    fake.sent(u.id).filter((m) => m.method === "sendMessage");
  const lastTo = (u: { id: number }) => messagesTo(u).at(-1);
  const messageCount = (id: number) => messagesTo({ id }).length;

  await t.step(
    "/start greets each user and asks about invitations",
    async () => {
      for (const u of [anna, boris, vera]) {
        const reply = await h.say(u, "/start");
        assert.match(reply, new RegExp(`Здравствуйте, ${u.first_name}!`));
        assert.deepEqual(
          inlineButtons(lastTo(u)!.reply_markup).map((b) => b.text),
          ["Да", "Нет"],
        );
      }
      assert.deepEqual(store.users.byTgId(anna.id)?.username, "anna");
      assert.equal(store.users.invitationRecipients().length, 0);
    },
  );

  await t.step(
    "Да registers, Нет does not; each press edits the question",
    async () => {
      await h.press(anna, "reg:yes");
      await h.press(boris, "reg:yes");
      await h.press(vera, "reg:no");
      assert.deepEqual(store.users.invitationRecipients().map((u) => u.tg_id), [
        anna.id,
        boris.id,
      ]);
      assert.match(
        fake.edits(anna.id).at(-1)!.text!,
        /Приглашение .* будет приходить/,
      );
      assert.match(
        fake.edits(vera.id).at(-1)!.text!,
        /приглашения присылать не буду/,
      );
    },
  );

  await t.step(
    "Monday 10:00: the invitation reaches only the registered",
    async () => {
      clock.set("2026-11-23T07:00:00Z");
      await jobs.tick();
      for (const u of [anna, boris]) {
        const invitation = lastTo(u)!;
        assert.equal(
          invitation.text,
          "Приглашаю на встречу «Живой эфир» в среду, 25 ноября, в 11:00 (мск). Она продлится 1 час.\n\nПридёте?",
        );
        assert.deepEqual(
          inlineButtons(invitation.reply_markup).map((
            b,
          ) => [b.text, "callback_data" in b ? b.callback_data : undefined]),
          [["Да, буду", "rsvp:2026-11-25:yes"], [
            "Нет, не смогу",
            "rsvp:2026-11-25:no",
          ]],
        );
      }
      assert.equal(fake.sent(vera.id).length, 1, "Vera got only the greeting");
      // A second tick (another cron firing, a restart) sends nothing again.
      await jobs.tick();
      assert.equal(messageCount(anna.id), 2);
    },
  );

  await t.step(
    "answers are recorded for the meeting and shown in the message",
    async () => {
      clock.set("2026-11-23T08:00:00Z");
      assert.equal(
        (await h.press(anna, "rsvp:2026-11-25:yes")).text,
        "Ответ сохранён",
      );
      await h.press(boris, "rsvp:2026-11-25:no");
      await h.idle(); // the edits and the calendar file go through the outbox
      assert.equal(
        store.answers.get("2026-11-25", store.users.byTgId(anna.id)!.id),
        "yes",
      );
      assert.equal(
        store.answers.get("2026-11-25", store.users.byTgId(boris.id)!.id),
        "no",
      );
      const edited = fake.edits(anna.id).at(-1)!;
      assert.match(edited.text!, /✅ Вы придёте/);
      assert.equal(
        inlineButtons(edited.reply_markup).length,
        2,
        "buttons stay to change the answer",
      );
      // A yes brings a calendar entry; a no does not.
      const documents = fake.sent(anna.id).filter((m) =>
        m.method === "sendDocument"
      );
      assert.equal(documents.length, 1);
      assert.equal(documents[0]!.document!.filename, "meeting-2026-11-25.ics");
      const event = parseIcs(
        new TextDecoder().decode(documents[0]!.document!.bytes),
      )
        .find((c) => c.BEGIN === "VEVENT")!;
      assert.equal(event.DTSTART, "20261125T080000Z");
      assert.equal(event.DTEND, "20261125T090000Z");
      assert.equal(event.SUMMARY, "Живой эфир");
      assert.equal(event.URL, "https://example.com/live");
      assert.equal(
        fake.sent(boris.id).filter((m) => m.method === "sendDocument").length,
        0,
      );
    },
  );

  await t.step(
    "Wednesday 09:00 and 10:40: both reminders reach only the yes",
    async () => {
      clock.set("2026-11-25T06:00:00Z");
      await jobs.tick();
      assert.match(
        lastTo(anna)!.text!,
        /Напоминаю: сегодня.*\n\nСсылка: https:\/\/example.com\/live/s,
      );
      clock.set("2026-11-25T07:40:00Z");
      await jobs.tick();
      assert.match(lastTo(anna)!.text!, /Через несколько минут, в 11:00/);
      assert.equal(
        messageCount(anna.id),
        4,
        "greeting, invitation, two reminders",
      );
      assert.equal(
        messageCount(boris.id),
        2,
        "greeting and invitation only",
      );
      assert.equal(messageCount(vera.id), 1);
    },
  );

  await t.step(
    "an answer can change until the meeting starts, not after",
    async () => {
      clock.set("2026-11-25T07:59:00Z");
      await h.press(boris, "rsvp:2026-11-25:yes");
      assert.equal(
        store.answers.get("2026-11-25", store.users.byTgId(boris.id)!.id),
        "yes",
      );
      clock.set("2026-11-25T08:00:00Z");
      const late = await h.press(boris, "rsvp:2026-11-25:no");
      assert.equal(late.text, "Эта встреча уже началась — ответ не изменён.");
      assert.equal(
        store.answers.get("2026-11-25", store.users.byTgId(boris.id)!.id),
        "yes",
      );
    },
  );

  await t.step("/stop ends everything for that user", async () => {
    assert.match(await h.say(boris, "/stop"), /Вы отписались/);
    assert.equal(store.users.byTgId(boris.id)?.is_active, false);
  });

  await t.step(
    "next week: invitation to the active only; last week's yes triggers nothing",
    async () => {
      const borisBefore = messageCount(boris.id);
      clock.set("2026-11-30T07:00:00Z");
      await jobs.tick();
      assert.equal(
        lastTo(anna)!.text,
        "Приглашаю на встречу «Живой эфир» в среду, 2 декабря, в 11:00 (мск). Она продлится 1 час.\n\nПридёте?",
      );
      assert.equal(
        messageCount(boris.id),
        borisBefore,
        "stopped users get nothing",
      );
      const annaBefore = messageCount(anna.id);
      clock.set("2026-12-02T06:00:00Z");
      await jobs.tick();
      clock.set("2026-12-02T07:40:00Z");
      await jobs.tick();
      assert.deepEqual(
        messagesTo(anna).slice(annaBefore).map((m) => m.text),
        [
          "Вы ещё не ответили: придёте на встречу «Живой эфир» в среду, 2 декабря, в 11:00 (мск)?",
        ],
        "no answer this week: no reminder, only the nudge (missed on Tuesday)",
      );
      assert.equal(
        store.jobRuns.get("2026-12-02", "first_reminder")?.status,
        "done",
      );
      // Last week's button has expired and changes nothing.
      const old = await h.press(anna, "rsvp:2026-11-25:no");
      assert.equal(old.text, "Эта встреча уже прошла — ответ не изменён.");
    },
  );

  await t.step(
    "a user who comes back with /start keeps the choice and is active again",
    async () => {
      await h.say(boris, "/start");
      assert.equal(store.users.byTgId(boris.id)?.is_active, true);
      assert.equal(store.users.byTgId(boris.id)?.is_registered, true);
    },
  );
});
