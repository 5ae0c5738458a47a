/**
 * Every text participants read, as the shipped defaults render it for the meeting of
 * Wednesday 9 December 2026, 11:00 MSK (moved to Thursday 10 December, 12:30): the exact
 * Russian, so that any change to a text shows here as a diff. A native speaker's review
 * of each is written down in these strings.
 */
import assert from "node:assert/strict";
import { PARTICIPANT_TEXTS } from "../src/config/texts_participant.ts";
import { answeredInvitation, invitation } from "../src/messages/build.ts";
import { CONFIG, MEETING, say } from "./support/texts.ts";

/** What each participant text reads, with the values the bot fills in. */
const EXPECTED: Record<keyof typeof PARTICIPANT_TEXTS, string> = {
  start_greeting:
    "Здравствуйте, Анна!\n\nЭто бот встречи «Живой эфир»: она проходит по средам в 11:00 (мск) и длится 1 час. Присылать вам приглашение на каждую встречу?",
  start_welcome_back:
    "С возвращением, Анна! Приглашения на «Живой эфир» снова будут приходить каждую неделю: встречи по средам в 11:00 (мск). Отписаться — /stop.",
  start_subscribed:
    "Анна, вы уже подписаны: приглашение на «Живой эфир» приходит каждую неделю, встречи по средам в 11:00 (мск). Отписаться — /stop.",
  button_register_yes: "Да",
  button_register_no: "Нет",
  registered_yes:
    "Отлично! Приглашение на «Живой эфир» будет приходить каждую неделю. До встречи в среду в 11:00 (мск)!",
  registered_no:
    "Хорошо, приглашения присылать не буду. Передумаете — отправьте /start.",
  stopped: "Вы отписались от приглашений. Чтобы вернуться, отправьте /start.",
  not_subscribed:
    "Вы не подписаны на приглашения. Чтобы подписаться, отправьте /start.",
  invitation:
    "Приглашаю на встречу «Живой эфир» в среду, 9 декабря, в 11:00 (мск). Она продлится 1 час.\n\nПридёте?",
  topic_line: "Тема: Итоги года\n\n",
  button_attend_yes: "Да, буду",
  button_attend_no: "Нет, не смогу",
  answer_yes:
    "Встреча «Живой эфир» в среду, 9 декабря, в 11:00 (мск).\n\n✅ Вы придёте — ждём! Ссылку пришлю в день встречи. Если планы изменятся, ответ можно поменять до начала.",
  answer_no:
    "Встреча «Живой эфир» в среду, 9 декабря, в 11:00 (мск).\n\n❌ Вы не сможете прийти. Если планы изменятся, ответ можно поменять до начала.",
  answer_started: "Эта встреча уже началась — ответ не изменён.",
  answer_expired: "Эта встреча уже прошла — ответ не изменён.",
  answer_too_early:
    "Приглашение на эту встречу ещё не приходило — ответить можно будет, когда оно придёт.",
  answer_cancelled: "Встреча в среду, 9 декабря, отменена — отвечать не нужно.",
  answer_saved: "Ответ сохранён",
  answer_unsubscribed:
    "Вы отписались от приглашений, поэтому ответ не сохранён. Чтобы вернуться, отправьте /start и нажмите кнопку ещё раз.",
  first_reminder:
    "Напоминаю: сегодня в 11:00 (мск) — встреча «Живой эфир».\n\nСсылка: https://example.com/live",
  second_reminder:
    "Через несколько минут, в 11:00 (мск), начинаем «Живой эфир»!\n\nСсылка: https://example.com/live",
  reminder_updated:
    "Напоминаю: встреча «Живой эфир» в среду, 9 декабря, в 11:00 (мск).\n\nСсылка: https://example.com/live",
  nudge:
    "Вы ещё не ответили: придёте на встречу «Живой эфир» в среду, 9 декабря, в 11:00 (мск)?",
  help:
    "Бот встречи «Живой эфир»: по средам в 11:00 (мск), 1 час.\n\n/start — подписаться на приглашения\n/stop — отписаться\n/status — подписка и ваш ответ на ближайшую встречу\n/settings — часовой пояс, какие сообщения присылать, пауза\n/language — язык бота (language)\n/help — эта справка\n\nВопрос ведущему можно просто написать сюда — я передам.",
  help_relay_line:
    "\n\nВопрос ведущему можно просто написать сюда — я передам.",
  status:
    "Подписка: вы получаете приглашения\nБлижайшая встреча: среда, 9 декабря, 11:00 (мск)\nВаш ответ: приду\nСсылка: https://example.com/live",
  status_cancelled:
    "Подписка: вы получаете приглашения\nВстреча в среду, 9 декабря, отменена. Приглашение на следующую придёт как обычно.",
  status_link_line: "\nСсылка: https://example.com/live",
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
  meeting_cancelled:
    "Встреча «Живой эфир» в среду, 9 декабря, отменяется.\n\nПриглашение на следующую придёт как обычно.",
  reason_line: "Причина: ведущий заболел\n\n",
  meeting_cancelled_message:
    "Встреча «Живой эфир» в среду, 9 декабря, в 11:00 (мск), отменена.",
  meeting_restored:
    "Встреча «Живой эфир» в среду, 9 декабря, в 11:00 (мск), всё-таки состоится!\n\nПридёте?",
  meeting_restored_yes:
    "Встреча «Живой эфир» в среду, 9 декабря, в 11:00 (мск), всё-таки состоится!\n\n✅ Ваш ответ в силе: вы придёте. Если планы изменились, ответ можно поменять до начала.",
  meeting_restored_no:
    "Встреча «Живой эфир» в среду, 9 декабря, в 11:00 (мск), всё-таки состоится!\n\n❌ Ваш ответ в силе: вы не сможете прийти. Если планы изменились, ответ можно поменять до начала.",
  meeting_moved:
    "Встреча «Живой эфир» переносится со среды, 9 декабря, 11:00, на четверг, 10 декабря, 12:30 (мск).\n\nЕсли планы изменились, ответ можно поменять в приглашении.",
  meeting_moved_unanswered:
    "Встреча «Живой эфир» переносится со среды, 9 декабря, 11:00, на четверг, 10 декабря, 12:30 (мск).\n\nПридёте в новое время? Ответить можно кнопками в приглашении.",
  meeting_link_changed:
    "Новая ссылка на встречу «Живой эфир» в среду, 9 декабря, в 11:00 (мск):\nhttps://example.com/live",
  calendar_caption:
    "Встреча «Живой эфир» в среду, 9 декабря, в 11:00 (мск): откройте файл, чтобы добавить её в календарь.",
  calendar_updated_caption:
    "Встреча «Живой эфир» изменилась, теперь она в среду, 9 декабря, в 11:00 (мск): откройте файл, и календарь её обновит.",
  calendar_cancelled_caption:
    "Встреча «Живой эфир» в среду, 9 декабря, в 11:00 (мск), отменена: откройте файл, и календарь её уберёт.",
  calendar_declined_caption:
    "Вы не придёте на встречу «Живой эфир» в среду, 9 декабря, в 11:00 (мск): откройте файл, и календарь её уберёт.",
  relay_done: "Передал ваше сообщение ведущему.",
  relay_limited:
    "Ведущий уже получил от вас много сообщений. Следующие смогу передать через час.",
  relay_answer_header: "💬 Ответ ведущего:",
  announcement_header: "📢 Объявление:",
  followup_header: "📎 Итоги встречи «Живой эфир» в среду, 9 декабря:",
  language_name: "Русский",
  language_choose: "На каком языке вам писать? Сейчас пишу по-русски.",
  language_set: "Хорошо, теперь пишу по-русски.",
  language_unknown:
    "Такого языка я не знаю: «xx». Выберите язык кнопкой: /language",
};

Deno.test("every participant text reads as a native speaker writes it", () => {
  for (const [key, expected] of Object.entries(EXPECTED)) {
    assert.equal(say(key as keyof typeof EXPECTED), expected, key);
  }
});

Deno.test("the invitation and the answered invitation carry this week's topic in their place", () => {
  const meeting = { ...MEETING, topic: "Итоги года" };
  assert.equal(
    invitation(CONFIG, meeting).text,
    "Приглашаю на встречу «Живой эфир» в среду, 9 декабря, в 11:00 (мск). " +
      "Она продлится 1 час.\n\nТема: Итоги года\n\nПридёте?",
  );
  assert.equal(
    answeredInvitation(CONFIG, { meeting, answer: "yes" }).text,
    "Встреча «Живой эфир» в среду, 9 декабря, в 11:00 (мск).\n\n" +
      "Тема: Итоги года\n\n✅ Вы придёте — ждём! Ссылку пришлю в день встречи. " +
      "Если планы изменятся, ответ можно поменять до начала.",
  );
});

Deno.test("a reason given with /skip or /move stands on its own line in the notices", () => {
  const reason_line = say("reason_line");
  assert.equal(
    say("meeting_cancelled", { reason_line }),
    "Встреча «Живой эфир» в среду, 9 декабря, отменяется.\n\n" +
      "Причина: ведущий заболел\n\nПриглашение на следующую придёт как обычно.",
  );
  assert.equal(
    say("meeting_moved", { reason_line, topic_line: say("topic_line") }),
    "Встреча «Живой эфир» переносится со среды, 9 декабря, 11:00, на четверг, " +
      "10 декабря, 12:30 (мск).\n\nПричина: ведущий заболел\n\nТема: Итоги года\n\n" +
      "Если планы изменились, ответ можно поменять в приглашении.",
  );
  assert.equal(
    say("meeting_moved_unanswered", { reason_line }),
    "Встреча «Живой эфир» переносится со среды, 9 декабря, 11:00, на четверг, " +
      "10 декабря, 12:30 (мск).\n\nПричина: ведущий заболел\n\n" +
      "Придёте в новое время? Ответить можно кнопками в приглашении.",
  );
});

Deno.test("/help without anyone to pass a question to ends at its last command", () => {
  assert.equal(
    say("help", { relay_line: "" }),
    "Бот встречи «Живой эфир»: по средам в 11:00 (мск), 1 час.\n\n" +
      "/start — подписаться на приглашения\n/stop — отписаться\n" +
      "/status — подписка и ваш ответ на ближайшую встречу\n" +
      "/settings — часовой пояс, какие сообщения присылать, пауза\n" +
      "/language — язык бота (language)\n/help — эта справка",
  );
});
