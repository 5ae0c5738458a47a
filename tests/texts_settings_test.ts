/**
 * Every text of `/settings` as the shipped defaults render it (the meeting of Wednesday
 * 9 December 2026, 11:00 MSK): the exact Russian, so that any change shows here as a
 * diff; and the screens and the /status lines as a person in Moscow and one in Honolulu
 * read them.
 */
import assert from "node:assert/strict";
import { SETTINGS_TEXTS } from "../src/config/texts_settings.ts";
import { CHOICES } from "../src/domain/choices.ts";
import {
  settingsMessage,
  type SettingsView,
  statusSettingsLine,
} from "../src/messages/settings.ts";
import type { Week } from "../src/usecases/weeks.ts";
import { CONFIG, MEETING, say } from "./support/texts.ts";

/** What each settings text reads, with the values the bot fills in. */
const EXPECTED: Record<keyof typeof SETTINGS_TEXTS, string> = {
  settings:
    "⚙️ Настройки\n\nЧасовой пояс: Москва (мск). Ближайшая встреча у вас — в среду, 9 декабря, в 11:00.\n\n🔔 — сообщение приходит, 🔕 — нет. Нажмите, чтобы переключить.",
  settings_pause_line:
    "⏸ Пауза до среды, 9 декабря, включительно: приглашения, напоминания и вопросы о встречах не придут.\n\n",
  button_settings_zone: "🕒 Часовой пояс: Москва (мск)",
  button_setting_on: "🔔 Приглашение",
  button_setting_off: "🔕 Напоминание в 09:00",
  setting_invitation: "приглашение",
  setting_nudge: "напоминание ответить",
  setting_first_reminder: "напоминание в 09:00",
  setting_second_reminder: "напоминание в 10:40",
  setting_feedback: "вопрос после встречи",
  setting_followups: "итоги встречи",
  button_settings_pause: "⏸ Пауза",
  button_settings_unpause: "▶️ Снять паузу",
  button_settings_back: "← Назад",
  settings_zone:
    "Выберите часовой пояс кнопкой — или пришлите сообщением город, название пояса (например, Asia/Tokyo) или смещение от UTC (например, UTC+5 или +05:30).\n\nСейчас: Москва (мск).",
  button_zone: "Берлин (UTC+1)",
  button_zone_chosen: "✅ Москва (мск)",
  settings_zone_set:
    "Часовой пояс: Москва (мск). Ближайшая встреча у вас — в среду, 9 декабря, в 11:00.",
  settings_zone_unknown:
    "Не знаю такого часового пояса: «Марс». Пришлите город (например, Берлин), название пояса (Europe/Berlin) или смещение от UTC (UTC+3).",
  settings_pause:
    "На сколько поставить паузу? Приглашения, напоминания и вопросы о встречах приходить не будут, а подписка сохранится. Пауза закончится сама — я напишу.\n\nМожно и до определённого дня: пришлите сообщением последний день паузы, например 31.12 или 31.12.2026.",
  button_pause_weeks: "На 2 недели",
  settings_saved: "Сохранено",
  settings_paused:
    "Пауза до среды, 9 декабря, включительно: приглашения, напоминания и вопросы о встречах не придут. Когда она закончится, я напишу.",
  settings_pause_bad_date:
    "Не понял дату: «32.13». Пришлите последний день паузы так: 31.12 или 31.12.2026.",
  settings_pause_past:
    "Эта дата уже прошла. Пришлите последний день паузы — сегодня или позже.",
  settings_pause_too_far:
    "Пауза может длиться не больше года — до среды, 20 января, включительно. Пришлите дату не позже.",
  settings_pause_no_meeting:
    "До этого дня встреч нет — пауза не нужна. Ближайшая встреча — в среду, 9 декабря, в 11:00 (мск).",
  pause_ended:
    "Пауза закончилась — сообщения о встречах «Живой эфир» снова будут приходить. Ближайшая встреча — в среду, 9 декабря, в 11:00 (мск).",
  status_settings:
    "\n\nЧасовой пояс: Москва (мск)\nПриходят: приглашение, напоминание ответить, напоминание в 10:40, вопрос после встречи, итоги встречи\nНе приходят: напоминание в 09:00\nИзменить — /settings",
  status_settings_off: "\nНе приходят: напоминание в 09:00",
  status_settings_none: "ничего",
  status_settings_pause: "\n⏸ Пауза до среды, 9 декабря, включительно",
  when_today: "сегодня",
  when_tomorrow: "завтра",
  when_date: "в среду, 9 декабря,",
  command_settings: "Часовой пояс, какие сообщения присылать, пауза",
};

Deno.test("every settings text reads as a native speaker writes it", () => {
  for (const [key, expected] of Object.entries(EXPECTED)) {
    assert.equal(say(key as keyof typeof EXPECTED), expected, key);
  }
});

const WEEK: Week = {
  ...MEETING,
  scheduledAt: MEETING.startsAt,
  topic: null,
  link: CONFIG.meeting.link,
  cancelled: false,
  sequence: 0,
};
const PAUSED: Week = {
  ...WEEK,
  id: "2026-12-16",
  startsAt: new Date("2026-12-16T08:00:00Z"),
  scheduledAt: new Date("2026-12-16T08:00:00Z"),
};

function view(timezone: string | null, paused = false): SettingsView {
  return {
    user: { timezone },
    choices: {
      muted: new Set(["first_reminder", "followups"]),
      paused_through: paused ? PAUSED.id : null,
    },
    upcoming: WEEK,
    paused: paused ? PAUSED : undefined,
    now: new Date("2026-12-07T06:00:00Z"),
  };
}

Deno.test("the main screen in Honolulu: the meeting on Tuesday at 22:00, the reminders at their times there, the pause", () => {
  const message = settingsMessage(CONFIG, {
    view: view("Pacific/Honolulu", true),
    screen: "main",
  });
  assert.equal(
    message.text,
    "⚙️ Настройки\n\nЧасовой пояс: Pacific/Honolulu (UTC−10). Ближайшая " +
      "встреча у вас — во вторник, 8 декабря, в 22:00.\n\n⏸ Пауза до " +
      "вторника, 15 декабря, включительно: приглашения, напоминания и " +
      "вопросы о встречах не придут.\n\n🔔 — сообщение приходит, 🔕 — нет. " +
      "Нажмите, чтобы переключить.",
  );
  assert.deepEqual(
    message.reply_markup!.inline_keyboard.map((row) =>
      row.map((b) => [b.text, "callback_data" in b ? b.callback_data : ""])
    ),
    [
      [["🕒 Часовой пояс: Pacific/Honolulu (UTC−10)", "set:zone"]],
      [["🔔 Приглашение", "set:msg:invitation:off"]],
      [["🔔 Напоминание ответить", "set:msg:nudge:off"]],
      [["🔕 Напоминание в 20:00", "set:msg:first_reminder:on"]],
      [["🔔 Напоминание в 21:40", "set:msg:second_reminder:off"]],
      [["🔔 Вопрос после встречи", "set:msg:feedback:off"]],
      [["🔕 Итоги встречи", "set:msg:followups:on"]],
      [["▶️ Снять паузу", "set:unpause"]],
    ],
  );
});

Deno.test("the zone screen marks the zone chosen and names each by its offset now", () => {
  const message = settingsMessage(CONFIG, { view: view(null), screen: "zone" });
  assert.deepEqual(
    message.reply_markup!.inline_keyboard.map((row) => row.map((b) => b.text)),
    [
      ["Калининград (UTC+2)", "✅ Москва (мск)"],
      ["Самара (UTC+4)", "Екатеринбург (UTC+5)"],
      ["Новосибирск (UTC+7)", "Владивосток (UTC+10)"],
      ["Алматы (UTC+5)", "Тбилиси (UTC+4)"],
      ["Берлин (UTC+1)", "Лондон (UTC)"],
      ["Нью-Йорк (UTC−5)", "Лос-Анджелес (UTC−8)"],
      ["← Назад"],
    ],
  );
});

Deno.test("/status lists the messages that come and those that do not, and the pause, in the person's zone", () => {
  assert.equal(
    statusSettingsLine(CONFIG, view("Europe/Berlin", true)),
    "\n\nЧасовой пояс: Берлин (UTC+1)\nПриходят: приглашение, напоминание " +
      "ответить, напоминание в 08:40, вопрос после встречи\nНе приходят: " +
      "напоминание в 07:00, итоги встречи\n⏸ Пауза до среды, 16 декабря, " +
      "включительно\nИзменить — /settings",
  );
  const everythingOff: SettingsView = {
    ...view(null),
    choices: {
      muted: new Set(CHOICES),
      paused_through: null,
    },
  };
  assert.match(
    statusSettingsLine(CONFIG, everythingOff),
    /\nПриходят: ничего\nНе приходят: приглашение, напоминание ответить, /,
  );
});
