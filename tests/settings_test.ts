/**
 * `/settings` through the fake Bot API: one message, edited in place, with the zone, a
 * button per message and the pause; a zone or a pause's last day typed after the screen
 * that asks for it; forged presses and out-of-range input answered briefly with nothing
 * changed. Monday 23 November 2026, 09:00 Moscow; the meeting is Wednesday at 11:00.
 */
import assert from "node:assert/strict";
import { user } from "./fake_bot_api.ts";
import { ManualClock, startHarness, testConfig } from "./helpers.ts";
import {
  labels,
  openSettings,
  pressSetting,
  settingsOf,
  storedSettings,
} from "./support/settings.ts";

const anna = user(1, { first_name: "Анна" });
const stranger = user(7, { first_name: "Гость" });

async function subscribed() {
  const h = await startHarness({
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  return h;
}

const DEFAULTS = { timezone: null, muted: [], paused_through: null };

Deno.test("/settings shows the zone, a button per message and the pause; each press edits that one message", async () => {
  await using h = await subscribed();
  const first = await openSettings(h, anna);
  assert.equal(
    first.text,
    "⚙️ Настройки\n\nЧасовой пояс: Москва (мск). Ближайшая встреча у вас — " +
      "в среду, 25 ноября, в 11:00.\n\n🔔 — сообщение приходит, 🔕 — нет. " +
      "Нажмите, чтобы переключить.",
  );
  assert.deepEqual(labels(first), [
    "🕒 Часовой пояс: Москва (мск)",
    "🔔 Приглашение",
    "🔔 Напоминание ответить",
    "🔔 Напоминание в 09:00",
    "🔔 Напоминание в 10:40",
    "🔔 Вопрос после встречи",
    "🔔 Итоги встречи",
    "⏸ Пауза",
  ]);
  assert.equal(
    await pressSetting(h, anna, "set:msg:first_reminder:off"),
    "Сохранено",
  );
  assert.equal(settingsOf(h, anna).message_id, first.message_id, "edited");
  assert.equal(labels(settingsOf(h, anna))[3], "🔕 Напоминание в 09:00");
  assert.deepEqual(storedSettings(h, anna).muted, ["first_reminder"]);
  // The same press twice sets the same thing: nothing flips back.
  await pressSetting(h, anna, "set:msg:first_reminder:off");
  assert.deepEqual(storedSettings(h, anna).muted, ["first_reminder"]);

  await pressSetting(h, anna, "set:zone");
  assert.match(settingsOf(h, anna).text!, /^Выберите часовой пояс кнопкой/);
  assert.deepEqual(labels(settingsOf(h, anna)).slice(0, 3), [
    "Калининград (UTC+2)",
    "✅ Москва (мск)",
    "Самара (UTC+4)",
  ]);
  await pressSetting(h, anna, "set:tz:America/Los_Angeles");
  assert.equal(storedSettings(h, anna).timezone, "America/Los_Angeles");
  const main = settingsOf(h, anna);
  assert.equal(main.message_id, first.message_id, "still the one message");
  assert.match(
    main.text!,
    /Часовой пояс: Лос-Анджелес \(UTC−8\)\. Ближайшая встреча у вас — в среду, 25 ноября, в 00:00\./,
  );
  assert.deepEqual(labels(main).slice(0, 5), [
    "🕒 Часовой пояс: Лос-Анджелес (UTC−8)",
    "🔔 Приглашение",
    "🔔 Напоминание ответить",
    "🔕 Напоминание в 22:00",
    "🔔 Напоминание в 23:40",
  ]);
  // Back to Moscow: the meeting's own zone is kept as none.
  await pressSetting(h, anna, "set:tz:Europe/Moscow");
  assert.equal(storedSettings(h, anna).timezone, null);
});

Deno.test("a zone typed after the zone screen is taken; one the bot does not know changes nothing", async () => {
  await using h = await subscribed();
  await openSettings(h, anna);
  await pressSetting(h, anna, "set:zone");
  assert.equal(
    await h.say(anna, "Марс"),
    "Не знаю такого часового пояса: «Марс». Пришлите город (например, " +
      "Берлин), название пояса (Europe/Berlin) или смещение от UTC (UTC+3).",
  );
  assert.deepEqual(storedSettings(h, anna), DEFAULTS);
  await h.say(anna, "Mars/Olympus");
  assert.deepEqual(storedSettings(h, anna), DEFAULTS);
  assert.equal(
    await h.say(anna, "Asia/Tokyo"),
    "Часовой пояс: Asia/Tokyo (UTC+9). Ближайшая встреча у вас — в среду, " +
      "25 ноября, в 17:00.",
  );
  assert.equal(storedSettings(h, anna).timezone, "Asia/Tokyo");
  assert.match(
    settingsOf(h, anna).text!,
    /^⚙️ Настройки\n\nЧасовой пояс: Asia\/Tokyo \(UTC\+9\)/,
  );
  // Taken once: the next message is not a zone any more.
  await h.say(anna, "UTC+3");
  assert.equal(storedSettings(h, anna).timezone, "Asia/Tokyo");
  // An offset typed, from the screen again.
  await pressSetting(h, anna, "set:zone");
  assert.equal(
    await h.say(anna, "+05:30"),
    "Часовой пояс: UTC+5:30. Ближайшая встреча у вас — в среду, 25 ноября, в 13:30.",
  );
  assert.equal(storedSettings(h, anna).timezone, "+05:30");
});

Deno.test("a zone screen left alone for over 15 minutes takes nothing typed", async () => {
  await using h = await subscribed();
  await openSettings(h, anna);
  await pressSetting(h, anna, "set:zone");
  h.clock.advance(16 * 60_000);
  await h.say(anna, "Asia/Tokyo");
  assert.equal(storedSettings(h, anna).timezone, null);
});

Deno.test("forged settings presses get a short answer and change nothing", async () => {
  await using h = await startHarness({
    config: {
      ...testConfig(),
      schedule: { ...testConfig().schedule, nudge: null },
    },
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  await openSettings(h, anna);
  // Without a nudge in the schedule it is not offered.
  assert.ok(!labels(settingsOf(h, anna)).some((l) => l.includes("ответить")));
  for (
    const data of [
      "set:tz:Mars/Olympus",
      "set:tz:Asia/Tokyo", // a real zone, but no button carries it
      "set:msg:bogus:off",
      "set:msg:nudge:off", // the nudge is off in this config
      "set:msg:invitation:maybe",
      "set:pause:3",
      "set:pause:52",
      "set:pause:-1",
      "set:pause:date",
      "set:everything",
    ]
  ) {
    assert.equal(
      await pressSetting(h, anna, data),
      "Эта кнопка больше не работает.",
      data,
    );
  }
  assert.deepEqual(storedSettings(h, anna), DEFAULTS);
  assert.equal(
    (await h.press(stranger, "set:msg:invitation:off")).text,
    "Вы не подписаны на приглашения. Чтобы подписаться, отправьте /start.",
  );
  assert.equal(h.store.users.byTgId(stranger.id), undefined);
});

Deno.test("a pause into the past, beyond a year or before any meeting is refused; nothing changes", async () => {
  await using h = await subscribed();
  await openSettings(h, anna);
  await pressSetting(h, anna, "set:pause");
  assert.match(settingsOf(h, anna).text!, /^На сколько поставить паузу\?/);
  assert.deepEqual(labels(settingsOf(h, anna)), [
    "На 1 неделю",
    "На 2 недели",
    "На 4 недели",
    "← Назад",
  ]);
  const refusals: [string, string][] = [
    [
      "20.11.2026",
      "Эта дата уже прошла. Пришлите последний день паузы — сегодня или позже.",
    ],
    [
      "24.11.2027",
      "Пауза может длиться не больше года — до вторника, 23 ноября, включительно. " +
      "Пришлите дату не позже.",
    ],
    [
      "32.13",
      "Не понял дату: «32.13». Пришлите последний день паузы так: 31.12 или 31.12.2026.",
    ],
    [
      "24.11", // Tuesday: the next meeting is on Wednesday
      "До этого дня встреч нет — пауза не нужна. Ближайшая встреча — в среду, " +
      "25 ноября, в 11:00 (мск).",
    ],
  ];
  for (const [text, answer] of refusals) {
    assert.equal(await h.say(anna, text), answer, text);
    assert.deepEqual(storedSettings(h, anna), DEFAULTS, text);
  }
  // The last day a year ahead is still taken.
  assert.equal(
    await h.say(anna, "23.11.2027"),
    "Пауза до среды, 17 ноября, включительно: приглашения, напоминания и " +
      "вопросы о встречах не придут. Когда она закончится, я напишу.",
  );
  assert.equal(storedSettings(h, anna).paused_through, "2027-11-17");
  assert.equal(labels(settingsOf(h, anna)).at(-1), "▶️ Снять паузу");
});
