/**
 * The week most tests of an admin's changes start from: the meeting of Wednesday
 * 2026-11-25 11:00 Moscow (08:00Z), its invitation sent on Monday to Anna, Boris and
 * Vera, Anna and Boris answered under it (yes, no), Vera silent; and how a test presses
 * a button under a message, confirms the admin's question, and reads an invitation.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { Message } from "grammy/types";
import {
  type CallbackAnswer,
  type FakeUser,
  inlineButtons,
  user,
} from "../fake_bot_api.ts";
import {
  type Harness,
  ManualClock,
  startHarness,
  testConfig,
} from "../helpers.ts";

/** The meeting's id: Wednesday 25 November 2026, 11:00 Moscow. */
export const MEETING = "2026-11-25";
/** The host (an admin). */
export const admin: FakeUser = user(9001, { first_name: "Хост" });
/** Says yes under the invitation. */
export const anna: FakeUser = user(1, { first_name: "Анна" });
/** Says no under the invitation. */
export const boris: FakeUser = user(2, { first_name: "Борис" });
/** Does not answer. */
export const vera: FakeUser = user(3, { first_name: "Вера" });

/** Presses `data` under the last message to `u` that has that button; its answer. */
export async function pressUnder(
  h: Harness,
  u: FakeUser,
  data: string,
): Promise<CallbackAnswer> {
  const sent = h.fake.sent(u.id).findLast((m) =>
    inlineButtons(m.reply_markup).some((b) =>
      "callback_data" in b && b.callback_data === data
    )
  );
  assert.ok(sent, `a message to ${u.first_name} with "${data}"`);
  const update = h.fake.pressButton(
    u,
    data,
    h.fake.message(u.id, sent.message_id),
  );
  return await h.fake.waitFor((f) => f.answerFor(update.callback_query!.id));
}

/** The first message to `u` whose text starts with `start`, as it reads now. */
export function messageOf(h: Harness, u: FakeUser, start: string): Message {
  const sent = h.fake.sent(u.id).find((m) => m.text?.startsWith(start));
  assert.ok(sent, `a message to ${u.first_name} starting "${start}"`);
  return h.fake.message(u.id, sent.message_id)!;
}

/** The invitation `u` got, as it reads now. */
export function invitationOf(h: Harness, u: FakeUser): Message {
  return messageOf(h, u, "Приглашаю");
}

/** Monday after the invitation: Anna yes, Boris no (each under it), Vera silent. */
export async function week(
  options: { config?: Harness["config"] } = {},
): Promise<Harness> {
  const h = await startHarness({
    config: options.config ?? testConfig({ admins: [admin.id] }),
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  await h.say(admin, "/start");
  for (const u of [anna, boris, vera]) {
    await h.say(u, "/start");
    await h.press(u, "reg:yes");
  }
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  await pressUnder(h, anna, `rsvp:${MEETING}:yes`);
  await pressUnder(h, boris, `rsvp:${MEETING}:no`);
  await h.idle();
  return h;
}

/** Confirms the last question the admin was asked; the admin's answer. */
export async function confirm(h: Harness, choice = 0): Promise<string> {
  const question = h.fake.sent(admin.id).at(-1)!;
  const button = inlineButtons(question.reply_markup)[choice]!;
  await h.press(admin, "callback_data" in button ? button.callback_data : "");
  const done = await h.fake.waitFor((f) =>
    f.edits(admin.id).find((m) => m.message_id === question.message_id)
  );
  await h.idle();
  return done.text!;
}
