/**
 * The shipped Russian texts of each person's own settings (`/settings`): their time
 * zone, the messages they get, a pause, and what `/status` says of them. `config.yaml`
 * repeats them so that an operator can edit each.
 *
 * @module
 */
import type { TextKey } from "./texts.ts";

/** The texts of `/settings`, by key. */
export const SETTINGS_TEXTS = {
  settings: "⚙️ Настройки\n\n" +
    "Часовой пояс: {zone}. Ближайшая встреча у вас — {date_on}, в {time}.\n\n" +
    "{pause_line}🔔 — сообщение приходит, 🔕 — нет. Нажмите, чтобы переключить.",
  settings_pause_line: "⏸ Пауза до {date_gen}, включительно: приглашения, " +
    "напоминания и вопросы о встречах не придут.\n\n",
  button_settings_zone: "🕒 Часовой пояс: {zone}",
  button_setting_on: "🔔 {name}",
  button_setting_off: "🔕 {name}",
  setting_invitation: "приглашение",
  setting_nudge: "напоминание ответить",
  setting_first_reminder: "напоминание в {time}",
  setting_second_reminder: "напоминание в {time}",
  setting_feedback: "вопрос после встречи",
  setting_followups: "итоги встречи",
  button_settings_pause: "⏸ Пауза",
  button_settings_unpause: "▶️ Снять паузу",
  button_settings_back: "← Назад",
  settings_zone: "Выберите часовой пояс кнопкой — или пришлите сообщением " +
    "город, название пояса (например, Asia/Tokyo) или смещение от UTC " +
    "(например, UTC+5 или +05:30).\n\nСейчас: {zone}.",
  button_zone: "{city} ({tz})",
  button_zone_chosen: "✅ {city} ({tz})",
  settings_zone_set:
    "Часовой пояс: {zone}. Ближайшая встреча у вас — {date_on}, в {time}.",
  settings_zone_unknown: "Не знаю такого часового пояса: «{text}». " +
    "Пришлите город (например, Берлин), название пояса (Europe/Berlin) или " +
    "смещение от UTC (UTC+3).",
  settings_pause: "На сколько поставить паузу? Приглашения, напоминания и " +
    "вопросы о встречах приходить не будут, а подписка сохранится. Пауза " +
    "закончится сама — я напишу.\n\n" +
    "Можно и до определённого дня: пришлите сообщением последний день паузы, " +
    "например 31.12 или 31.12.2026.",
  button_pause_weeks: "На {weeks|неделю|недели|недель}",
  settings_saved: "Сохранено",
  settings_paused: "Пауза до {date_gen}, включительно: приглашения, " +
    "напоминания и вопросы о встречах не придут. Когда она закончится, я напишу.",
  settings_pause_bad_date: "Не понял дату: «{text}». Пришлите последний день " +
    "паузы так: 31.12 или 31.12.2026.",
  settings_pause_past:
    "Эта дата уже прошла. Пришлите последний день паузы — сегодня или позже.",
  settings_pause_too_far: "Пауза может длиться не больше года — до " +
    "{limit_date_gen}, включительно. Пришлите дату не позже.",
  settings_pause_no_meeting: "До этого дня встреч нет — пауза не нужна. " +
    "Ближайшая встреча — {date_on}, в {time} ({tz}).",
  pause_ended: "Пауза закончилась — сообщения о встречах «{title}» снова " +
    "будут приходить. Ближайшая встреча — {date_on}, в {time} ({tz}).",
  status_settings: "\n\nЧасовой пояс: {zone}\nПриходят: {on}{off_line}" +
    "{pause_line}\nИзменить — /settings",
  status_settings_off: "\nНе приходят: {off}",
  status_settings_none: "ничего",
  status_settings_pause: "\n⏸ Пауза до {date_gen}, включительно",
  when_today: "сегодня",
  when_tomorrow: "завтра",
  when_date: "{date_on},",
  command_settings: "Часовой пояс, какие сообщения присылать, пауза",
} as const satisfies Partial<Record<TextKey, string>>;
