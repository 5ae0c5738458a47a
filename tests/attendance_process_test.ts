/**
 * Personal links, the question after a meeting and the host's report in the shipped
 * program: `main.ts run` under the compile task's permissions, its clock set by
 * libfaketime and started again at each moment of the week (as a host's server would be
 * up through it). Real HTTP GETs of the links against its public listener; the question
 * under kill -9 and under a network cut, each person asked once.
 * Meeting Wednesday 2026-11-25 11:00 Moscow (08:00Z).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { KILL_ROUNDS, runMain } from "./process.ts";
import { FakeBotApi, user } from "./fake_bot_api.ts";
import { report } from "./support/report.ts";
import {
  botFolder,
  freePort,
  inDatabase,
  LIBFAKETIME,
  until,
} from "./support/bot_process.ts";
import { JOIN_LINK } from "./support/web.ts";
import {
  ADMIN,
  asked,
  cameFolder,
  config,
  jobDone,
  MEETING,
  QUESTION,
  runAt,
  stop,
} from "./support/attendance.ts";

Deno.test({
  name:
    "run, through a week: personal links lead on and count once in the window, the question goes to who came, the report counts them",
  ignore: LIBFAKETIME === undefined,
  async fn() {
    const ports = { local: freePort(), open: freePort() };
    await using dir = await botFolder({ users: 3, config: config(ports) });
    await using fake = await FakeBotApi.start();
    const base = `http://127.0.0.1:${ports.open}`;
    const get = async (path: string, agent = "Mozilla/5.0") => {
      const response = await fetch(`${base}${path}`, {
        redirect: "manual",
        headers: { "user-agent": agent },
      });
      await response.body?.cancel();
      return {
        status: response.status,
        location: response.headers.get("location"),
      };
    };
    const joined = (tgId: number) =>
      inDatabase(
        dir.database,
        (s) => s.attendance.joinedAt(MEETING, s.users.byTgId(tgId)!.id),
      );
    const logs: string[] = [];
    const transcript: string[] = [];

    // Monday 10:00: the invitation; users 1 and 2 say yes.
    let run = await runAt(dir.path, fake, "2026-11-23 07:00:05");
    await jobDone(dir.database, "invitation");
    for (const id of [1, 2]) fake.pressButton(user(id), `rsvp:${MEETING}:yes`);
    await until(
      () =>
        inDatabase(dir.database, (s) => s.answers.counts(MEETING).yes) === 2,
      { what: "two yes" },
    );
    logs.push(await stop(run));

    // Wednesday 09:00: the first reminder carries each one's own link.
    run = await runAt(dir.path, fake, "2026-11-25 06:00:05");
    await jobDone(dir.database, "first_reminder");
    const linkOf = (id: number) =>
      JOIN_LINK.exec(fake.messagesTo(id).find((m) => JOIN_LINK.test(m))!)!;
    const [one, two] = [linkOf(1), linkOf(2)];
    assert.notEqual(one[1], two[1]);
    const early = await get(new URL(one[0]).pathname);
    assert.deepEqual(early, {
      status: 302,
      location: "https://example.com/live",
    });
    assert.equal(joined(1), undefined, "09:00 is before the window");
    transcript.push(
      `Wed 09:00 user 1 GET → ${early.status} ${early.location}, not counted`,
    );
    assert.equal(
      (await get("/j/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).status,
      404,
    );
    assert.equal((await get("/metrics")).status, 404, "not on the public port");
    assert.equal((await get("/healthz")).status, 404);
    const local = await fetch(`http://127.0.0.1:${ports.local}/j/${one[1]}`);
    await local.body?.cancel();
    assert.equal(local.status, 404, "no link on the local listener");
    logs.push(await stop(run));

    // 10:45, in the window: user 1 clicks (a preview first), twice; user 2 never does.
    run = await runAt(dir.path, fake, "2026-11-25 07:45:05");
    await get(new URL(one[0]).pathname, "TelegramBot (like TwitterBot)");
    assert.equal(joined(1), undefined, "a preview is not a join");
    const click = await get(new URL(one[0]).pathname);
    assert.equal(click.status, 302);
    const first = joined(1);
    assert.match(first ?? "", /^2026-11-25T07:45:/);
    await get(new URL(one[0]).pathname);
    assert.equal(joined(1), first, "the first click is kept");
    transcript.push(
      `Wed 10:45 user 1 GET → ${click.status} ${click.location}, joined ${first}; again: unchanged`,
    );
    logs.push(await stop(run));

    // 12:15: the question to who came (user 1), a rating and a comment.
    run = await runAt(dir.path, fake, "2026-11-25 09:15:05");
    await jobDone(dir.database, "feedback");
    assert.deepEqual(
      [1, 2, 3].map((id) =>
        fake.messagesTo(id).filter((m) => m.startsWith(QUESTION)).length
      ),
      [1, 0, 0],
    );
    fake.pressButton(user(1), `fb:${MEETING}:5`);
    await fake.waitFor((f) =>
      f.messagesTo(1).some((m) => m.startsWith("Если хотите"))
    );
    fake.sendText(user(1), "Больше практики");
    await until(
      () =>
        inDatabase(
          dir.database,
          (s) => s.attendance.feedback(MEETING, s.users.byTgId(1)!.id)?.comment,
        ) ===
          "Больше практики",
      { what: "the comment kept" },
    );
    transcript.push(
      "Wed 12:15 question to user 1 only; rating 5, comment «Больше практики»",
    );
    logs.push(await stop(run));

    // Thursday 12:15: the feedback closes, the admin gets the report.
    run = await runAt(dir.path, fake, "2026-11-26 09:15:05");
    const reportText = await fake.waitFor((f) =>
      f.messagesTo(ADMIN).find((m) => m.startsWith("Итоги встречи"))
    );
    assert.equal(
      reportText,
      "Итоги встречи в среду, 25 ноября\n\nЗаписались: 2\n" +
        "Пришли: 1, из них без записи: 0\nЗаписались, но не пришли: 1\n" +
        "Оценки: в среднем 5,0 из 5 (1 оценка)\n\n" +
        "Комментарии:\n• U1, оценка 5: Больше практики",
    );
    transcript.push(`Thu 12:15 report to the admin:\n${reportText}`);
    logs.push(await stop(run));
    const all = logs.join("\n");
    assert.ok(
      !all.includes(one[1]!) && !all.includes(two[1]!),
      "no whole token logged",
    );
    report(`the week in the real process:\n${transcript.join("\n")}`);
  },
});

Deno.test({
  name:
    "the question after the meeting with kill -9 in the middle of it: after the restart each one who came has it once, or it is counted unknown",
  ignore: LIBFAKETIME === undefined,
  async fn(t) {
    for (let round = 1; round <= KILL_ROUNDS; round++) {
      await t.step(`round ${round}`, async () => {
        const users = 200;
        const ports = { local: freePort(), open: freePort() };
        await using dir = await cameFolder(users, ports);
        await using fake = await FakeBotApi.start({ latency: 2 });
        const killAt = Math.round(users * (0.03 + ((round * 0.37) % 0.8)));
        const first = await runAt(dir.path, fake, "2026-11-25 09:15:05");
        await fake.waitFor(
          () => asked(fake, users).reduce((a, b) => a + b) >= killAt,
          {
            timeout: 30_000,
          },
        );
        first.bot.kill("SIGKILL");
        await first.bot.status;
        const atKill = asked(fake, users).reduce((a, b) => a + b);
        assert.ok(atKill < users, `killed mid-question (${atKill} asked)`);
        const second = await runAt(dir.path, fake, "2026-11-25 09:16:00");
        try {
          await jobDone(dir.database, "feedback");
        } finally {
          await stop(second);
        }
        const counts = inDatabase(
          dir.database,
          (s) => s.outbox.batchCounts(`feedback/${MEETING}`),
        );
        const perUser = asked(fake, users);
        assert.deepEqual(perUser.filter((n) => n > 1), [], "nobody twice");
        const never = perUser.filter((n) => n === 0).length;
        assert.ok(never <= counts.unknown, `${never} never asked`);
        assert.equal(counts.sent + counts.unknown, users);
        report(
          `feedback+kill round ${round}: asked ${atKill} before the kill, sent ${counts.sent}, ` +
            `unknown ${counts.unknown}, never asked ${never}, twice 0`,
        );
      });
    }
  },
});

Deno.test({
  name:
    "the question after the meeting through a network cut: each one who came has it once, with no manual step",
  ignore: LIBFAKETIME === undefined,
  async fn() {
    const users = 200;
    const ports = { local: freePort(), open: freePort() };
    await using dir = await cameFolder(users, ports);
    await using fake = await FakeBotApi.start();
    const run = await runAt(dir.path, fake, "2026-11-25 09:15:05");
    try {
      await fake.waitFor(
        () => asked(fake, users).reduce((a, b) => a + b) >= 40,
        {
          timeout: 30_000,
        },
      );
      await fake.cutNetwork();
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      await fake.restoreNetwork();
      await jobDone(dir.database, "feedback");
    } finally {
      await stop(run);
    }
    const counts = inDatabase(
      dir.database,
      (s) => s.outbox.batchCounts(`feedback/${MEETING}`),
    );
    const perUser = asked(fake, users);
    const never = perUser.filter((n) => n === 0).length;
    assert.deepEqual(perUser.filter((n) => n > 1), [], "nobody twice");
    assert.ok(never <= counts.unknown, `${never} never asked`);
    assert.equal(counts.sent + counts.unknown, users);
    report(
      `feedback through an outage: ${users} who came, sent ${counts.sent}, unknown ${counts.unknown}, ` +
        `never asked ${never}, twice 0, cut connections ${fake.stats.connectionsCut}`,
    );
  },
});

Deno.test({
  name:
    "send makes the same personal links as run: one key beside the database, private, and run's listener opens them",
  ignore: LIBFAKETIME === undefined,
  async fn() {
    const ports = { local: freePort(), open: freePort() };
    await using dir = await botFolder({
      users: 2,
      yesFor: MEETING,
      config: config(ports),
    });
    await using fake = await FakeBotApi.start();
    const env = {
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      LD_PRELOAD: LIBFAKETIME!,
      FAKETIME: "@2026-11-25 06:00:05",
      TZ: "UTC",
    };
    const sent = await runMain(["send", "first_reminder"], {
      cwd: dir.path,
      env,
    });
    assert.equal(sent.code, 0, sent.stderr);
    const link = JOIN_LINK.exec(
      fake.messagesTo(1).find((m) => JOIN_LINK.test(m))!,
    )!;
    const key = await Deno.stat(join(dir.path, "data", "link.key"));
    assert.equal(key.mode! & 0o777, 0o600);
    const run = await runAt(dir.path, fake, "2026-11-25 07:50:05");
    try {
      const response = await fetch(
        `http://127.0.0.1:${ports.open}${new URL(link[0]).pathname}`,
        { redirect: "manual" },
      );
      await response.body?.cancel();
      assert.equal(response.status, 302);
      fake.sendText(user(1), "/status");
      const reply = await fake.waitFor((f) =>
        f.messagesTo(1).find((m) => m.startsWith("Подписка"))
      );
      assert.equal(JOIN_LINK.exec(reply)?.[0], link[0], "the same link");
    } finally {
      await stop(run);
    }
    assert.ok(
      inDatabase(
        dir.database,
        (s) => s.attendance.joinedAt(MEETING, s.users.byTgId(1)!.id),
      ),
    );
  },
});
