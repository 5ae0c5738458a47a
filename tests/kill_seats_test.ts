/**
 * Seats with `main.ts run` killed (SIGKILL) in the middle and started again, under the
 * compile task's permissions: the 200-press race for 20 seats, and seats given up while
 * others wait. After the restart the database holds exactly the seats, the waitlist in
 * commit order, every press answered as the database says, and every promotion once.
 * Each test runs KILL_ROUNDS times (default 2).
 */
import assert from "node:assert/strict";
import { FakeBotApi, user } from "./fake_bot_api.ts";
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
import { checkRace, shuffled, spread } from "./support/seats.ts";

const MEETING = "2026-11-25";
/** Tuesday 09:00 Moscow (libfaketime runs in UTC): answers are open. */
const TUESDAY = "2026-11-24 06:00:00";
const SEATS = 20;

/** The shipped config, fast, with `SEATS` seats a week. */
const config = () =>
  fastConfig({
    edit: (text) =>
      text.replace(
        "  link: https://example.com/live\n",
        `  link: https://example.com/live\n  capacity: ${SEATS}\n`,
      ),
  });

/** Between 3% and 83% of `of`, different each round: where the kill falls. */
function killPoint(round: number, of: number): number {
  return Math.round(of * (0.03 + ((round * 0.37) % 0.8)));
}

/** Starts `main.ts run` at `TUESDAY`, its output drained, once it polls. */
async function run(dir: string, fake: FakeBotApi) {
  const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
  const bot = await spawnRun(dir, env, TUESDAY);
  collect(bot.stdout); // an undrained pipe would block the process's logging
  const err = collect(bot.stderr);
  await fake.waitForCount("getUpdates", 1, { timeout: 20_000 });
  return { bot, err };
}

/** How many rows of `sql`'s count the database at `path` has. */
function count(path: string, sql: string, ...values: string[]): number {
  return inDatabase(
    path,
    (_s, db) => Number((db.prepare(sql).get(...values) as { n: number }).n),
  );
}

/** The chats whose rows of `kind` a killed process left in flight. */
function inFlight(path: string, kind: string): Set<number> {
  return inDatabase(path, (_s, db) =>
    new Set(
      (db.prepare(
        "SELECT chat_id FROM outbox WHERE kind = ? AND status = 'sending'",
      ).all(kind) as { chat_id: number }[]).map((r) => Number(r.chat_id)),
    ));
}

/** Nothing left to send, as far as `until` can tell. */
const settled = (path: string) =>
  count(
    path,
    "SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'sending')",
  ) === 0;

Deno.test({
  name:
    "200 presses for 20 seats with a kill -9 at a random moment: after the restart 20 seats, 180 on the waitlist in commit order, every press answered",
  ignore: LIBFAKETIME === undefined,
  async fn(t) {
    for (let round = 1; round <= KILL_ROUNDS; round++) {
      await t.step(`round ${round}`, async () => {
        const users = 200;
        await using dir = await botFolder({ users, config: config() });
        await using fake = await FakeBotApi.start({
          callbackQueryTtlMs: 300_000,
        });
        const first = await run(dir.path, fake);
        const ids = shuffled(
          Array.from({ length: users }, (_, i) => i + 1),
          round,
        );
        // Within one second: ten presses every 50 ms, while the kill waits its moment.
        const presses = spread(ids, {
          every: 10,
          ms: 50,
          press: (id) => fake.pressButton(user(id), `rsvp:${MEETING}:yes`),
        });
        const answered = () =>
          presses.sent.filter((p) =>
            fake.answerFor(p.callback_query!.id) !== undefined
          ).length;
        await fake.waitFor(() => answered() >= killPoint(round, users), {
          timeout: 30_000,
        });
        first.bot.kill("SIGKILL");
        await first.bot.status;
        await presses.done;
        const atKill = answered();
        const committed = count(
          dir.database,
          "SELECT count(*) AS n FROM answers WHERE meeting_id = ?",
          MEETING,
        );
        const claimed = inFlight(dir.database, "calendar");
        const second = await run(dir.path, fake);
        try {
          await until(() => answered() === users && settled(dir.database), {
            timeout: 60_000,
            what: "every press answered and every message settled",
          });
        } finally {
          second.bot.kill("SIGTERM");
        }
        assert.equal((await second.bot.status).code, 0, second.err.text());
        const race = inDatabase(dir.database, (_s, db) =>
          checkRace(db, {
            meetingId: MEETING,
            presses: presses.sent.map((p) => ({
              tgId: p.callback_query!.from.id,
              told: fake.answers
                .filter((a) => a.callback_query_id === p.callback_query!.id)
                .map((a) => a.text ?? ""),
            })),
            seats: SEATS,
          }));
        const files = (id: number) =>
          fake.sent(id).filter((m) => m.method === "sendDocument").length;
        for (let id = 1; id <= users; id++) {
          const n = files(id);
          if (!race.seated.has(id)) {
            assert.equal(n, 0, `${id} waits: no calendar file`);
          } else {
            assert.ok(n === 1 || (n === 2 && claimed.has(id)), `${id}: ${n}`);
          }
        }
        report(
          `seats race + kill round ${round}: answered ${atKill} and committed ` +
            `${committed} before the kill; after the restart seats ` +
            `${race.seated.size}, waitlist ${race.waitlist.length} in commit ` +
            `order, answered ${race.answered} of ${users}`,
        );
      });
    }
  },
});

Deno.test({
  name:
    "seats given up while 30 wait, with a kill -9 in the middle: after the restart each freed seat went to the next in line, told once",
  ignore: LIBFAKETIME === undefined,
  async fn(t) {
    for (let round = 1; round <= KILL_ROUNDS; round++) {
      await t.step(`round ${round}`, async () => {
        const users = 50;
        const leaving = 10;
        await using dir = await botFolder({ users, config: config() });
        inDatabase(dir.database, (store) => {
          const at = new Date("2026-11-23T08:00:00Z");
          store.meetings.ensure({
            id: MEETING,
            startsAt: new Date("2026-11-25T08:00:00Z"),
          }, at);
          for (let id = 1; id <= users; id++) {
            store.answers.record({
              meetingId: MEETING,
              userId: store.users.byTgId(id)!.id,
              answer: "yes",
              seat: id <= SEATS ? "seat" : "waitlist",
            }, at);
          }
        });
        await using fake = await FakeBotApi.start({
          callbackQueryTtlMs: 300_000,
          latency: 40, // messages in flight at the kill: unknown, never resent
        });
        const first = await run(dir.path, fake);
        const presses = spread(
          Array.from({ length: leaving }, (_, i) => i + 1),
          {
            every: 1,
            ms: 50,
            press: (id) => fake.pressButton(user(id), `rsvp:${MEETING}:no`),
          },
        );
        const answered = () =>
          presses.sent.filter((p) =>
            fake.answerFor(p.callback_query!.id) !== undefined
          ).length;
        await fake.waitFor(
          () => answered() >= Math.max(1, killPoint(round, leaving)),
          { timeout: 30_000 },
        );
        first.bot.kill("SIGKILL");
        await first.bot.status;
        await presses.done;
        const atKill = answered();
        const second = await run(dir.path, fake);
        try {
          await until(
            () => answered() === leaving && settled(dir.database),
            {
              timeout: 60_000,
              what: "every 'no' answered, every message settled",
            },
          );
        } finally {
          second.bot.kill("SIGTERM");
        }
        assert.equal((await second.bot.status).code, 0, second.err.text());
        const { seats, promotions, granted } = inDatabase(
          dir.database,
          (store, db) => ({
            seats: db.prepare(
              `SELECT u.tg_id, a.seat FROM answers a JOIN users u ON u.id = a.user_id
               WHERE a.meeting_id = ? ORDER BY a.queued`,
            ).all(MEETING) as { tg_id: number; seat: string | null }[],
            promotions: store.seats.promotions(MEETING),
            granted: db.prepare(
              `SELECT chat_id, status FROM outbox WHERE kind = 'seat_granted'
               ORDER BY chat_id`,
            ).all() as { chat_id: number; status: string }[],
          }),
        );
        const holding = (seat: string | null) =>
          seats.filter((r) => r.seat === seat).map((r) => Number(r.tg_id));
        const range = (from: number, to: number) =>
          Array.from({ length: to - from + 1 }, (_, i) => from + i);
        assert.deepEqual(holding(null), range(1, leaving), "those who left");
        assert.deepEqual(
          holding("seat").sort((a, b) => a - b),
          range(leaving + 1, SEATS + leaving),
          "20 seats: the rest of the seated and the first 10 waiting",
        );
        assert.deepEqual(
          holding("waitlist"),
          range(SEATS + leaving + 1, users),
        );
        assert.equal(promotions, leaving, "each promotion counted once");
        assert.deepEqual(
          granted.map((g) => Number(g.chat_id)),
          range(SEATS + 1, SEATS + leaving),
          "one message owed to each promoted",
        );
        const told = range(SEATS + 1, SEATS + leaving).map((id) =>
          fake.messagesTo(id).filter((m) => m.startsWith("Освободилось место"))
            .length
        );
        assert.ok(told.every((n) => n <= 1), "nobody told twice");
        // A message in flight at the kill is unknown, never resent: it may have arrived.
        const unknown = granted.filter((g) => g.status === "unknown").length;
        const sent = granted.filter((g) => g.status === "sent").length;
        assert.equal(sent + unknown, leaving, "each settled, sent or unknown");
        const never = told.filter((n) => n === 0).length;
        assert.ok(never <= unknown, `${never} never told, ${unknown} unknown`);
        report(
          `promotions + kill round ${round}: ${atKill} of ${leaving} 'no' answered ` +
            `before the kill; promoted ${promotions} (21…30), told ` +
            `${
              told.filter((n) => n === 1).length
            }, sent ${sent}, unknown ${unknown}`,
        );
      });
    }
  },
});
