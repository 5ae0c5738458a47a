/**
 * `/start` as people send it, through the fake Bot API, on Tuesday after Monday's
 * invitation: someone new is asked whether to send invitations and gets this week's only
 * after "Да"; someone who comes back gets one welcome and then the invitation, in that
 * order, and is not asked again; someone subscribed is told so; someone who declined is
 * asked again. Meeting Wednesday 2026-11-25 11:00 Moscow.
 */
import assert from "node:assert/strict";
import { inlineButtons, user } from "./fake_bot_api.ts";
import { type Harness, ManualClock, startHarness } from "./helpers.ts";

const anna = user(1, { first_name: "Анна" });
const boris = user(2, { first_name: "Борис" });

const QUESTION =
  "Здравствуйте, Анна!\n\nЭто бот встречи «Живой эфир»: она проходит по средам в 11:00 (мск) и длится 1 час. Присылать вам приглашение на каждую встречу?";
const INVITATION =
  "Приглашаю на встречу «Живой эфир» в среду, 25 ноября, в 11:00 (мск). Она продлится 1 час.\n\nПридёте?";

/** Sunday: Anna signs up as `register` says, Boris says yes; Monday's invitation goes. */
async function week(register: "yes" | "no" | "stop"): Promise<Harness> {
  const h = await startHarness({
    clock: new ManualClock("2026-11-22T12:00:00Z"),
  });
  for (const u of [anna, boris]) await h.say(u, "/start");
  await h.press(boris, "reg:yes");
  await h.press(anna, register === "no" ? "reg:no" : "reg:yes");
  if (register === "stop") await h.say(anna, "/stop");
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  h.clock.set("2026-11-24T09:00:00Z");
  return h;
}

/** What Anna was sent after her `n`th message, texts in order. */
function sentAfter(h: Harness, n: number): string[] {
  return h.fake.sent(anna.id).slice(n).map((m) => m.text ?? m.method);
}

Deno.test("someone new is asked first, and gets this week's invitation only after Да", async () => {
  await using h = await startHarness({
    clock: new ManualClock("2026-11-23T07:00:00Z"),
  });
  await h.say(boris, "/start");
  await h.press(boris, "reg:yes");
  await h.jobs.tick(); // Monday's invitation, to Boris
  h.clock.set("2026-11-24T09:00:00Z");
  await h.say(anna, "/start");
  await h.idle();
  assert.deepEqual(sentAfter(h, 0), [QUESTION], "one message: the question");
  const question = h.fake.sent(anna.id)[0]!;
  assert.deepEqual(
    inlineButtons(question.reply_markup).map((b) => b.text),
    ["Да", "Нет"],
  );
  await h.press(anna, "reg:yes");
  await h.idle();
  assert.deepEqual(sentAfter(h, 1), [INVITATION], "then the invitation");
  assert.match(
    h.fake.message(anna.id, question.message_id)!.text!,
    /^Отлично! Приглашение на «Живой эфир» будет приходить каждую неделю/,
  );
});

Deno.test("someone who comes back is welcomed once, then gets the invitation, and is not asked again", async () => {
  await using h = await week("stop");
  const before = h.fake.sent(anna.id).length;
  await h.say(anna, "/start");
  await h.idle();
  assert.deepEqual(sentAfter(h, before), [
    "С возвращением, Анна! Приглашения на «Живой эфир» снова будут приходить каждую неделю: встречи по средам в 11:00 (мск). Отписаться — /stop.",
    INVITATION,
  ]);
});

Deno.test("someone subscribed who sends /start again is told so, and gets no second invitation", async () => {
  await using h = await week("yes");
  const before = h.fake.sent(anna.id).length;
  assert.equal(sentAfter(h, 0).filter((t) => t === INVITATION).length, 1);
  await h.say(anna, "/start");
  await h.idle();
  assert.deepEqual(sentAfter(h, before), [
    "Анна, вы уже подписаны: приглашение на «Живой эфир» приходит каждую неделю, встречи по средам в 11:00 (мск). Отписаться — /stop.",
  ]);
});

Deno.test("someone who declined invitations is asked again by /start", async () => {
  await using h = await week("no");
  const before = h.fake.sent(anna.id).length;
  await h.say(anna, "/start");
  await h.idle();
  assert.deepEqual(sentAfter(h, before), [QUESTION]);
});
