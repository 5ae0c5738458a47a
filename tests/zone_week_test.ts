/**
 * A week read in another zone, through the fake Bot API: Vera in Honolulu (UTC−10) has
 * the Wednesday 11:00 Moscow meeting on Tuesday at 22:00, and every message shows it so,
 * with the zone named: the invitation, the answer in it, the calendar file's caption,
 * /status, /help, the reminders, the notice of a move and the edits it brings. Gleb in
 * Los Angeles reads the first reminder the evening before. Anna stays in Moscow.
 */
import assert from "node:assert/strict";
import { type FakeUser, user } from "./fake_bot_api.ts";
import {
  type Harness,
  ManualClock,
  startHarness,
  testConfig,
} from "./helpers.ts";
import { openSettings, pressSetting } from "./support/settings.ts";
import { JOIN_LINK, publicConfig, startWeb } from "./support/web.ts";
import {
  admin,
  anna,
  confirm,
  MEETING,
  messageOf,
  pressUnder,
  vera,
} from "./support/week.ts";

const gleb = user(4, { first_name: "Глеб" });

function first(h: Harness, u: FakeUser, start: string): string | undefined {
  return h.fake.messagesTo(u.id).find((m) => m.startsWith(start));
}

async function inZone(h: Harness, u: FakeUser, zone: string) {
  await openSettings(h, u);
  await pressSetting(h, u, "set:zone");
  await h.say(u, zone);
}

Deno.test("a person in Honolulu reads the Wednesday 11:00 Moscow meeting on Tuesday at 22:00 in every message", async (t) => {
  await using h = await startHarness({
    config: testConfig({ admins: [admin.id] }),
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  await h.say(admin, "/start");
  for (const u of [anna, vera, gleb]) {
    await h.say(u, "/start");
    await h.press(u, "reg:yes");
  }
  await inZone(h, vera, "Гонолулу");
  await inZone(h, gleb, "Лос-Анджелес");

  await t.step(
    "the invitation, the answer shown in it, the calendar caption",
    async () => {
      h.clock.set("2026-11-23T07:00:00Z");
      await h.jobs.tick();
      assert.equal(
        first(h, vera, "Приглашаю"),
        "Приглашаю на встречу «Живой эфир» во вторник, 24 ноября, в 22:00 " +
          "(UTC−10). Она продлится 1 час.\n\nПридёте?",
      );
      assert.match(
        first(h, anna, "Приглашаю")!,
        /в среду, 25 ноября, в 11:00 \(мск\)/,
      );
      for (const u of [anna, vera, gleb]) {
        await pressUnder(h, u, `rsvp:${MEETING}:yes`);
      }
      await h.idle();
      assert.equal(
        messageOf(h, vera, "Приглашаю").text,
        "Встреча «Живой эфир» во вторник, 24 ноября, в 22:00 (UTC−10).\n\n✅ " +
          "Вы придёте — ждём! Ссылку пришлю в день встречи. Если планы " +
          "изменятся, ответ можно поменять до начала.",
      );
      assert.equal(
        first(h, vera, "Встреча «Живой эфир» во вторник"),
        "Встреча «Живой эфир» во вторник, 24 ноября, в 22:00 (UTC−10): " +
          "откройте файл, чтобы добавить её в календарь.",
      );
    },
  );

  await t.step("/status and /help", async () => {
    assert.match(
      await h.say(vera, "/status"),
      /^Подписка: вы получаете приглашения\nБлижайшая встреча: вторник, 24 ноября, 22:00 \(UTC−10\)\nВаш ответ: приду\n.*\n\nЧасовой пояс: Pacific\/Honolulu \(UTC−10\)\nПриходят: приглашение, напоминание ответить, напоминание в 20:00, напоминание в 21:40,/s,
    );
    assert.match(
      await h.say(vera, "/help"),
      /^Бот встречи «Живой эфир»: по вторникам в 22:00 \(UTC−10\), 1 час\./,
    );
  });

  await t.step(
    "the first reminder: today in Honolulu, tomorrow in Los Angeles",
    async () => {
      h.clock.set("2026-11-25T06:00:00Z"); // 09:00 Moscow, 20:00 and 22:00 the day before
      await h.jobs.tick();
      assert.match(
        first(h, anna, "Напоминаю")!,
        /^Напоминаю: сегодня в 11:00 \(мск\)/,
      );
      assert.match(
        first(h, vera, "Напоминаю")!,
        /^Напоминаю: сегодня в 22:00 \(UTC−10\)/,
      );
      assert.match(
        first(h, gleb, "Напоминаю")!,
        /^Напоминаю: завтра в 00:00 \(UTC−8\)/,
      );
    },
  );

  await t.step(
    "a move is told, and the messages edited, in her zone",
    async () => {
      h.clock.set("2026-11-25T06:30:00Z");
      await h.say(admin, "/move 26.11 12:30");
      await confirm(h);
      assert.equal(
        first(h, vera, "Встреча «Живой эфир» переносится"),
        "Встреча «Живой эфир» переносится со вторника, 24 ноября, 22:00, на " +
          "среду, 25 ноября, 23:30 (UTC−10).\n\nЕсли планы изменились, ответ " +
          "можно поменять в приглашении.",
      );
      assert.match(
        messageOf(h, vera, "Напоминаю").text!,
        /^Напоминаю: встреча «Живой эфир» в среду, 25 ноября, в 23:30 \(UTC−10\)\./,
      );
      assert.match(
        messageOf(h, vera, "Приглашаю").text!,
        /^Встреча «Живой эфир» в среду, 25 ноября, в 23:30 \(UTC−10\)\.\n\n✅/,
      );
      assert.match(
        first(h, anna, "Встреча «Живой эфир» переносится")!,
        /со среды, 25 ноября, 11:00, на четверг, 26 ноября, 12:30 \(мск\)/,
      );
    },
  );
});

Deno.test("the page behind her own link names the day as she has it", async () => {
  await using h = await startHarness({
    config: publicConfig(),
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  await using web = startWeb(h);
  await h.say(vera, "/start");
  await h.press(vera, "reg:yes");
  await inZone(h, vera, "Pacific/Honolulu");
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  await pressUnder(h, vera, `rsvp:${MEETING}:yes`);
  h.clock.set("2026-11-25T07:40:00Z");
  await h.jobs.tick();
  const link = JOIN_LINK.exec(first(h, vera, "Через несколько минут")!)![0];
  h.clock.set("2026-11-25T09:30:00Z"); // over
  assert.match(
    (await web.get(link)).body,
    /Встреча «Живой эфир» во вторник, 24 ноября, уже закончилась/,
  );
});

Deno.test("a new link and a cancellation reach her in her zone, the calendar files' captions too", async () => {
  await using h = await startHarness({
    config: testConfig({ admins: [admin.id] }),
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  await h.say(admin, "/start");
  await h.say(vera, "/start");
  await h.press(vera, "reg:yes");
  await inZone(h, vera, "UTC-10");
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  await pressUnder(h, vera, `rsvp:${MEETING}:yes`);
  await h.idle();

  await h.say(admin, "/link https://example.com/new");
  await confirm(h);
  assert.equal(
    first(h, vera, "Новая ссылка"),
    "Новая ссылка на встречу «Живой эфир» во вторник, 24 ноября, в 22:00 " +
      "(UTC−10):\nhttps://example.com/new",
  );
  await h.say(admin, `/skip ${MEETING}`);
  await confirm(h);
  assert.match(
    first(h, vera, "Встреча «Живой эфир» во вторник, 24 ноября, отменяется")!,
    /^Встреча «Живой эфир» во вторник, 24 ноября, отменяется\./,
  );
  const captions = h.fake.sent(vera.id).filter((m) => m.document)
    .map((m) => m.caption);
  assert.deepEqual(captions, [
    "Встреча «Живой эфир» во вторник, 24 ноября, в 22:00 (UTC−10): откройте " +
    "файл, чтобы добавить её в календарь.",
    "Встреча «Живой эфир» изменилась, теперь она во вторник, 24 ноября, в " +
    "22:00 (UTC−10): откройте файл, и календарь её обновит.",
    "Встреча «Живой эфир» во вторник, 24 ноября, в 22:00 (UTC−10), отменена: " +
    "откройте файл, и календарь её уберёт.",
  ]);
});

Deno.test("/calendar names the weekly meeting as she has it", async () => {
  await using h = await startHarness({
    config: publicConfig(),
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  await h.say(vera, "/start");
  await h.press(vera, "reg:yes");
  await inZone(h, vera, "Pacific/Honolulu");
  assert.match(
    await h.say(vera, "/calendar"),
    /^Встречи «Живой эфир» в вашем календаре: по вторникам в 22:00 \(UTC−10\)\./,
  );
});
