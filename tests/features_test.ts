/**
 * Features one at a time, without a network: the shipped bot handles an update and a
 * recording transformer catches what it says (see `support/recorder.ts`).
 */
import assert from "node:assert/strict";
import { testConfig } from "./helpers.ts";
import { pressUpdate, recordingBot, textUpdate } from "./support/recorder.ts";

const ANNA = { id: 501, first_name: "Анна" };

Deno.test("/start asks whether to send invitations and saves the person", async () => {
  using bot = recordingBot(testConfig());
  await bot.handle(textUpdate(ANNA, "/start"));

  const [reply] = bot.sent("sendMessage");
  assert.equal(reply?.chat_id, ANNA.id);
  const buttons = (reply?.reply_markup as {
    inline_keyboard: { callback_data: string }[][];
  }).inline_keyboard.flat().map((button) => button.callback_data);
  assert.deepEqual(buttons, ["reg:yes", "reg:no"]);
  assert.equal(bot.store.users.byTgId(ANNA.id)?.first_name, "Анна");
});

Deno.test("the Yes button subscribes, answers the query and wakes the sender", async () => {
  using bot = recordingBot(testConfig());
  await bot.handle(textUpdate(ANNA, "/start"));
  const kicks = bot.kicks;
  await bot.handle(pressUpdate(ANNA, "reg:yes"));

  assert.equal(bot.store.users.byTgId(ANNA.id)?.is_registered, true);
  assert.equal(bot.sent("answerCallbackQuery").length, 1);
  assert.equal(bot.sent("editMessageText").length, 1);
  assert.ok(bot.kicks > kicks);
});

Deno.test("an unknown command gets the polite reply from texts", async () => {
  const config = testConfig();
  using bot = recordingBot(config);
  await bot.handle(textUpdate(ANNA, "/dance"));

  assert.deepEqual(bot.sent("sendMessage").map((m) => m.text), [
    config.texts.unknown_command,
  ]);
});

Deno.test("a forged button is answered with bad_button and changes nothing", async () => {
  const config = testConfig();
  using bot = recordingBot(config);
  await bot.handle(textUpdate(ANNA, "/start"));
  await bot.handle(pressUpdate(ANNA, "rsvp:2026-11-25:maybe"));
  await bot.handle(pressUpdate(ANNA, "act:99:yes"));

  assert.deepEqual(
    bot.sent("answerCallbackQuery").map((query) => query.text),
    [config.texts.bad_button, config.texts.bad_button],
  );
  assert.equal(bot.store.answers.get("2026-11-25", 1), undefined);
});

Deno.test("admin commands are invisible to a participant", async () => {
  const config = testConfig({ admins: [777] });
  using bot = recordingBot(config);
  await bot.handle(textUpdate(ANNA, "/skip"));

  assert.deepEqual(bot.sent("sendMessage").map((m) => m.text), [
    config.texts.unknown_command,
  ]);
});
