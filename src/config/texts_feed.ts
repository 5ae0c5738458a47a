/**
 * The shipped Russian texts of the calendar subscription: what `/calendar` says, its
 * buttons, and what the feed itself shows in a calendar app (its name, each meeting's
 * title and text). `config.yaml` repeats them so that an operator can edit each.
 *
 * @module
 */
import { SCHEDULE } from "./placeholders.ts";

/** The texts of the calendar subscription, by key. */
export const FEED_TEXTS = {
  command_calendar: "Встречи в вашем календаре",
  help_calendar_line: "/calendar — встречи в вашем календаре\n",
  calendar_feed: "Встречи «{title}» в вашем календаре: {weekday_every} в " +
    "{time} ({tz}). Переносы, отмены и новые ссылки календарь подхватит сам.\n\n" +
    "Ваш адрес подписки:\n{https}\n\n" +
    "Как добавить:\n" +
    "• Google Календарь — на компьютере, на calendar.google.com: «Другие " +
    "календари» → «+» → «Добавить по URL», вставьте адрес. На телефоне " +
    "календарь появится сам. Google обновляет такие календари раз в " +
    "несколько часов.\n" +
    "• iPhone и iPad — «Настройки» → «Календарь» → «Учётные записи» → " +
    "«Добавить учётную запись» → «Другое» → «Подписной календарь», вставьте " +
    "адрес. На Mac — в Календаре «Файл» → «Новая подписка на календарь».\n" +
    "• Outlook — «Добавить календарь» → «Подписаться из Интернета», вставьте " +
    "адрес.\n\n" +
    "Если приложение просит адрес webcal, вот он:\n{webcal}\n\n" +
    "Адрес личный: в нём ваши ссылки на встречи, не пересылайте его. Если он " +
    "попал к кому-то ещё, нажмите «Сменить адрес» — старый перестанет работать.",
  calendar_feed_new:
    "Адрес сменён: старый больше не работает. Добавьте в календарь новый, а " +
    "подписку на старый удалите.",
  calendar_feed_confirm: "Сменить адрес подписки? Старый перестанет " +
    "работать: календарь, подписанный на него, больше не будет обновляться, " +
    "и новый адрес придётся добавить заново.",
  button_calendar_reset: "Сменить адрес",
  button_calendar_reset_yes: "Да, сменить",
  button_calendar_reset_no: "Нет, оставить",
  calendar_feed_kept: "Адрес не изменился.",
  calendar_feed_off: "Подписка на календарь у этого бота не включена. " +
    "Ответьте «Да, буду» на приглашение — и я пришлю файл встречи для " +
    "календаря.",
  calendar_feed_not_subscribed: "Календарь — для тех, кто получает " +
    "приглашения. Отправьте /start и подпишитесь.",
  feed_name: "{title}",
  feed_summary: "{title}",
  feed_summary_topic: "{title}: {topic}",
  feed_description: "Ссылка на встречу: {link}\n\n" +
    "Придёте ли — ответьте боту: https://t.me/{bot}",
} as const satisfies Record<keyof typeof FEED_PLACEHOLDERS, string>;

/** Placeholders allowed in each text of the subscription (spread into `TEXT_PLACEHOLDERS`). */
export const FEED_PLACEHOLDERS = {
  command_calendar: [],
  help_calendar_line: [],
  calendar_feed: [...SCHEDULE, "https", "webcal"],
  calendar_feed_new: [],
  calendar_feed_confirm: [],
  button_calendar_reset: [],
  button_calendar_reset_yes: [],
  button_calendar_reset_no: [],
  calendar_feed_kept: [],
  calendar_feed_off: [],
  calendar_feed_not_subscribed: [],
  feed_name: ["title"],
  feed_summary: ["title"],
  feed_summary_topic: ["title", "topic"],
  feed_description: ["title", "link", "bot"],
} as const;
