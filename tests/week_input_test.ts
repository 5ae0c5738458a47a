/**
 * What admins type for a week: a topic of bounded length, a link participants can open,
 * a /move or /skip date within the weeks /skip offers, and a clear answer to each
 * mistake. Meeting Wednesday 2026-11-25 11:00 Moscow (08:00Z).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { checkCommand } from "../src/commands/check.ts";
import { checkLink, checkTopic } from "../src/domain/week_input.ts";
import { silentLogger } from "../src/log.ts";
import { inlineButtons, user } from "./fake_bot_api.ts";
import {
  type Harness,
  ManualClock,
  startHarness,
  tempDir,
  testConfig,
} from "./helpers.ts";

const MEETING = "2026-11-25";
const admin = user(9001, { first_name: "Хост" });
const anna = user(1, { first_name: "Анна" });

Deno.test("checkLink() takes one public http(s) URL and names what is wrong with anything else", () => {
  for (
    const good of [
      "https://meet.example.com/abc",
      "http://example.org/room?pwd=x#y",
      "https://zoom.us/j/123456789?pwd=abcDEF",
      "https://8.8.8.8/room",
      "https://[2001:db8::1]/room",
    ]
  ) {
    assert.equal(checkLink(good), undefined, good);
  }
  const cases: [string, string][] = [
    ["meet.example.com/abc", "not_url"],
    ["ftp://example.com/file", "not_url"],
    ["javascript:alert(1)", "not_url"],
    ["https://meet.example.com/abc приходите", "spaces"],
    ["https://meet.example.com/abc\nhttps://evil.example", "spaces"],
    ["https://meet.example.com/\u202Egpj.exe", "spaces"],
    ["https://meet.example.com/\u200Babc", "spaces"],
    ["https://meet.example.com/\tabc", "spaces"],
    ["https://user:pass@meet.example.com/abc", "credentials"],
    ["https://user@meet.example.com/abc", "credentials"],
    [`https://meet.example.com/${"a".repeat(4000)}`, "too_long"],
    ["https://127.0.0.1/room", "private"],
    ["http://localhost:8080/room", "private"],
    ["https://app.localhost/room", "private"],
    ["https://10.1.2.3/room", "private"],
    ["https://172.20.0.1/room", "private"],
    ["https://192.168.1.1/room", "private"],
    ["https://169.254.169.254/latest", "private"],
    ["https://0.0.0.0/room", "private"],
    ["https://2130706433/room", "private"], // 127.0.0.1 as one number
    ["https://[::1]/room", "private"],
    ["https://[::ffff:127.0.0.1]/room", "private"],
    ["https://[fe80::1]/room", "private"],
    ["https://[fd00::1]/room", "private"],
    ["https://intranet/room", "private"],
    ["https://printer.local/room", "private"],
  ];
  for (const [link, problem] of cases) {
    assert.equal(checkLink(link)?.problem, problem, link);
  }
});

Deno.test("checkTopic() takes up to 200 characters", () => {
  assert.equal(checkTopic("т".repeat(200)), undefined);
  assert.deepEqual(checkTopic("т".repeat(201)), {
    problem: "too_long",
    length: 201,
  });
});

/** Monday 10:30 after the invitation; Anna said yes. */
async function week(): Promise<Harness> {
  const h = await startHarness({
    config: testConfig({ admins: [admin.id] }),
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  await h.say(admin, "/start");
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  await h.press(anna, `rsvp:${MEETING}:yes`);
  h.clock.set("2026-11-23T07:30:00Z");
  await h.idle();
  return h;
}

function drafts(h: Harness): number {
  return Number(
    (h.db.prepare("SELECT count(*) AS n FROM drafts").get() as { n: number })
      .n,
  );
}

Deno.test("/topic longer than 200 characters is refused with the limit named; one of 200 keeps /status and the reminder's link whole", async () => {
  await using h = await week();
  assert.equal(
    await h.say(admin, `/topic ${"Очень длинная тема. ".repeat(200)}`),
    "Тема слишком длинная: 3999 символов, а можно не больше 200. Сократите её.",
  );
  assert.equal(h.store.meetings.get(MEETING)!.topic, null);
  const topic = "т".repeat(200);
  assert.match(await h.say(admin, `/topic ${topic}`), /Тема встречи/);
  assert.match(
    await h.say(anna, "/status"),
    /Ссылка: https:\/\/example\.com\/live/,
  );
  h.clock.set("2026-11-25T06:00:00Z");
  await h.jobs.tick();
  const reminder = h.fake.messagesTo(anna.id).at(-1)!;
  assert.match(reminder, /^Напоминаю/);
  assert.match(reminder, /https:\/\/example\.com\/live/);
  assert.match(reminder, new RegExp(topic));
});

Deno.test("/link answers what is wrong with a link that is not one public URL, and makes no draft", async () => {
  await using h = await week();
  const replies: [string, RegExp][] = [
    ["/link https://meet.example.com/abc и приходите", /без текста вокруг/],
    ["/link https://user:pass@meet.example.com/abc", /логин или пароль/],
    [
      "/link https://127.0.0.1:8080/room",
      /ведёт на 127\.0\.0\.1 — это адрес не из интернета/,
    ],
    ["/link http://localhost/room", /ведёт на localhost/],
    [
      `/link https://meet.example.com/${"a".repeat(4000)}`,
      /Ссылка слишком длинная: 4025 символов, а можно не больше 300\./,
    ],
    ["/link meet.example.com", /^Напишите новую ссылку после команды/],
  ];
  for (const [command, reply] of replies) {
    assert.match(await h.say(admin, command), reply, command.slice(0, 60));
  }
  assert.equal(drafts(h), 0);
  assert.equal(h.store.meetings.get(MEETING)!.link, null);
});

Deno.test("/move half a year ahead is refused with the last time it may move to", async () => {
  await using h = await week();
  assert.equal(
    await h.say(admin, "/move 20.05 11:00"),
    "Так далеко не переношу: новое время должно быть раньше среды, 6 января, 11:00 (мск) — в пределах недель, которые предлагает /skip.",
  );
  assert.match(await h.say(admin, "/move 06.01 10:00"), /^Перенести встречу/);
  assert.equal(drafts(h), 1);
});

Deno.test("/move to a time that has passed, or to its own time, says so", async () => {
  await using h = await week();
  assert.match(
    await h.say(admin, "/move 23.11 09:00"),
    /^Не переношу на понедельник, 23 ноября, 09:00 \(мск\): это время уже прошло/,
  );
  assert.equal(
    await h.say(admin, "/move 25.11 11:00"),
    "Встреча в среду, 25 ноября, и так в 11:00 (мск).",
  );
  assert.equal(drafts(h), 0);
});

Deno.test("a forged /skip button for a week /skip does not offer makes no draft", async () => {
  await using h = await week();
  for (const id of ["2030-01-02", "2027-01-06"]) {
    const answer = await h.press(admin, `skipw:${id}`);
    assert.match(answer.text!, /^Так далеко не отменяю/, id);
  }
  assert.equal(drafts(h), 0);
  await h.press(admin, "unskipw:2030-01-02");
  assert.equal(h.store.meetings.get("2030-01-02"), undefined);
});

Deno.test("/skip with a date it cannot take says what is wrong, in words", async () => {
  await using h = await week();
  const replies: [string, string][] = [
    [
      "/skip завтра",
      "Не понял дату «завтра». Напишите так: /skip 02.12 — или просто /skip, чтобы выбрать встречу из списка.",
    ],
    [
      "/skip 18.11",
      "18 ноября уже прошло: отменить можно только встречу, которая ещё впереди. /skip без даты покажет ближайшие.",
    ],
    [
      "/skip 24.11",
      "На вторник, 24 ноября, встречи нет. /skip без даты покажет ближайшие встречи.",
    ],
    [
      "/skip 13.01",
      "Так далеко не отменяю: можно отменить одну из ближайших встреч, до среды, 30 декабря, включительно. /skip без даты покажет их.",
    ],
  ];
  for (const [command, reply] of replies) {
    assert.equal(await h.say(admin, command), reply, command);
  }
  assert.equal(drafts(h), 0);
  h.clock.set("2026-11-25T08:30:00Z"); // the meeting is on
  assert.equal(
    await h.say(admin, `/skip ${MEETING}`),
    "Встреча в среду, 25 ноября, уже началась — менять её поздно.",
  );
});

Deno.test("check shows each meeting ahead where it really is, and the reminders' next run after a move", async () => {
  await using temp = await tempDir();
  const config = testConfig({
    admins: [admin.id],
    database: join(temp.path, "bot.sqlite3"),
  });
  {
    await using h = await startHarness({
      config,
      clock: new ManualClock("2026-11-23T07:30:00Z"),
    });
    await h.say(admin, "/move 26.11 15:00");
    const question = h.fake.sent(admin.id).at(-1)!;
    const yes = inlineButtons(question.reply_markup)[0]!;
    await h.press(admin, "callback_data" in yes ? yes.callback_data : "");
    await h.fake.waitFor((f) =>
      f.edits(admin.id).find((m) => m.message_id === question.message_id)
    );
    await h.idle();
  }
  const lines: string[] = [];
  checkCommand(config, {
    log: silentLogger,
    now: () => new Date("2026-11-24T12:00:00Z"),
    print: (line) => lines.push(line),
  });
  const output = lines.join("\n");
  assert.match(output, /next 2026-11-25 at 2026-11-26T12:00:00\.000Z/);
  assert.match(
    output,
    /meeting 2026-11-25: moved to 2026-11-26 15:00 Europe\/Moscow = 2026-11-26T12:00:00\.000Z/,
  );
  assert.match(output, /meeting 2026-12-02: 2026-12-02 11:00 Europe\/Moscow/);
  assert.match(
    output,
    /job first_reminder: .* next run 2026-11-26 13:00 Europe\/Moscow = 2026-11-26T10:00:00\.000Z/,
  );
});
