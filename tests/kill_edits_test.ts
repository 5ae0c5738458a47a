/**
 * The edits of the messages already sent, with `main.ts run` killed (SIGKILL) in the
 * middle of them and started again: after a `/move`, every invitation shows the new
 * time and everyone invited is told once (or reported unknown); at the meeting's end,
 * which a running bot wakes up for, every invitation loses its buttons. Runs KILL_ROUNDS
 * times.
 */
import assert from "node:assert/strict";
import { report } from "./support/report.ts";
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

const ADMIN = 999_999;
const MEETING = "2026-11-25";
/** Monday 10:00:05 Moscow (libfaketime runs in UTC): the invitation is due. */
const MONDAY = "2026-11-23 07:00:05";
/** Tuesday 10:00 Moscow. */
const TUESDAY = "2026-11-24 07:00:05";
/** Thursday 15:59:52 Moscow: eight seconds before the moved meeting ends. */
const BEFORE_END = "2026-11-26 12:59:52";
/** Thursday 17:00 Moscow: an hour after it ended. */
const AFTER_END = "2026-11-26 14:00:05";
const NEW_TIME = "в четверг, 26 ноября, в 15:00 (мск)";

/** Between 3% and 83% of `of`, different each round. */
function killPoint(round: number, of: number): number {
  return Math.round(of * (0.03 + ((round * 0.37) % 0.8)));
}

/** `main.ts run` at `at` (libfaketime), its output drained, once it polls. */
async function runAt(
  dir: string,
  fake: FakeBotApi,
  at: string,
): Promise<{ bot: Deno.ChildProcess; err: { text: () => string } }> {
  const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
  const polls = fake.requests.filter((r) => r.method === "getUpdates").length;
  const bot = await spawnRun(dir, env, at);
  collect(bot.stdout);
  const err = collect(bot.stderr);
  await fake.waitForCount("getUpdates", polls + 1, { timeout: 20_000 });
  return { bot, err };
}

/** Whether rows of `kinds` are still owed (pending or in flight). */
function owed(database: string, kinds: string[]): boolean {
  return inDatabase(database, (_store, db) =>
    db.prepare(
      `SELECT 1 FROM outbox WHERE kind IN (${kinds.map(() => "?").join(", ")})
       AND status IN ('pending', 'sending') LIMIT 1`,
    ).get(...kinds) !== undefined);
}

/** Runs until nothing of `kinds` is owed, then stops with SIGTERM (exit 0). */
async function finish(
  dir: { path: string; database: string },
  fake: FakeBotApi,
  { at, kinds }: { at: string; kinds: string[] },
): Promise<void> {
  const { bot, err } = await runAt(dir.path, fake, at);
  try {
    await until(() => !owed(dir.database, kinds), {
      timeout: 30_000,
      what: `every ${kinds.join(", ")} settled`,
    });
  } finally {
    bot.kill("SIGTERM");
  }
  assert.equal((await bot.status).code, 0, err.text());
}

Deno.test({
  name:
    "a /move's edits and notices, and the buttons' removal at the meeting's end, each with kill -9 in the middle: every invitation ends up right, nobody is told twice",
  ignore: LIBFAKETIME === undefined,
  async fn(t) {
    for (let round = 1; round <= KILL_ROUNDS; round++) {
      await t.step(`round ${round}`, async () => {
        const users = 150;
        await using dir = await botFolder({
          users,
          config: fastConfig({ admin: ADMIN }),
        });
        // Slow enough answers that a kill finds edits in flight (claimed, unanswered).
        await using fake = await FakeBotApi.start({ latency: 20 });
        const invitations = () =>
          Array.from({ length: users }, (_, i) => {
            const sent = fake.sent(i + 1).find((m) =>
              m.text?.startsWith("Приглашаю")
            );
            return sent && fake.message(i + 1, sent.message_id);
          });
        const moved = () =>
          fake.sent().filter((m) => m.text?.includes("переносится")).length;
        const edits = (method: string) =>
          fake.edits().filter((e) => e.method === method && e.chat_id <= users)
            .length;

        // Monday: the invitation, then the move, killed in its notices and edits.
        const first = await runAt(dir.path, fake, MONDAY);
        await until(
          () =>
            inDatabase(
              dir.database,
              (s) => s.jobRuns.get(MEETING, "invitation")?.status === "done",
            ),
          { timeout: 30_000, what: "the invitation delivered" },
        );
        const host = user(ADMIN, { first_name: "Хост" });
        fake.sendText(host, "/move 26.11 15:00");
        const asked = await fake.waitFor((f) =>
          f.sent(ADMIN).find((m) => m.text?.startsWith("Перенести"))
        );
        const yes = inlineButtons(asked.reply_markup)[0]!;
        fake.pressButton(host, "callback_data" in yes ? yes.callback_data : "");
        const atMove = killPoint(round, 2 * users);
        await fake.waitFor(
          () => moved() + edits("editMessageText") >= atMove,
          { timeout: 20_000 },
        );
        first.bot.kill("SIGKILL");
        await first.bot.status;
        const done = moved() + edits("editMessageText");
        assert.ok(done < 2 * users, `killed mid-move (${done} done)`);

        await finish(dir, fake, { at: TUESDAY, kinds: ["moved", "week_edit"] });
        const stale = invitations().flatMap((m, i) =>
          m?.text?.includes(NEW_TIME) ? [] : [i + 1]
        );
        assert.deepEqual(stale, [], "every invitation shows the new time");
        const counts = inDatabase(
          dir.database,
          (s) => s.outbox.batchCounts(`moved/${MEETING}/s1`),
        );
        const told = Array.from(
          { length: users },
          (_, i) =>
            fake.messagesTo(i + 1).filter((m) => m.includes("переносится"))
              .length,
        );
        assert.deepEqual(told.filter((n) => n > 1), [], "nobody told twice");
        const never = told.filter((n) => n === 0).length;
        assert.ok(never <= counts.unknown, `${never} never told`);
        assert.equal(counts.sent + counts.unknown, users);

        // Thursday: the bot wakes at the meeting's end; killed in the removal.
        const third = await runAt(dir.path, fake, BEFORE_END);
        const atEnd = killPoint(round + 3, users);
        await fake.waitFor(
          () => edits("editMessageReplyMarkup") >= atEnd,
          { timeout: 30_000 },
        );
        third.bot.kill("SIGKILL");
        await third.bot.status;
        const removed = edits("editMessageReplyMarkup");
        await finish(dir, fake, { at: AFTER_END, kinds: ["week_edit"] });
        const withButtons = invitations().flatMap((m, i) =>
          inlineButtons(m?.reply_markup).length > 0 ? [i + 1] : []
        );
        assert.deepEqual(withButtons, [], "no invitation keeps its buttons");
        assert.ok(
          invitations().every((m) => m?.text?.includes(NEW_TIME)),
          "the texts stay",
        );
        report(
          `edits+kill round ${round}: move killed after ${done} of ${
            2 * users
          } (notices sent ${counts.sent}, unknown ${counts.unknown}); ` +
            `end killed after ${removed} of ${users} removals`,
        );
      });
    }
  },
});
