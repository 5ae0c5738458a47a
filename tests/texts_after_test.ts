/**
 * Every text of what comes after the "yes" (the pages behind personal links, the
 * question after a meeting, the host's report, the history, the export), as the shipped
 * defaults render it for the meeting of Wednesday 9 December 2026, 11:00 MSK, with the
 * values the bot fills in; and each counted noun at 1, 2, 5 and 21. The exact Russian,
 * so that any change to a text shows here as a diff.
 */
import assert from "node:assert/strict";
import type { TextKey } from "../src/config/texts.ts";
import { AFTER_TEXTS } from "../src/config/texts_after.ts";
import { say } from "./support/texts.ts";

/** The values of these texts, as the bot fills them for the meeting of 9 December. */
const VALUES: Record<string, string | number> = {
  rating: 4,
  until: "10 декабря, 12:15 (мск)",
  name: "Анна Иванова (@anna)",
  yes: 5,
  no: 2,
  joined: 4,
  joined_without_yes: 1,
  no_show: 2,
  came: 3,
  of: 8,
  average: "4,3",
  count: 3,
  comment: "Больше практики",
  comments: "• Анна Иванова (@anna), оценка 4: Больше практики",
  came_names: "Анна Иванова (@anna)\nБорис",
  unannounced_names: "Вера",
  absent_names: "Глеб\nДина",
  status: "проведена",
  topic_part: " «Итоги года»",
  topic: "Итоги года",
  lines:
    "среда, 9 декабря: проведена; записались — 5, пришли — 4, оценки — 4,3 (3)",
  text: "31.02",
  day: "2 декабря",
  length: 1200,
  max: 1000,
  seat_figures: "", // without a limit of seats (with one: texts_seats_test.ts)
};

/** Where a text's rating is the text of one, not a number. */
const SPECIAL: Partial<Record<TextKey, Record<string, string | number>>> = {
  admin_meeting_report: { rating: "в среднем 4,3 из 5 (3 оценки)" },
  admin_meeting_report_unknown: { rating: "в среднем 4,3 из 5 (3 оценки)" },
  admin_history_line: { rating: "4,3 (3)" },
  admin_history_meeting: { rating: "в среднем 4,3 из 5 (3 оценки)" },
  admin_history_meeting_unknown: {
    rating: "нет",
    comments: "—",
    topic_line: "",
    yes_names: "Анна Иванова (@anna)\nБорис",
  },
};

/** What each text reads. */
const EXPECTED: Record<keyof typeof AFTER_TEXTS, string> = {
  web_lang: "ru",
  web_meeting_cancelled:
    "Встреча «Живой эфир» в среду, 9 декабря, отменена. Приглашение на следующую придёт как обычно.",
  web_meeting_finished:
    "Встреча «Живой эфир» в среду, 9 декабря, уже закончилась. Ссылка на следующую придёт в напоминании.",
  web_not_found:
    "Такой ссылки нет. Откройте ссылку из последнего сообщения бота.",
  web_too_many: "Слишком много запросов. Попробуйте через минуту.",
  feedback_question:
    "Как вам встреча «Живой эфир» в среду, 9 декабря? Оцените её от 1 до 5: 1 — совсем не понравилась, 5 — очень понравилась.",
  feedback_rated:
    "Спасибо! Ваша оценка встречи «Живой эфир» в среду, 9 декабря: 4 из 5. Изменить её можно до 10 декабря, 12:15 (мск).",
  button_rating: "4",
  button_rating_chosen: "✅ 4",
  feedback_saved: "Спасибо, оценка сохранена",
  feedback_closed: "Оценки этой встречи больше не принимаются.",
  feedback_not_invited: "Оценить можно только встречу, на которой вы были.",
  feedback_comment_ask:
    "Если хотите, напишите одним сообщением, что стоит изменить, — я передам ведущему. Не хотите — просто ничего не пишите.",
  feedback_comment_saved: "Спасибо! Передал ваш комментарий ведущему.",
  feedback_comment_kept:
    "Спасибо! Комментарий сохранён — ведущий увидит его в итогах встречи.",
  feedback_comment_too_long:
    "Слишком длинно: 1200 символов, а можно не больше 1000. Сократите, пожалуйста, и пришлите ещё раз.",
  feedback_comment_header:
    "⭐ Отзыв о встрече в среду, 9 декабря. Пишет Анна Иванова (@anna), id 123456789, оценка — 4 из 5. Что стоит изменить — в сообщении ниже; ответьте на него, и я передам ответ.",
  admin_meeting_report:
    "Итоги встречи в среду, 9 декабря\n\nЗаписались: 5\nПришли: 4, из них без записи: 1\nЗаписались, но не пришли: 2\nОценки: в среднем 4,3 из 5 (3 оценки)\n\nКомментарии:\n• Анна Иванова (@anna), оценка 4: Больше практики",
  admin_meeting_report_unknown:
    "Итоги встречи в среду, 9 декабря\n\nЗаписались: 5\nКто пришёл, неизвестно: личные ссылки на встречу выключены (http.public_url в настройках бота).\nОценки: в среднем 4,3 из 5 (3 оценки)\n\nКомментарии:\n• Анна Иванова (@anna), оценка 4: Больше практики",
  admin_rating: "в среднем 4,3 из 5 (3 оценки)",
  admin_rating_short: "4,3 (3)",
  admin_rating_none: "нет",
  admin_comment_line: "• Анна Иванова (@anna), оценка 4: Больше практики",
  admin_comments_none: "—",
  admin_joined_unknown: "неизвестно сколько",
  admin_who_name: "Анна Иванова (@anna) — 3 из 8",
  admin_who_came_note:
    "Число у имени — на скольких из 8 последних встреч человек был (где посещение не отмечалось — сколько раз ответил «да»).",
  admin_history:
    "Прошедшие встречи:\nсреда, 9 декабря: проведена; записались — 5, пришли — 4, оценки — 4,3 (3)\n\nПодробно об одной встрече: /history ДД.ММ",
  admin_history_line:
    "среда, 9 декабря «Итоги года»: проведена; записались — 5, пришли — 4, оценки — 4,3 (3)",
  admin_history_topic: " «Итоги года»",
  admin_history_empty: "Прошедших встреч ещё не было.",
  admin_history_more: "…и ещё 3 встречи раньше — вся история в /export.",
  admin_history_meeting:
    "Встреча в среду, 9 декабря, в 11:00 (мск): проведена\n\nЗаписались: 5, отказались: 2\nПришли: 4, из них без записи: 1\nЗаписались, но не пришли: 2\nОценки: в среднем 4,3 из 5 (3 оценки)\n\nПришли по записи:\nАнна Иванова (@anna)\nБорис\n\nПришли без записи:\nВера\n\nЗаписались, но не пришли:\nГлеб\nДина\n\nКомментарии:\n• Анна Иванова (@anna), оценка 4: Больше практики",
  admin_history_meeting_unknown:
    "Встреча в среду, 9 декабря, в 11:00 (мск): проведена\n\nЗаписались: 5, отказались: 2\nКто пришёл, неизвестно: личные ссылки на встречу были выключены.\nОценки: нет\n\nЗаписались:\nАнна Иванова (@anna)\nБорис\n\nКомментарии:\n—",
  admin_history_bad_date:
    "Не понял дату «31.02». Напишите так: /history 25.11 — или просто /history, чтобы увидеть все встречи.",
  admin_history_not_found:
    "Встречи 2 декабря в истории нет. /history покажет все прошедшие встречи.",
  export_columns_after: "Пришёл | Оценка",
  export_joined_yes: "да",
  export_joined_no: "нет",
  export_joined_unknown: "неизвестно",
  export_comment_columns:
    "Дата встречи | Telegram ID | Имя | Фамилия | Username | Оценка | Комментарий | Время комментария",
  admin_export_comments_caption: "Комментарии к встречам: 3 комментария.",
  command_history: "Прошедшие встречи: кто пришёл, оценки",
};

Deno.test("every text after the yes reads as a native speaker writes it", () => {
  for (const [key, expected] of Object.entries(EXPECTED)) {
    const textKey = key as keyof typeof EXPECTED;
    assert.equal(
      say(textKey, { ...VALUES, ...SPECIAL[textKey] }),
      expected,
      key,
    );
  }
});

/** Each text with a counted noun, at 1, 2, 5 and 21. */
const PLURALS: Partial<Record<TextKey, [string, string, string, string]>> = {
  admin_rating: [
    "в среднем 4,3 из 5 (1 оценка)",
    "в среднем 4,3 из 5 (2 оценки)",
    "в среднем 4,3 из 5 (5 оценок)",
    "в среднем 4,3 из 5 (21 оценка)",
  ],
  admin_who_came_note: [
    "Число у имени — на скольких из 1 последней встречи человек был (где посещение не отмечалось — сколько раз ответил «да»).",
    "Число у имени — на скольких из 2 последних встреч человек был (где посещение не отмечалось — сколько раз ответил «да»).",
    "Число у имени — на скольких из 5 последних встреч человек был (где посещение не отмечалось — сколько раз ответил «да»).",
    "Число у имени — на скольких из 21 последней встречи человек был (где посещение не отмечалось — сколько раз ответил «да»).",
  ],
  admin_history_more: [
    "…и ещё 1 встреча раньше — вся история в /export.",
    "…и ещё 2 встречи раньше — вся история в /export.",
    "…и ещё 5 встреч раньше — вся история в /export.",
    "…и ещё 21 встреча раньше — вся история в /export.",
  ],
  admin_export_comments_caption: [
    "Комментарии к встречам: 1 комментарий.",
    "Комментарии к встречам: 2 комментария.",
    "Комментарии к встречам: 5 комментариев.",
    "Комментарии к встречам: 21 комментарий.",
  ],
  feedback_comment_too_long: [
    "Слишком длинно: 1 символ, а можно не больше 1. Сократите, пожалуйста, и пришлите ещё раз.",
    "Слишком длинно: 2 символа, а можно не больше 2. Сократите, пожалуйста, и пришлите ещё раз.",
    "Слишком длинно: 5 символов, а можно не больше 5. Сократите, пожалуйста, и пришлите ещё раз.",
    "Слишком длинно: 21 символ, а можно не больше 21. Сократите, пожалуйста, и пришлите ещё раз.",
  ],
};

Deno.test("every counted noun after the yes takes its form at 1, 2, 5 and 21", () => {
  for (const [key, forms] of Object.entries(PLURALS)) {
    [1, 2, 5, 21].forEach((n, i) => {
      const values = { average: "4,3", count: n, of: n, length: n, max: n };
      assert.equal(say(key as TextKey, values), forms[i], `${key} at ${n}`);
    });
  }
});
