/**
 * `broadcast.paid`: paced sends go out with Telegram's `allow_paid_broadcast`, replies
 * and edits never do, and what a broadcast costs is shown before anyone pays it: by
 * `check`, and in the preview an admin confirms.
 */
import assert from "node:assert/strict";
import { broadcastLine } from "../src/commands/check.ts";
import { user } from "./fake_bot_api.ts";
import { ManualClock, startHarness, testConfig } from "./helpers.ts";

const admin = user(9001, { first_name: "Хозяйка" });
const people = [user(9101), user(9102), user(9103)];

function paidConfig(paid: boolean) {
  const config = testConfig({ admins: [admin.id] });
  return { ...config, broadcast: { messages_per_second: 500, paid } };
}

for (const paid of [true, false]) {
  Deno.test(`with broadcast.paid: ${paid}, ${paid ? "only paced sends pay" : "nothing pays"}`, async () => {
    await using h = await startHarness({
      config: paidConfig(paid),
      clock: new ManualClock("2026-11-23T06:00:00Z"),
    });
    for (const person of people) {
      await h.say(person, "/start");
      await h.press(person, "reg:yes");
    }
    await h.jobs.runNow("invitation");
    const flag = (method: string) =>
      h.fake.requests.filter((r) => r.method === method).map((r) =>
        r.params.allow_paid_broadcast === true
      );
    const invitations = h.fake.requests.filter((r) =>
      r.method === "sendMessage" && r.params.reply_markup !== undefined &&
      JSON.stringify(r.params.reply_markup).includes("rsvp:")
    );
    assert.equal(invitations.length, people.length);
    assert.ok(
      invitations.every((r) =>
        (r.params.allow_paid_broadcast === true) === paid
      ),
    );
    const replies = h.fake.requests.filter((r) =>
      r.method === "sendMessage" &&
      JSON.stringify(r.params.reply_markup ?? "").includes("reg:")
    );
    assert.equal(replies.length, people.length);
    assert.ok(
      replies.every((r) => r.params.allow_paid_broadcast === undefined),
      "a reply to /start is never paid",
    );
    assert.ok(!flag("editMessageText").includes(true), "edits never pay");
    // A yes brings the calendar file at once: a reply to the press, never paid.
    await h.press(people[0]!, "rsvp:2026-11-25:yes");
    const file = await h.fake.waitFor((f) =>
      f.requests.find((r) => r.method === "sendDocument")
    );
    assert.equal(file.params.allow_paid_broadcast, undefined);
  });
}

Deno.test("the /announce preview says what a paid broadcast costs at most", async () => {
  await using h = await startHarness({
    config: paidConfig(true),
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  for (const person of people) {
    await h.say(person, "/start");
    await h.press(person, "reg:yes");
  }
  const preview = await h.say(admin, "/announce Завтра встреча!");
  assert.match(
    preview,
    /^Платная рассылка: до 1 ⭐ за 3 сообщения \(0,1 ⭐ за каждое, с баланса бота\)\.\n\nОбъявление уйдёт 3 подписчикам\. Одно сообщение, 15 символов из 4096\.\n\nЗавтра встреча!$/,
  );
});

Deno.test("check names the pace, and with paid broadcasts the most one costs", () => {
  const base = testConfig();
  assert.equal(
    broadcastLine(base, 12_345),
    "broadcast: 25 messages/s, free",
  );
  assert.match(
    broadcastLine({
      ...base,
      broadcast: { messages_per_second: 100, paid: false },
    }, 10),
    /above Telegram's free limit of about 30\/s/,
  );
  assert.equal(
    broadcastLine({
      ...base,
      broadcast: { messages_per_second: 1000, paid: true },
    }, 12_345),
    "broadcast: paid (allow_paid_broadcast), 1000 messages/s; a broadcast to the " +
      "12345 subscribers costs up to 1235 Telegram Stars (0.1 a message, from the " +
      "bot's balance)",
  );
});
