/**
 * The end of a meeting (its start and `meeting.duration_minutes` after it): a press
 * while it goes on is told it has begun, after it that it is past; at its end every
 * message with its answer buttons loses them, once, paced, also when the bot was down
 * then. Meeting Wednesday 2026-11-25 11:00–12:00 Moscow (08:00–09:00Z).
 */
import assert from "node:assert/strict";
import { LANE, OWED } from "../src/core/owed.ts";
import { openDatabase } from "../src/db/database.ts";
import { Store } from "../src/db/store.ts";
import { createJobRunner } from "../src/jobs/runner.ts";
import { createLogger } from "../src/log.ts";
import { endMeetings } from "../src/usecases/meeting_end.ts";
import { inlineButtons } from "./fake_bot_api.ts";
import { SCHEDULE_WITH_NUDGE, testConfig } from "./helpers.ts";
import {
  admin,
  anna,
  boris,
  invitationOf,
  MEETING,
  messageOf,
  pressUnder,
  vera,
  week,
} from "./support/week.ts";

const config = testConfig({
  admins: [admin.id],
  schedule: SCHEDULE_WITH_NUDGE,
});

/** The texts of every message to `u` with answer buttons, as they read now. */
function withButtons(h: Awaited<ReturnType<typeof week>>, id: number) {
  return h.fake.sent(id).map((m) => h.fake.message(id, m.message_id)!)
    .filter((m) => inlineButtons(m.reply_markup).length > 0);
}

Deno.test("a press while the meeting goes on says it has begun; at its end every answer button goes, once, and the texts stay", async (t) => {
  await using h = await week({ config });
  h.clock.set("2026-11-24T15:00:00Z");
  await h.jobs.tick(); // Vera's nudge
  const before = [anna, boris, vera].map((u) => invitationOf(h, u).text);

  await t.step("during the meeting", async () => {
    h.clock.set("2026-11-25T08:30:00Z");
    await h.jobs.tick();
    assert.equal(
      (await pressUnder(h, vera, `rsvp:${MEETING}:yes`)).text,
      "Эта встреча уже началась — ответ не изменён.",
    );
    assert.equal(withButtons(h, vera.id).length, 2, "the buttons are there");
  });

  await t.step("at its end", async () => {
    h.clock.set("2026-11-25T09:00:00Z");
    await h.jobs.tick();
    for (const u of [anna, boris, vera]) {
      assert.deepEqual(withButtons(h, u.id), [], `${u.first_name}: none`);
    }
    assert.deepEqual(
      [anna, boris, vera].map((u) => invitationOf(h, u).text),
      before,
      "only the buttons went",
    );
    assert.equal(
      messageOf(h, vera, "Вы ещё не ответили").text,
      "Вы ещё не ответили: придёте на встречу «Живой эфир» в среду, 25 ноября, " +
        "в 11:00 (мск)?",
    );
    const rows = h.db.prepare(
      "SELECT lane FROM outbox WHERE kind = ? AND ref = ?",
    ).all(OWED.week_edit, MEETING) as { lane: number }[];
    assert.equal(rows.length, 4, "three invitations and a nudge");
    assert.ok(rows.every((r) => r.lane === LANE.notice), "paced");
    const removals = () =>
      h.fake.requests.filter((r) => r.method === "editMessageReplyMarkup")
        .length;
    assert.equal(removals(), 4);
    await h.jobs.tick();
    h.clock.set("2026-11-26T09:00:00Z");
    await h.jobs.tick();
    assert.equal(removals(), 4, "once");
  });

  await t.step("after it", async () => {
    const invitation = invitationOf(h, boris);
    const update = h.fake.pressButton(
      boris,
      `rsvp:${MEETING}:yes`,
      invitation,
    );
    const answer = await h.fake.waitFor((f) =>
      f.answerFor(update.callback_query!.id)
    );
    assert.equal(answer.text, "Эта встреча уже прошла — ответ не изменён.");
  });
});

Deno.test("a bot that was down when the meeting ended takes the buttons away when it starts", async () => {
  await using h = await week({ config });
  h.clock.set("2026-11-27T12:00:00Z"); // Friday: the first tick since Monday
  await h.jobs.tick();
  for (const u of [anna, boris, vera]) {
    assert.deepEqual(withButtons(h, u.id), [], `${u.first_name}: none`);
  }
  assert.notEqual(h.store.meetings.get(MEETING)!.ended_at, null);
});

Deno.test("endMeetings() keeps the buttons of a meeting moved later until its own end", async () => {
  await using h = await week({ config });
  await h.store.write(() =>
    h.store.meetings.change(
      MEETING,
      { movedTo: new Date("2026-11-26T12:00:00Z") },
      h.clock.now(),
    )
  );
  const now = new Date("2026-11-25T09:30:00Z"); // after its scheduled end
  assert.equal(
    await h.store.write(() => endMeetings(h.store, { config, now })),
    0,
  );
  assert.equal(withButtons(h, anna.id).length, 1);
});

Deno.test("JobRunner.nextDue() wakes the bot at the meeting's end, the next thing after the last reminder", () => {
  const store = new Store(openDatabase(":memory:"));
  let now = new Date("2026-11-25T07:41:00Z"); // after the last reminder's time
  store.jobRuns.skip({ meetingId: MEETING, job: "second_reminder" }, {
    note: "sent",
    now,
  });
  store.meetings.ensure(
    { id: MEETING, startsAt: new Date("2026-11-25T08:00:00Z") },
    now,
  );
  const runner = createJobRunner({
    config,
    store,
    log: createLogger({ level: "error", write: () => {} }),
    now: () => now,
    kick: () => {},
  });
  assert.equal(runner.nextDue()?.toISOString(), "2026-11-25T09:00:00.000Z");
  now = new Date("2026-11-25T09:00:00Z");
  assert.equal(endMeetings(store, { config, now }), 0);
  assert.notEqual(
    runner.nextDue()?.toISOString(),
    "2026-11-25T09:00:00.000Z",
    "done: not again",
  );
});
