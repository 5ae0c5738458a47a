/**
 * The race for seats through the fake Bot API: 200 people press "yes" within one second
 * for 20 seats. Exactly 20 get one, 180 wait in the order the bot committed the presses
 * (each told the place the database gives it), every press is answered, and nobody gets
 * a seat twice. The same race under kill -9 is in kill_seats_test.ts.
 */
import assert from "node:assert/strict";
import { user } from "./fake_bot_api.ts";
import { ManualClock, startHarness, testConfig } from "./helpers.ts";
import { report } from "./support/report.ts";
import { checkRace, shuffled } from "./support/seats.ts";

const MEETING = "2026-11-25";

Deno.test("200 presses of 'yes' within a second for 20 seats: 20 seats, 180 on the waitlist in commit order, every press answered", async () => {
  const config = testConfig();
  await using h = await startHarness({
    config: { ...config, meeting: { ...config.meeting, capacity: 20 } },
    clock: new ManualClock("2026-11-23T06:00:00Z"),
    fake: { latency: 1 },
  });
  const people = Array.from({ length: 200 }, (_, i) => 1001 + i);
  const at = h.clock.now();
  for (const id of people) {
    h.store.users.start({ tg_id: id, first_name: `U${id}` }, at);
    h.store.users.setRegistered({ tgId: id, registered: true }, at);
  }
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick(); // the invitations
  h.clock.set("2026-11-23T07:30:00Z");
  // Telegram's order is not the order of the ids, nor the order of the commits.
  const presses = shuffled(people, 18).map((id) =>
    h.fake.pressButton(user(id), `rsvp:${MEETING}:yes`)
  );
  const ids = presses.map((p) => p.callback_query!.id);
  await h.fake.waitFor((f) => ids.every((id) => f.answerFor(id)), {
    timeout: 30_000,
  });
  await h.idle();
  const race = checkRace(h.db, {
    meetingId: MEETING,
    presses: presses.map((p) => ({
      tgId: p.callback_query!.from.id,
      told: h.fake.answers
        .filter((a) => a.callback_query_id === p.callback_query!.id)
        .map((a) => a.text ?? ""),
    })),
    seats: 20,
  });
  const files = (id: number) =>
    h.fake.sent(id).filter((m) => m.method === "sendDocument").length;
  assert.deepEqual(
    people.filter((id) => files(id) !== (race.seated.has(id) ? 1 : 0)),
    [],
    "one calendar file to each seat, none to the waitlist",
  );
  report(
    `seats race: seats ${race.seated.size}, waitlist ${race.waitlist.length} ` +
      `in commit order, answered ${race.answered} of ${presses.length}`,
  );
});
