/**
 * The shipped Russian texts of what comes after the "yes": the pages behind personal
 * links, the question after a meeting, the host's report, the history and the export's
 * new columns. `config.yaml` repeats them so that an operator can edit each.
 *
 * @module
 */
import type { TextKey } from "./texts.ts";

/** The texts of attendance, feedback and history, by key. */
export const AFTER_TEXTS = {
  web_lang: "ru",
  web_meeting_cancelled: "Встреча «{title}» {date_on}, отменена. " +
    "Приглашение на следующую придёт как обычно.",
  web_meeting_finished: "Встреча «{title}» {date_on}, уже закончилась. " +
    "Ссылка на следующую придёт в напоминании.",
  web_not_found:
    "Такой ссылки нет. Откройте ссылку из последнего сообщения бота.",
  web_too_many: "Слишком много запросов. Попробуйте через минуту.",
  feedback_question: "Как вам встреча «{title}» {date_on}? " +
    "Оцените её от 1 до 5: 1 — совсем не понравилась, 5 — очень понравилась.",
  feedback_rated: "Спасибо! Ваша оценка встречи «{title}» {date_on}: " +
    "{rating} из 5. Изменить её можно до {until}.",
  button_rating: "{rating}",
  button_rating_chosen: "✅ {rating}",
  feedback_saved: "Спасибо, оценка сохранена",
  feedback_closed: "Оценки этой встречи больше не принимаются.",
  feedback_not_invited: "Оценить можно только встречу, на которой вы были.",
  feedback_comment_ask:
    "Если хотите, напишите одним сообщением, что стоит изменить, — я передам " +
    "ведущему. Не хотите — просто ничего не пишите.",
  feedback_comment_saved: "Спасибо! Передал ваш комментарий ведущему.",
  feedback_comment_kept:
    "Спасибо! Комментарий сохранён — ведущий увидит его в итогах встречи.",
  feedback_comment_too_long:
    "Слишком длинно: {length|символ|символа|символов}, а можно не больше " +
    "{max}. Сократите, пожалуйста, и пришлите ещё раз.",
  feedback_comment_header:
    "⭐ Отзыв о встрече {date_on}. Пишет {name}, id {id}, оценка — {rating} " +
    "из 5. Что стоит изменить — в сообщении ниже; ответьте на него, и я " +
    "передам ответ.",
  admin_meeting_report: "Итоги встречи {date_on}\n\n" +
    "Записались: {yes}\n{seat_figures}" +
    "Пришли: {joined}, из них без записи: {joined_without_yes}\n" +
    "Записались, но не пришли: {no_show}\n" +
    "Оценки: {rating}\n\n" +
    "Комментарии:\n{comments}",
  admin_meeting_report_unknown: "Итоги встречи {date_on}\n\n" +
    "Записались: {yes}\n{seat_figures}" +
    "Кто пришёл, неизвестно: личные ссылки на встречу выключены " +
    "(http.public_url в настройках бота).\n" +
    "Оценки: {rating}\n\n" +
    "Комментарии:\n{comments}",
  admin_rating: "в среднем {average} из 5 ({count|оценка|оценки|оценок})",
  admin_rating_short: "{average} ({count})",
  admin_rating_none: "нет",
  admin_comment_line: "• {name}, оценка {rating}: {comment}",
  admin_comments_none: "—",
  admin_joined_unknown: "неизвестно сколько",
  admin_who_name: "{name} — {came} из {of}",
  admin_who_came_note: "Число у имени — на скольких из " +
    "{of|последней встречи|последних встреч|последних встреч} человек был " +
    "(где посещение не отмечалось — сколько раз ответил «да»).",
  admin_history: "Прошедшие встречи:\n" +
    "{lines}\n\nПодробно об одной встрече: /history ДД.ММ",
  admin_history_line: "{date}{topic_part}: {status}; записались — {yes}, " +
    "пришли — {joined}, оценки — {rating}",
  admin_history_topic: " «{topic}»",
  admin_history_empty: "Прошедших встреч ещё не было.",
  admin_history_more:
    "…и ещё {count|встреча|встречи|встреч} раньше — вся история в /export.",
  admin_history_meeting: "Встреча {date_on}, в {time} ({tz}): {status}\n\n" +
    "{topic_line}Записались: {yes}, отказались: {no}\n{seat_figures}" +
    "Пришли: {joined}, из них без записи: {joined_without_yes}\n" +
    "Записались, но не пришли: {no_show}\n" +
    "Оценки: {rating}\n\n" +
    "Пришли по записи:\n{came_names}\n\n" +
    "Пришли без записи:\n{unannounced_names}\n\n" +
    "Записались, но не пришли:\n{absent_names}\n\n" +
    "Комментарии:\n{comments}",
  admin_history_meeting_unknown:
    "Встреча {date_on}, в {time} ({tz}): {status}\n\n" +
    "{topic_line}Записались: {yes}, отказались: {no}\n{seat_figures}" +
    "Кто пришёл, неизвестно: личные ссылки на встречу были выключены.\n" +
    "Оценки: {rating}\n\n" +
    "Записались:\n{yes_names}\n\n" +
    "Комментарии:\n{comments}",
  admin_history_bad_date: "Не понял дату «{text}». Напишите так: " +
    "/history 25.11 — или просто /history, чтобы увидеть все встречи.",
  admin_history_not_found:
    "Встречи {day} в истории нет. /history покажет все прошедшие встречи.",
  export_columns_after: "Пришёл | Оценка",
  export_joined_yes: "да",
  export_joined_no: "нет",
  export_joined_unknown: "неизвестно",
  export_comment_columns: "Дата встречи | Telegram ID | Имя | Фамилия | " +
    "Username | Оценка | Комментарий | Время комментария",
  admin_export_comments_caption:
    "Комментарии к встречам: {count|комментарий|комментария|комментариев}.",
  command_history: "Прошедшие встречи: кто пришёл, оценки",
} as const satisfies Partial<Record<TextKey, string>>;
