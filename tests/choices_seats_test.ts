/**
 * Seats and each person's choices together, through the fake Bot API: the reminders go
 * to those who hold a seat and keep them (not paused); the waitlist's note and a freed
 * seat reach whoever they concern, in their own zone. One seat; meeting Wednesday
 * 2026-11-25 11:00 Moscow (08:00Z), Boris in Honolulu (UTC−10).
 */
import assert from "node:assert/strict";
import type { FakeUser } from "./fake_bot_api.ts";
import {
  type Harness,
  ManualClock,
  startHarness,
  testConfig,
} from "./helpers.ts";
import { openSettings, pressSetting } from "./support/settings.ts";
import { anna, boris, MEETING, pressUnder } from "./support/week.ts";

function starting(h: Harness, u: FakeUser, start: string): string[] {
  return h.fake.messagesTo(u.id).filter((m) => m.startsWith(start));
}

/** Monday 09:00 Moscow, one seat: Anna and Boris subscribed, Boris in `zone`. */
async function oneSeat(zone: string): Promise<Harness> {
  const config = testConfig();
  const h = await startHarness({
    config: { ...config, meeting: { ...config.meeting, capacity: 1 } },
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  for (const u of [anna, boris]) {
    await h.say(u, "/start");
    await h.press(u, "reg:yes");
  }
  await openSettings(h, boris);
  await pressSetting(h, boris, "set:zone");
  await h.say(boris, zone);
  return h;
}

Deno.test("seats and choices together: a paused seat holder gets no reminder; the waitlisted get their note and their seat in their own zone", async () => {
  await using h = await oneSeat("Pacific/Honolulu");
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  await pressUnder(h, anna, `rsvp:${MEETING}:yes`); // the one seat
  await pressUnder(h, boris, `rsvp:${MEETING}:yes`); // the waitlist
  await openSettings(h, anna);
  await pressSetting(h, anna, "set:pause");
  await pressSetting(h, anna, "set:pause:1");
  for (const at of ["2026-11-25T06:00:00Z", "2026-11-25T07:40:00Z"]) {
    h.clock.set(at);
    await h.jobs.tick();
  }
  for (const u of [anna, boris]) {
    assert.deepEqual(starting(h, u, "Напоминаю"), [], u.first_name);
    assert.deepEqual(starting(h, u, "Через несколько минут"), [], u.first_name);
  }
  assert.deepEqual(starting(h, boris, "Встреча"), [
    "Встреча «Живой эфир» — сегодня в 22:00 (UTC−10). В этот раз мест на ней " +
    "не хватило: вы в листе ожидания, номер 1. Если кто-то откажется до " +
    "начала, место перейдёт к вам, и я сразу пришлю ссылку.",
  ]);
  await pressUnder(h, anna, `rsvp:${MEETING}:no`); // her seat passes to Boris
  await h.idle();
  assert.match(
    h.fake.messagesTo(boris.id).find((m) => m.startsWith("Освободилось"))!,
    /^Освободилось место — вы идёте на встречу «Живой эфир» во вторник, 24 ноября, в 22:00 \(UTC−10\)\./,
  );
});

Deno.test("the waitlist's note names tomorrow where the start is just past the person's midnight", async () => {
  // 11:00 Moscow is 00:00 in Los Angeles (UTC−8 in November); the note goes at 23:40 there.
  await using h = await oneSeat("America/Los_Angeles");
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  await pressUnder(h, anna, `rsvp:${MEETING}:yes`);
  await pressUnder(h, boris, `rsvp:${MEETING}:yes`);
  h.clock.set("2026-11-25T07:40:00Z");
  await h.jobs.tick();
  assert.deepEqual(starting(h, boris, "Встреча"), [
    "Встреча «Живой эфир» — завтра в 00:00 (UTC−8). В этот раз мест на ней " +
    "не хватило: вы в листе ожидания, номер 1. Если кто-то откажется до " +
    "начала, место перейдёт к вам, и я сразу пришлю ссылку.",
  ]);
});

Deno.test("a seat freed before the reminders is told in the person's own zone", async () => {
  await using h = await oneSeat("UTC-10");
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  await pressUnder(h, anna, `rsvp:${MEETING}:yes`);
  await pressUnder(h, boris, `rsvp:${MEETING}:yes`);
  await pressUnder(h, anna, `rsvp:${MEETING}:no`);
  await h.idle();
  assert.match(
    h.fake.messagesTo(boris.id).find((m) => m.startsWith("Освободилось"))!,
    /^Освободилось место — вы идёте на встречу «Живой эфир» во вторник, 24 ноября, в 22:00 \(UTC−10\)\.\n\n/,
  );
});
