/**
 * `/who` and the reminder under it, through the fake Bot API: who is coming, who is not
 * and who has not answered; "Напомнить тем, кто не ответил" asks with the count, then
 * nudges each one once a week, whoever (the button or the Tuesday job) comes first.
 */
import assert from "node:assert/strict";
import { type FakeUser, inlineButtons, user } from "./fake_bot_api.ts";
import {
  type Harness,
  ManualClock,
  startHarness,
  testConfig,
} from "./helpers.ts";

const admin = user(9001, { first_name: "Хозяйка", username: "host" });
const anna = user(9101, {
  first_name: "Анна",
  last_name: "Иванова",
  username: "anna",
});
const boris = user(9102, { first_name: "Борис" });
const vera = user(9103, { first_name: "Вера" });
const gleb = user(9104, { first_name: "Глеб", last_name: "Сидоров" });
const MEETING = "2026-11-25";
/** Monday 2026-11-23 10:00 Moscow: the invitation. */
const MONDAY = "2026-11-23T07:00:00Z";
/** Tuesday 18:00 Moscow: the nudge of the shipped schedule. */
const TUESDAY_NUDGE = "2026-11-24T15:00:00Z";

const WHO = "Встреча в среду, 25 ноября, в 11:00 (мск)\n\n" +
  "✅ Придут (1):\nАнна Иванова (@anna)\n\n" +
  "❌ Не смогут (1):\nБорис\n\n" +
  "❔ Не ответили (2):\nВера\nГлеб Сидоров";
const SENDING =
  "Напоминаю 2 участникам о встрече в среду, 25 ноября. Их ответы появятся в /who.";
const NUDGE =
  "Вы ещё не ответили: придёте на встречу «Живой эфир» в среду, 25 ноября, в 11:00 (мск)?";

/** After Monday's invitation: Anna yes, Boris no, Vera and Gleb silent. */
async function invitedWeek(): Promise<Harness> {
  const h = await startHarness({
    config: testConfig({ admins: [admin.id] }),
    clock: new ManualClock("2026-11-22T09:00:00Z"),
  });
  for (const u of [anna, boris, vera, gleb]) {
    await h.say(u, "/start");
    await h.press(u, "reg:yes");
  }
  h.clock.set(MONDAY);
  await h.jobs.tick();
  h.clock.set("2026-11-23T07:30:00Z");
  await h.press(anna, `rsvp:${MEETING}:yes`);
  await h.press(boris, `rsvp:${MEETING}:no`);
  return h;
}

function adminMessages(h: Harness) {
  return h.fake.sent(admin.id).filter((m) => m.method === "sendMessage");
}

/** The admin's message after the first `before`, once it is there. */
function nextToAdmin(h: Harness, before: number) {
  return h.fake.waitFor(() => adminMessages(h)[before]);
}

function nudges(h: Harness, u: FakeUser): number {
  return h.fake.messagesTo(u.id).filter((t) => t === NUDGE).length;
}

/** The text of the admin's message `message` once an edit changed it from `from`. */
async function editedText(
  h: Harness,
  message: { message_id: number; text?: string },
  from = message.text,
): Promise<string> {
  return await h.fake.waitFor(() => {
    const text = h.fake.message(admin.id, message.message_id)?.text;
    return text !== from ? text : undefined;
  });
}

/** `/who` (as {@linkcode WHO}), then its reminder button: resolves to the question. */
async function askToRemind(h: Harness) {
  assert.equal(await h.say(admin, "/who"), WHO);
  const buttons = inlineButtons(adminMessages(h).at(-1)!.reply_markup);
  assert.deepEqual(
    buttons.map((b) => [b.text, "callback_data" in b && b.callback_data]),
    [["Напомнить тем, кто не ответил", `nudge:${MEETING}`]],
  );
  const before = adminMessages(h).length;
  await pressOn(h, adminMessages(h).at(-1)!, "Напомнить тем, кто не ответил");
  return await nextToAdmin(h, before);
}

/** Presses a button of the message `message` as the admin; resolves to the answer. */
async function pressOn(
  h: Harness,
  message: { message_id: number },
  text: string,
) {
  const shown = h.fake.message(admin.id, message.message_id)!;
  const button = inlineButtons(shown.reply_markup).find((b) => b.text === text);
  assert.ok(button && "callback_data" in button, `a button "${text}"`);
  const update = h.fake.pressButton(admin, button.callback_data!, shown);
  return await h.fake.waitFor((f) => f.answerFor(update.callback_query!.id));
}

Deno.test("/who shows who is coming, who is not and who has not answered; its button asks with the count, then nudges each one once", async (t) => {
  await using h = await invitedWeek();
  const question = await askToRemind(h);

  await t.step("a question with the count first, nothing sent", async () => {
    assert.equal(
      question.text,
      "Напомнить о встрече в среду, 25 ноября, тем, кто ещё не ответил? " +
        "Напишу 2 участникам; кому уже напоминал на этой неделе, второй раз " +
        "писать не буду.",
    );
    assert.deepEqual(
      inlineButtons(question.reply_markup).map((b) => b.text),
      ["Напомнить", "Не надо"],
    );
    await h.idle();
    assert.equal(nudges(h, vera) + nudges(h, gleb), 0);
  });

  await t.step("then the nudge with its buttons to each", async () => {
    await pressOn(h, question, "Напомнить");
    await h.idle();
    assert.equal(await editedText(h, question), SENDING);
    for (const u of [vera, gleb]) {
      assert.equal(nudges(h, u), 1, u.first_name);
      const last = h.fake.sent(u.id).filter((m) => m.method === "sendMessage")
        .at(-1)!;
      assert.deepEqual(
        inlineButtons(last.reply_markup).map((b) => b.text),
        ["Да, буду", "Нет, не смогу"],
      );
    }
    for (const u of [anna, boris]) assert.equal(nudges(h, u), 0);
  });

  await t.step("a second press reminds nobody again", async () => {
    const again = h.fake.pressButton(
      admin,
      `nudge:${MEETING}:yes`,
      h.fake.message(admin.id, question.message_id),
    );
    await h.fake.waitFor((f) => f.answerFor(again.callback_query!.id));
    await h.idle();
    assert.equal(
      await editedText(h, question, SENDING),
      "Напоминать некому: все приглашённые уже ответили или получили " +
        "напоминание на этой неделе.",
    );
    assert.equal(nudges(h, vera), 1);
  });

  await t.step("/who no longer offers the button", async () => {
    await h.say(admin, "/who");
    assert.equal(adminMessages(h).at(-1)!.reply_markup, undefined);
  });

  await t.step("Tuesday's nudge reaches nobody a second time", async () => {
    h.clock.set(TUESDAY_NUDGE);
    await h.jobs.tick();
    assert.equal(nudges(h, vera), 1);
    assert.equal(nudges(h, gleb), 1);
    assert.equal(h.store.jobRuns.get(MEETING, "nudge")?.status, "done");
  });
});

Deno.test("after Tuesday's nudge the button finds nobody left to remind", async () => {
  await using h = await invitedWeek();
  h.clock.set(TUESDAY_NUDGE);
  await h.jobs.tick();
  assert.equal(nudges(h, vera), 1);
  assert.equal(nudges(h, gleb), 1);
  assert.equal(await h.say(admin, "/who"), WHO);
  assert.equal(adminMessages(h).at(-1)!.reply_markup, undefined, "no button");
  // A button kept from earlier says so, and sends nothing.
  const before = adminMessages(h).length;
  await h.press(admin, `nudge:${MEETING}`);
  assert.equal(
    (await nextToAdmin(h, before)).text,
    "Напоминать некому: все приглашённые уже ответили или получили " +
      "напоминание на этой неделе.",
  );
  await h.press(admin, `nudge:${MEETING}:yes`);
  await h.idle();
  assert.equal(nudges(h, vera), 1);
});

Deno.test("«Не надо» under the reminder question sends nothing", async () => {
  await using h = await invitedWeek();
  const question = await askToRemind(h);
  await pressOn(h, question, "Не надо");
  await h.idle();
  assert.equal(
    await editedText(h, question),
    "Хорошо, не напоминаю.",
  );
  assert.equal(nudges(h, vera) + nudges(h, gleb), 0);
});

Deno.test("the reminder of a meeting that began or was cancelled sends nothing", async (t) => {
  const CLOSED =
    "Напоминать поздно: встреча в среду, 25 ноября, уже началась или отменена.";
  const owed = (h: Harness) =>
    h.db.prepare("SELECT count(*) AS n FROM outbox WHERE kind = 'nudge'").get()!
      .n;

  await t.step("confirmed once it began", async () => {
    await using h = await invitedWeek();
    const question = await askToRemind(h);
    h.clock.set("2026-11-25T08:00:00Z"); // Wednesday 11:00: it begins
    await pressOn(h, question, "Напомнить");
    assert.equal(await editedText(h, question), CLOSED);
    assert.equal(owed(h), 0);
  });

  await t.step("asked once it was cancelled", async () => {
    await using h = await invitedWeek();
    h.store.meetings.setStatus(
      { id: MEETING, status: "cancelled" },
      h.clock.now(),
    );
    const before = adminMessages(h).length;
    await h.press(admin, `nudge:${MEETING}`);
    assert.equal((await nextToAdmin(h, before)).text, CLOSED);
    await h.press(admin, `nudge:${MEETING}:yes`);
    await h.idle();
    assert.equal(owed(h), 0);
  });
});

Deno.test("/who before anyone subscribed, and before the invitation went out: no reminder", async () => {
  await using h = await startHarness({
    config: testConfig({ admins: [admin.id] }),
    clock: new ManualClock("2026-11-22T09:00:00Z"),
  });
  assert.equal(
    await h.say(admin, "/who"),
    "Звать на встречу в среду, 25 ноября, пока некого: на приглашения никто не подписан.",
  );
  await h.say(vera, "/start");
  await h.press(vera, "reg:yes");
  assert.equal(
    await h.say(admin, "/who"),
    "Встреча в среду, 25 ноября, в 11:00 (мск)\n\n" +
      "✅ Придут (0):\n—\n\n❌ Не смогут (0):\n—\n\n❔ Не ответили (1):\nВера",
  );
  assert.equal(adminMessages(h).at(-1)!.reply_markup, undefined);
});

Deno.test("/who with hundreds of names arrives whole, split under Telegram's limit, the button under the last part", async () => {
  await using h = await startHarness({
    config: testConfig({ admins: [admin.id] }),
    clock: new ManualClock("2026-11-22T09:00:00Z"),
  });
  h.store.transaction(() => {
    for (let id = 1; id <= 300; id++) {
      h.store.users.start({
        tg_id: id,
        first_name: `Участница-с-длинным-именем-${id}`,
        last_name: "Константинопольская",
        username: `user_${id}`,
      }, h.clock.now());
      h.store.users.setRegistered(
        { tgId: id, registered: true },
        h.clock.now(),
      );
    }
  });
  h.clock.set(MONDAY);
  await h.jobs.tick();
  const before = adminMessages(h).length; // the invitation's delivery report
  h.fake.sendText(admin, "/who");
  await h.fake.waitFor((f) =>
    f.messagesTo(admin.id).join("\n").includes("(@user_300)")
  );
  const parts = adminMessages(h).slice(before);
  assert.ok(parts.length > 1, `${parts.length} messages`);
  for (const part of parts) assert.ok(part.text!.length <= 4096);
  assert.ok(parts[0]!.text!.startsWith("Встреча в среду, 25 ноября, в 11:00"));
  const all = parts.map((p) => p.text).join("\n");
  assert.match(all, /❔ Не ответили \(300\):/);
  for (let id = 1; id <= 300; id++) assert.ok(all.includes(`(@user_${id})`));
  assert.deepEqual(
    parts.map((p) => inlineButtons(p.reply_markup).map((b) => b.text)),
    [...parts.slice(1).map(() => []), ["Напомнить тем, кто не ответил"]],
  );
});
