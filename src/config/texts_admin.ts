/**
 * The shipped Russian texts that only admins read, and the command menu. `config.yaml`
 * repeats them so that an operator can edit each.
 *
 * @module
 */
import type { TextKey } from "./texts.ts";

/** Admins' texts and command descriptions, by key. */
export const ADMIN_TEXTS = {
  relay_header: "💬 Пишет {name}, id {id}. Ответьте на это сообщение — " +
    "я передам ответ.",
  relay_answered: "Ответ доставлен: {name}.",
  relay_answer_blocked:
    "Ответ не доставлен: {name} — бот заблокирован или аккаунт удалён.",
  relay_answer_failed: "Ответ не доставлен: {name} — Telegram его не принял.",
  relay_answer_unknown: "Не знаю, дошёл ли ответ: {name} — Telegram не " +
    "ответил. Повторно не отправляю, чтобы не было дубля.",
  help_admin: "Для ведущих:\n" +
    "• Чтобы ответить участнику, ответьте (reply) на его пересланное сообщение " +
    "или на строку над ним: он получит ваш ответ с пометкой «Ответ ведущего» " +
    "в ответ на свой вопрос. Ответ уйдёт как есть, даже если начинается с " +
    "«/», — команду пишите отдельным сообщением. Когда станет известно, дошёл " +
    "ли ответ, я напишу.\n" +
    "• /announce и /followup — не длиннее {max|символа|символов|символов}, одним " +
    "сообщением; более длинный текст не приму. В предпросмотре видно, сколько в " +
    "нём символов и кто его получит.",
  relay_unknown_reply: "Не знаю, кому передать: ответьте (reply) на " +
    "пересланное сообщение участника.",
  admin_stats: "Приглашения получают: {registered}.\n" +
    "Открыли бота, но не подписались: {not_registered}.\n" +
    "Отписались: {stopped}.\n\n" +
    "Встреча {date_on}, в {time} ({tz}):\n" +
    "— придут: {yes};\n" +
    "— не придут: {no};\n" +
    "— не ответили: {none}.\n\n" +
    "Изменения расписания:\n{changes}\n\nПрошлые недели:\n{history}",
  admin_stats_week: "{date}: «да» — {yes}, «нет» — {no}{status}",
  admin_stats_cancelled: " (отменена)",
  admin_change_cancelled: "{date}: отменена",
  admin_change_moved:
    "{old_date}: перенесена на {new_date_acc}, {new_time} ({tz})",
  admin_change_topic: "{date}: тема «{topic}»",
  admin_change_link: "{date}: другая ссылка — {link}",
  admin_who: "Встреча {date_on}, в {time} ({tz})\n\n" +
    "✅ Придут ({yes}):\n{yes_names}\n\n" +
    "❌ Не смогут ({no}):\n{no_names}\n\n" +
    "❔ Не ответили ({none}):\n{none_names}",
  admin_who_empty_group: "—",
  admin_who_empty: "Звать на встречу {date_on}, пока некого: на " +
    "приглашения никто не подписан.",
  button_who_nudge: "Напомнить тем, кто не ответил",
  admin_nudge_confirm: "Напомнить о встрече {date_on}, тем, кто ещё не " +
    "ответил? Напишу {people|участнику|участникам|участникам}; кому уже " +
    "напоминал на этой неделе, второй раз писать не буду.",
  button_nudge_send: "Напомнить",
  button_nudge_cancel: "Не надо",
  admin_nudge_sending: "Напоминаю " +
    "{notified|участнику|участникам|участникам} о встрече {date_on}. Их " +
    "ответы появятся в /who.",
  admin_nudge_nobody: "Напоминать некому: все приглашённые уже ответили " +
    "или получили напоминание на этой неделе.",
  admin_nudge_aborted: "Хорошо, не напоминаю.",
  admin_nudge_closed: "Напоминать поздно: встреча {date_on}, уже началась " +
    "или отменена.",
  admin_announce_usage:
    "Напишите текст после команды: /announce Текст объявления",
  admin_announce_preview:
    "Объявление уйдёт {recipients|подписчику|подписчикам|подписчикам}. " +
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
  admin_announce_sending: "Отправляю объявление " +
    "{recipients|подписчику|подписчикам|подписчикам}. Когда рассылка " +
    "закончится, напишу, как она прошла.",
  admin_announce_cancelled: "Объявление отменено.",
  admin_announce_done: "Объявление разослано:\n" +
    "— доставлено: {sent};\n" +
    "— заблокировали бота: {blocked};\n" +
    "— Telegram не принял: {failed};\n" +
    "— не знаю, дошло ли: {unknown} (Telegram не ответил; повторно не " +
    "отправляю, чтобы не было дублей);\n" +
    "— не отправлено, потому что человек успел отписаться: {dropped}.",
  button_confirm: "Да, подтверждаю",
  button_abort: "Нет, оставить как есть",
  admin_action_aborted: "Хорошо, ничего не меняю.",
  admin_change_started: "Встреча {date_on}, уже началась — менять её поздно.",
  admin_change_of_cancelled:
    "Встреча {date_on}, отменена. Чтобы перенести её " +
    "или поменять ссылку, сначала верните её: /unskip.",
  admin_change_stale: "Пока вы решали, встречу {date_on}, уже изменили " +
    "(перенесли, отменили или поменяли ссылку). Ничего не меняю: посмотрите " +
    "/stats и повторите команду, если нужно.",
  admin_draft_expired: "С этого вопроса прошло больше " +
    "{minutes|минуты|минут|минут} — ничего не меняю. Повторите команду, если " +
    "это ещё нужно.",
  admin_skip_choose: "Какую встречу отменить?",
  admin_skip_bad_date: "Не понял дату «{text}». Напишите так: /skip 02.12 — " +
    "или просто /skip, чтобы выбрать встречу из списка.",
  admin_skip_past: "{day} уже прошло: отменить можно только встречу, которая " +
    "ещё впереди. /skip без даты покажет ближайшие.",
  admin_skip_no_meeting: "На {date_acc}, встречи нет. /skip без даты покажет " +
    "ближайшие встречи.",
  admin_skip_too_far: "Так далеко не отменяю: можно отменить одну из " +
    "ближайших встреч, до {last_date_gen}, включительно. /skip без даты " +
    "покажет их.",
  admin_skip_confirm: "Отменить встречу {date_on}, в {time} ({tz})? Сообщу " +
    "{people|подписчику|подписчикам|подписчикам}, напоминаний не будет.",
  admin_skipped: "Встреча {date_on}, отменена. Сообщаю " +
    "{notified|подписчику|подписчикам|подписчикам}; напоминаний не будет.",
  admin_already_skipped: "Встреча {date_on}, уже отменена.",
  admin_unskip_choose: "Какую отменённую встречу вернуть?",
  admin_nothing_to_unskip: "Отменённых встреч впереди нет.",
  admin_unskipped: "Встреча {date_on}, снова в расписании. Сообщаю " +
    "{notified|подписчику|подписчикам|подписчикам}.",
  admin_not_skipped: "Встреча {date_on}, и так в расписании.",
  admin_topic_usage: "Напишите тему после команды: /topic Тема встречи. " +
    "Убрать тему: /topic -",
  admin_topic_too_long: "Тема слишком длинная: " +
    "{length|символ|символа|символов}, а можно не больше {max}. Сократите её.",
  admin_topic_set: "Тема встречи {date_on}: «{topic}». Она будет в " +
    "приглашении и напоминаниях.",
  admin_topic_cleared: "Тема встречи {date_on}, убрана.",
  admin_link_usage: "Напишите новую ссылку после команды: /link https://… — " +
    "только для ближайшей встречи.",
  admin_link_too_long: "Ссылка слишком длинная: " +
    "{length|символ|символа|символов}, а можно не больше {max}.",
  admin_link_spaces: "Пришлите одну ссылку без текста вокруг: в ней не " +
    "должно быть пробелов, переносов строк и невидимых символов.",
  admin_link_credentials: "В ссылке логин или пароль (user:pass@) — их " +
    "увидели бы все участники. Пришлите ссылку без них.",
  admin_link_private: "Ссылка ведёт на {host} — это адрес не из интернета " +
    "(локальный или внутренний), участники по нему не попадут. Пришлите " +
    "публичную ссылку.",
  admin_link_same: "У встречи {date_on}, уже эта ссылка: {link}.",
  admin_link_confirm: "Поменять ссылку на встречу {date_on}, на {link}? " +
    "Сообщу {people|записавшемуся|записавшимся|записавшимся}.",
  admin_link_changed: "Ссылка на встречу {date_on}, теперь такая: {link}. " +
    "Сообщаю {notified|записавшемуся|записавшимся|записавшимся}.",
  admin_move_usage: "Напишите новые дату и время: /move 03.12 15:00 " +
    "(только для ближайшей встречи).",
  admin_move_invalid: "Не понял дату и время. Пример: /move 03.12 15:00.",
  admin_move_past: "Не переношу на {new_date_acc}, {new_time} ({tz}): это " +
    "время уже прошло. Перенести встречу можно только на время, которое ещё " +
    "не наступило.",
  admin_move_same: "Встреча {date_on}, и так в {time} ({tz}).",
  admin_move_too_far: "Так далеко не переношу: новое время должно быть " +
    "раньше {limit_date_gen}, {limit_time} ({tz}) — в пределах недель, " +
    "которые предлагает /skip.",
  admin_move_collides: "Не переношу: встречи пересеклись бы — другая " +
    "встреча начинается {other_date_on}, в {other_time} ({tz}), и длится " +
    "{duration_acc}. Выберите другое время.",
  admin_move_confirm: "Перенести встречу {old_date_from}, {old_time}, на " +
    "{new_date_acc}, {new_time} ({tz})? Сообщу " +
    "{people|ответившему|ответившим|ответившим}.",
  admin_moved: "Встреча перенесена {old_date_from}, {old_time}, на " +
    "{new_date_acc}, {new_time} ({tz}). Сообщаю " +
    "{notified|ответившему|ответившим|ответившим}.",
  admin_followup_usage: "Напишите текст после команды (/followup Запись " +
    "встречи: https://…) или ответьте командой /followup на пост, который переслать.",
  admin_followup_none: "Прошедших встреч ещё не было.",
  admin_followup_preview:
    "Итоги встречи {date_on}. {size} Кому их отправить?\n\n{text}",
  button_followup_attendees: "Записавшимся ({count})",
  button_followup_all: "Всем подписчикам ({count})",
  admin_followup_sending: "Отправляю итоги " +
    "{recipients|подписчику|подписчикам|подписчикам}. Когда рассылка " +
    "закончится, напишу, как она прошла.",
  admin_followup_done: "Итоги разосланы:\n" +
    "— доставлено: {sent};\n" +
    "— заблокировали бота: {blocked};\n" +
    "— Telegram не принял: {failed};\n" +
    "— не знаю, дошло ли: {unknown} (Telegram не ответил; повторно не " +
    "отправляю, чтобы не было дублей);\n" +
    "— не отправлено, потому что человек успел отписаться: {dropped}.",
  admin_report: "Встреча {date_on}: разослал {job}.\n" +
    "— доставлено: {sent};\n" +
    "— заблокировали бота: {blocked};\n" +
    "— Telegram не принял: {failed};\n" +
    "— не знаю, дошло ли: {unknown} (Telegram не ответил; повторно не " +
    "отправляю, чтобы не было дублей).",
  job_invitation: "приглашения",
  job_first_reminder: "первые напоминания",
  job_second_reminder: "последние напоминания",
  job_nudge: "напоминания тем, кто не ответил",
  admin_export_caption:
    "История ответов на приглашения: {count|запись|записи|записей}.",
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
  command_stats: "Подписчики и ответы",
  command_who: "Кто придёт, кто нет и кто не ответил",
  command_announce: "Объявление всем подписчикам",
  command_followup: "Итоги прошедшей встречи: запись, материалы",
  command_topic: "Тема ближайшей встречи",
  command_link: "Новая ссылка на ближайшую встречу",
  command_move: "Перенести ближайшую встречу",
  command_skip: "Отменить встречу",
  command_unskip: "Вернуть отменённую встречу",
  command_export: "История ответов (CSV)",
} as const satisfies Partial<Record<TextKey, string>>;
