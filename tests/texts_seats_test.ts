/**
 * Every text about seats as the shipped defaults render it for the meeting of Wednesday
 * 25 November 2026, 11:00 MSK: the exact Russian, so that any change shows here as a
 * diff; and each counted noun at 1, 2, 5 and 21.
 */
import assert from "node:assert/strict";
import { render, type TextKey } from "../src/config/texts.ts";
import { SEAT_TEXTS } from "../src/config/texts_seats.ts";
import { invitation, meetingValues } from "../src/messages/build.ts";
import { testConfig } from "./helpers.ts";

const CONFIG = testConfig();
const MEETING = {
  id: "2026-11-25",
  startsAt: new Date("2026-11-25T08:00:00Z"),
};

/** Every value a seat text may use, as the bot fills them. */
const VALUES = {
  ...meetingValues(CONFIG, MEETING),
  free: 3,
  place: 4,
  when: "сегодня",
  link_line: "Ссылка: https://example.com/live\n\n",
  capacity: 20,
  was: "20 мест",
  limit: "25 мест",
  seated: 20,
  waitlist: 7,
  effect: "",
  promoted: 5,
  promotions: 2,
  waitlist_names: "1. Анна\n2. Борис",
  bot: "bot_name",
  count: 7,
};

/** What each seat text reads, with the values above. */
const EXPECTED: Record<keyof typeof SEAT_TEXTS, string> = {
  seats_line: "Осталось 3 места.\n\n",
  seats_full_line:
    "Свободных мест нет: ответите «Да, буду» — запишу в лист ожидания.\n\n",
  answer_waitlisted:
    "Встреча «Живой эфир» в среду, 25 ноября, в 11:00 (мск).\n\n⏳ Мест пока нет — вы в листе ожидания, ваш номер в очереди: 4. Как только место освободится, оно перейдёт к вам, и я сразу напишу.",
  button_leave_waitlist: "Выйти из листа ожидания",
  answer_waitlisted_toast: "Мест нет — вы в листе ожидания, номер 4",
  answer_left_waitlist: "Вы вышли из листа ожидания",
  answer_seat_kept: "Место уже ваше — вы не в листе ожидания",
  seat_granted:
    "Освободилось место — вы идёте на встречу «Живой эфир» в среду, 25 ноября, в 11:00 (мск).\n\nСсылка: https://example.com/live\n\nЕсли планы изменились, нажмите «Нет, не смогу» — место перейдёт следующему в очереди.",
  seat_link_line: "Ссылка: https://example.com/live\n\n",
  waitlist_note:
    "Встреча «Живой эфир» — сегодня в 11:00 (мск). В этот раз мест на ней не хватило: вы в листе ожидания, номер 4. Если кто-то откажется до начала, место перейдёт к вам, и я сразу пришлю ссылку.",
  status_answer_waitlist: "в листе ожидания, номер 4",
  start_seat_back: "Место на встрече в среду, 25 ноября, снова ваше.",
  start_seat_gone:
    "Свободных мест на встрече в среду, 25 ноября, сейчас нет: нажмите «Да, буду» в приглашении, и я запишу вас в лист ожидания.",
  calendar_seat_lost_caption:
    "У вас сейчас нет места на встрече «Живой эфир» в среду, 25 ноября, в 11:00 (мск): откройте файл, и календарь её уберёт.",
  command_capacity: "Число мест на ближайшей встрече",
  admin_capacity_usage:
    "Напишите число мест: /capacity 12 — или /capacity -, чтобы снять ограничение. Меняется только ближайшая встреча.",
  capacity_limit: "20 мест",
  capacity_unlimited: "без ограничения",
  admin_capacity_confirm:
    "Число мест на встрече в среду, 25 ноября: сейчас 20 мест, станет 25 мест. Занято мест: 20, в листе ожидания: 7.",
  admin_capacity_promotes:
    "\n\nМесто сразу получат 5 человек из листа ожидания — я им напишу.",
  admin_capacity_over:
    "\n\nЗанято больше мест, чем станет: ни у кого место не отнимется, а новые «да» пойдут в лист ожидания, пока места не освободятся.",
  admin_capacity_set:
    "Готово: на встрече в среду, 25 ноября теперь 25 мест. Из листа ожидания получили место: 5.",
  admin_capacity_same: "На встрече в среду, 25 ноября и так 25 мест.",
  admin_capacity_stale:
    "Пока вы решали, число мест на встрече в среду, 25 ноября уже поменяли: сейчас 25 мест. Отправьте /capacity ещё раз.",
  admin_stats_seats:
    "Места на встрече в среду, 25 ноября (25 мест): занято 20, в листе ожидания 7, получили место из листа ожидания 2.",
  admin_who_seats:
    "Мест: 20, занято 20, свободно 3. Из листа ожидания получили место: 2.",
  admin_who_waitlist: "⏳ Лист ожидания (7):\n1. Анна\n2. Борис",
  admin_report_seats:
    "Мест: 20; место из листа ожидания получили: 2, остались в листе ожидания: 7\n",
  export_seat_columns: "Место | Номер в листе ожидания | Из листа ожидания",
  export_seat_taken: "место",
  export_seat_waitlist: "лист ожидания",
  export_promoted: "да",
  feed_description_no_seat: "Число мест ограничено: ссылку бот " +
    "пришлёт, когда место будет за вами.\n\n" +
    "Записаться — ответьте боту: https://t.me/bot_name",
  panel_seats_name: "Места",
  panel_seats:
    "занято 20 из 20, свободно 3; из листа ожидания получили место: 2",
  panel_group_waitlist: "Лист ожидания: 7",
};

Deno.test("every seat text reads as a native speaker writes it", () => {
  for (const [key, expected] of Object.entries(EXPECTED)) {
    assert.equal(
      render(CONFIG.texts[key as TextKey], VALUES, CONFIG),
      expected,
      key,
    );
  }
});

Deno.test("the seats' counted nouns take their Russian form at 1, 2, 5 and 21", () => {
  const forms = (key: TextKey, name: string) =>
    [1, 2, 5, 21].map((n) => render(CONFIG.texts[key], { [name]: n }, CONFIG));
  assert.deepEqual(forms("seats_line", "free"), [
    "Осталось 1 место.\n\n",
    "Осталось 2 места.\n\n",
    "Осталось 5 мест.\n\n",
    "Осталось 21 место.\n\n",
  ]);
  assert.deepEqual(forms("capacity_limit", "capacity"), [
    "1 место",
    "2 места",
    "5 мест",
    "21 место",
  ]);
  assert.deepEqual(
    forms("admin_capacity_promotes", "promoted").map((t) =>
      t.replace(/ из листа.*$/, "")
    ),
    [
      "\n\nМесто сразу получат 1 человек",
      "\n\nМесто сразу получат 2 человека",
      "\n\nМесто сразу получат 5 человек",
      "\n\nМесто сразу получат 21 человек",
    ],
  );
});

Deno.test("invitation() shows the free seats only when the week has a limit", () => {
  const text = (seats?: { capacity: number | null; seated: number }) =>
    invitation(CONFIG, { ...MEETING, seats }).text;
  const plain =
    "Приглашаю на встречу «Живой эфир» в среду, 25 ноября, в 11:00 (мск). Она продлится 1 час.\n\nПридёте?";
  assert.equal(text(), plain);
  assert.equal(text({ capacity: null, seated: 40 }), plain);
  assert.equal(
    text({ capacity: 20, seated: 19 }),
    plain.replace("Придёте?", "Осталось 1 место.\n\nПридёте?"),
  );
  assert.equal(
    text({ capacity: 20, seated: 21 }),
    plain.replace(
      "Придёте?",
      "Свободных мест нет: ответите «Да, буду» — запишу в лист ожидания.\n\nПридёте?",
    ),
  );
});
