/**
 * The question after a meeting against everything that should record nothing: forged or
 * replayed presses, a rating from someone never asked, a rating for another meeting, a
 * press after the feedback closed, a comment flood; and who is asked when who came is
 * unknown, with the report saying so. Meeting Wednesday 2026-11-25 11:00 Moscow (08:00Z):
 * the question at 12:15 (09:15Z), the feedback closes Thursday 12:15.
 */
import assert from "node:assert/strict";
import { testConfig } from "./helpers.ts";
import { type FakeUser, user } from "./fake_bot_api.ts";
import { type Harness, ManualClock, startHarness } from "./helpers.ts";
import { publicConfig } from "./support/web.ts";

const MEETING = "2026-11-25";
const LAST = "2026-11-18";
const admin = user(9001, { first_name: "Хост" });
const anna = user(1, { first_name: "Анна" });
const boris = user(2, { first_name: "Борис" });
const vera = user(3, { first_name: "Вера" });
const QUESTION = "Как вам встреча";

/** Anna, Boris and Vera signed up and said yes; Vera later says no. */
async function heldWeek(config = testConfig({ admins: [admin.id] })) {
  const h = await startHarness({
    config,
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  await h.say(admin, "/start");
  for (const u of [anna, boris, vera]) {
    await h.say(u, "/start");
    await h.press(u, "reg:yes");
  }
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  for (const u of [anna, boris, vera]) await h.press(u, `rsvp:${MEETING}:yes`);
  await h.press(vera, `rsvp:${MEETING}:no`);
  await h.idle();
  return h;
}

/** Ticks at `at` (twice: enqueue, then close what the sender finished). */
async function at(h: Harness, instant: string): Promise<void> {
  h.clock.set(instant);
  await h.jobs.tick();
}

const questionsTo = (h: Harness, u: FakeUser) =>
  h.fake.sent(u.id).filter((m) => m.text?.startsWith(QUESTION));

const ratings = (h: Harness) =>
  h.db.prepare("SELECT user_id, rating, comment FROM feedback ORDER BY user_id")
    .all().map((r) => ({ ...r }));

Deno.test("without personal links, those who said yes and kept it are asked, once; the report says who came is unknown", async () => {
  await using h = await heldWeek();
  await at(h, "2026-11-25T09:14:00Z");
  assert.equal(questionsTo(h, anna).length, 0, "not before end + 15 min");
  await at(h, "2026-11-25T09:15:00Z");
  await at(h, "2026-11-25T09:30:00Z");
  assert.deepEqual(
    [anna, boris, vera].map((u) => questionsTo(h, u).length),
    [1, 1, 0],
  );
  assert.equal(h.store.jobRuns.get(MEETING, "feedback")?.status, "done");
  await h.press(anna, `fb:${MEETING}:2`);
  await at(h, "2026-11-26T09:15:00Z");
  await at(h, "2026-11-27T09:15:00Z");
  const reports = h.fake.messagesTo(admin.id).filter((m) =>
    m.startsWith("Итоги встречи")
  );
  assert.deepEqual(reports, [
    "Итоги встречи в среду, 25 ноября\n\n" +
    "Записались: 2\n" +
    "Кто пришёл, неизвестно: личные ссылки на встречу выключены " +
    "(http.public_url в настройках бота).\n" +
    "Оценки: в среднем 2,0 из 5 (1 оценка)\n\n" +
    "Комментарии:\n—",
  ]);
  assert.doesNotMatch(reports[0]!, /Пришли: 0/);
});

Deno.test("forged, replayed, foreign and late presses get a short answer and record nothing", async (t) => {
  await using h = await heldWeek();
  await at(h, "2026-11-25T09:15:00Z");
  const annaQuestion = questionsTo(h, anna)[0]!;
  const press = async (u: FakeUser, data: string, messageOf?: FakeUser) => {
    const message = messageOf === undefined
      ? undefined
      : h.fake.message(messageOf.id, questionsTo(h, messageOf)[0]!.message_id);
    const update = h.fake.pressButton(u, data, message);
    const answer = await h.fake.waitFor((f) =>
      f.answerFor(update.callback_query!.id)
    );
    await h.idle();
    return answer.text;
  };

  await t.step("malformed or impossible data", async () => {
    for (
      const data of ["fb:", "fb:2026-11-25:6", "fb:2026-11-25:0", "fb:x:1"]
    ) {
      assert.equal(
        await press(anna, data, anna),
        "Эта кнопка больше не работает.",
        data,
      );
    }
    assert.deepEqual(ratings(h), []);
  });

  await t.step("Vera, never asked (she said no), forges a rating", async () => {
    assert.equal(
      await press(vera, `fb:${MEETING}:5`),
      "Оценить можно только встречу, на которой вы были.",
    );
    assert.deepEqual(ratings(h), []);
  });

  await t.step(
    "a rating for another meeting, pressed in this meeting's question",
    async () => {
      // Last week's meeting exists; Anna was never asked about it.
      h.store.meetings.ensure({
        id: LAST,
        startsAt: new Date(`${LAST}T08:00:00Z`),
      }, h.clock.now());
      assert.equal(
        await press(anna, `fb:${LAST}:5`, anna),
        "Оценить можно только встречу, на которой вы были.",
      );
      // Asked about both: a button of one question names the other meeting.
      // (As sent, message 999, in one turn: the sender never sees it pending.)
      const key = `feedback/${LAST}/u${h.store.users.byTgId(anna.id)!.id}`;
      h.store.outbox.add({
        key,
        kind: "feedback",
        ref: LAST,
        chatId: anna.id,
        userId: h.store.users.byTgId(anna.id)!.id,
        lane: 2,
      }, h.clock.now());
      h.db.prepare(
        "UPDATE outbox SET status = 'sent', message_id = 999 WHERE key = ?",
      ).run(key);
      assert.equal(
        await press(anna, `fb:${LAST}:5`, anna),
        "Эта кнопка больше не работает.",
      );
      assert.deepEqual(ratings(h), []);
    },
  );

  await t.step(
    "a rating forged on another message of the chat (the invitation)",
    async () => {
      const invitation = h.fake.sent(boris.id).find((m) =>
        m.text?.startsWith("Приглашаю")
      )!;
      const update = h.fake.pressButton(
        boris,
        `fb:${MEETING}:1`,
        h.fake.message(boris.id, invitation.message_id),
      );
      const answer = await h.fake.waitFor((f) =>
        f.answerFor(update.callback_query!.id)
      );
      await h.idle();
      assert.equal(answer.text, "Эта кнопка больше не работает.");
      assert.deepEqual(ratings(h), []);
    },
  );

  await t.step(
    "a press replayed: one rating, one edit, one invitation to comment",
    async () => {
      const message = h.fake.message(anna.id, annaQuestion.message_id);
      for (let i = 0; i < 3; i++) {
        h.fake.pressButton(anna, `fb:${MEETING}:4`, message);
      }
      await h.fake.waitFor((f) =>
        f.requests.filter((r) => r.method === "answerCallbackQuery").length >=
          11
      );
      await h.idle();
      const userId = h.store.users.byTgId(anna.id)!.id;
      assert.deepEqual(ratings(h), [{
        user_id: userId,
        rating: 4,
        comment: null,
      }]);
      assert.equal(
        h.fake.messagesTo(anna.id).filter((m) => m.startsWith("Если хотите"))
          .length,
        1,
      );
    },
  );

  await t.step(
    "after the feedback closes, a press changes nothing",
    async () => {
      await at(h, "2026-11-26T09:15:00Z");
      assert.equal(
        await press(anna, `fb:${MEETING}:1`, anna),
        "Оценки этой встречи больше не принимаются.",
      );
      assert.equal(ratings(h)[0]!.rating, 4);
    },
  );
});

Deno.test("a comment flood: the first message is the comment, the rest are ordinary messages within the relay's limit", async () => {
  await using h = await heldWeek(
    publicConfig({
      admins: [admin.id],
      forwarding: { enabled: true, per_hour: 3 },
    }),
  );
  // Anna and Boris came (clicked their links in time).
  for (const u of [anna, boris]) {
    h.store.attendance.track(MEETING);
    h.store.attendance.join({
      meetingId: MEETING,
      userId: h.store.users.byTgId(u.id)!.id,
    }, new Date("2026-11-25T08:00:00Z"));
  }
  await at(h, "2026-11-25T09:15:00Z");
  assert.deepEqual([anna, boris, vera].map((u) => questionsTo(h, u).length), [
    1,
    1,
    0,
  ]);
  await h.press(anna, `fb:${MEETING}:3`);
  await h.idle();
  const long = "а".repeat(1001);
  assert.equal(
    await h.say(anna, long),
    "Слишком длинно: 1001 символ, а можно не больше 1000. Сократите, пожалуйста, и пришлите ещё раз.",
  );
  assert.equal(ratings(h)[0]!.comment, null, "nothing kept");
  const replies = [];
  for (let i = 1; i <= 4; i++) replies.push(await h.say(anna, `мысль ${i}`));
  // Beyond the limit, told once: the rest get no answer at all.
  const answered = h.fake.messagesTo(anna.id).length;
  h.fake.sendText(anna, "мысль 5");
  h.fake.sendText(anna, "мысль 6");
  await h.fake.waitFor((f) => f.pendingUpdates === 0);
  await h.idle();
  assert.equal(h.fake.messagesTo(anna.id).length, answered);
  assert.equal(replies[0], "Спасибо! Передал ваш комментарий ведущему.");
  assert.deepEqual(replies.slice(1, 3), [
    "Передал ваше сообщение ведущему.",
    "Передал ваше сообщение ведущему.",
  ]);
  assert.match(replies[3]!, /Следующие смогу передать через час/);
  assert.equal(
    ratings(h)[0]!.comment,
    "мысль 1",
    "only the first is the comment",
  );
  const comments = h.db.prepare(
    "SELECT count(*) AS n FROM feedback WHERE comment IS NOT NULL",
  ).get()!.n;
  assert.equal(comments, 1);
  // A comment without a rating first is an ordinary message.
  assert.equal(
    await h.say(boris, "привет"),
    "Передал ваше сообщение ведущему.",
  );
  assert.equal(ratings(h).length, 1);
});

Deno.test("feedback.enabled false: no question, and the report comes 15 minutes after the end", async () => {
  const config = testConfig({ admins: [admin.id] });
  await using h = await heldWeek({
    ...config,
    feedback: { ...config.feedback, enabled: false },
  });
  await at(h, "2026-11-25T09:15:00Z");
  await at(h, "2026-11-25T09:20:00Z");
  assert.equal(questionsTo(h, anna).length, 0);
  assert.equal(
    h.fake.messagesTo(admin.id).filter((m) => m.startsWith("Итоги встречи"))
      .length,
    1,
  );
  await at(h, "2026-11-26T09:15:00Z");
  assert.equal(
    h.fake.messagesTo(admin.id).filter((m) => m.startsWith("Итоги встречи"))
      .length,
    1,
    "once",
  );
});

Deno.test("a bot down from the end until the feedback closed skips the question and still reports", async () => {
  await using h = await heldWeek();
  await at(h, "2026-11-26T10:00:00Z");
  await at(h, "2026-11-26T10:05:00Z");
  assert.equal(questionsTo(h, anna).length, 0);
  assert.equal(h.store.jobRuns.get(MEETING, "feedback")?.status, "skipped");
  assert.equal(
    h.fake.messagesTo(admin.id).filter((m) => m.startsWith("Итоги встречи"))
      .length,
    1,
  );
});
