/**
 * A chat that floods the bot with button presses: the flood guard drops the work beyond
 * the chat's budget, yet answers every press, within Telegram's 10 seconds, so that no
 * button is left spinning.
 */
import assert from "node:assert/strict";
import { user } from "./fake_bot_api.ts";
import { ManualClock, startHarness } from "./helpers.ts";

const PRESSES = 300;

Deno.test("300 presses from one chat are all answered, though most are dropped", async () => {
  await using h = await startHarness({
    clock: new ManualClock("2026-11-24T09:00:00Z"),
    fake: { callbackQueryTtlMs: 10_000 },
  });
  const anna = user(1);
  await h.say(anna, "/start");
  const ids: string[] = [];
  for (let i = 0; i < PRESSES; i++) {
    const answer = i % 2 === 0 ? "yes" : "no";
    ids.push(
      h.fake.pressButton(anna, `rsvp:2026-11-25:${answer}`).callback_query!.id,
    );
  }
  await h.fake.waitFor(
    (f) => ids.every((id) => f.answerFor(id) !== undefined),
    { timeout: 15_000 },
  );
  const answers = ids.map((id) => h.fake.answerFor(id)!.text);
  const dropped = answers.filter((t) => t === h.config.texts.flood_notice);
  const { burst } = h.config.flood;
  assert.equal(answers.length, PRESSES);
  assert.ok(
    dropped.length >= PRESSES - burst - 1,
    `${dropped.length} dropped presses answered with the notice`,
  );
  assert.equal(h.fake.stats.expiredCallbackQueries, 0);
  assert.ok(h.logs.some((l) => l.includes("WARN update.flood")));
});
