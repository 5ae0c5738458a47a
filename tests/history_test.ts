/**
 * The meetings' history as admins and the operator read it: `/history`, `/history DATE`,
 * the last weeks of `/stats`, how often each person came in `/who`, the export's joined
 * and rating columns and its comments file; `stats` and `export` on the terminal, under
 * the compile task's permissions, show the same. Three past meetings, as of Monday
 * 2026-11-23 10:30 Moscow:
 * - 2026-11-04 cancelled;
 * - 2026-11-11 without personal links: Anna and Boris said yes (who came is unknown);
 * - 2026-11-18 with them: Anna said yes and came (rated 4, "Хорошо, но длинно"), Boris
 *   said yes and did not come, Vera said no and came (rated 2).
 */
import assert from "node:assert/strict";
import type { Store } from "../src/db/store.ts";
import { user } from "./fake_bot_api.ts";
import { type Harness, ManualClock, startHarness } from "./helpers.ts";
import { parseCsv } from "./support/csv.ts";
import {
  botFolder,
  configWith,
  FAST_SETTINGS,
  inDatabase,
  LIBFAKETIME,
} from "./support/bot_process.ts";
import { runMain } from "./process.ts";
import { publicConfig } from "./support/web.ts";

const admin = user(9001, { first_name: "Хост" });
const anna = user(1, { first_name: "Анна", username: "anna" });
const boris = user(2, { first_name: "Борис" });
const vera = user(3, { first_name: "Вера" });

/** The three past meetings, written as the bot would have. */
function pastWeeks(store: Store): void {
  const id = (tg: number) => store.users.byTgId(tg)!.id;
  const at = (iso: string) => new Date(iso);
  store.transaction(() => {
    for (const day of ["2026-11-04", "2026-11-11", "2026-11-18"]) {
      store.meetings.ensure(
        { id: day, startsAt: at(`${day}T08:00:00Z`) },
        at("2026-11-02T07:00:00Z"),
      );
    }
    store.meetings.setStatus(
      { id: "2026-11-04", status: "cancelled" },
      at("2026-11-03T07:00:00Z"),
    );
    const answer = (day: string, tg: number, value: "yes" | "no") =>
      store.answers.record(
        { meetingId: day, userId: id(tg), answer: value },
        at(`${day}T06:00:00Z`),
      );
    answer("2026-11-11", anna.id, "yes");
    answer("2026-11-11", boris.id, "yes");
    answer("2026-11-18", anna.id, "yes");
    answer("2026-11-18", boris.id, "yes");
    answer("2026-11-18", vera.id, "no");
    store.attendance.track("2026-11-18");
    for (const tg of [anna.id, vera.id]) {
      store.attendance.join(
        { meetingId: "2026-11-18", userId: id(tg) },
        at("2026-11-18T07:58:00Z"),
      );
    }
    store.attendance.rate(
      { meetingId: "2026-11-18", userId: id(anna.id), rating: 4 },
      at("2026-11-18T09:20:00Z"),
    );
    store.attendance.comment(
      {
        meetingId: "2026-11-18",
        userId: id(anna.id),
        text: "Хорошо, но длинно",
      },
      at("2026-11-18T09:21:00Z"),
    );
    store.attendance.rate(
      { meetingId: "2026-11-18", userId: id(vera.id), rating: 2 },
      at("2026-11-18T09:22:00Z"),
    );
  });
}

async function history(): Promise<Harness> {
  const h = await startHarness({
    config: publicConfig({ admins: [admin.id] }),
    clock: new ManualClock("2026-11-23T07:30:00Z"),
  });
  for (const u of [admin, anna, boris, vera]) {
    await h.say(u, "/start");
    if (u !== admin) await h.press(u, "reg:yes");
  }
  pastWeeks(h.store);
  return h;
}

const HISTORY = "Прошедшие встречи:\n" +
  "среда, 18 ноября: проведена; записались — 2, пришли — 2, оценки — 3,0 (2)\n" +
  "среда, 11 ноября: проведена; записались — 2, пришли — неизвестно сколько, оценки — нет\n" +
  "среда, 4 ноября: отменена; записались — 0, пришли — 0, оценки — нет\n\n" +
  "Подробно об одной встрече: /history ДД.ММ";

Deno.test("/history lists the past meetings; who came is unknown where links were not personal, never 0", async () => {
  await using h = await history();
  assert.equal(await h.say(admin, "/history"), HISTORY);
});

Deno.test("/history DATE shows one meeting in full: who came, who did not, the ratings and comments", async () => {
  await using h = await history();
  assert.equal(
    await h.say(admin, "/history 18.11"),
    "Встреча в среду, 18 ноября, в 11:00 (мск): проведена\n\n" +
      "Записались: 2, отказались: 1\n" +
      "Пришли: 2, из них без записи: 1\n" +
      "Записались, но не пришли: 1\n" +
      "Оценки: в среднем 3,0 из 5 (2 оценки)\n\n" +
      "Пришли по записи:\nАнна (@anna)\n\n" +
      "Пришли без записи:\nВера\n\n" +
      "Записались, но не пришли:\nБорис\n\n" +
      "Комментарии:\n• Анна (@anna), оценка 4: Хорошо, но длинно",
  );
  assert.equal(
    await h.say(admin, "/history 2026-11-11"),
    "Встреча в среду, 11 ноября, в 11:00 (мск): проведена\n\n" +
      "Записались: 2, отказались: 0\n" +
      "Кто пришёл, неизвестно: личные ссылки на встречу были выключены.\n" +
      "Оценки: нет\n\nЗаписались:\nАнна (@anna)\nБорис\n\nКомментарии:\n—",
  );
  assert.equal(
    await h.say(admin, "/history 31.02"),
    "Не понял дату «31.02». Напишите так: /history 25.11 — или просто /history, чтобы увидеть все встречи.",
  );
  assert.equal(
    await h.say(admin, "/history 19.11"),
    "Встречи 19 ноября в истории нет. /history покажет все прошедшие встречи.",
  );
  assert.equal(
    await h.say(anna, "/history"),
    "Такой команды нет. Список команд — /help.",
    "admins only",
  );
});

Deno.test("/stats shows the last weeks with yes, who came and the rating", async () => {
  await using h = await history();
  assert.match(
    await h.say(admin, "/stats"),
    new RegExp(
      "Прошлые недели:\n" +
        "среда, 18 ноября: «да» — 2, «нет» — 1, пришли — 2, оценки — 3,0 \\(2\\)\n" +
        "среда, 11 ноября: «да» — 2, «нет» — 0, пришли — неизвестно сколько, оценки — нет\n" +
        "среда, 4 ноября: «да» — 0, «нет» — 0, пришли — 0, оценки — нет \\(отменена\\)$",
    ),
  );
});

Deno.test("/who counts, beside each name, the last held meetings each came to (said yes where unknown)", async () => {
  await using h = await history();
  await h.press(anna, "rsvp:2026-11-25:yes");
  await h.press(vera, "rsvp:2026-11-25:no");
  assert.equal(
    await h.say(admin, "/who"),
    "Встреча в среду, 25 ноября, в 11:00 (мск)\n\n" +
      "✅ Придут (1):\nАнна (@anna) — 2 из 2\n\n" +
      "❌ Не смогут (1):\nВера — 1 из 2\n\n" +
      "❔ Не ответили (1):\nБорис — 1 из 2\n\n" +
      "Число у имени — на скольких из 2 последних встреч человек был (где " +
      "посещение не отмечалось — сколько раз ответил «да»).",
  );
});

Deno.test("/export sends the attendance with joined and rating, and the comments as written", async () => {
  await using h = await history();
  h.fake.sendText(admin, "/export");
  const [attendance, comments] = await h.fake.waitFor((f) => {
    const files = f.sent(admin.id).filter((m) => m.method === "sendDocument");
    return files.length === 2 ? files : undefined;
  });
  assert.equal(attendance!.document!.filename, "attendance.csv");
  const rows = parseCsv(new TextDecoder().decode(attendance!.document!.bytes));
  // After the answer: the seat's columns (README), then whether they came, the rating.
  assert.deepEqual(rows[0]!.slice(-7), [
    "Ответ",
    "Время ответа",
    "Место",
    "Номер в листе ожидания",
    "Из листа ожидания",
    "Пришёл",
    "Оценка",
  ]);
  assert.deepEqual(
    rows.slice(1).map((r) => [r[0], r[5], r[8], r[13], r[14]]),
    [
      ["2026-11-11", "Анна", "да", "неизвестно", ""],
      ["2026-11-11", "Борис", "да", "неизвестно", ""],
      ["2026-11-18", "Анна", "да", "да", "4"],
      ["2026-11-18", "Борис", "да", "нет", ""],
      ["2026-11-18", "Вера", "нет", "да", "2"],
    ],
  );
  assert.equal(comments!.document!.filename, "comments.csv");
  assert.equal(comments!.caption, "Комментарии к встречам: 1 комментарий.");
  assert.deepEqual(
    parseCsv(new TextDecoder().decode(comments!.document!.bytes)),
    [
      [
        "Дата встречи",
        "Telegram ID",
        "Имя",
        "Фамилия",
        "Username",
        "Оценка",
        "Комментарий",
        "Время комментария",
      ],
      [
        "2026-11-18",
        "1",
        "Анна",
        "",
        "anna",
        "4",
        "Хорошо, но длинно",
        "2026-11-18 12:21",
      ],
    ],
  );
});

Deno.test({
  name:
    "stats and export on the terminal show the same history, joined and rating, and the comments",
  ignore: LIBFAKETIME === undefined,
  async fn() {
    await using dir = await botFolder({
      users: 3,
      config: configWith(FAST_SETTINGS),
    });
    inDatabase(dir.database, (store) => {
      store.transaction(() => {
        store.users.start(
          { tg_id: 1, first_name: "Анна", username: "anna" },
          new Date("2026-11-20T00:00:00Z"),
        );
        store.users.start(
          { tg_id: 2, first_name: "Борис" },
          new Date("2026-11-20T00:00:00Z"),
        );
        store.users.start(
          { tg_id: 3, first_name: "Вера" },
          new Date("2026-11-20T00:00:00Z"),
        );
      });
      pastWeeks(store);
    });
    const env = {
      LD_PRELOAD: LIBFAKETIME!,
      FAKETIME: "@2026-11-23 07:30:00",
      TZ: "UTC",
    };
    const stats = await runMain(["stats"], { cwd: dir.path, env });
    assert.equal(stats.code, 0, stats.stderr);
    assert.ok(stats.stdout.includes(HISTORY), stats.stdout);
    assert.match(
      stats.stdout,
      /❔ Не ответили \(3\):\nАнна \(@anna\) — 2 из 2\nБорис — 1 из 2\nВера — 1 из 2/,
    );
    const exported = await runMain(["export"], { cwd: dir.path, env });
    assert.equal(exported.code, 0, exported.stderr);
    const rows = parseCsv(exported.stdout);
    assert.deepEqual(rows[0]!.slice(-2), ["Пришёл", "Оценка"]);
    assert.deepEqual(rows.at(-1)!.slice(-2), ["да", "2"]);
    const comments = await runMain(["export", "comments"], {
      cwd: dir.path,
      env,
    });
    assert.equal(comments.code, 0, comments.stderr);
    assert.deepEqual(parseCsv(comments.stdout).slice(1), [
      [
        "2026-11-18",
        "1",
        "Анна",
        "",
        "anna",
        "4",
        "Хорошо, но длинно",
        "2026-11-18 12:21",
      ],
    ]);
    const wrong = await runMain(["export", "everything"], {
      cwd: dir.path,
      env,
    });
    assert.equal(wrong.code, 2);
    assert.match(
      wrong.stderr,
      /"export" takes nothing, attendance or comments/,
    );
  },
});
