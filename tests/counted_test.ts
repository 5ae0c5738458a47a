/**
 * After `/stop` the answer buttons record nothing and say how to come back; every
 * report (`/who`, `/stats` and its history) and the attendance export count answers by
 * the one rule of src/db/counted.ts.
 */
import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { join } from "node:path";
import { openDatabase } from "../src/db/database.ts";
import { parseCsv } from "./support/csv.ts";
import { user } from "./fake_bot_api.ts";
import {
  type Harness,
  ManualClock,
  startHarness,
  tempDir,
  testConfig,
} from "./helpers.ts";

const admin = user(9001, { first_name: "Хозяйка" });
const anna = user(9101, { first_name: "Анна" });
const boris = user(9102, { first_name: "Борис" });
const gleb = user(9104, { first_name: "Глеб" });
const dina = user(9105, { first_name: "Дина" });
const LAST_WEEK = "2026-11-18";
const MEETING = "2026-11-25";
const UNSUBSCRIBED =
  "Вы отписались от приглашений, поэтому ответ не сохранён. Чтобы вернуться, " +
  "отправьте /start и нажмите кнопку ещё раз.";

async function subscribe(h: Harness, u: typeof anna) {
  await h.say(u, "/start");
  await h.press(u, "reg:yes");
}

Deno.test("an answer pressed after /stop is not recorded, and the pop-up says how to come back", async () => {
  await using h = await startHarness({
    clock: new ManualClock("2026-11-23T07:30:00Z"),
  });
  await subscribe(h, anna);
  await h.say(anna, "/stop");
  const outbox = () =>
    h.db.prepare("SELECT count(*) AS n FROM outbox").get()!.n;
  const owed = outbox();
  for (const answer of ["yes", "no"]) {
    const reply = await h.press(anna, `rsvp:${MEETING}:${answer}`);
    assert.equal(reply.text, UNSUBSCRIBED);
    assert.equal(reply.show_alert, true, "a box to close, not a passing note");
  }
  await h.idle();
  const annaId = h.store.users.byTgId(anna.id)!.id;
  assert.equal(h.store.answers.get(MEETING, annaId), undefined);
  assert.equal(h.store.users.byTgId(anna.id)!.last_response, null);
  assert.equal(outbox(), owed, "no edit, no calendar file");
  // Back with /start, the same button works again.
  await h.say(anna, "/start");
  assert.equal(
    (await h.press(anna, `rsvp:${MEETING}:yes`)).text,
    "Ответ сохранён",
  );
  assert.equal(h.store.answers.get(MEETING, annaId), "yes");
});

Deno.test("/who, /stats, its history and the export count an answer only while its author was subscribed", async (t) => {
  await using h = await startHarness({
    config: testConfig({ admins: [admin.id] }),
    clock: new ManualClock("2026-11-16T07:30:00Z"), // Monday before last week's meeting
  });
  // Last week: Gleb says yes and leaves after the meeting; Boris says yes and leaves
  // before it (no reminder, no link: he is not counted as coming).
  await subscribe(h, gleb);
  await subscribe(h, boris);
  await h.press(gleb, `rsvp:${LAST_WEEK}:yes`);
  await h.press(boris, `rsvp:${LAST_WEEK}:yes`);
  await h.say(boris, "/stop");
  h.clock.set("2026-11-23T07:30:00Z"); // Monday of this week
  await h.say(gleb, "/stop");
  // This week: Anna says yes. Dina left; her press is refused, and an answer an earlier
  // version recorded after a /stop does not count either.
  await subscribe(h, anna);
  await h.press(anna, `rsvp:${MEETING}:yes`);
  await subscribe(h, dina);
  await h.say(dina, "/stop");
  assert.equal((await h.press(dina, `rsvp:${MEETING}:yes`)).text, UNSUBSCRIBED);
  h.store.answers.record({
    meetingId: MEETING,
    userId: h.store.users.byTgId(dina.id)!.id,
    answer: "yes",
  }, h.clock.now());

  await t.step("/who", async () => {
    assert.equal(
      await h.say(admin, "/who"),
      "Встреча в среду, 25 ноября, в 11:00 (мск)\n\n" +
        "✅ Придут (1):\nАнна — 0 из 1\n\n❌ Не смогут (0):\n—\n\n❔ Не ответили (0):\n—\n\n" +
        "Число у имени — на скольких из 1 последней встречи человек был (где " +
        "посещение не отмечалось — сколько раз ответил «да»).",
    );
  });

  await t.step("/stats and its history", async () => {
    assert.equal(
      await h.say(admin, "/stats"),
      "Приглашения получают: 1.\n" +
        "Из них на паузе: 0.\n" +
        "Открыли бота, но не подписались: 0.\n" +
        "Отписались: 3.\n\n" +
        "Встреча в среду, 25 ноября, в 11:00 (мск):\n" +
        "— придут: 1;\n— не придут: 0;\n— не ответили: 0.\n\n" +
        "Изменения расписания:\n—\n\n" +
        "Прошлые недели:\nсреда, 18 ноября: «да» — 1, «нет» — 0, пришли — неизвестно сколько, оценки — нет",
    );
  });

  await t.step("the export", async () => {
    h.fake.sendText(admin, "/export");
    const document = await h.fake.waitFor((f) =>
      f.sent(admin.id).find((m) => m.method === "sendDocument")
    );
    assert.equal(
      document.caption,
      "История ответов на приглашения: 2 записи.",
    );
    const rows = parseCsv(new TextDecoder().decode(document.document!.bytes));
    assert.deepEqual(rows.slice(1).map((r) => [r[0], r[5], r[8]]), [
      [LAST_WEEK, "Глеб", "да"],
      [MEETING, "Анна", "да"],
    ]);
  });

  await t.step("next week's history keeps the same count", async () => {
    h.clock.set("2026-11-30T07:30:00Z");
    const stats = await h.say(admin, "/stats");
    assert.match(
      stats,
      /Прошлые недели:\nсреда, 25 ноября: «да» — 1, «нет» — 0, пришли — неизвестно сколько, оценки — нет\nсреда, 18 ноября: «да» — 1, «нет» — 0, пришли — неизвестно сколько, оценки — нет$/,
    );
  });
});

Deno.test("the migration takes the last change of someone who left before it as when they left", async () => {
  await using temp = await tempDir();
  const path = join(temp.path, "legacy.sqlite3");
  const legacy = new DatabaseSync(path);
  legacy.exec(`
    CREATE TABLE users (
      id INTEGER PRIMARY KEY AUTOINCREMENT, tg_id INTEGER UNIQUE NOT NULL,
      first_name TEXT, last_name TEXT, username TEXT, is_active BOOLEAN DEFAULT TRUE,
      is_registered BOOLEAN DEFAULT FALSE, last_response TEXT,
      created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
      updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP);
    INSERT INTO users (tg_id, is_active, is_registered, updated_at) VALUES
      (1, 1, 1, '2025-11-05 09:00:00'), (2, 0, 1, '2025-11-06 08:00:00');
  `);
  legacy.close();
  const db = openDatabase(path);
  try {
    assert.deepEqual(
      db.prepare("SELECT tg_id, stopped_at FROM users ORDER BY tg_id").all()
        .map((r) => ({ ...r })),
      [
        { tg_id: 1, stopped_at: null },
        { tg_id: 2, stopped_at: "2025-11-06T08:00:00.000Z" },
      ],
    );
  } finally {
    db.close();
  }
});
