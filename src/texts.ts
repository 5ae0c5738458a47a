/**
 * Every message and button label the bot shows, with the placeholders each may use.
 *
 * `config.yaml` overrides any of them under `texts:`; a key it does not name keeps the
 * default below, so that a new text added by an upgrade never breaks an older config.
 */

/** Placeholders allowed in each text; `{name}` in a template must be one of these. */
export const TEXT_PLACEHOLDERS = {
  start_greeting: ["name", "title"],
  button_register_yes: [],
  button_register_no: [],
  registered_yes: ["title", "weekday", "time"],
  registered_no: [],
  stopped: [],
  not_subscribed: [],
  invitation: ["title", "date", "time", "link"],
  button_attend_yes: [],
  button_attend_no: [],
  answer_yes: ["title", "date", "time"],
  answer_no: ["title", "date", "time"],
  answer_expired: [],
  answer_saved: [],
  first_reminder: ["title", "date", "time", "link"],
  second_reminder: ["title", "date", "time", "link"],
  help: ["title", "weekday", "time"],
  status: ["subscription", "answer", "date", "time"],
  status_subscribed: [],
  status_unsubscribed: [],
  status_inactive: [],
  status_answer_yes: [],
  status_answer_no: [],
  status_answer_none: [],
  unknown_command: [],
  unknown_message: [],
  bad_button: [],
  nudge: ["title", "date", "time", "link"],
  meeting_cancelled: ["title", "date", "time"],
  calendar_caption: ["title", "date", "time"],
  admin_stats: ["active", "registered", "date", "yes", "no", "none", "history"],
  admin_stats_week: ["date", "yes", "no", "status"],
  admin_who: ["date", "count", "names"],
  admin_who_empty: ["date"],
  admin_announce_usage: [],
  admin_announce_preview: ["text", "recipients"],
  button_announce_send: [],
  button_announce_cancel: [],
  admin_announce_sending: ["recipients"],
  admin_announce_cancelled: [],
  admin_announce_done: ["sent", "blocked", "failed"],
  admin_skipped: ["date", "notified"],
  admin_already_skipped: ["date"],
  admin_unskipped: ["date"],
  admin_not_skipped: ["date"],
  admin_report: ["job", "date", "sent", "blocked", "failed", "unknown"],
  admin_export_caption: ["count"],
} as const satisfies Record<string, readonly string[]>;

/** The name of one text. */
export type TextKey = keyof typeof TEXT_PLACEHOLDERS;

/** All texts, by key. */
export type Texts = Record<TextKey, string>;

/** The shipped Russian texts; `config.yaml` repeats them so that an operator can edit each. */
export const DEFAULT_TEXTS: Texts = {
  start_greeting: "Здравствуйте, {name}!\n\n" +
    "Это бот встречи «{title}». Присылать вам приглашения на каждую встречу?",
  button_register_yes: "Да",
  button_register_no: "Нет",
  registered_yes:
    "Отлично! Приглашение на «{title}» будет приходить каждую неделю. " +
    "Встреча проходит по дням «{weekday}» в {time}.",
  registered_no: "Хорошо, приглашения присылать не буду. " +
    "Передумаете — отправьте /start.",
  stopped: "Вы отписались от приглашений. Чтобы вернуться, отправьте /start.",
  not_subscribed:
    "Вы не подписаны на приглашения. Чтобы подписаться, отправьте /start.",
  invitation: "Приглашаю на встречу «{title}»!\n\n" +
    "Когда: {date}, {time}.\n\nПридёте?",
  button_attend_yes: "Да, буду",
  button_attend_no: "Нет, не смогу",
  answer_yes: "Приглашаю на встречу «{title}»: {date}, {time}.\n\n" +
    "✅ Вы придёте. Ссылку пришлю в день встречи. Ответ можно изменить до начала.",
  answer_no: "Приглашаю на встречу «{title}»: {date}, {time}.\n\n" +
    "❌ Вы не сможете прийти. Ответ можно изменить до начала.",
  answer_expired: "Эта встреча уже прошла, ответ не изменён.",
  answer_saved: "Ответ сохранён",
  first_reminder:
    "Напоминаю: сегодня, {date}, в {time} — встреча «{title}».\n\n" +
    "Ссылка: {link}",
  second_reminder: "Через несколько минут, в {time}, начинаем «{title}»!\n\n" +
    "Ссылка: {link}",
  help: "Бот встречи «{title}» ({weekday}, {time}).\n\n" +
    "/start — подписаться на приглашения\n" +
    "/stop — отписаться\n" +
    "/status — подписка и ваш ответ на ближайшую встречу\n" +
    "/help — эта справка",
  status:
    "Подписка: {subscription}\nБлижайшая встреча: {date}, {time}\nВаш ответ: {answer}",
  status_subscribed: "вы получаете приглашения",
  status_unsubscribed: "вы не получаете приглашения (отправьте /start)",
  status_inactive: "вы отписались (отправьте /start)",
  status_answer_yes: "приду",
  status_answer_no: "не смогу",
  status_answer_none: "ещё нет",
  unknown_command: "Такой команды нет. Список команд — /help.",
  unknown_message: "Я понимаю только команды. Список команд — /help.",
  bad_button: "Эта кнопка больше не работает.",
  nudge: "Вы ещё не ответили: придёте на встречу «{title}» {date}, в {time}?",
  meeting_cancelled: "Встреча «{title}» {date}, в {time}, отменяется. " +
    "Приглашение на следующую придёт как обычно.",
  calendar_caption: "Добавьте встречу «{title}» ({date}, {time}) в календарь.",
  admin_stats:
    "Подписчики: активных {active}, получают приглашения {registered}.\n\n" +
    "Встреча {date}: придут {yes}, не смогут {no}, не ответили {none}.\n\n" +
    "Прошлые недели:\n{history}",
  admin_stats_week: "{date}: да {yes}, нет {no}{status}",
  admin_who: "Придут на встречу {date} ({count}):\n{names}",
  admin_who_empty: "На встречу {date} пока никто не записался.",
  admin_announce_usage:
    "Напишите текст после команды: /announce Текст объявления",
  admin_announce_preview: "Объявление получат {recipients} чел.:\n\n{text}",
  button_announce_send: "Отправить",
  button_announce_cancel: "Отмена",
  admin_announce_sending: "Отправляю объявление: {recipients} чел.",
  admin_announce_cancelled: "Объявление отменено.",
  admin_announce_done:
    "Объявление разослано: отправлено {sent}, заблокировали бота {blocked}, " +
    "ошибок {failed}.",
  admin_skipped:
    "Встреча {date} отменена. Сообщил {notified} записавшимся; напоминаний не будет.",
  admin_already_skipped: "Встреча {date} уже отменена.",
  admin_unskipped: "Встреча {date} снова в расписании.",
  admin_not_skipped: "Встреча {date} и так в расписании.",
  admin_report:
    "Рассылка {job} ({date}): отправлено {sent}, заблокировали бота {blocked}, " +
    "ошибок {failed}, неизвестно {unknown}.",
  admin_export_caption: "История посещений: {count} ответов.",
};

/** Replaces each `{name}` in `template` by `values[name]`; unknown names stay as they are. */
export function render(
  template: string,
  values: Readonly<Record<string, string | number>>,
): string {
  return template.replace(
    /\{([a-z_]+)\}/g,
    (whole, name: string) => name in values ? String(values[name]) : whole,
  );
}
