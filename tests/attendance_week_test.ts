/**
 * One week with personal join links, walked on a manual clock: the links in /status and
 * the reminders, real HTTP GETs of them against the public listener (before the window,
 * inside it, twice, after a /link change, after the end, with an unknown token), the
 * question after the meeting, the ratings and a comment, and the host's report, counted
 * by hand against the database. Meeting Wednesday 2026-11-25 11:00 Moscow (08:00Z).
 */
import assert from "node:assert/strict";
import { inlineButtons, user } from "./fake_bot_api.ts";
import { confirmLast, linkIn, noteAt } from "./support/attendance.ts";
import { type Harness, ManualClock, startHarness } from "./helpers.ts";
import { parseIcs } from "./support/ics.ts";
import { report } from "./support/report.ts";
import { JOIN_LINK, publicConfig, startWeb, type Web } from "./support/web.ts";

const MEETING = "2026-11-25";
const admin = user(9001, { first_name: "Хост" });
const anna = user(1, { first_name: "Анна" });
const boris = user(2, { first_name: "Борис" });
const vera = user(3, { first_name: "Вера" });
const gleb = user(4, { first_name: "Глеб" });
const dina = user(5, { first_name: "Дина" });

const transcript: string[] = [];
const note = (h: Harness, line: string) => noteAt(transcript, h, line);
const joinedAt = (h: Harness, tgId: number) =>
  h.store.attendance.joinedAt(MEETING, h.store.users.byTgId(tgId)!.id);
const confirm = (h: Harness) => confirmLast(h, admin.id);

/** GETs `link` as `who`, noting the answer and whether a join was counted. */
async function click(
  h: Harness,
  web: Web,
  { who, link, tgId }: { who: string; link: string; tgId?: number },
) {
  const before = tgId === undefined ? undefined : joinedAt(h, tgId);
  const response = await web.get(link);
  const after = tgId === undefined ? undefined : joinedAt(h, tgId);
  note(
    h,
    `${who} GET ${new URL(link, "https://x").pathname.slice(0, 7)}… → ` +
      `${response.status}${response.location ? ` ${response.location}` : ""}` +
      (after !== before ? ", joined: counted" : ""),
  );
  return response;
}

Deno.test("a week with personal links: who clicked when, the question after, and the host's report", async (t) => {
  await using h = await startHarness({
    config: publicConfig({ admins: [admin.id] }),
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  await using web = startWeb(h);
  await h.say(admin, "/start");
  for (const u of [anna, boris, vera, gleb, dina]) {
    await h.say(u, "/start");
    await h.press(u, "reg:yes");
  }

  await t.step(
    "Monday: the invitation; Anna, Boris and Vera say yes",
    async () => {
      h.clock.set("2026-11-23T07:00:00Z");
      await h.jobs.tick();
      for (const u of [anna, boris, vera, dina]) {
        await h.press(u, `rsvp:${MEETING}:yes`);
      }
      await h.idle();
      note(h, "invitation to 5; yes: Анна, Борис, Вера, Дина; Глеб silent");
    },
  );

  await t.step(
    "Tuesday: /status has Anna's own link; a click leads on and counts nothing",
    async () => {
      h.clock.set("2026-11-24T12:00:00Z");
      const status = await h.say(anna, "/status");
      const link = JOIN_LINK.exec(status)?.[0];
      assert.ok(link, status);
      assert.doesNotMatch(status, /example\.com\/live/);
      const response = await click(h, web, {
        who: "Анна (the day before)",
        link,
        tgId: anna.id,
      });
      assert.equal(response.status, 302);
      assert.equal(response.location, "https://example.com/live");
      assert.equal(joinedAt(h, anna.id), undefined, "before the window");
      // The calendar file of her "yes" carries the same link as its URL.
      const file = h.fake.sent(anna.id).find((m) =>
        m.method === "sendDocument"
      )!;
      const event = parseIcs(new TextDecoder().decode(file.document!.bytes))
        .find((c) => c.BEGIN === "VEVENT")!;
      assert.equal(event.URL, link);
    },
  );

  await t.step(
    "Wednesday 09:00: the first reminder carries each one's own link, the same as /status",
    async () => {
      h.clock.set("2026-11-25T06:00:00Z");
      await h.jobs.tick();
      const links = [anna, boris, vera, dina].map((u) => linkIn(h, u.id));
      assert.equal(new Set(links).size, 4, "one link per person");
      assert.equal(links[0], JOIN_LINK.exec(await h.say(anna, "/status"))![0]);
      const reminder = h.fake.sent(anna.id).findLast((m) =>
        m.text?.startsWith("Напоминаю")
      )!;
      assert.deepEqual(
        reminder.params.link_preview_options,
        { is_disabled: true },
        "no preview fetch of a personal link",
      );
      assert.equal(
        h.fake.messagesTo(gleb.id).some((m) => JOIN_LINK.test(m)),
        false,
      );
      note(
        h,
        "first reminder: a personal link each to Анна, Борис, Вера, Дина",
      );
    },
  );

  await t.step(
    "10:00: /link changes the link; the notice has the same personal link",
    async () => {
      h.clock.set("2026-11-25T07:00:00Z");
      const before = linkIn(h, anna.id);
      await h.say(admin, "/link https://meet.example.com/new");
      await confirm(h);
      const notice = h.fake.messagesTo(anna.id).findLast((m) =>
        m.startsWith("Новая ссылка")
      )!;
      assert.equal(JOIN_LINK.exec(notice)?.[0], before);
      assert.doesNotMatch(notice, /meet\.example\.com/);
      note(
        h,
        "/link https://meet.example.com/new: notice to 4, same personal links",
      );
    },
  );

  await t.step("10:20: Vera changes her mind to no", async () => {
    h.clock.set("2026-11-25T07:20:00Z");
    await h.press(vera, `rsvp:${MEETING}:no`);
    await h.idle();
  });

  await t.step(
    "10:45, in the window: Anna's click lands on the new link and counts once",
    async () => {
      h.clock.set("2026-11-25T07:40:00Z");
      await h.jobs.tick(); // the second reminder
      h.clock.set("2026-11-25T07:45:00Z");
      const link = linkIn(h, anna.id);
      const first = await click(h, web, { who: "Анна", link, tgId: anna.id });
      assert.equal(first.status, 302);
      assert.equal(first.location, "https://meet.example.com/new");
      assert.equal(joinedAt(h, anna.id), "2026-11-25T07:45:00.000Z");
      h.clock.set("2026-11-25T07:50:00Z");
      const again = await click(h, web, {
        who: "Анна (again)",
        link,
        tgId: anna.id,
      });
      assert.equal(again.location, "https://meet.example.com/new");
      assert.equal(
        joinedAt(h, anna.id),
        "2026-11-25T07:45:00.000Z",
        "first kept",
      );
    },
  );

  await t.step(
    "11:05: Vera, who said no, clicks the link she had: she came without saying yes",
    async () => {
      h.clock.set("2026-11-25T08:05:00Z");
      const response = await click(h, web, {
        who: "Вера",
        link: linkIn(h, vera.id),
        tgId: vera.id,
      });
      assert.equal(response.status, 302);
      assert.equal(joinedAt(h, vera.id), "2026-11-25T08:05:00.000Z");
      h.clock.set("2026-11-25T08:10:00Z");
      await click(h, web, {
        who: "Дина",
        link: linkIn(h, dina.id),
        tgId: dina.id,
      });
      assert.equal(joinedAt(h, boris.id), undefined, "Boris never clicks");
    },
  );

  await t.step(
    "an unknown token and a malformed one: 404, with nothing about why",
    async () => {
      const unknown = await click(h, web, {
        who: "someone (unknown token)",
        link: "/j/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      });
      const malformed = await web.get("/j/x");
      assert.equal(unknown.status, 404);
      assert.equal(malformed.status, 404);
      assert.equal(unknown.body, malformed.body, "the same answer for both");
      assert.doesNotMatch(unknown.body, /token|hash|user|meeting/i);
      assert.equal((await web.get("/metrics")).status, 404);
      assert.equal((await web.get("/healthz")).status, 404);
    },
  );

  await t.step(
    "12:05, after the end: the link shows a page saying it is over",
    async () => {
      h.clock.set("2026-11-25T09:05:00Z");
      const response = await click(h, web, {
        who: "Анна (after the end)",
        link: linkIn(h, anna.id),
        tgId: anna.id,
      });
      assert.equal(response.status, 200);
      assert.match(response.body, /уже закончилась/);
      assert.equal(response.location, null);
    },
  );

  await t.step("12:15: the question goes to those who came, once", async () => {
    h.clock.set("2026-11-25T09:15:00Z");
    await h.jobs.tick();
    await h.jobs.tick();
    const asked = (id: number) =>
      h.fake.messagesTo(id).filter((m) => m.startsWith("Как вам встреча"));
    assert.deepEqual(
      [anna, boris, vera, gleb, dina].map((u) => asked(u.id).length),
      [1, 0, 1, 0, 1],
    );
    note(h, "question after the meeting to Анна, Вера and Дина (they came)");
  });

  await t.step("ratings, a change of mind and a comment", async () => {
    h.clock.set("2026-11-25T09:20:00Z");
    assert.equal(
      (await h.press(anna, `fb:${MEETING}:4`)).text,
      "Спасибо, оценка сохранена",
    );
    await h.idle();
    await h.press(anna, `fb:${MEETING}:5`);
    await h.press(vera, `fb:${MEETING}:3`);
    await h.idle();
    const question = h.fake.sent(anna.id).findLast((m) =>
      m.text?.startsWith("Как вам встреча")
    )!;
    const shown = h.fake.message(anna.id, question.message_id)!;
    assert.match(shown.text!, /Ваша оценка .*: 5 из 5/);
    assert.deepEqual(
      inlineButtons(shown.reply_markup).map((b) => b.text),
      ["1", "2", "3", "4", "✅ 5"],
    );
    assert.equal(
      h.fake.messagesTo(anna.id).filter((m) => m.startsWith("Если хотите"))
        .length,
      1,
      "invited to comment once, not after the change",
    );
    assert.equal(
      await h.say(anna, "Больше практики"),
      "Спасибо! Передал ваш комментарий ведущему.",
    );
    await h.idle();
    assert.ok(
      h.fake.messagesTo(admin.id).includes(
        "⭐ Отзыв о встрече в среду, 25 ноября. Пишет Анна, id 1, оценка — 5 из 5. " +
          "Что стоит изменить — в сообщении ниже; ответьте на него, и я передам ответ.",
      ),
    );
    note(
      h,
      "Анна rates 4, then 5, comments «Больше практики» (to the admin); Вера rates 3",
    );
  });

  await t.step(
    "Thursday 12:15, the feedback closes: one report to the admin, counted by hand",
    async () => {
      h.clock.set("2026-11-26T09:15:00Z");
      await h.jobs.tick();
      await h.jobs.tick();
      const reports = h.fake.messagesTo(admin.id).filter((m) =>
        m.startsWith("Итоги встречи")
      );
      assert.equal(reports.length, 1);
      // By hand from the database: who said yes, who clicked, who rated what.
      const q = (sql: string) => Number(h.db.prepare(sql).get()!.n);
      const yes = q(
        `SELECT count(*) AS n FROM answers WHERE meeting_id = '${MEETING}' AND answer = 'yes'`,
      );
      const joined = q(
        `SELECT count(*) AS n FROM attendance WHERE meeting_id = '${MEETING}'`,
      );
      const joinedNoYes = q(
        `SELECT count(*) AS n FROM attendance j WHERE j.meeting_id = '${MEETING}'
      AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.meeting_id = j.meeting_id AND a.user_id = j.user_id AND a.answer = 'yes')`,
      );
      const noShow = q(
        `SELECT count(*) AS n FROM answers a WHERE a.meeting_id = '${MEETING}' AND a.answer = 'yes'
      AND NOT EXISTS (SELECT 1 FROM attendance j WHERE j.meeting_id = a.meeting_id AND j.user_id = a.user_id)`,
      );
      const ratings = h.db.prepare(
        `SELECT rating FROM feedback WHERE meeting_id = '${MEETING}'`,
      ).all()
        .map((r) => Number(r.rating));
      assert.deepEqual([yes, joined, joinedNoYes, noShow], [3, 3, 1, 1]);
      assert.deepEqual(ratings.sort(), [3, 5]);
      assert.equal(
        reports[0],
        "Итоги встречи в среду, 25 ноября\n\n" +
          `Записались: ${yes}\n` +
          `Пришли: ${joined}, из них без записи: ${joinedNoYes}\n` +
          `Записались, но не пришли: ${noShow}\n` +
          "Оценки: в среднем 4,0 из 5 (2 оценки)\n\n" +
          "Комментарии:\n• Анна, оценка 5: Больше практики",
      );
      note(h, `report to the admin:\n${reports[0]}`);
      // The link after the close: over, and nothing changes.
      const late = await web.get(linkIn(h, anna.id));
      assert.equal(late.status, 200);
      assert.equal(
        (await h.press(anna, `fb:${MEETING}:1`)).text,
        "Оценки этой встречи больше не принимаются.",
      );
    },
  );
  report(`one week with personal links:\n${transcript.join("\n")}`);
});
