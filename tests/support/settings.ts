/**
 * How tests use `/settings`: open it, press a button under the settings message (the
 * one message every press edits), read it as it is now, and read a person's choices
 * from the database.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { Message } from "grammy/types";
import { type FakeUser, inlineButtons } from "../fake_bot_api.ts";
import type { Harness } from "../helpers.ts";

/** Sends `/settings` as `u`; the settings message it brought. */
export async function openSettings(h: Harness, u: FakeUser): Promise<Message> {
  await h.say(u, "/settings");
  return settingsOf(h, u);
}

/** The last settings message `u` was sent, as it reads now (after its edits). */
export function settingsOf(h: Harness, u: FakeUser): Message {
  const sent = h.fake.sent(u.id).findLast((m) =>
    inlineButtons(m.reply_markup).some((b) =>
      "callback_data" in b && b.callback_data.startsWith("set:")
    )
  );
  assert.ok(sent, `a settings message to ${u.first_name}`);
  return h.fake.message(u.id, sent.message_id)!;
}

/** The labels of a message's buttons, row by row. */
export function labels(message: Message): string[] {
  return inlineButtons(message.reply_markup).map((b) => b.text);
}

/**
 * Presses `data` under `u`'s settings message; the text of the answer to the press (the
 * bot edits the message before it answers).
 */
export async function pressSetting(
  h: Harness,
  u: FakeUser,
  data: string,
): Promise<string | undefined> {
  const update = h.fake.pressButton(u, data, settingsOf(h, u));
  const answer = await h.fake.waitFor((f) =>
    f.answerFor(update.callback_query!.id)
  );
  await h.idle();
  return answer.text;
}

/** `u`'s settings as stored: zone, the messages off (sorted), the pause. */
export function storedSettings(
  h: Harness,
  u: FakeUser,
): { timezone: string | null; muted: string[]; paused_through: string | null } {
  const row = h.store.users.byTgId(u.id);
  assert.ok(row, `${u.first_name} is known`);
  const choices = h.store.settings.choices(row.id);
  return {
    timezone: row.timezone,
    muted: [...choices.muted].sort(),
    paused_through: choices.paused_through,
  };
}
