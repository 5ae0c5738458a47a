/**
 * What each person's calendar was last sent survives kill -9: it is recorded in the
 * transaction that settles the delivered file, so a file in flight at the kill is sent
 * again with the same SEQUENCE, and the next change still reaches every calendar that
 * holds the entry, once, with a higher SEQUENCE. `main.ts run` under the shipped
 * permissions, killed during a /link and again during a /skip. KILL_ROUNDS sets the
 * rounds.
 */
import assert from "node:assert/strict";
import { FakeBotApi, inlineButtons, user } from "./fake_bot_api.ts";
import {
  botFolder,
  collect,
  fastConfig,
  inDatabase,
  LIBFAKETIME,
  spawnRun,
  until,
} from "./support/bot_process.ts";
import { KILL_ROUNDS } from "./process.ts";
import { report } from "./support/report.ts";

const ADMIN = 999_999;
const MEETING = "2026-11-25";
/** Sunday before the meeting of Wednesday 2026-11-25, noon Moscow. */
const SUNDAY = "2026-11-22 12:00:00";
const USERS = 200;

const CONFIG = fastConfig({ admin: ADMIN });

/** Between 3% and 83% of `of`, different each round. */
function killPoint(round: number, of: number): number {
  return Math.round(of * (0.03 + ((round * 0.37) % 0.8)));
}

/** `main.ts run` at Sunday noon (libfaketime), its output drained, once it polls. */
async function start(dir: string, fake: FakeBotApi) {
  const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
  const polls = fake.requests.filter((r) => r.method === "getUpdates").length;
  const bot = await spawnRun(dir, env, SUNDAY);
  collect(bot.stdout);
  const err = collect(bot.stderr);
  await fake.waitForCount("getUpdates", polls + 1, { timeout: 20_000 });
  return { bot, err };
}

/** The admin sends `command` and presses the first button under the question it gets. */
async function confirmAsAdmin(fake: FakeBotApi, command: string, ask: string) {
  const host = user(ADMIN, { first_name: "Хост" });
  fake.sendText(host, command);
  const asked = await fake.waitFor((f) =>
    f.sent(ADMIN).find((m) => m.text?.startsWith(ask))
  );
  const confirm = inlineButtons(asked.reply_markup)[0]!;
  fake.pressButton(
    host,
    "callback_data" in confirm ? confirm.callback_data : "",
  );
}

/** The calendar files each user got whose caption matches `caption`. */
function filesPerUser(fake: FakeBotApi, caption: RegExp): number[] {
  return Array.from(
    { length: USERS },
    (_, i) =>
      fake.sent(i + 1).filter((m) =>
        m.method === "sendDocument" && caption.test(m.caption ?? "")
      ).length,
  );
}

/** The chats whose calendar rows the killed process left in flight. */
function inFlight(database: string): Set<number> {
  return inDatabase(database, (_store, db) =>
    new Set(
      (db.prepare(
        "SELECT chat_id FROM outbox WHERE kind = 'calendar' AND status = 'sending'",
      ).all() as { chat_id: number }[]).map((row) => Number(row.chat_id)),
    ));
}

/** Everyone once; twice only a chat whose file was in flight at the kill. */
function assertOnce(files: number[], claimed: Set<number>, what: string) {
  assert.deepEqual(
    files.flatMap((n, i) => n === 0 ? [i + 1] : []),
    [],
    `everyone got ${what}`,
  );
  assert.deepEqual(
    files.flatMap((n, i) =>
      n > 2 || (n === 2 && !claimed.has(i + 1)) ? [i + 1] : []
    ),
    [],
    `${what} twice only where it was in flight at the kill`,
  );
}

/** Each user's recorded calendar state, as `holds/sequence`. */
function states(database: string): string[] {
  return inDatabase(
    database,
    (store) =>
      Array.from({ length: USERS }, (_, i) => {
        const entry = store.calendars.get(MEETING, i + 1);
        return entry === undefined
          ? "none"
          : `${entry.holds ? "holds" : "removed"}/${entry.sequence}`;
      }),
  );
}

/** Runs a change as the admin in a new process, kills it at `at` files, then settles. */
async function changeWithKill(
  dir: { path: string; database: string },
  fake: FakeBotApi,
  change: { command: string; ask: string; caption: RegExp; at: number },
): Promise<Set<number>> {
  const first = await start(dir.path, fake);
  await confirmAsAdmin(fake, change.command, change.ask);
  await fake.waitFor(
    () =>
      filesPerUser(fake, change.caption).reduce((a, b) => a + b, 0) >=
        change.at,
    { timeout: 20_000 },
  );
  first.bot.kill("SIGKILL");
  await first.bot.status;
  const claimed = inFlight(dir.database);
  const second = await start(dir.path, fake);
  try {
    await until(
      () =>
        inDatabase(dir.database, (_store, db) =>
          db.prepare(
            `SELECT 1 FROM outbox WHERE kind = 'calendar'
             AND status IN ('pending', 'sending') LIMIT 1`,
          ).get() === undefined),
      { timeout: 60_000, what: "every calendar file settled" },
    );
  } finally {
    second.bot.kill("SIGTERM");
  }
  assert.equal((await second.bot.status).code, 0, second.err.text());
  return claimed;
}

Deno.test({
  name:
    "kill -9 during /link, then during /skip: every calendar gets the entry once, then its removal once, with a higher SEQUENCE",
  ignore: LIBFAKETIME === undefined,
  async fn(t) {
    for (let round = 1; round <= KILL_ROUNDS; round++) {
      await t.step(`round ${round}`, async () => {
        await using dir = await botFolder({
          users: USERS,
          yesFor: MEETING,
          config: CONFIG,
        });
        await using fake = await FakeBotApi.start({ latency: 2 });
        const entry = /добавить её в календарь/;
        const removal = /отменена: откройте файл/;

        const linked = await changeWithKill(dir, fake, {
          command: "/link https://meet.example.com/new",
          ask: "Поменять ссылку",
          caption: entry,
          at: killPoint(round, USERS),
        });
        assertOnce(filesPerUser(fake, entry), linked, "the entry");
        assert.deepEqual(
          states(dir.database).filter((s) => s !== "holds/1"),
          [],
          "every calendar recorded as holding SEQUENCE 1",
        );

        const skipped = await changeWithKill(dir, fake, {
          command: "/skip 25.11",
          ask: "Отменить встречу",
          caption: removal,
          at: killPoint(round + 1, USERS),
        });
        assertOnce(filesPerUser(fake, removal), skipped, "the removal");
        assert.deepEqual(
          states(dir.database).filter((s) => s !== "removed/2"),
          [],
          "every calendar recorded as removed at SEQUENCE 2",
        );
        const files = fake.sent().filter((m) => m.method === "sendDocument");
        report(
          `calendar kill round ${round}: files ${files.length} for ${USERS} people ` +
            `(entry and removal each), in flight at the kills ${linked.size} and ${skipped.size}`,
        );
      });
    }
  },
});
