/**
 * Updates through the real bot: the grammY runner long-polls the fake Bot API while
 * updates are injected, and each update's latency is the time from its injection to the
 * bot's answer (reply or answerCallbackQuery) as the fake recorded it.
 */
import { run } from "@grammyjs/runner";
import { createBotWithJobs } from "../src/app.ts";
import { upcomingMeeting } from "../src/domain/meeting.ts";
import { BOT_INFO } from "../tests/fake_bot_api.ts";
import {
  type FakeHost,
  type InjectFigures,
  startFakeSide,
} from "./fake_side.ts";
import { benchLogger, openTempDatabase } from "./fixtures.ts";
import { sampleRss } from "./memory.ts";

/** Options of {@linkcode benchUpdates}. */
export interface UpdatesBenchOptions {
  users: number;
  updates: number;
  /** Updates injected per second, in batches every 10 ms; 0 injects all at once. */
  rate: number;
  fakeHost: FakeHost;
}

/** Figures of one updates run; times in milliseconds. */
export interface UpdatesFigures extends InjectFigures {
  users: number;
  injection: string;
  fakeHost: FakeHost;
  peakRssMiB: number;
}

const FIRST_TG_ID = 2_000_000;

/** Runs the bot on a fresh database, injects the updates and measures the answers. */
export async function benchUpdates(
  options: UpdatesBenchOptions,
): Promise<UpdatesFigures> {
  await using temp = await openTempDatabase();
  await using fake = await startFakeSide({ host: options.fakeHost });
  const { store, config, clock } = temp;
  const log = benchLogger(clock.now);
  const { bot } = createBotWithJobs(config, {
    token: fake.token,
    apiRoot: fake.apiRoot,
    botInfo: BOT_INFO,
    store,
    log,
    now: clock.now,
  });
  const runner = run(bot);
  try {
    await fake.polled();
    const rss = sampleRss();
    const figures = await fake.injectAndMeasure({
      users: options.users,
      updates: options.updates,
      rate: options.rate,
      meetingId: upcomingMeeting(config, clock.now()).id,
      firstTgId: FIRST_TG_ID,
    });
    return {
      ...figures,
      users: options.users,
      injection: options.rate > 0
        ? `steady ${options.rate}/s in batches every 10 ms`
        : "all at once",
      fakeHost: options.fakeHost,
      peakRssMiB: rss.stop(),
    };
  } finally {
    if (runner.isRunning()) await runner.stop();
  }
}
