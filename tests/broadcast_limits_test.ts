/**
 * What an admin sends to many, at its edges: a text longer than one message is refused
 * with its length, the preview says how long the broadcast is, and the report names
 * every outcome with the right Russian plural.
 */
import assert from "node:assert/strict";
import { inlineButtons, user } from "./fake_bot_api.ts";
import { ManualClock, startHarness, testConfig } from "./helpers.ts";
import { openDatabase } from "../src/db/database.ts";
import { LANE } from "../src/core/owed.ts";
import { Store } from "../src/db/store.ts";
import type { OutboxStatus } from "../src/core/owed.ts";
import { createRenderer } from "../src/messages/render.ts";
import { finishAnnouncement } from "../src/usecases/announcements.ts";

const admin = user(9001, { first_name: "Хост" });
const anna = user(1, { first_name: "Анна" });

/** Monday 10:30 Moscow: Anna subscribed and said yes; Wednesday's meeting took place. */
async function withSubscriber(at = "2026-11-23T07:30:00Z") {
  const h = await startHarness({
    config: testConfig({ admins: [admin.id] }),
    clock: new ManualClock(at),
  });
  await h.say(admin, "/start");
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  await h.press(anna, "rsvp:2026-11-25:yes");
  return h;
}

const count = (h: { db: { prepare(sql: string): { get(): unknown } } }) =>
  (h.db.prepare("SELECT count(*) AS n FROM announcements").get() as {
    n: number;
  }).n;

Deno.test("/announce and /followup longer than one message are refused with their length, and nothing is drafted", async () => {
  await using h = await withSubscriber();
  const refusal =
    "Слишком длинно: 4097 символов, а в одно сообщение помещается не больше " +
    "4096 символов. Сократите текст или разделите его на несколько рассылок.";
  assert.equal(await h.say(admin, `/announce ${"а".repeat(4097)}`), refusal);
  h.clock.set("2026-11-25T10:00:00Z");
  assert.equal(await h.say(admin, `/followup ${"б".repeat(4097)}`), refusal);
  assert.equal(count(h), 0);
});

Deno.test("/announce of exactly one message says so in its preview and reaches each subscriber as one message", async () => {
  await using h = await withSubscriber();
  const text = ("Длинное объявление. ".repeat(205)).slice(0, 4096);
  h.fake.sendText(admin, `/announce ${text}`);
  const preview = await h.fake.waitFor((f) =>
    f.sent(admin.id).find((m) =>
      inlineButtons(m.reply_markup).some((b) =>
        "callback_data" in b && b.callback_data.startsWith("ann:")
      )
    )
  );
  const shown = h.fake.messagesTo(admin.id).join("\n");
  assert.match(
    shown,
    /Объявление уйдёт 1 подписчику\. Одно сообщение, 4096 символов из 4096\./,
  );
  const send = inlineButtons(preview.reply_markup)[0]!;
  await h.press(admin, "callback_data" in send ? send.callback_data : "");
  await h.fake.waitFor((f) =>
    f.messagesTo(admin.id).some((m) => m.startsWith("Объявление разослано"))
  );
  const got = h.fake.messagesTo(anna.id).filter((m) => m.startsWith("Длинное"));
  assert.deepEqual(got.map((m) => m.length), [text.trimEnd().length]);
});

Deno.test("/followup that copies a post says the preview is a copy of it", async () => {
  await using h = await withSubscriber();
  h.clock.set("2026-11-25T10:00:00Z");
  const post = h.fake.sendText(admin, "Запись: https://example.com/rec");
  h.fake.sendReply(admin, post.message!.message_id, "/followup");
  await h.fake.waitFor((f) =>
    f.messagesTo(admin.id).at(-1)?.startsWith("Итоги встречи")
  );
  assert.equal(
    h.fake.messagesTo(admin.id).at(-1),
    "Итоги встречи в среду, 25 ноября. Одно сообщение: копия поста. " +
      "Кому их отправить?\n\nЗапись: https://example.com/rec",
  );
});

Deno.test("the announcement report names every outcome, unknown and dropped too, with its count", async () => {
  const db = openDatabase(":memory:");
  try {
    const store = new Store(db);
    const config = testConfig({ admins: [admin.id] });
    const now = new Date("2026-11-23T08:00:00Z");
    const id = store.announcements.create(
      { text: "Привет", createdBy: admin.id },
      now,
    );
    store.announcements.move(id, { from: "draft", to: "sending", now });
    const outcomes: [Exclude<OutboxStatus, "pending" | "sending">, number][] = [
      ["sent", 21],
      ["blocked", 2],
      ["failed", 5],
      ["unknown", 1],
      [
        "dropped",
        3,
      ],
    ];
    let chat = 0;
    for (const [status, n] of outcomes) {
      for (let i = 0; i < n; i++) {
        const key = `announcement/${id}/u${++chat}`;
        store.outbox.add({
          key,
          batch: `announcement/${id}`,
          kind: "announcement",
          ref: String(id),
          chatId: chat,
          lane: LANE.broadcast,
        }, now);
        store.outbox.finish(store.outbox.byKey(key)!.id, { status, now });
      }
    }
    assert.equal(finishAnnouncement(store, { id, now }), true);
    const report = store.outbox.byKey(`report/announcement/${id}/${admin.id}`)!;
    const delivery = await createRenderer({ config, store, now: () => now })
      .render(
        report,
      );
    assert.equal(
      delivery?.params.text,
      "Объявление разослано:\n" +
        "— доставлено: 21;\n" +
        "— заблокировали бота: 2;\n" +
        "— Telegram не принял: 5;\n" +
        "— не знаю, дошло ли: 1 (Telegram не ответил; повторно не отправляю, чтобы не было дублей);\n" +
        "— не отправлено, потому что человек успел отписаться: 3.",
    );
  } finally {
    db.close();
  }
});
