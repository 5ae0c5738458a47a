/**
 * The shipped program with personal links, for the process tests of attendance: its
 * config (public listener, an admin, fast sends), `main.ts run` started at a moment of
 * the week and stopped, and a folder of people who all came to the meeting.
 *
 * @module
 */
import assert from "node:assert/strict";
import { type FakeBotApi, inlineButtons } from "../fake_bot_api.ts";
import type { Harness } from "../helpers.ts";
import {
  botFolder,
  collect,
  fastConfig,
  inDatabase,
  spawnRun,
  until,
} from "./bot_process.ts";
import { JOIN_LINK, withPublicOn } from "./web.ts";

/** The meeting of the tests: Wednesday 2026-11-25 11:00 Moscow (08:00Z). */
export const MEETING = "2026-11-25";
/** The admin who gets the report. */
export const ADMIN = 999_999;
/** How the question after the meeting starts. */
export const QUESTION = "Как вам встреча";

/** The shipped config with both listeners on `ports`, an admin, 100 messages a second. */
export function config(ports: { local: number; open: number }): string {
  return fastConfig({ admin: ADMIN, edit: withPublicOn(ports) });
}

/** `main.ts run` at `at`, once it polls; its output collected. */
export async function runAt(dir: string, fake: FakeBotApi, at: string) {
  const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
  const polls = () =>
    fake.requests.filter((r) => r.method === "getUpdates").length;
  const before = polls();
  const bot = await spawnRun(dir, env, at);
  const out = collect(bot.stdout);
  const err = collect(bot.stderr);
  // This process polls: its listeners are bound (they come first).
  await fake.waitFor(() => polls() > before, { timeout: 20_000 });
  return { bot, output: () => out.text() + err.text() };
}

/** Stops `run` with SIGTERM and expects a clean exit. */
export async function stop(
  run: Awaited<ReturnType<typeof runAt>>,
): Promise<string> {
  run.bot.kill("SIGTERM");
  const status = await run.bot.status;
  assert.equal(status.code, 0, run.output());
  return run.output();
}

/** Resolves once `job` of the meeting is done in the database. */
export const jobDone = (database: string, job: string) =>
  until(
    () =>
      inDatabase(database, (s) => s.jobRuns.get(MEETING, job)?.status) ===
        "done",
    { timeout: 30_000, what: `${job} done` },
  );

/** A folder with `users` who all came to the meeting (their links went out, they clicked). */
export async function cameFolder(
  users: number,
  ports: { local: number; open: number },
) {
  const dir = await botFolder({
    users,
    yesFor: MEETING,
    config: config(ports),
  });
  inDatabase(dir.database, (store) =>
    store.transaction(() => {
      store.attendance.track(MEETING);
      for (let id = 1; id <= users; id++) {
        store.attendance.join({
          meetingId: MEETING,
          userId: store.users.byTgId(id)!.id,
        }, new Date("2026-11-25T08:00:00Z"));
      }
    }));
  return dir;
}

/** How many questions each of `users` got. */
export const asked = (fake: FakeBotApi, users: number) =>
  Array.from(
    { length: users },
    (_, i) =>
      fake.messagesTo(i + 1).filter((m) => m.startsWith(QUESTION)).length,
  );

/** Adds `line` to `transcript`, after the harness's time in Moscow ("ср 10:45"). */
export function noteAt(transcript: string[], h: Harness, line: string): void {
  const at = h.clock.now().toLocaleString("ru-RU", {
    timeZone: "Europe/Moscow",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
  });
  transcript.push(`${at}  ${line}`);
}

/** The personal link in the last message to `id` that has one. */
export function linkIn(h: Harness, id: number): string {
  const text = h.fake.messagesTo(id).findLast((m) => JOIN_LINK.test(m));
  assert.ok(text, `a personal link was sent to ${id}`);
  return JOIN_LINK.exec(text)![0];
}

/** Confirms the last question the admin `adminId` was asked, and waits for its edit. */
export async function confirmLast(h: Harness, adminId: number): Promise<void> {
  const question = h.fake.sent(adminId).at(-1)!;
  const button = inlineButtons(question.reply_markup)[0]!;
  const admin = { id: adminId, first_name: "Хост" };
  await h.press(admin, "callback_data" in button ? button.callback_data : "");
  await h.fake.waitFor((f) =>
    f.edits(adminId).find((m) => m.message_id === question.message_id)
  );
  await h.idle();
}
