/**
 * `main.ts run` killed (SIGKILL) or stopped (SIGTERM) at bad moments and started again:
 * whatever it owed is delivered once after the restart, or reported unknown.
 * Each test runs several times in a row; KILL_ROUNDS sets how many.
 */
import { report } from "./support/report.ts";
import assert from "node:assert/strict";
import { FakeBotApi, inlineButtons, user } from "./fake_bot_api.ts";
import {
  botFolder,
  collect,
  fastConfig,
  inDatabase,
  LIBFAKETIME,
  spawnRun,
  unknownRows,
  until,
} from "./support/bot_process.ts";
import { KILL_ROUNDS } from "./process.ts";

const ADMIN = 999_999;
/** Sunday before the meeting of Wednesday 2026-11-25, noon Moscow. */
const SUNDAY = "2026-11-22 12:00:00";
const config = () => fastConfig({ admin: ADMIN });

/**
 * How far the first process gets before its kill -9, different each round and always
 * inside the work: between 3% and 83% of `of`.
 */
function killPoint(round: number, of: number): number {
  return Math.round(of * (0.03 + ((round * 0.37) % 0.8)));
}

/** The chats whose `kind` rows a killed process left claimed (in flight). */
function claimedAtKill(database: string, kind: string): Set<number> {
  return inDatabase(database, (_store, db) =>
    new Set(
      (db.prepare(
        "SELECT chat_id FROM outbox WHERE kind = ? AND status = 'sending'",
      ).all(kind) as { chat_id: number }[]).map((row) => Number(row.chat_id)),
    ));
}

/**
 * Calendar files are sent again after an unknown outcome (core/owed.ts): everyone has
 * one, and only a chat whose file was in flight at the kill may have it twice.
 */
function assertCalendarRule(files: number[], claimed: Set<number>): void {
  assert.deepEqual(
    files.flatMap((n, i) => n === 0 ? [i + 1] : []),
    [],
    "everyone has the file",
  );
  assert.deepEqual(
    files.flatMap((n, i) =>
      n > 2 || (n === 2 && !claimed.has(i + 1)) ? [i + 1] : []
    ),
    [],
    "twice only where it was in flight at the kill",
  );
}

/** `main.ts run` at `at` (libfaketime), its output drained, once it polls. */
async function runAt(
  dir: string,
  fake: FakeBotApi,
  at: string,
): Promise<Deno.ChildProcess> {
  const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
  const bot = await spawnRun(dir, env, at);
  collect(bot.stdout); // an undrained pipe would block the process's logging
  collect(bot.stderr);
  await fake.waitForCount("getUpdates", 1, { timeout: 20_000 });
  return bot;
}

/** The admin sends `command` and presses Yes under the question that starts `question`. */
async function confirmAsAdmin(
  fake: FakeBotApi,
  { command, question }: { command: string; question: string },
): Promise<void> {
  const host = user(ADMIN, { first_name: "Хост" });
  fake.sendText(host, command);
  const asked = await fake.waitFor((f) =>
    f.sent(ADMIN).find((m) => m.text?.startsWith(question))
  );
  const confirm = inlineButtons(asked.reply_markup)[0]!;
  fake.pressButton(
    host,
    "callback_data" in confirm ? confirm.callback_data : "",
  );
}

/**
 * On Sunday, with `run` going, the admin makes a change and confirms it; the process is
 * killed with SIGKILL once `told()` has reached this round's kill point of `users`.
 */
async function killDuringChange(
  dir: string,
  fake: FakeBotApi,
  options: {
    command: string;
    question: string;
    told: () => number;
    round: number;
    users: number;
  },
): Promise<void> {
  const first = await runAt(dir, fake, SUNDAY);
  await confirmAsAdmin(fake, options);
  await fake.waitFor(
    () => options.told() >= killPoint(options.round, options.users),
    { timeout: 20_000 },
  );
  first.kill("SIGKILL");
  await first.status;
}

Deno.test({
  name:
    "/skip then kill -9 within a second: after the restart everyone concerned is told once",
  ignore: LIBFAKETIME === undefined,
  async fn(t) {
    for (let round = 1; round <= KILL_ROUNDS; round++) {
      await t.step(`round ${round}`, async () => {
        const users = 300;
        await using dir = await botFolder({
          users,
          yesFor: "2026-11-25",
          config: config(),
        });
        await using fake = await FakeBotApi.start({ latency: 2 });
        const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
        const told = () =>
          fake.sent().filter((m) => m.text?.includes("отменяется")).length;
        await killDuringChange(dir.path, fake, {
          command: "/skip 25.11",
          question: "Отменить встречу",
          told,
          round,
          users,
        });
        const atKill = told();
        assert.ok(atKill < users, `killed mid-notice (${atKill} told)`);
        const second = await spawnRun(dir.path, env, SUNDAY);
        collect(second.stdout); // an undrained pipe would block the process's logging
        const err = collect(second.stderr);
        try {
          await until(
            () =>
              inDatabase(
                dir.database,
                (s) => !s.outbox.batchOpen("cancellation/2026-11-25/s1"),
              ),
            { timeout: 30_000, what: "every notice settled" },
          );
        } finally {
          second.kill("SIGTERM");
        }
        assert.equal((await second.status).code, 0, err.text());
        const counts = inDatabase(
          dir.database,
          (s) => s.outbox.batchCounts("cancellation/2026-11-25/s1"),
        );
        const perUser = Array.from(
          { length: users },
          (_, i) =>
            fake.messagesTo(i + 1).filter((m) => m.includes("отменяется"))
              .length,
        );
        assert.deepEqual(perUser.filter((n) => n > 1), [], "nobody twice");
        const never = perUser.filter((n) => n === 0).length;
        assert.ok(never <= counts.unknown, `${never} never told`);
        assert.equal(counts.sent + counts.unknown, users);
        report(
          `skip+kill round ${round}: told ${atKill} before the kill, sent ${counts.sent}, ` +
            `unknown ${counts.unknown}, never told ${never}`,
        );
      });
    }
  },
});

Deno.test({
  name:
    "a new link (/link) reaches every yes-user once, with the updated calendar entry, also after kill -9 in the middle",
  ignore: LIBFAKETIME === undefined,
  async fn(t) {
    for (let round = 1; round <= KILL_ROUNDS; round++) {
      await t.step(`round ${round}`, async () => {
        const users = 300;
        await using dir = await botFolder({
          users,
          yesFor: "2026-11-25",
          config: config(),
        });
        await using fake = await FakeBotApi.start({ latency: 2 });
        const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
        await killDuringChange(dir.path, fake, {
          command: "/link https://meet.example.com/new",
          question: "Поменять ссылку",
          told: () =>
            fake.sent().filter((m) => m.text?.startsWith("Новая ссылка"))
              .length,
          round,
          users,
        });
        const claimed = claimedAtKill(dir.database, "calendar");
        const second = await spawnRun(dir.path, env, SUNDAY);
        collect(second.stdout);
        const err = collect(second.stderr);
        const batches = [
          "link_changed/2026-11-25/s1",
          "calendar/2026-11-25/s1",
        ];
        try {
          await until(
            () =>
              inDatabase(
                dir.database,
                (s) => batches.every((b) => !s.outbox.batchOpen(b)),
              ),
            { timeout: 60_000, what: "every notice and calendar settled" },
          );
        } finally {
          second.kill("SIGTERM");
        }
        assert.equal((await second.status).code, 0, err.text());
        const [notices, calendars] = batches.map((b) =>
          inDatabase(dir.database, (s) => s.outbox.batchCounts(b))
        );
        const perUser = Array.from(
          { length: users },
          (_, i) =>
            fake.messagesTo(i + 1).filter((m) => m.startsWith("Новая ссылка"))
              .length,
        );
        assert.deepEqual(perUser.filter((n) => n > 1), [], "nobody twice");
        const never = perUser.filter((n) => n === 0).length;
        assert.ok(never <= notices!.unknown, `${never} never told`);
        assert.equal(notices!.sent + notices!.unknown, users);
        const files = Array.from(
          { length: users },
          (_, i) =>
            fake.sent(i + 1).filter((m) => m.method === "sendDocument").length,
        );
        assertCalendarRule(files, claimed);
        assert.equal(calendars!.sent, users, "every calendar update sent");
        report(
          `link+kill round ${round}: notices sent ${notices!.sent}, unknown ${
            notices!.unknown
          }, ` +
            `never told ${never}; calendar updates sent ${
              calendars!.sent
            }, in flight at the kill ${claimed.size}, twice ${
              files.filter((n) => n > 1).length
            }`,
        );
      });
    }
  },
});

Deno.test({
  name:
    "1,000 presses with a kill -9 in the middle: every press is reflected and every .ics arrives, twice only where it was in flight",
  ignore: LIBFAKETIME === undefined,
  async fn(t) {
    for (let round = 1; round <= KILL_ROUNDS; round++) {
      await t.step(`round ${round}`, async () => {
        const users = 1_000;
        await using dir = await botFolder({ users, config: config() });
        // Presses come late: Telegram takes no callback answer after a while.
        await using fake = await FakeBotApi.start({
          callbackQueryTtlMs: 2_000,
        });
        const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
        const tuesday = "2026-11-24 09:00:00";
        const first = await runAt(dir.path, fake, tuesday);
        const presses = Array.from(
          { length: users },
          (_, i) => fake.pressButton(user(i + 1), "rsvp:2026-11-25:yes"),
        );
        // Every press is answered, or refused as too late (a loaded machine): either
        // way it was handled.
        await fake.waitFor(
          (f) =>
            f.answers.length + f.stats.expiredCallbackQueries >=
              killPoint(round, users),
          { timeout: 30_000 },
        );
        first.kill("SIGKILL");
        await first.status;
        const claimed = claimedAtKill(dir.database, "calendar");
        const second = await spawnRun(dir.path, env, tuesday);
        collect(second.stdout); // an undrained pipe would block the process's logging
        const err = collect(second.stderr);
        const calendars = (id: number) =>
          fake.sent(id).filter((m) => m.method === "sendDocument").length;
        const shown = (id: number) => {
          const message = presses[id - 1]!.callback_query!.message!;
          return fake.message(id, message.message_id)?.text?.includes("✅") ??
            false;
        };
        try {
          await until(
            () =>
              inDatabase(
                dir.database,
                (s) =>
                  s.answers.counts("2026-11-25").yes === users &&
                  s.outbox.due({ now: new Date("2030-01-01"), limit: 1 })
                      .length === 0,
              ),
            { timeout: 60_000, what: "every press recorded and delivered" },
          );
          await fake.waitFor(
            () => Array.from({ length: users }, (_, i) => i + 1).every(shown),
            {
              timeout: 30_000,
            },
          );
        } finally {
          second.kill("SIGTERM");
        }
        assert.equal((await second.status).code, 0, err.text());
        assert.equal(unknownRows(dir.database, "calendar"), 0);
        const perUser = Array.from(
          { length: users },
          (_, i) => calendars(i + 1),
        );
        assertCalendarRule(perUser, claimed);
        const twice = perUser.filter((n) => n > 1).length;
        report(
          `1000 presses + kill round ${round}: answers 1000, edits shown 1000, ` +
            `.ics ${users}, in flight at the kill ${claimed.size}, .ics twice ${twice}`,
        );
      });
    }
  },
});

Deno.test({
  name:
    "a 429 with a long retry_after, then SIGTERM: the process stops at once and the delivery completes after the restart",
  ignore: LIBFAKETIME === undefined,
  async fn() {
    await using dir = await botFolder({ users: 3, config: config() });
    // A wait far longer than any stop may take: a stop that waited it out would not
    // end before the guard below gives up.
    await using fake = await FakeBotApi.start({
      rateLimit: { perSecond: 1, retryAfter: 120 },
    });
    const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
    const monday = "2026-11-23 07:00:05";
    const first = await spawnRun(dir.path, env, monday);
    collect(first.stdout);
    collect(first.stderr);
    await fake.waitFor((f) => f.stats.tooManyRequests >= 1, {
      timeout: 20_000,
    });
    const sends = () =>
      fake.requests.filter((r) => r.method === "sendMessage").length;
    // Requests that left before the 429 paused the pace may still arrive: wait until
    // none has for a while, so that what arrives after the SIGTERM was sent after it.
    for (let seen = -1; seen !== sends();) {
      seen = sends();
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const before = sends();
    first.kill("SIGTERM");
    let exited: Deno.CommandStatus | undefined;
    void first.status.then((status) => exited = status);
    await until(() => exited !== undefined, {
      timeout: 60_000,
      what: "a stop that does not wait out the 120 s retry_after",
    });
    assert.equal(exited!.code, 0);
    assert.equal(sends(), before, "no send after the stop");
    const statuses = inDatabase(
      dir.database,
      (s) =>
        [1, 2, 3].map((id) =>
          s.outbox.byKey(`invitation/2026-11-25/u${id}`)?.status
        ),
    );
    assert.ok(
      !statuses.includes("sending"),
      `nothing left claimed: ${statuses}`,
    );
    fake.rateLimit = undefined;
    // Restarted after the wait: the rows are due.
    const second = await spawnRun(dir.path, env, "2026-11-23 07:03:05");
    collect(second.stdout);
    collect(second.stderr);
    try {
      await fake.waitFor(
        (f) => [1, 2, 3].every((id) => f.deliveredCount(id) === 1),
        { timeout: 20_000 },
      );
    } finally {
      second.kill("SIGTERM");
    }
    assert.equal((await second.status).code, 0);
    for (const id of [1, 2, 3]) assert.equal(fake.deliveredCount(id), 1);
  },
});
