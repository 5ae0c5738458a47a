/**
 * The shipped Russian texts that participants read. `config.yaml` repeats them so that
 * an operator can edit each.
 *
 * @module
 */
import type { TextKey } from "./texts.ts";

/** Participants' texts, by key. */
export const PARTICIPANT_TEXTS = {
  start_greeting: "Здравствуйте, {name}!\n\n" +
    "Это бот встречи «{title}»: она проходит {weekday_every} в {time} ({tz}) " +
    "и длится {duration_acc}. Присылать вам приглашение на каждую встречу?",
  start_welcome_back: "С возвращением, {name}! Приглашения на «{title}» " +
    "снова будут приходить каждую неделю: встречи {weekday_every} в {time} ({tz}). " +
    "Отписаться — /stop.",
  start_subscribed: "{name}, вы уже подписаны: приглашение на «{title}» " +
    "приходит каждую неделю, встречи {weekday_every} в {time} ({tz}). " +
    "Отписаться — /stop.",
  button_register_yes: "Да",
  button_register_no: "Нет",
  registered_yes: "Отлично! Приглашение на «{title}» будет приходить каждую " +
    "неделю. До встречи {weekday_on} в {time} ({tz})!",
  registered_no: "Хорошо, приглашения присылать не буду. " +
    "Передумаете — отправьте /start.",
  stopped: "Вы отписались от приглашений. Чтобы вернуться, отправьте /start.",
  not_subscribed:
    "Вы не подписаны на приглашения. Чтобы подписаться, отправьте /start.",
  invitation: "Приглашаю на встречу «{title}» {date_on}, в {time} ({tz}). " +
    "Она продлится {duration_acc}.\n\n{topic_line}{seats_line}Придёте?",
  topic_line: "Тема: {topic}\n\n",
  button_attend_yes: "Да, буду",
  button_attend_no: "Нет, не смогу",
  answer_yes: "Встреча «{title}» {date_on}, в {time} ({tz}).\n\n{topic_line}" +
    "✅ Вы придёте — ждём! Ссылку пришлю в день встречи. Если планы изменятся, " +
    "ответ можно поменять до начала.",
  answer_no: "Встреча «{title}» {date_on}, в {time} ({tz}).\n\n{topic_line}" +
    "{seats_line}❌ Вы не сможете прийти. Если планы изменятся, ответ можно поменять до начала.",
  answer_started: "Эта встреча уже началась — ответ не изменён.",
  answer_expired: "Эта встреча уже прошла — ответ не изменён.",
  answer_too_early:
    "Приглашение на эту встречу ещё не приходило — ответить можно будет, когда оно придёт.",
  answer_cancelled: "Встреча {date_on}, отменена — отвечать не нужно.",
  answer_saved: "Ответ сохранён",
  answer_unsubscribed: "Вы отписались от приглашений, поэтому ответ не " +
    "сохранён. Чтобы вернуться, отправьте /start и нажмите кнопку ещё раз.",
  first_reminder:
    "Напоминаю: {when} в {time} ({tz}) — встреча «{title}».\n\n{topic_line}" +
    "Ссылка: {link}",
  second_reminder:
    "Через несколько минут, в {time} ({tz}), начинаем «{title}»!\n\n" +
    "{topic_line}Ссылка: {link}",
  reminder_updated: "Напоминаю: встреча «{title}» {date_on}, в {time} ({tz})." +
    "\n\n{topic_line}Ссылка: {link}",
  nudge: "Вы ещё не ответили: придёте на встречу «{title}» {date_on}, " +
    "в {time} ({tz})?",
  help:
    "Бот встречи «{title}»: {weekday_every} в {time} ({tz}), {duration}.\n\n" +
    "/start — подписаться на приглашения\n" +
    "/stop — отписаться\n" +
    "/status — подписка и ваш ответ на ближайшую встречу\n" +
    "/settings — часовой пояс, какие сообщения присылать, пауза\n" +
    "{calendar_line}/language — язык бота (language)\n" +
    "/help — эта справка{relay_line}",
  help_relay_line:
    "\n\nВопрос ведущему можно просто написать сюда — я передам.",
  status: "Подписка: {subscription}\n" +
    "Ближайшая встреча: {date}, {time} ({tz})\n{topic_line}" +
    "Ваш ответ: {answer}{link_line}{settings_line}",
  status_cancelled: "Подписка: {subscription}\n" +
    "Встреча {date_on}, отменена. Приглашение на следующую придёт как обычно." +
    "{settings_line}",
  status_link_line: "\nСсылка: {link}",
  status_subscribed: "вы получаете приглашения",
  status_unsubscribed: "вы не получаете приглашения (отправьте /start)",
  status_inactive: "вы отписались (отправьте /start)",
  status_answer_yes: "приду",
  status_answer_no: "не смогу",
  status_answer_none: "пока нет",
  unknown_command: "Такой команды нет. Список команд — /help.",
  unknown_message: "Я понимаю только команды. Список команд — /help.",
  bad_button: "Эта кнопка больше не работает.",
  flood_notice:
    "Слишком много сообщений подряд. Я пропущу следующие — напишите через минуту.",
  unavailable:
    "Не получилось: у бота временные неполадки. Попробуйте, пожалуйста, через минуту.",
  meeting_cancelled: "Встреча «{title}» {date_on}, отменяется.\n\n" +
    "{reason_line}Приглашение на следующую придёт как обычно.",
  reason_line: "Причина: {reason}\n\n",
  meeting_cancelled_message:
    "Встреча «{title}» {date_on}, в {time} ({tz}), отменена.",
  meeting_restored: "Встреча «{title}» {date_on}, в {time} ({tz}), " +
    "всё-таки состоится!\n\n{topic_line}Придёте?",
  meeting_restored_yes: "Встреча «{title}» {date_on}, в {time} ({tz}), " +
    "всё-таки состоится!\n\n{topic_line}✅ Ваш ответ в силе: вы придёте. " +
    "Если планы изменились, ответ можно поменять до начала.",
  meeting_restored_no: "Встреча «{title}» {date_on}, в {time} ({tz}), " +
    "всё-таки состоится!\n\n{topic_line}❌ Ваш ответ в силе: вы не сможете " +
    "прийти. Если планы изменились, ответ можно поменять до начала.",
  meeting_moved: "Встреча «{title}» переносится {old_date_from}, {old_time}, " +
    "на {new_date_acc}, {new_time} ({tz}).\n\n{reason_line}{topic_line}Если " +
    "планы изменились, ответ можно поменять в приглашении.",
  meeting_moved_unanswered: "Встреча «{title}» переносится {old_date_from}, " +
    "{old_time}, на {new_date_acc}, {new_time} ({tz}).\n\n{reason_line}" +
    "{topic_line}Придёте в новое время? Ответить можно кнопками в приглашении.",
  meeting_link_changed:
    "Новая ссылка на встречу «{title}» {date_on}, в {time} ({tz}):\n{link}",
  calendar_caption: "Встреча «{title}» {date_on}, в {time} ({tz}): " +
    "откройте файл, чтобы добавить её в календарь.",
  calendar_updated_caption: "Встреча «{title}» изменилась, теперь она " +
    "{date_on}, в {time} ({tz}): откройте файл, и календарь её обновит.",
  calendar_cancelled_caption: "Встреча «{title}» {date_on}, в {time} ({tz}), " +
    "отменена: откройте файл, и календарь её уберёт.",
  calendar_declined_caption: "Вы не придёте на встречу «{title}» {date_on}, " +
    "в {time} ({tz}): откройте файл, и календарь её уберёт.",
  relay_done: "Передал ваше сообщение ведущему.",
  relay_limited: "Ведущий уже получил от вас много сообщений. " +
    "Следующие смогу передать через час.",
  relay_answer_header: "💬 Ответ ведущего:",
  announcement_header: "📢 Объявление:",
  followup_header: "📎 Итоги встречи «{title}» {date_on}:",
  language_name: "Русский",
  language_choose: "На каком языке вам писать? Сейчас пишу по-русски.",
  language_set: "Хорошо, теперь пишу по-русски.",
  language_unknown:
    "Такого языка я не знаю: «{text}». Выберите язык кнопкой: /language",
} as const satisfies Partial<Record<TextKey, string>>;
