/**
 * Seats with what comes after the "yes": a capped week with personal join links, walked
 * on a manual clock. A week's edits show the seats as they are then; the reminders (each
 * one's own link) go to seats only; a promotion after them brings the promoted person's
 * own link and one edit of their message; the question goes to seats only, never to the
 * waitlist, even to one who clicks a link kept from a seat given up; the host's report
 * and `/history DATE` show the seats. Meeting Wednesday 2026-11-25 11:00 Moscow (08:00Z).
 */
import assert from "node:assert/strict";
import { type FakeUser, inlineButtons, user } from "./fake_bot_api.ts";
import { linkIn } from "./support/attendance.ts";
import {
  type Harness,
  ManualClock,
  startHarness,
  testConfig,
} from "./helpers.ts";
import { JOIN_LINK, publicConfig, startWeb } from "./support/web.ts";

const MEETING = "2026-11-25";
const YES = `rsvp:${MEETING}:yes`;
const NO = `rsvp:${MEETING}:no`;
const admin = user(9001, { first_name: "Хост" });
const anna = user(1, { first_name: "Анна" });
const boris = user(2, { first_name: "Борис" });
const vera = user(3, { first_name: "Вера" });
const gleb = user(4, { first_name: "Глеб" });
const dina = user(5, { first_name: "Дина" });
const PEOPLE = [anna, boris, vera, gleb, dina];
const QUESTION = "Как вам встреча";

/** Everyone subscribed, Monday's invitation sent, `capacity` seats; `config` as given. */
async function cappedWeek(
  capacity: number,
  config = testConfig({ admins: [admin.id] }),
): Promise<Harness> {
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
  return h;
}

/** `u`'s invitation as it is shown now. */
function invitationOf(h: Harness, u: FakeUser) {
  const sent = h.fake.sent(u.id).find((m) => m.text?.startsWith("Приглашаю"))!;
  return h.fake.message(u.id, sent.message_id)!;
}

/** How many times `u`'s invitation was edited. */
const editsOfInvitation = (h: Harness, u: FakeUser) => {
  const id = invitationOf(h, u).message_id;
  return h.fake.edits(u.id).filter((m) => m.message_id === id).length;
};

/** How many questions after the meeting each of `people` got. */
const asked = (h: Harness, people: FakeUser[]) =>
  people.map((u) =>
    h.fake.messagesTo(u.id).filter((m) => m.startsWith(QUESTION)).length
  );

/** The reports on the meeting the admin got. */
const reports = (h: Harness) =>
  h.fake.messagesTo(admin.id).filter((m) => m.startsWith("Итоги встречи"));

Deno.test("a capped week with personal links: edits show the seats, the links go to seats, the question skips the waitlist, the report counts the seats", async (t) => {
  await using h = await cappedWeek(2, publicConfig({ admins: [admin.id] }));
  await using web = startWeb(h);
  let granted = 0; // the message that told Boris the seat is his
  for (const u of [anna, gleb, boris, vera]) await h.press(u, YES);
  await h.idle();

  await t.step(
    "a /topic edits each invitation with the seats as they are then",
    async () => {
      assert.match(h.fake.messagesTo(dina.id).at(-1)!, /Осталось 2 места/);
      await h.say(admin, "/topic Итоги года");
      await h.idle();
      assert.equal(
        invitationOf(h, dina).text,
        "Приглашаю на встречу «Живой эфир» в среду, 25 ноября, в 11:00 (мск). " +
          "Она продлится 1 час.\n\nТема: Итоги года\n\n" +
          "Свободных мест нет: ответите «Да, буду» — запишу в лист ожидания.\n\n" +
          "Придёте?",
      );
      const waiting = invitationOf(h, vera);
      assert.match(
        waiting.text!,
        /Тема: Итоги года\n\n⏳ .*номер в очереди: 2\./,
      );
      assert.deepEqual(
        inlineButtons(waiting.reply_markup).map((b) => b.text),
        ["Выйти из листа ожидания"],
      );
    },
  );

  await t.step(
    "the first reminder brings each seat its own link, and the waitlist nothing",
    async () => {
      h.clock.set("2026-11-25T06:00:00Z");
      await h.jobs.tick();
      assert.notEqual(linkIn(h, anna.id), linkIn(h, gleb.id));
      for (const u of [boris, vera]) {
        assert.equal(
          h.fake.messagesTo(u.id).some((m) => JOIN_LINK.test(m)),
          false,
        );
      }
    },
  );

  await t.step(
    "Gleb's no seats Boris: his own link, no preview, one edit of his invitation",
    async () => {
      h.clock.set("2026-11-25T07:00:00Z");
      const before = editsOfInvitation(h, boris);
      await h.press(gleb, NO);
      await h.idle();
      const message = h.fake.sent(boris.id).findLast((m) =>
        m.text?.startsWith("Освободилось место")
      )!;
      granted = message.message_id;
      const link = JOIN_LINK.exec(message.text!)?.[0];
      assert.ok(link, message.text);
      assert.notEqual(link, linkIn(h, anna.id), "his own, not another's");
      assert.doesNotMatch(message.text!, /example\.com\/live/);
      assert.deepEqual(message.params.link_preview_options, {
        is_disabled: true,
      });
      assert.equal(inlineButtons(message.reply_markup).length, 2);
      assert.equal(editsOfInvitation(h, boris), before + 1, "one edit");
      assert.match(invitationOf(h, boris).text!, /✅ Вы придёте/);
    },
  );

  await t.step(
    "Gleb says yes again: the waitlist, behind Vera, with the link he kept",
    async () => {
      assert.equal(
        (await h.press(gleb, YES)).text,
        "Мест нет — вы в листе ожидания, номер 2",
      );
      h.clock.set("2026-11-25T07:40:00Z");
      await h.jobs.tick(); // the second reminder, and the note to the waitlist
      await h.idle();
      for (const [u, place] of [[vera, 1], [gleb, 2]] as const) {
        assert.match(
          h.fake.messagesTo(u.id).at(-1)!,
          new RegExp(`вы в листе ожидания, номер ${place}\\.`),
        );
      }
    },
  );

  await t.step(
    "in the window Anna, Boris and Gleb click their links: all three joined",
    async () => {
      h.clock.set("2026-11-25T07:50:00Z");
      for (const u of [anna, boris, gleb]) {
        assert.equal((await web.get(linkIn(h, u.id))).status, 302);
      }
      assert.equal(
        h.db.prepare("SELECT count(*) AS n FROM attendance").get()!.n,
        3,
      );
    },
  );

  await t.step(
    "the question goes to the seats who came, not to Gleb on the waitlist; no buttons are left",
    async () => {
      h.clock.set("2026-11-25T09:15:00Z");
      await h.jobs.tick();
      await h.jobs.tick();
      await h.idle();
      assert.deepEqual(asked(h, PEOPLE), [1, 1, 0, 0, 0]);
      // Over: the message of the seat lost its answer buttons with the others.
      const shown = h.fake.message(boris.id, granted)!;
      assert.equal(inlineButtons(shown.reply_markup).length, 0);
    },
  );

  await t.step(
    "the report and /history count seats: the promotion and those left waiting",
    async () => {
      h.clock.set("2026-11-26T09:15:00Z");
      await h.jobs.tick();
      await h.jobs.tick();
      await h.idle();
      assert.deepEqual(reports(h), [
        "Итоги встречи в среду, 25 ноября\n\n" +
        "Записались: 2\n" +
        "Мест: 2; место из листа ожидания получили: 1, остались в листе ожидания: 2\n" +
        "Пришли: 3, из них без записи: 1\n" +
        "Записались, но не пришли: 0\n" +
        "Оценки: нет\n\n" +
        "Комментарии:\n—",
      ]);
      const history = await h.say(admin, "/history 25.11");
      assert.match(
        history,
        /Записались: 2, отказались: 0\nМест: 2; место из листа ожидания получили: 1, остались в листе ожидания: 2\nПришли: 3/,
      );
      assert.match(history, /Пришли без записи:\nГлеб\n/);
    },
  );
});

Deno.test("without personal links the question goes to the seats only, and the report says the seats", async () => {
  await using h = await cappedWeek(1);
  await h.press(anna, YES);
  await h.press(boris, YES); // the waitlist
  await h.idle();
  h.clock.set("2026-11-25T09:15:00Z");
  await h.jobs.tick();
  await h.jobs.tick();
  await h.idle();
  assert.deepEqual(asked(h, PEOPLE), [1, 0, 0, 0, 0]);
  h.clock.set("2026-11-26T09:15:00Z");
  await h.jobs.tick();
  await h.jobs.tick();
  await h.idle();
  assert.deepEqual(reports(h), [
    "Итоги встречи в среду, 25 ноября\n\n" +
    "Записались: 1\n" +
    "Мест: 1; место из листа ожидания получили: 0, остались в листе ожидания: 1\n" +
    "Кто пришёл, неизвестно: личные ссылки на встречу выключены (http.public_url в настройках бота).\n" +
    "Оценки: нет\n\n" +
    "Комментарии:\n—",
  ]);
});
