/**
 * The shipped Russian texts about seats (usecases/seats.ts): the free seats in the
 * invitation, the waitlist, the seat that frees itself, the seat of one who comes back,
 * `/capacity`, the seat figures of the reports (the host's report's too, and the
 * panel's), and a feed's week without a seat, with the placeholders each may use.
 * `config.yaml` repeats them so that an operator can edit each.
 *
 * @module
 */
/** Texts about seats, by key. */
export const SEAT_TEXTS = {
  seats_line: "Осталось {free|место|места|мест}.\n\n",
  seats_full_line:
    "Свободных мест нет: ответите «Да, буду» — запишу в лист ожидания.\n\n",
  answer_waitlisted:
    "Встреча «{title}» {date_on}, в {time} ({tz}).\n\n{topic_line}" +
    "⏳ Мест пока нет — вы в листе ожидания, ваш номер в очереди: {place}. " +
    "Как только место освободится, оно перейдёт к вам, и я сразу напишу.",
  button_leave_waitlist: "Выйти из листа ожидания",
  answer_waitlisted_toast: "Мест нет — вы в листе ожидания, номер {place}",
  answer_left_waitlist: "Вы вышли из листа ожидания",
  answer_seat_kept: "Место уже ваше — вы не в листе ожидания",
  seat_granted:
    "Освободилось место — вы идёте на встречу «{title}» {date_on}, " +
    "в {time} ({tz}).\n\n{topic_line}{link_line}Если планы изменились, нажмите " +
    "«Нет, не смогу» — место перейдёт следующему в очереди.",
  seat_link_line: "Ссылка: {link}\n\n",
  waitlist_note:
    "Встреча «{title}» — {when} в {time} ({tz}). В этот раз мест " +
    "на ней не хватило: вы в листе ожидания, номер {place}. Если кто-то " +
    "откажется до начала, место перейдёт к вам, и я сразу пришлю ссылку.",
  status_answer_waitlist: "в листе ожидания, номер {place}",
  start_seat_back: "Место на встрече {date_on}, снова ваше.",
  start_seat_gone: "Свободных мест на встрече {date_on}, сейчас нет: нажмите " +
    "«Да, буду» в приглашении, и я запишу вас в лист ожидания.",
  calendar_seat_lost_caption: "У вас сейчас нет места на встрече «{title}» " +
    "{date_on}, в {time} ({tz}): откройте файл, и календарь её уберёт.",
  command_capacity: "Число мест на ближайшей встрече",
  admin_capacity_usage:
    "Напишите число мест: /capacity 12 — или /capacity -, " +
    "чтобы снять ограничение. Меняется только ближайшая встреча.",
  capacity_limit: "{capacity|место|места|мест}",
  capacity_unlimited: "без ограничения",
  admin_capacity_confirm: "Число мест на встрече {date_on}: сейчас {was}, " +
    "станет {limit}. Занято мест: {seated}, в листе ожидания: {waitlist}.{effect}",
  admin_capacity_promotes: "\n\nМесто сразу получат " +
    "{promoted|человек|человека|человек} из листа ожидания — я им напишу.",
  admin_capacity_over: "\n\nЗанято больше мест, чем станет: ни у кого место " +
    "не отнимется, а новые «да» пойдут в лист ожидания, пока места не освободятся.",
  admin_capacity_set: "Готово: на встрече {date_on} теперь {limit}. " +
    "Из листа ожидания получили место: {promoted}.",
  admin_capacity_same: "На встрече {date_on} и так {limit}.",
  admin_capacity_stale: "Пока вы решали, число мест на встрече {date_on} уже " +
    "поменяли: сейчас {limit}. Отправьте /capacity ещё раз.",
  admin_stats_seats: "Места на встрече {date_on} ({limit}): занято {seated}, " +
    "в листе ожидания {waitlist}, получили место из листа ожидания {promotions}.",
  admin_who_seats: "Мест: {capacity}, занято {seated}, свободно {free}. " +
    "Из листа ожидания получили место: {promotions}.",
  admin_who_waitlist: "⏳ Лист ожидания ({waitlist}):\n{waitlist_names}",
  admin_report_seats: "Мест: {capacity}; место из листа ожидания получили: " +
    "{promotions}, остались в листе ожидания: {waitlist}\n",
  export_seat_columns: "Место | Номер в листе ожидания | Из листа ожидания",
  export_seat_taken: "место",
  export_seat_waitlist: "лист ожидания",
  export_promoted: "да",
  feed_description_no_seat: "Число мест ограничено: ссылку бот " +
    "пришлёт, когда место будет за вами.\n\n" +
    "Записаться — ответьте боту: https://t.me/{bot}",
  panel_seats_name: "Места",
  panel_seats: "занято {seated} из {capacity}, свободно {free}; " +
    "из листа ожидания получили место: {promotions}",
  panel_group_waitlist: "Лист ожидания: {count}",
} as const;

/** The name of one text about seats. */
export type SeatTextKey = keyof typeof SEAT_TEXTS;

/**
 * The placeholders each seat text may use, given those of a text about one week's
 * meeting (`meeting`: `{title}`, `{date_on}`, `{time}`…).
 */
export function seatPlaceholders(
  meeting: readonly string[],
): Record<SeatTextKey, readonly string[]> {
  /** A week's seats as admins read them: `{limit}` "20 мест", taken, waiting. */
  const seats = ["limit", "seated", "waitlist"];
  return {
    seats_line: ["free"],
    seats_full_line: [],
    answer_waitlisted: [...meeting, "place"],
    button_leave_waitlist: [],
    answer_waitlisted_toast: ["place"],
    answer_left_waitlist: [],
    answer_seat_kept: [],
    seat_granted: [...meeting, "link_line"],
    seat_link_line: ["link"],
    waitlist_note: [...meeting, "when", "place"],
    status_answer_waitlist: ["place"],
    start_seat_back: meeting,
    start_seat_gone: meeting,
    calendar_seat_lost_caption: meeting,
    command_capacity: [],
    admin_capacity_usage: [],
    capacity_limit: ["capacity"],
    capacity_unlimited: [],
    admin_capacity_confirm: [...meeting, ...seats, "was", "effect"],
    admin_capacity_promotes: ["promoted"],
    admin_capacity_over: [],
    admin_capacity_set: [...meeting, "limit", "promoted"],
    admin_capacity_same: [...meeting, "limit"],
    admin_capacity_stale: [...meeting, "limit"],
    admin_stats_seats: [...meeting, ...seats, "promotions"],
    admin_who_seats: ["capacity", "seated", "free", "promotions"],
    admin_who_waitlist: ["waitlist", "waitlist_names"],
    admin_report_seats: ["capacity", "seated", "waitlist", "promotions"],
    export_seat_columns: [],
    export_seat_taken: [],
    export_seat_waitlist: [],
    export_promoted: [],
    feed_description_no_seat: ["title", "bot"],
    panel_seats_name: [],
    panel_seats: ["capacity", "seated", "free", "promotions"],
    panel_group_waitlist: ["count"],
  };
}
