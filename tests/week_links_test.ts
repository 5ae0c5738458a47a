/**
 * With personal links (`http.public_url`), the edits of a week's messages keep each
 * person's own link wherever the message shows it: the reminder after `/link`, the
 * answered invitation after `/topic`, and an invitation that goes out after an answer;
 * never the meeting's bare link, and never a link preview (Telegram would fetch it).
 * A new link changes where the personal one leads, not the personal one.
 * Meeting Wednesday 2026-11-25 11:00 Moscow (08:00Z).
 */
import assert from "node:assert/strict";
import type { Config } from "../src/config/schema.ts";
import { weekById } from "../src/usecases/weeks.ts";
import type { FakeUser } from "./fake_bot_api.ts";
import { type Harness, ManualClock, startHarness } from "./helpers.ts";
import {
  admin,
  anna,
  confirm,
  invitationOf,
  MEETING,
  messageOf,
  week,
} from "./support/week.ts";
import { JOIN_LINK, publicConfig, startWeb } from "./support/web.ts";

/** Personal links, and the answered invitation showing the link (a host may write so). */
function linkedConfig(): Config {
  const config = publicConfig({ admins: [admin.id] });
  const texts = {
    ...config.texts,
    answer_yes: "Вы придёте на «{title}» {date_on}. Ссылка: {link}",
  };
  return { ...config, texts };
}

/** The personal link in `text` (asserted to be there, and nothing bare). */
function ownLink(text: string | undefined): string {
  assert.ok(text !== undefined && JOIN_LINK.test(text), text);
  assert.doesNotMatch(text, /example\.com\/live|meet\.example\.com/);
  return JOIN_LINK.exec(text)![0];
}

/** The last edit of the message `messageId` to `u`. */
function lastEdit(h: Harness, u: FakeUser, messageId: number) {
  const edit = h.fake.edits(u.id).findLast((m) => m.message_id === messageId);
  assert.ok(edit, `an edit of message ${messageId}`);
  return edit;
}

Deno.test("a week's edits keep each person's own link: the answered invitation after /topic, the reminder after /link, with no preview", async () => {
  await using h = await week({ config: linkedConfig() });
  await using web = startWeb(h);
  const link = ownLink(invitationOf(h, anna).text);

  await h.say(admin, "/topic Итоги года");
  await h.idle();
  const invitation = invitationOf(h, anna);
  assert.equal(
    invitation.text,
    "Вы придёте на «Живой эфир» в среду, 25 ноября. Ссылка: " + link,
  );
  assert.deepEqual(
    lastEdit(h, anna, invitation.message_id).params.link_preview_options,
    { is_disabled: true },
  );

  h.clock.set("2026-11-25T06:00:00Z"); // Wednesday 09:00: the first reminder
  await h.jobs.tick();
  await h.idle();
  const reminder = () => messageOf(h, anna, "Напоминаю");
  assert.equal(ownLink(reminder().text), link);
  await h.say(admin, "/link https://meet.example.com/new");
  await confirm(h);
  assert.equal(
    reminder().text,
    "Напоминаю: встреча «Живой эфир» в среду, 25 ноября, в 11:00 (мск).\n\n" +
      "Тема: Итоги года\n\nСсылка: " + link,
    "the same personal link, not the new bare one",
  );
  assert.deepEqual(
    lastEdit(h, anna, reminder().message_id).params.link_preview_options,
    { is_disabled: true },
    "no preview fetch of a personal link",
  );
  assert.equal(ownLink(invitationOf(h, anna).text), link);
  // The link kept leads where the meeting now is.
  h.clock.set("2026-11-25T07:50:00Z");
  const response = await web.get(link);
  assert.equal(response.status, 302);
  assert.equal(response.location, "https://meet.example.com/new");
});

Deno.test("an invitation that goes out after an answer shows the person's own link", async () => {
  await using h = await startHarness({
    config: linkedConfig(),
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  // A "yes" recorded before the invitation went out (as under a late nudge).
  const meeting = weekById(h.store, { config: h.config, id: MEETING })!;
  await h.store.write(() => {
    h.store.meetings.ensure(meeting, h.clock.now());
    h.store.answers.record({
      meetingId: MEETING,
      userId: h.store.users.byTgId(anna.id)!.id,
      answer: "yes",
    }, h.clock.now());
  });
  h.clock.set("2026-11-23T07:00:00Z"); // Monday 10:00: the invitation
  await h.jobs.tick();
  await h.idle();
  const sent = h.fake.sent(anna.id).at(-1)!;
  assert.match(sent.text!, /^Вы придёте на «Живой эфир» в среду, 25 ноября\./);
  ownLink(sent.text);
});
