import assert from "node:assert/strict";
import { user } from "./fake_bot_api.ts";
import { ManualClock, startHarness } from "./helpers.ts";

const USERS = 300;

Deno.test("hundreds of presses within a second during a broadcast are all answered, in order per chat", async () => {
  await using h = await startHarness({
    clock: new ManualClock("2026-11-23T07:00:00Z"),
    messagesPerSecond: 300,
  });
  const users = Array.from(
    { length: USERS },
    (_, i) => user(10_000 + i, { first_name: `U${i}` }),
  );
  for (const u of users) {
    h.store.users.start(
      { tg_id: u.id, first_name: u.first_name },
      h.clock.now(),
    );
    h.store.users.setRegistered(
      { tgId: u.id, registered: true },
      h.clock.now(),
    );
  }

  const broadcast = h.jobs.runNow("invitation"); // about a second at 300 a second
  const presses: string[] = [];
  for (let i = 0; i < USERS; i += 30) {
    for (const u of users.slice(i, i + 30)) {
      // The first hundred change their mind at once: yes, then no. Order must hold.
      if (u.id < 10_100) {
        presses.push(
          h.fake.pressButton(u, "rsvp:2026-11-25:yes").callback_query!.id,
        );
      }
      presses.push(
        h.fake.pressButton(u, `rsvp:2026-11-25:${u.id < 10_100 ? "no" : "yes"}`)
          .callback_query!.id,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const report = await broadcast;
  assert.equal(report.sent, USERS);
  await h.fake.waitFor((f) => presses.every((id) => f.answerFor(id)), {
    timeout: 10_000,
  });

  const answers = h.db.prepare(
    "SELECT users.tg_id AS tg_id, answer FROM answers JOIN users ON users.id = answers.user_id",
  ).all() as { tg_id: number; answer: string }[];
  assert.equal(answers.length, USERS);
  for (const { tg_id, answer } of answers) {
    assert.equal(answer, tg_id < 10_100 ? "no" : "yes", `user ${tg_id}`);
  }
  for (const u of users) {
    assert.equal(
      h.fake.sent(u.id).filter((m) => m.method === "sendMessage").length,
      1,
    );
  }
});
