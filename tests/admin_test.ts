import assert from "node:assert/strict";
import { parseCsv } from "./support/csv.ts";
import { inlineButtons, user } from "./fake_bot_api.ts";
import {
  type Harness,
  ManualClock,
  startHarness,
  testConfig,
} from "./helpers.ts";

const admin = user(9001, { first_name: "Хозяйка", username: "host" });
const anna = user(9101, {
  first_name: "Анна",
  last_name: "Иванова",
  username: "anna",
});
const boris = user(9102, { first_name: "Борис" });
const vera = user(9103, { first_name: "Вера" });
const MEETING = "2026-11-25";

/** Monday 2026-11-23 10:30 Moscow, after the invitation: Anna yes, Boris no, Vera silent. */
async function adminHarness(): Promise<Harness> {
  const h = await startHarness({
    config: testConfig({ admins: [admin.id] }),
    clock: new ManualClock("2026-11-23T07:30:00Z"),
  });
  for (const u of [anna, boris, vera]) {
    await h.say(u, "/start");
    await h.press(u, "reg:yes");
  }
  await h.press(anna, `rsvp:${MEETING}:yes`);
  await h.press(boris, `rsvp:${MEETING}:no`);
  return h;
}

const ADMIN_COMMANDS = [
  "/stats",
  "/who",
  "/announce Привет всем",
  "/skip",
  "/unskip",
  "/export",
];

Deno.test("a non-admin calling any admin command gets the unknown-command reply and changes nothing", async () => {
  await using h = await adminHarness();
  for (const command of ADMIN_COMMANDS) {
    assert.equal(
      await h.say(anna, command),
      "Такой команды нет. Список команд — /help.",
      command,
    );
  }
  assert.equal(h.store.meetings.get(MEETING)?.status, "scheduled");
  assert.equal(
    h.db.prepare("SELECT count(*) AS n FROM announcements").get()?.n,
    0,
  );
  assert.equal(
    h.fake.sent(anna.id).filter((m) => m.method === "sendDocument").length,
    1,
    "only the .ics",
  );
  // A forged admin button from a non-admin is refused too.
  assert.equal(
    (await h.press(anna, "ann:1:send")).text,
    "Эта кнопка больше не работает.",
  );
});

Deno.test("/stats counts subscribers and answers and shows past weeks", async () => {
  await using h = await adminHarness();
  // A past week: Anna said yes to 2026-11-18.
  h.store.meetings.ensure({
    id: "2026-11-18",
    startsAt: new Date("2026-11-18T08:00:00Z"),
  }, h.clock.now());
  h.store.answers.record({
    meetingId: "2026-11-18",
    userId: h.store.users.byTgId(anna.id)!.id,
    answer: "yes",
  }, h.clock.now());
  await h.say(vera, "/stop");
  assert.equal(
    await h.say(admin, "/stats"),
    "Приглашения получают: 2.\n" +
      "Из них на паузе: 0.\n" +
      "Открыли бота, но не подписались: 0.\n" +
      "Отписались: 1.\n\n" +
      "Встреча в среду, 25 ноября, в 11:00 (мск):\n" +
      "— придут: 1;\n" +
      "— не придут: 1;\n" +
      "— не ответили: 0.\n\n" +
      "Изменения расписания:\n—\n\n" +
      "Прошлые недели:\n" +
      // Without personal links who came is unknown: said so, never 0.
      "среда, 18 ноября: «да» — 1, «нет» — 0, пришли — неизвестно сколько, " +
      "оценки — нет",
  );
});

Deno.test("/who names those who said yes, those who said no and those who have not answered", async () => {
  await using h = await adminHarness();
  assert.equal(
    await h.say(admin, "/who"),
    "Встреча в среду, 25 ноября, в 11:00 (мск)\n\n" +
      "✅ Придут (1):\nАнна Иванова (@anna)\n\n" +
      "❌ Не смогут (1):\nБорис\n\n" +
      "❔ Не ответили (1):\nВера",
  );
});

Deno.test("/announce previews, Send broadcasts once through the paced delivery, Cancel sends nothing", async (t) => {
  await using h = await adminHarness();
  await t.step("without text it explains the usage", async () => {
    assert.match(
      await h.say(admin, "/announce"),
      /Напишите текст после команды/,
    );
  });
  await t.step("Cancel drops the draft", async () => {
    await h.say(admin, "/announce Черновик");
    const preview = h.fake.sent(admin.id).at(-1)!;
    const cancel = inlineButtons(preview.reply_markup)[1]!;
    await h.press(admin, "callback_data" in cancel ? cancel.callback_data : "");
    const edited = await h.fake.waitFor((f) => f.edits(admin.id).at(-1));
    assert.equal(edited.text, "Объявление отменено.");
  });
  await t.step(
    "Send reaches every subscriber once and reports to the admin",
    async () => {
      const preview = await h.say(
        admin,
        "/announce Встреча переносится на час позже!",
      );
      assert.match(
        preview,
        /Объявление уйдёт 3 подписчикам\. Одно сообщение, 33 символа из 4096\.\n\nВстреча переносится на час позже!/,
      );
      const send = inlineButtons(
        h.fake.sent(admin.id).at(-1)!.reply_markup,
      )[0]!;
      const data = "callback_data" in send ? send.callback_data : "";
      await h.press(admin, data);
      const report = await h.fake.waitFor((f) =>
        f.sent(admin.id).find((m) => m.text?.startsWith("Объявление разослано"))
      );
      assert.equal(
        report.text,
        "Объявление разослано:\n" +
          "— доставлено: 3;\n" +
          "— заблокировали бота: 0;\n" +
          "— Telegram не принял: 0;\n" +
          "— не знаю, дошло ли: 0 (Telegram не ответил; повторно не отправляю, чтобы не было дублей);\n" +
          "— не отправлено, потому что человек успел отписаться: 0.",
      );
      for (const u of [anna, boris, vera]) {
        assert.equal(
          h.fake.messagesTo(u.id).filter((t) => t.includes("переносится"))
            .length,
          1,
        );
      }
      assert.equal(
        (await h.press(admin, data)).text,
        "Эта кнопка больше не работает.",
        "no second send",
      );
    },
  );
});

Deno.test("/skip cancels the meeting after a confirmation, tells everyone it concerns, and stops its reminders; /unskip restores", async (t) => {
  await using h = await adminHarness();
  /** Presses the button, as shown now, of the admin's last message that has one. */
  const pressLast = async (prefix: string) => {
    const buttons = h.fake.sent(admin.id)
      .map((m) =>
        inlineButtons(h.fake.message(admin.id, m.message_id)?.reply_markup)
      )
      .findLast((row) =>
        row.some((b) =>
          "callback_data" in b && b.callback_data.startsWith(prefix)
        )
      )!;
    const button = buttons.find((b) =>
      "callback_data" in b && b.callback_data.startsWith(prefix)
    )!;
    return await h.press(
      admin,
      "callback_data" in button ? button.callback_data : "",
    );
  };
  await t.step("/skip offers the weeks, then asks to confirm", async () => {
    assert.equal(await h.say(admin, "/skip"), "Какую встречу отменить?");
    const weeks = inlineButtons(h.fake.sent(admin.id).at(-1)!.reply_markup);
    assert.equal(weeks[0]!.text, "среда, 25 ноября");
    assert.equal(weeks.length, 6, "the next six weeks");
    await pressLast(`skipw:${MEETING}`);
    const question = await h.fake.waitFor((f) => f.edits(admin.id).at(-1));
    assert.equal(
      question.text,
      "Отменить встречу в среду, 25 ноября, в 11:00 (мск)? Сообщу 3 подписчикам, напоминаний не будет.",
    );
    assert.equal(h.store.meetings.get(MEETING)?.status, "scheduled");
  });
  await t.step("confirming cancels it and tells every subscriber", async () => {
    await pressLast("act:");
    const done = await h.fake.waitFor((f) =>
      f.edits(admin.id).find((m) => m.text?.includes("отменена"))
    );
    assert.equal(
      done.text,
      "Встреча в среду, 25 ноября, отменена. Сообщаю 3 подписчикам; напоминаний не будет.",
    );
    await h.idle();
    for (const u of [anna, boris, vera]) {
      assert.equal(
        h.fake.messagesTo(u.id).filter((m) => m.includes("отменяется")).length,
        1,
        `${u.first_name} told once`,
      );
    }
    assert.equal(
      (await h.press(admin, "act:1:yes")).text,
      "Эта кнопка больше не работает.",
      "a second press changes nothing",
    );
    assert.equal(
      await h.say(admin, `/skip ${MEETING}`),
      "Встреча в среду, 25 ноября, уже отменена.",
    );
  });
  await t.step(
    "no reminder goes out for a cancelled meeting, and presses say it is cancelled",
    async () => {
      const before = h.fake.messagesTo(anna.id).length;
      h.clock.set("2026-11-25T06:00:00Z");
      await h.jobs.tick();
      assert.equal(h.fake.messagesTo(anna.id).length, before);
      assert.equal(
        (await h.press(boris, `rsvp:${MEETING}:yes`)).text,
        "Встреча в среду, 25 ноября, отменена — отвечать не нужно.",
      );
    },
  );
  await t.step(
    "/unskip, confirmed, brings the meeting and its due reminder back",
    async () => {
      assert.equal(
        await h.say(admin, "/unskip"),
        "Вернуть встречу в среду, 25 ноября, в 11:00 (мск)? Сообщу 3 " +
          "подписчикам, что она всё-таки состоится.",
      );
      await pressLast("act:");
      const done = await h.fake.waitFor((f) =>
        f.edits(admin.id).find((m) => m.text?.includes("снова в расписании"))
      );
      assert.equal(
        done.text,
        "Встреча в среду, 25 ноября, снова в расписании. Сообщаю 3 подписчикам.",
      );
      await h.jobs.tick();
      assert.match(
        h.fake.messagesTo(anna.id).findLast((m) => m.startsWith("Напоминаю"))!,
        /Напоминаю: сегодня/,
      );
      assert.equal(
        await h.say(admin, "/unskip"),
        "Отменённых встреч впереди нет.",
      );
    },
  );
});

Deno.test("/export sends the attendance as a CSV that opens with Cyrillic intact", async () => {
  await using h = await adminHarness();
  // Last week's meeting was held; Vera said no to it.
  h.store.meetings.ensure({
    id: "2026-11-18",
    startsAt: new Date("2026-11-18T08:00:00Z"),
  }, new Date("2026-11-16T07:00:00Z"));
  h.store.answers.record({
    meetingId: "2026-11-18",
    userId: h.store.users.byTgId(vera.id)!.id,
    answer: "no",
  }, new Date("2026-11-16T08:15:00Z"));
  h.fake.sendText(admin, "/export");
  const document = await h.fake.waitFor((f) =>
    f.sent(admin.id).find((m) => m.method === "sendDocument")
  );
  assert.equal(document.document!.filename, "attendance.csv");
  assert.equal(
    document.caption,
    "История ответов на приглашения: 3 записи.",
  );
  const bytes = document.document!.bytes;
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM");
  const rows = parseCsv(new TextDecoder().decode(bytes));
  assert.deepEqual(rows[0], [
    "Дата встречи",
    "Статус встречи",
    "Начало",
    "Тема",
    "Telegram ID",
    "Имя",
    "Фамилия",
    "Username",
    "Ответ",
    "Время ответа",
    "Место",
    "Номер в листе ожидания",
    "Из листа ожидания",
    "Пришёл",
    "Оценка",
  ]);
  assert.deepEqual(rows.slice(1), [
    [
      "2026-11-18",
      "проведена",
      "2026-11-18 11:00",
      "",
      String(vera.id),
      "Вера",
      "",
      "",
      "нет",
      "2026-11-16 11:15",
      "",
      "",
      "",
      "неизвестно",
      "",
    ],
    [
      MEETING,
      "запланирована",
      "2026-11-25 11:00",
      "",
      String(anna.id),
      "Анна",
      "Иванова",
      "anna",
      "да",
      "2026-11-23 10:30",
      "место",
      "",
      "",
      "неизвестно",
      "",
    ],
    [
      MEETING,
      "запланирована",
      "2026-11-25 11:00",
      "",
      String(boris.id),
      "Борис",
      "",
      "",
      "нет",
      "2026-11-23 10:30",
      "",
      "",
      "",
      "неизвестно",
      "",
    ],
  ]);
});

Deno.test("after each job, admins get a delivery report", async () => {
  await using h = await adminHarness();
  h.fake.block(vera.id);
  h.clock.set("2026-11-30T07:00:00Z"); // next Monday's invitation
  await h.jobs.tick();
  assert.equal(
    h.fake.messagesTo(admin.id).at(-1),
    "Встреча в среду, 2 декабря: разослал приглашения.\n" +
      "— доставлено: 2;\n" +
      "— заблокировали бота: 1;\n" +
      "— Telegram не принял: 0;\n" +
      "— не знаю, дошло ли: 0 (Telegram не ответил; повторно не отправляю, чтобы не было дублей).",
  );
});

Deno.test("the optional nudge goes to registered users who have not answered", async () => {
  const config = testConfig({
    schedule: {
      ...testConfig().schedule,
      nudge: { weekday: "tuesday", time: { hour: 18, minute: 0 } },
    },
  });
  await using h = await startHarness({
    config,
    clock: new ManualClock("2026-11-23T07:00:00Z"),
  });
  for (const u of [anna, boris, vera]) {
    await h.say(u, "/start");
    await h.press(u, "reg:yes");
  }
  await h.jobs.tick(); // the invitation
  await h.press(anna, `rsvp:${MEETING}:yes`);
  h.clock.set("2026-11-24T15:00:00Z"); // Tuesday 18:00 Moscow
  await h.jobs.tick();
  const nudged = [anna, boris, vera].filter((u) =>
    h.fake.messagesTo(u.id).some((m) => m.startsWith("Вы ещё не ответили"))
  );
  assert.deepEqual(nudged.map((u) => u.id), [boris.id, vera.id]);
  const nudge = h.fake.sent(boris.id).filter((m) => m.method === "sendMessage")
    .at(-1)!;
  assert.equal(
    inlineButtons(nudge.reply_markup).length,
    2,
    "with the answer buttons",
  );
});
