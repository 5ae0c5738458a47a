/**
 * The reminder under `/who` with `main.ts run` killed (SIGKILL) in the middle of it,
 * then started again at the time of Tuesday's nudge: nobody gets the nudge twice, from
 * the button and the job together or from a resend. Runs KILL_ROUNDS times.
 */
import assert from "node:assert/strict";
import { report } from "./support/report.ts";
import {
  FakeBotApi,
  type FakeUser,
  inlineButtons,
  type SentRecord,
  user,
} from "./fake_bot_api.ts";
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
/** Tuesday 18:00:05 Moscow: the nudge of the shipped schedule is due. */
const TUESDAY = "2026-11-24 15:00:05";
const NUDGE = "Вы ещё не ответили";

/** Presses the button `text` of the admin's message `message`. */
function press(fake: FakeBotApi, message: SentRecord, text: string): void {
  const button = inlineButtons(message.reply_markup).find((b) =>
    b.text === text
  );
  assert.ok(button && "callback_data" in button, `a button "${text}"`);
  const host: FakeUser = user(ADMIN, { first_name: "Хост" });
  fake.pressButton(
    host,
    button.callback_data!,
    fake.message(ADMIN, message.message_id),
  );
}

/** The admin's first message with a button `text`. */
function withButton(fake: FakeBotApi, text: string): SentRecord | undefined {
  return fake.sent(ADMIN).find((m) =>
    inlineButtons(m.reply_markup).some((b) => b.text === text)
  );
}

Deno.test({
  name:
    "the /who reminder, kill -9 in the middle, then Tuesday's nudge: each one who has not answered gets it once",
  ignore: LIBFAKETIME === undefined,
  async fn(t) {
    for (let round = 1; round <= KILL_ROUNDS; round++) {
      await t.step(`round ${round}`, async () => {
        const users = 200;
        await using dir = await botFolder({
          users,
          config: fastConfig({ admin: ADMIN }),
        });
        await using fake = await FakeBotApi.start({ latency: 2 });
        const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
        const nudged = () =>
          fake.sent().filter((m) => m.text?.startsWith(NUDGE)).length;

        const first = await spawnRun(dir.path, env, MONDAY);
        collect(first.stdout);
        collect(first.stderr);
        await until(
          () =>
            inDatabase(
              dir.database,
              (s) => s.jobRuns.get(MEETING, "invitation")?.status === "done",
            ),
          { timeout: 30_000, what: "the invitation delivered" },
        );
        fake.sendText(user(ADMIN, { first_name: "Хост" }), "/who");
        const who = await fake.waitFor(() =>
          withButton(fake, "Напомнить тем, кто не ответил")
        );
        press(fake, who, "Напомнить тем, кто не ответил");
        const question = await fake.waitFor(() =>
          withButton(fake, "Напомнить")
        );
        assert.match(question.text!, new RegExp(`Напишу ${users} участникам`));
        press(fake, question, "Напомнить");
        const killAt = Math.round(users * (0.03 + ((round * 0.37) % 0.8)));
        await fake.waitFor(() => nudged() >= killAt, { timeout: 20_000 });
        first.kill("SIGKILL");
        await first.status;
        const atKill = nudged();
        assert.ok(atKill < users, `killed mid-reminder (${atKill} reminded)`);

        const second = await spawnRun(dir.path, env, TUESDAY);
        collect(second.stdout);
        const err = collect(second.stderr);
        try {
          await until(
            () =>
              inDatabase(
                dir.database,
                (s) => s.jobRuns.get(MEETING, "nudge")?.status === "done",
              ),
            { timeout: 30_000, what: "Tuesday's nudge done" },
          );
        } finally {
          second.kill("SIGTERM");
        }
        assert.equal((await second.status).code, 0, err.text());
        const counts = inDatabase(
          dir.database,
          (s) => s.outbox.batchCounts(`nudge/${MEETING}`),
        );
        const perUser = Array.from(
          { length: users },
          (_, i) =>
            fake.messagesTo(i + 1).filter((m) => m.startsWith(NUDGE)).length,
        );
        assert.deepEqual(perUser.filter((n) => n > 1), [], "nobody twice");
        const never = perUser.filter((n) => n === 0).length;
        assert.ok(never <= counts.unknown, `${never} never reminded`);
        assert.equal(counts.sent + counts.unknown, users);
        report(
          `nudge+kill round ${round}: reminded ${atKill} before the kill, sent ${counts.sent}, ` +
            `unknown ${counts.unknown}, never reminded ${never}, twice 0`,
        );
      });
    }
  },
});
