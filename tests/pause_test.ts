/**
 * A pause through the fake Bot API with a fake clock: it skips whole weeks, keeps the
 * subscription, and ends by itself with one note once the last meeting it skips is
 * over; the invitation comes again the week after. Meetings on Wednesdays at 11:00
 * Moscow (08:00Z), from 25 November 2026.
 */
import assert from "node:assert/strict";
import type { FakeUser } from "./fake_bot_api.ts";
import { type Harness, ManualClock, startHarness } from "./helpers.ts";
import {
  openSettings,
  pressSetting,
  storedSettings,
} from "./support/settings.ts";
import { anna, boris, pressUnder } from "./support/week.ts";
import { nextPauseEnd } from "../src/usecases/settings.ts";

const ENDED = "Пауза закончилась — сообщения о встречах «Живой эфир» снова " +
  "будут приходить. Ближайшая встреча — в среду, 16 декабря, в 11:00 (мск).";

function invitations(h: Harness, u: FakeUser): string[] {
  return h.fake.messagesTo(u.id).filter((m) => m.startsWith("Приглашаю"))
    .map((m) => /\d+ [а-я]+/.exec(m)![0]);
}

function count(h: Harness, u: FakeUser, start: string): number {
  return h.fake.messagesTo(u.id).filter((m) => m.startsWith(start)).length;
}

Deno.test("a three-week pause skips three weeks and ends by itself: the note once, the invitation the week after", async (t) => {
  await using h = await startHarness({
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  for (const u of [anna, boris]) {
    await h.say(u, "/start");
    await h.press(u, "reg:yes");
  }
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  for (const u of [anna, boris]) await pressUnder(h, u, "rsvp:2026-11-25:yes");

  await t.step("Anna pauses until 9 December, from Monday noon", async () => {
    h.clock.set("2026-11-23T09:00:00Z");
    await openSettings(h, anna);
    await pressSetting(h, anna, "set:pause");
    assert.equal(
      await h.say(anna, "9.12"),
      "Пауза до среды, 9 декабря, включительно: приглашения, напоминания и " +
        "вопросы о встречах не придут. Когда она закончится, я напишу.",
    );
    assert.equal(storedSettings(h, anna).paused_through, "2026-12-09");
    assert.match(
      await h.say(anna, "/status"),
      /\n⏸ Пауза до среды, 9 декабря, включительно\nИзменить — \/settings$/,
    );
  });

  await t.step(
    "this week: no reminder for her, though she said yes",
    async () => {
      for (const at of ["2026-11-25T06:00:00Z", "2026-11-25T07:40:00Z"]) {
        h.clock.set(at);
        await h.jobs.tick();
      }
      assert.equal(count(h, boris, "Напоминаю"), 1);
      assert.equal(count(h, boris, "Через несколько минут"), 1);
      assert.equal(count(h, anna, "Напоминаю"), 0);
      assert.equal(count(h, anna, "Через несколько минут"), 0);
      h.clock.set("2026-11-25T09:15:00Z"); // the question after the meeting
      await h.jobs.tick();
      assert.equal(count(h, anna, "Как вам встреча"), 0);
    },
  );

  await t.step("the next two weeks: no invitation for her", async () => {
    for (const monday of ["2026-11-30", "2026-12-07"]) {
      h.clock.set(`${monday}T07:00:00Z`);
      await h.jobs.tick();
    }
    assert.deepEqual(invitations(h, anna), ["25 ноября"]);
    for (const week of ["2026-12-02", "2026-12-09"]) {
      assert.equal(h.store.outbox.byKey(`invitation/${week}/u1`), undefined);
    }
    assert.deepEqual(invitations(h, boris), [
      "25 ноября",
      "2 декабря",
      "9 декабря",
    ]);
    assert.equal(count(h, anna, "Пауза закончилась"), 0, "not yet");
  });

  await t.step("the last skipped meeting is over: the note, once", async () => {
    assert.deepEqual(
      nextPauseEnd(h.store, { config: h.config, now: h.clock.now() }),
      new Date("2026-12-09T09:00:00Z"),
      "the runner wakes for it",
    );
    h.clock.set("2026-12-09T08:59:00Z");
    await h.jobs.tick();
    assert.equal(count(h, anna, "Пауза закончилась"), 0);
    h.clock.set("2026-12-09T09:00:00Z");
    await h.jobs.tick();
    for (const at of ["2026-12-09T12:00:00Z", "2026-12-11T09:00:00Z"]) {
      h.clock.set(at);
      await h.jobs.tick();
    }
    assert.deepEqual(
      h.fake.messagesTo(anna.id).filter((m) =>
        m.startsWith("Пауза закончилась")
      ),
      [ENDED],
    );
    assert.equal(count(h, boris, "Пауза закончилась"), 0);
  });

  await t.step("the week after: the invitation again", async () => {
    h.clock.set("2026-12-14T07:00:00Z");
    await h.jobs.tick();
    assert.deepEqual(invitations(h, anna), ["25 ноября", "16 декабря"]);
    assert.doesNotMatch(await h.say(anna, "/status"), /Пауза/);
  });
});

Deno.test("a pause changed or ended before its last meeting is over owes no note", async () => {
  await using h = await startHarness({
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  for (const u of [anna, boris]) {
    await h.say(u, "/start");
    await h.press(u, "reg:yes");
    await openSettings(h, u);
    await pressSetting(h, u, "set:pause");
    await pressSetting(h, u, "set:pause:1"); // through 25 November
  }
  assert.equal(storedSettings(h, anna).paused_through, "2026-11-25");
  await pressSetting(h, anna, "set:unpause");
  await openSettings(h, boris);
  await pressSetting(h, boris, "set:pause");
  await pressSetting(h, boris, "set:pause:2"); // now through 2 December
  h.clock.set("2026-11-25T09:00:00Z");
  await h.jobs.tick();
  assert.equal(count(h, anna, "Пауза закончилась"), 0);
  assert.equal(count(h, boris, "Пауза закончилась"), 0);
  h.clock.set("2026-12-02T09:00:00Z");
  await h.jobs.tick();
  assert.equal(count(h, boris, "Пауза закончилась"), 1);
});

Deno.test("a note owed when the pause ended is not sent to one who paused again before it went", async () => {
  await using h = await startHarness({
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  await openSettings(h, anna);
  await pressSetting(h, anna, "set:pause");
  await pressSetting(h, anna, "set:pause:1"); // through 25 November
  h.clock.set("2026-11-25T09:00:00Z");
  h.fake.failNext(1); // the note fails once and waits in the outbox
  await h.jobs.tick();
  const row = h.store.outbox.byKey("pause_ended/2026-11-25/u1")!;
  assert.equal(row.status, "pending");
  await openSettings(h, anna);
  await pressSetting(h, anna, "set:pause");
  await pressSetting(h, anna, "set:pause:2"); // through 9 December
  h.clock.advance(60_000);
  await h.jobs.tick();
  assert.equal(h.store.outbox.byKey(row.key)!.status, "dropped");
  assert.equal(count(h, anna, "Пауза закончилась"), 0);
});
