/**
 * The invitation broadcast to many users through the real job path, against a fake Bot
 * API that enforces a global flood limit of `limit` messages per second.
 */
import { createBroadcastApi } from "../src/bot/bot.ts";
import { transaction } from "../src/db/database.ts";
import type { Store } from "../src/db/store.ts";
import { Pacer } from "../src/delivery/pacer.ts";
import { createJobRunner } from "../src/jobs.ts";
import {
  type DeliveryFigures,
  type FakeHost,
  startFakeSide,
} from "./fake_side.ts";
import { benchLogger, openTempDatabase } from "./fixtures.ts";
import { sampleRss } from "./memory.ts";
import { round } from "./stats.ts";

/** Options of {@linkcode benchBroadcast}. */
export interface BroadcastBenchOptions {
  users: number;
  /** Messages per second: the fake's limit and the pacer's rate alike. */
  limit: number;
  fakeHost: FakeHost;
}

/** Figures of one broadcast run. */
export interface BroadcastFigures extends DeliveryFigures {
  users: number;
  limit: number;
  fakeHost: FakeHost;
  /** `messagesPerSecond / limit`. */
  ratio: number;
  /** Wall time of the whole job (database work included), in seconds. */
  jobSeconds: number;
  peakRssMiB: number;
}

/** First Telegram id of the seeded users; user `i` has id `FIRST_TG_ID + i`. */
const FIRST_TG_ID = 1_000_000;

/** Runs one invitation broadcast to `users` registered users and measures it. */
export async function benchBroadcast(
  options: BroadcastBenchOptions,
): Promise<BroadcastFigures> {
  await using temp = await openTempDatabase({
    broadcast: { messages_per_second: options.limit },
  });
  await using fake = await startFakeSide({
    host: options.fakeHost,
    rateLimit: { perSecond: options.limit },
  });
  const { store, config, clock } = temp;
  seedUsers(store, options.users, clock.now());
  const jobs = createJobRunner({
    config,
    store,
    api: createBroadcastApi(fake.token, fake.apiRoot),
    pacer: new Pacer(config.broadcast.messages_per_second),
    log: benchLogger(clock.now),
    now: clock.now,
  });

  const rss = sampleRss();
  const started = performance.now();
  await jobs.runNow("invitation");
  const jobSeconds = (performance.now() - started) / 1000;
  const peakRssMiB = rss.stop();

  const figures = await fake.deliveries({
    firstTgId: FIRST_TG_ID,
    count: options.users,
  });
  return {
    ...figures,
    users: options.users,
    limit: options.limit,
    fakeHost: options.fakeHost,
    ratio: round(figures.messagesPerSecond / options.limit, 3),
    jobSeconds: round(jobSeconds, 2),
    peakRssMiB,
  };
}

/** Creates `count` active, registered users in one transaction. */
function seedUsers(store: Store, count: number, now: Date): void {
  transaction(store.db, () => {
    for (let i = 0; i < count; i++) {
      const tgId = FIRST_TG_ID + i;
      store.startUser({ tg_id: tgId, first_name: `User ${i}` }, now);
      store.setRegistered({ tgId, registered: true }, now);
    }
  });
}
