/**
 * The texts of the host's panel (`/panel` and its pages in the browser): the sign-in
 * link, the pages' headings, labels and column names (a `|` between columns), each with
 * the placeholders it may use. `config.yaml` repeats them so that an operator can edit
 * each, and another language can replace them all.
 *
 * @module
 */
import { datePlaceholders, MEETING } from "./placeholders.ts";

/** Placeholders allowed in each text of the panel (spread into `TEXT_PLACEHOLDERS`). */
export const PANEL_PLACEHOLDERS = {
  command_panel: [],
  panel_link: ["link", "minutes", "hours"],
  panel_off: [],
  panel_title: ["title"],
  panel_nav_next: [],
  panel_nav_trends: [],
  panel_nav_history: [],
  panel_nav_deliveries: [],
  panel_nav_export: [],
  panel_sign_in_title: [],
  panel_sign_in: ["minutes"],
  panel_link_refused: [],
  panel_open_in_browser: [],
  panel_signed_in: [],
  panel_open: [],
  panel_next_fields: [],
  panel_time: MEETING,
  panel_status_planned: [],
  panel_status_moved: [...MEETING, ...datePlaceholders("old_")],
  panel_status_cancelled: [],
  panel_group_yes: ["count"],
  panel_group_no: ["count"],
  panel_group_none: ["count"],
  panel_nobody: [],
  panel_no_topic: [],
  panel_chart_people: [],
  panel_chart_rating: [],
  panel_chart_span: ["count"],
  panel_series_subscribers: [],
  panel_series_yes: [],
  panel_series_joined: [],
  panel_series_rating: [],
  panel_chart_empty: [],
  panel_trends_columns: [],
  panel_missing: [],
  panel_trends_note: [],
  panel_history_columns: [],
  panel_meeting_heading: MEETING,
  panel_meeting_fields: [],
  panel_meeting_came: [],
  panel_meeting_unannounced: [],
  panel_meeting_absent: [],
  panel_meeting_yes: [],
  panel_meeting_unknown: [],
  panel_meeting_comments: [],
  panel_comment: ["name", "rating"],
  panel_back: [],
  panel_jobs_heading: [],
  panel_jobs_columns: [],
  panel_jobs_meeting: [...MEETING, "sent", "blocked", "failed", "unknown"],
  panel_meeting_link: [],
  panel_broadcasts_heading: [],
  panel_broadcasts_columns: [],
  panel_job_invitation: [],
  panel_job_first_reminder: [],
  panel_job_second_reminder: [],
  panel_job_nudge: [],
  panel_job_feedback: [],
  panel_job_meeting_report: [],
  panel_run_running: [],
  panel_run_done: [],
  panel_run_skipped: [],
  panel_broadcast_announcement: [],
  panel_broadcast_followup: [],
  panel_deliveries_empty: [],
  panel_deliveries_note: ["keep_days"],
} as const satisfies Record<string, readonly string[]>;

/** The shipped Russian texts of the panel, by key. */
export const PANEL_TEXTS = {
  command_panel: "Панель в браузере: графики, история, рассылки",
  panel_link: "Вход в панель: {link}\n\n" +
    "Ссылка работает {minutes|минуту|минуты|минут} и только один раз — " +
    "не пересылайте её. Вход действует {hours|час|часа|часов}, потом " +
    "пришлите /panel ещё раз.",
  panel_off: "Панель выключена: у бота нет публичного адреса " +
    "(http.public_url в настройках). Его задаёт тот, кто запускает бота.",
  panel_title: "Панель «{title}»",
  panel_nav_next: "Ближайшая встреча",
  panel_nav_trends: "Динамика",
  panel_nav_history: "История",
  panel_nav_deliveries: "Рассылки",
  panel_nav_export: "Скачать CSV",
  panel_sign_in_title: "Вход в панель",
  panel_sign_in: "Чтобы открыть панель, отправьте боту /panel в Telegram — " +
    "он пришлёт ссылку для входа. Ссылка работает " +
    "{minutes|минуту|минуты|минут} и только один раз.",
  panel_link_refused: "Эта ссылка для входа уже использована или устарела. " +
    "Отправьте боту /panel — он пришлёт новую.",
  panel_open_in_browser:
    "Это ссылка для входа в панель: откройте её в браузере.",
  panel_signed_in: "Вы вошли в панель.",
  panel_open: "Открыть панель",
  panel_next_fields: "Дата | Время | Тема | Ссылка | Статус",
  panel_time: "{time} ({tz}), {duration}",
  panel_status_planned: "по плану",
  panel_status_moved: "перенесена {old_date_from} ({old_time})",
  panel_status_cancelled: "отменена",
  panel_group_yes: "Придут: {count}",
  panel_group_no: "Не придут: {count}",
  panel_group_none: "Не ответили: {count}",
  panel_nobody: "никого",
  panel_no_topic: "без темы",
  panel_chart_people: "Подписчики, записавшиеся и пришедшие",
  panel_chart_rating: "Средняя оценка",
  panel_chart_span: "Встреч на графиках: {count}, за последние полгода.",
  panel_series_subscribers: "подписчики",
  panel_series_yes: "записались",
  panel_series_joined: "пришли",
  panel_series_rating: "средняя оценка",
  panel_chart_empty: "Прошедших встреч ещё не было.",
  panel_trends_columns: "Встреча | Подписчики | Записались | Пришли | Оценка",
  panel_missing: "—",
  panel_trends_note: "Подписчики — сколько человек получили приглашение " +
    "на встречу. Прочерк — число неизвестно: встречу отменили, приглашение " +
    "не рассылалось или посещение не отмечалось (без личных ссылок).",
  panel_history_columns: "Дата | Тема | Статус | Записались | Пришли | Оценка",
  panel_meeting_heading: "Встреча {date_on}",
  panel_meeting_fields: "Время | Тема | Статус | Записались | Отказались | " +
    "Пришли | Пришли без записи | Записались, но не пришли | Оценки",
  panel_meeting_came: "Пришли по записи",
  panel_meeting_unannounced: "Пришли без записи",
  panel_meeting_absent: "Записались, но не пришли",
  panel_meeting_yes: "Записались",
  panel_meeting_unknown: "неизвестно",
  panel_meeting_comments: "Комментарии",
  panel_comment: "{name}, оценка {rating}",
  panel_back: "← Все встречи",
  panel_jobs_heading: "Еженедельные рассылки",
  panel_jobs_columns: "Рассылка | Статус | Доставлено | Заблокировали | " +
    "Не принято | Неизвестно",
  panel_jobs_meeting: "{day}: доставлено {sent}, заблокировали {blocked}, " +
    "не принято {failed}, неизвестно {unknown}",
  panel_meeting_link: "Кто пришёл и оценки этой встречи →",
  panel_broadcasts_heading: "Объявления и материалы",
  panel_broadcasts_columns: "Дата | Что | Статус | Доставлено | " +
    "Заблокировали | Не принято | Неизвестно",
  panel_job_invitation: "приглашение",
  panel_job_first_reminder: "первое напоминание",
  panel_job_second_reminder: "последнее напоминание",
  panel_job_nudge: "напоминание неответившим",
  panel_job_feedback: "вопрос после встречи",
  panel_job_meeting_report: "итоги ведущему",
  panel_run_running: "идёт",
  panel_run_done: "готово",
  panel_run_skipped: "пропущена",
  panel_broadcast_announcement: "объявление",
  panel_broadcast_followup: "после встречи",
  panel_deliveries_empty: "Рассылок ещё не было.",
  panel_deliveries_note: "Доставлено — Telegram принял сообщение; " +
    "заблокировали — человек заблокировал бота или удалил аккаунт; " +
    "не принято — Telegram отказал; неизвестно — ответа не было, и сообщение " +
    "не отправлялось повторно, чтобы не было дублей. Счёт объявлений хранится " +
    "{keep_days|день|дня|дней}.",
} as const satisfies Record<keyof typeof PANEL_PLACEHOLDERS, string>;
