/**
 * The shipped Russian texts. `config.yaml` repeats them so that an operator can edit each.
 *
 * @module
 */
import type { Texts } from "./texts.ts";

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
  admin_stats_cancelled: " (отменена)",
  export_columns:
    "Дата встречи | Статус встречи | Telegram ID | Имя | Фамилия | " +
    "Username | Ответ | Время ответа",
  export_meeting_cancelled: "отменена",
  export_meeting_held: "проведена",
  export_meeting_planned: "запланирована",
  export_answer_yes: "да",
  export_answer_no: "нет",
  flood_notice:
    "Слишком много сообщений подряд. Я пропущу следующие — напишите через минуту.",
  unavailable:
    "Не получилось: у бота временные неполадки. Попробуйте, пожалуйста, через минуту.",
  command_start: "Подписаться на приглашения",
  command_stop: "Отписаться",
  command_status: "Подписка и ответ на ближайшую встречу",
  command_help: "Справка",
  command_stats: "Статистика подписчиков и ответов",
  command_who: "Кто придёт на ближайшую встречу",
  command_announce: "Объявление всем подписчикам",
  command_skip: "Отменить ближайшую встречу",
  command_unskip: "Вернуть ближайшую встречу",
  command_export: "История посещений (CSV)",
};
