/**
 * An operator's config.yaml from before the date forms still loads, and its texts read as
 * they did: every placeholder name it used ({date}, {day}, {weekday_on}, {old_date},
 * {new_date}, {last_date}, {limit_date}, {other_date}, {active}…) is still filled, and
 * its /who, written before the three groups, still lists those coming ({count},
 * {names}) or says nobody is.
 */
import assert from "node:assert/strict";
import { parseConfig } from "../src/config/load.ts";
import { render } from "../src/config/texts.ts";
import { openDatabase } from "../src/db/database.ts";
import { Store } from "../src/db/store.ts";
import { whoReport } from "../src/reports.ts";
import { refusalText } from "../src/bot/features/admin/refusals.ts";
import { meetingValues, moveValues } from "../src/messages/build.ts";
import type { Week } from "../src/usecases/weeks.ts";
import { allValues, MEETING, THURSDAY, WEDNESDAY } from "./support/texts.ts";

const OLD = parseConfig(
  await Deno.readTextFile(
    new URL("./fixtures/config_before_date_forms.yaml", import.meta.url),
  ),
);

/** The meeting of 9 December as a week of the schedule. */
const WEEK: Week = {
  ...MEETING,
  scheduledAt: WEDNESDAY,
  topic: null,
  link: OLD.meeting.link,
  cancelled: false,
  sequence: 0,
};

Deno.test("a config.yaml written before the date forms still loads, with its own texts", () => {
  assert.equal(
    OLD.texts.admin_who,
    "Придут на встречу {date} — {count|человек|человека|человек}:\n{names}",
  );
  assert.match(OLD.texts.meeting_moved, /\{old_date\}, \{old_time\}/);
});

Deno.test("its move texts fill {old_date}, {old_time}, {date}, {new_date} and {new_time} as before", () => {
  const participant = moveValues(OLD, {
    meeting: { ...MEETING, startsAt: THURSDAY },
    from: WEDNESDAY,
    to: THURSDAY,
  });
  assert.equal(
    render(OLD.texts.meeting_moved, participant),
    "Встреча «Живой эфир» переносится: не среда, 9 декабря, 11:00, а четверг, 10 декабря, 12:30 (мск).\n\nЕсли планы изменились, ответ можно поменять в приглашении.",
  );
  const admin = moveValues(OLD, {
    meeting: MEETING,
    from: WEDNESDAY,
    to: THURSDAY,
    date: "old",
  });
  assert.equal(
    render(OLD.texts.admin_moved, { ...admin, notified: 2 }),
    "Встреча среда, 9 декабря перенесена. Новое время: четверг, 10 декабря, 12:30 (мск). Сообщаю 2 ответившим.",
  );
});

Deno.test("its meeting and report texts fill {date}, {day}, {weekday_on}, {active} and {registered} as before", () => {
  const values = meetingValues(OLD, MEETING);
  assert.equal(
    render(OLD.texts.nudge, values),
    "Вы ещё не ответили: придёте на встречу «Живой эфир» в среду, 9 декабря, в 11:00 (мск)?",
  );
  assert.equal(
    render(OLD.texts.admin_stats, { ...allValues(), ...values }).split("\n")[0],
    "Подписчики: активных 23, получают приглашения 21.",
  );
});

Deno.test("its refusals fill {last_date}, {limit_date}, {limit_time}, {other_date} and {other_time} as before", () => {
  assert.equal(
    refusalText(OLD, {
      reason: "not_offered",
      last: { ...WEEK, startsAt: new Date("2027-01-13T08:00:00Z") },
    }),
    "Так далеко не отменяю: можно отменить одну из ближайших встреч, до среда, 13 января включительно. /skip без даты покажет их.",
  );
  assert.equal(
    refusalText(OLD, {
      reason: "too_far",
      limit: new Date("2027-01-20T08:00:00Z"),
    }),
    "Так далеко не переношу: новое время должно быть раньше среда, 20 января, 11:00 (мск) — в пределах недель, которые предлагает /skip.",
  );
  assert.equal(
    refusalText(OLD, {
      reason: "collides",
      other: { ...WEEK, startsAt: new Date("2026-12-16T08:00:00Z") },
    }),
    "Не переношу: встречи пересеклись бы — другая встреча начинается среда, 16 декабря, 11:00 (мск) и длится 1 час. Выберите другое время.",
  );
  assert.equal(
    refusalText(OLD, { reason: "past", to: THURSDAY }),
    "Время четверг, 10 декабря, 12:30 (мск) уже прошло: перенести встречу можно только на время, которое ещё не наступило.",
  );
});

Deno.test("its /who lists those coming with {count} and {names}, and says so when nobody is", () => {
  const store = new Store(openDatabase(":memory:"));
  const monday = new Date("2026-12-07T07:00:00Z");
  store.meetings.ensure({ id: MEETING.id, startsAt: WEDNESDAY }, monday);
  const answer = (
    profile: { tg_id: number; first_name: string; last_name?: string },
    said?: "yes" | "no",
  ) => {
    const user = store.users.start(profile, monday);
    store.users.setRegistered(
      { tgId: profile.tg_id, registered: true },
      monday,
    );
    if (said === undefined) return;
    store.answers.record(
      { meetingId: MEETING.id, userId: user.id, answer: said },
      monday,
    );
  };
  answer({ tg_id: 2, first_name: "Борис" }, "no");
  answer({ tg_id: 3, first_name: "Вера" });
  assert.equal(
    whoReport(OLD, { source: store, now: monday }),
    "На встречу среда, 9 декабря пока никто не записался.",
  );
  answer({ tg_id: 1, first_name: "Анна", last_name: "Иванова" }, "yes");
  assert.equal(
    whoReport(OLD, { source: store, now: monday }),
    "Придут на встречу среда, 9 декабря — 1 человек:\nАнна Иванова",
  );
});
