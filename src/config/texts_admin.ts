/**
 * The shipped Russian texts that only admins read, and the command menu. `config.yaml`
 * repeats them so that an operator can edit each.
 *
 * @module
 */
import type { TextKey } from "./texts.ts";

/** Admins' texts and command descriptions, by key. */
export const ADMIN_TEXTS = {
  relay_header: "💬 {name} (id {id}) пишет. Ответьте на это сообщение — " +
    "я передам ответ.",
  relay_answered: "Ответ доставлен: {name}.",
  relay_answer_blocked:
    "Ответ не доставлен: {name} — бот заблокирован или аккаунт удалён.",
  relay_answer_failed: "Ответ не доставлен: {name} — Telegram его не принял.",
  relay_answer_unknown: "Не знаю, дошёл ли ответ: {name} — Telegram не " +
    "ответил. Повторно не отправляю, чтобы не было дубля.",
  help_admin: "Для ведущих:\n" +
    "• Чтобы ответить участнику, ответьте (reply) на его пересланное сообщение " +
    "или на строку над ним. Ответ уйдёт как есть, даже если начинается с «/»: " +
    "команду пишите отдельным сообщением, не ответом. Когда станет известно, " +
    "дошёл ли ответ, я напишу.\n" +
    "• /announce и /followup — не длиннее {max|символа|символов|символов}, одним " +
    "сообщением; более длинный текст не приму. В предпросмотре видно, сколько в " +
    "нём символов и кто его получит.",
  relay_unknown_reply: "Не знаю, кому передать: ответьте (reply) на " +
    "пересланное сообщение участника.",
  admin_stats:
    "Подписчики: активных {active}, получают приглашения {registered}.\n\n" +
    "Встреча {date}: придут {yes}, не смогут {no}, не ответили {none}.\n\n" +
    "Изменения расписания:\n{changes}\n\nПрошлые недели:\n{history}",
  admin_stats_week:
    "{day}: да {yes}, нет {no}, пришли {joined}, оценка {rating}{status}",
  admin_stats_cancelled: " (отменена)",
  admin_change_cancelled: "{date}: отменена",
  admin_change_moved:
    "{date}: перенесена, новое время {new_date}, {new_time} ({tz})",
  admin_change_topic: "{date}: тема «{topic}»",
  admin_change_link: "{date}: своя ссылка {link}",
  admin_who: "Встреча {weekday_on}, {day}, в {time} ({tz})\n\n" +
    "✅ Придут ({yes}):\n{yes_names}\n\n" +
    "❌ Не смогут ({no}):\n{no_names}\n\n" +
    "❔ Не ответили ({none}):\n{none_names}",
  admin_who_empty_group: "—",
  admin_who_empty: "На встречу {weekday_on}, {day}, звать пока некого: " +
    "подписчиков нет.",
  button_who_nudge: "Напомнить не ответившим",
  admin_nudge_confirm:
    "Напомнить о встрече {weekday_on}, {day}, тем, кто ещё " +
    "не ответил? Напишу {people|участнику|участникам|участникам}; кто уже " +
    "получил напоминание на этой неделе, второго не получит.",
  button_nudge_send: "Напомнить",
  button_nudge_cancel: "Не надо",
  admin_nudge_sending: "Напоминаю {notified|участнику|участникам|участникам} " +
    "о встрече {weekday_on}, {day}. Ответы появятся в /who.",
  admin_nudge_nobody: "Напоминать некому: все приглашённые уже ответили " +
    "или получили напоминание на этой неделе.",
  admin_nudge_aborted: "Хорошо, не напоминаю.",
  admin_nudge_closed: "Напоминать поздно: встреча {weekday_on}, {day}, уже " +
    "началась или отменена.",
  admin_announce_usage:
    "Напишите текст после команды: /announce Текст объявления",
  admin_announce_preview:
    "Объявление получат {recipients|подписчик|подписчика|подписчиков}. " +
    "{size}\n\n{text}",
  admin_broadcast_size: "Одно сообщение, {length|символ|символа|символов} " +
    "из {max}.",
  admin_broadcast_size_copy: "Одно сообщение: копия поста.",
  admin_broadcast_too_long:
    "Слишком длинно: {length|символ|символа|символов}, " +
    "а в одно сообщение помещается не больше {max|символа|символов|символов}. " +
    "Сократите текст или " +
    "разделите его на несколько рассылок.",
  admin_paid_cost: "Платная рассылка: до {stars} ⭐ за " +
    "{count|сообщение|сообщения|сообщений} (0,1 ⭐ за каждое, с баланса бота).",
  button_announce_send: "Отправить",
  button_announce_cancel: "Отмена",
  admin_announce_sending:
    "Отправляю объявление: {recipients|подписчик|подписчика|подписчиков}.",
  admin_announce_cancelled: "Объявление отменено.",
  admin_announce_done: "Объявление разослано:\n" +
    "— {sent|сообщение доставлено|сообщения доставлены|сообщений доставлено};\n" +
    "— {blocked|человек заблокировал|человека заблокировали|человек заблокировали} " +
    "бота;\n" +
    "— {failed|сообщение Telegram не принял|сообщения Telegram не принял|" +
    "сообщений Telegram не принял};\n" +
    "— {unknown|сообщение осталось|сообщения остались|сообщений осталось} без " +
    "ответа Telegram (повторно не отправляю, чтобы не было дублей);\n" +
    "— {dropped|сообщение не отправлено|сообщения не отправлены|сообщений не " +
    "отправлено} тем, кто успел отписаться.",
  button_confirm: "Да, подтверждаю",
  button_abort: "Нет, оставить как есть",
  admin_action_aborted: "Хорошо, ничего не меняю.",
  admin_change_started: "Встреча {date} уже началась — менять её поздно.",
  admin_change_of_cancelled:
    "Встреча {date} отменена. Чтобы перенести её или поменять ссылку, сначала верните её: /unskip.",
  admin_change_stale:
    "Пока вы решали, встречу {date} уже изменили (перенесли, отменили или поменяли ссылку). Ничего не меняю: посмотрите /stats и повторите команду, если нужно.",
  admin_draft_expired:
    "С этого вопроса прошло больше {minutes|минуты|минут|минут} — ничего не меняю. Повторите команду, если это ещё нужно.",
  admin_skip_choose: "Какую встречу отменить?",
  admin_skip_bad_date:
    "Не понял дату «{text}». Напишите так: /skip 02.12 — или просто /skip, чтобы выбрать встречу из списка.",
  admin_skip_past:
    "Дата {day} уже прошла: отменить можно только встречу впереди. /skip без даты покажет ближайшие.",
  admin_skip_no_meeting:
    "На {day} встречи нет. /skip без даты покажет ближайшие встречи.",
  admin_skip_too_far:
    "Так далеко не отменяю: можно отменить одну из ближайших встреч, до {last_date} включительно. /skip без даты покажет их.",
  admin_skip_confirm: "Отменить встречу {date}, {time} ({tz})? Сообщу " +
    "{people|подписчику|подписчикам|подписчикам}, напоминаний не будет.",
  admin_skipped: "Встреча {date} отменена. Сообщаю " +
    "{notified|подписчику|подписчикам|подписчикам}; напоминаний не будет.",
  admin_already_skipped: "Встреча {date} уже отменена.",
  admin_unskip_choose: "Какую отменённую встречу вернуть?",
  admin_nothing_to_unskip: "Отменённых встреч впереди нет.",
  admin_unskipped: "Встреча {date} снова в расписании. Сообщаю " +
    "{notified|подписчику|подписчикам|подписчикам}.",
  admin_not_skipped: "Встреча {date} и так в расписании.",
  admin_topic_usage: "Напишите тему после команды: /topic Тема встречи. " +
    "Убрать тему: /topic -",
  admin_topic_too_long:
    "Тема слишком длинная: {length|символ|символа|символов}, а можно не больше {max}. Сократите её.",
  admin_topic_set:
    "Тема встречи {date}: «{topic}». Она будет в приглашении и напоминаниях.",
  admin_topic_cleared: "Тема встречи {date} убрана.",
  admin_link_usage:
    "Напишите новую ссылку после команды: /link https://… — только для ближайшей встречи.",
  admin_link_too_long:
    "Ссылка слишком длинная: {length|символ|символа|символов}, а можно не больше {max}.",
  admin_link_spaces:
    "Пришлите одну ссылку без текста вокруг: в ней не должно быть пробелов, переносов строк и невидимых символов.",
  admin_link_credentials:
    "В ссылке логин или пароль (user:pass@) — их увидели бы все участники. Пришлите ссылку без них.",
  admin_link_private:
    "Ссылка ведёт на {host} — это адрес не из интернета (локальный или внутренний), участники по нему не попадут. Пришлите публичную ссылку.",
  admin_link_same: "У встречи {date} уже эта ссылка: {link}.",
  admin_link_confirm: "Поменять ссылку встречи {date} на {link}? Сообщу " +
    "{people|записавшемуся|записавшимся|записавшимся}.",
  admin_link_changed: "Ссылка встречи {date} теперь {link}. Сообщаю " +
    "{notified|записавшемуся|записавшимся|записавшимся}.",
  admin_move_usage: "Напишите новые дату и время: /move 03.12 15:00 " +
    "(только для ближайшей встречи).",
  admin_move_invalid: "Не понял дату и время. Пример: /move 03.12 15:00.",
  admin_move_past:
    "Время {new_date}, {new_time} ({tz}) уже прошло: перенести встречу можно только на время, которое ещё не наступило.",
  admin_move_same: "Встреча {date} и так в {time} ({tz}).",
  admin_move_too_far:
    "Так далеко не переношу: новое время должно быть раньше {limit_date}, {limit_time} ({tz}) — в пределах недель, которые предлагает /skip.",
  admin_move_collides:
    "Не переношу: встречи пересеклись бы — другая встреча начинается {other_date}, {other_time} ({tz}) и длится {duration}. Выберите другое время.",
  admin_move_confirm:
    "Перенести встречу {date}, {time}? Новое время: {new_date}, {new_time} ({tz}). Сообщу {people|ответившему|ответившим|ответившим}.",
  admin_moved:
    "Встреча {date} перенесена. Новое время: {new_date}, {new_time} ({tz}). Сообщаю {notified|ответившему|ответившим|ответившим}.",
  admin_followup_usage: "Напишите текст после команды (/followup Запись " +
    "встречи: https://…) или ответьте командой /followup на пост, который переслать.",
  admin_followup_none: "Прошедших встреч ещё не было.",
  admin_followup_preview:
    "Итоги встречи {date}. {size} Кому отправить?\n\n{text}",
  button_followup_attendees: "Пришедшим ({count})",
  button_followup_all: "Всем подписчикам ({count})",
  admin_followup_sending:
    "Отправляю: {recipients|получатель|получателя|получателей}.",
  admin_followup_done: "Итоги разосланы:\n" +
    "— {sent|сообщение доставлено|сообщения доставлены|сообщений доставлено};\n" +
    "— {blocked|человек заблокировал|человека заблокировали|человек заблокировали} " +
    "бота;\n" +
    "— {failed|сообщение Telegram не принял|сообщения Telegram не принял|" +
    "сообщений Telegram не принял};\n" +
    "— {unknown|сообщение осталось|сообщения остались|сообщений осталось} без " +
    "ответа Telegram (повторно не отправляю, чтобы не было дублей);\n" +
    "— {dropped|сообщение не отправлено|сообщения не отправлены|сообщений не " +
    "отправлено} тем, кто успел отписаться.",
  admin_report: "Рассылка «{job}» ({date}): доставлено {sent}, " +
    "заблокировали бота {blocked}, не удалось {failed}, без ответа Telegram {unknown}.",
  job_invitation: "приглашение",
  job_first_reminder: "первое напоминание",
  job_second_reminder: "последнее напоминание",
  job_nudge: "напоминание тем, кто не ответил",
  admin_export_caption: "История посещений: {count|ответ|ответа|ответов}.",
  export_columns: "Дата встречи | Статус встречи | Начало | Тема | " +
    "Telegram ID | Имя | Фамилия | Username | Ответ | Время ответа",
  export_meeting_cancelled: "отменена",
  export_meeting_held: "проведена",
  export_meeting_planned: "запланирована",
  export_answer_yes: "да",
  export_answer_no: "нет",
  command_start: "Подписаться на приглашения",
  command_stop: "Отписаться",
  command_status: "Подписка и ответ на ближайшую встречу",
  command_help: "Справка",
  command_stats: "Статистика подписчиков и ответов",
  command_who: "Кто придёт, кто нет, кто не ответил",
  command_announce: "Объявление всем подписчикам",
  command_followup: "Итоги прошедшей встречи: запись, материалы",
  command_topic: "Тема ближайшей встречи",
  command_link: "Новая ссылка на ближайшую встречу",
  command_move: "Перенести ближайшую встречу",
  command_skip: "Отменить встречу",
  command_unskip: "Вернуть отменённую встречу",
  command_export: "История посещений (CSV)",
} as const satisfies Partial<Record<TextKey, string>>;
