/** Fixture factories shared by the tests: config, clock, a running bot on a fake Bot API. */
import "../src/preload.ts";
import { createApp } from "../src/app/compose.ts";
import { startPolling } from "../src/app/polling.ts";
import { createPlainApi } from "../src/bot/bot.ts";
import { parseConfig } from "../src/config/load.ts";
import type { Config } from "../src/config/schema.ts";
import { openDatabase } from "../src/db/database.ts";
import type { Database } from "../src/db/sqlite.ts";
import { Store } from "../src/db/store.ts";
import { Pacer } from "../src/delivery/pacer.ts";
import type { BatchCounts } from "../src/db/outbox.ts";
import type { RetryPolicy, Sender } from "../src/delivery/sender.ts";
import type { JobName } from "../src/core/jobs.ts";
import { newKey } from "../src/domain/tokens.ts";
import { createLogger } from "../src/log.ts";
import {
  BOT_INFO,
  type CallbackAnswer,
  FakeBotApi,
  type FakeBotApiOptions,
  type FakeUser,
} from "./fake_bot_api.ts";

const SHIPPED_CONFIG = await Deno.readTextFile(
  new URL("../config.yaml", import.meta.url),
);

/** The shipped config.yaml, with an in-memory database unless `database` is given. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const config = parseConfig(SHIPPED_CONFIG, { path: "/tmp/test-config.yaml" });
  return { ...config, database: ":memory:", ...overrides };
}

/** The shipped config's times with the nudge on (Tuesday 18:00), whatever config.yaml says. */
export const SCHEDULE_WITH_NUDGE: Config["schedule"] = {
  invitation: { weekday: "monday", time: { hour: 10, minute: 0 } },
  nudge: { weekday: "tuesday", time: { hour: 18, minute: 0 } },
  first_reminder: { weekday: "wednesday", time: { hour: 9, minute: 0 } },
  second_reminder: { weekday: "wednesday", time: { hour: 10, minute: 40 } },
};

/** A temporary folder, removed with everything in it when disposed. */
export interface TempDir extends AsyncDisposable {
  path: string;
}

/** Creates a temporary folder: `await using temp = await tempDir()`. */
export async function tempDir(): Promise<TempDir> {
  const path = await Deno.makeTempDir({ prefix: "meeting-bot-" });
  return {
    path,
    [Symbol.asyncDispose]: () => Deno.remove(path, { recursive: true }),
  };
}

/** A clock the test moves by hand. */
export class ManualClock {
  #now: Date;
  constructor(start: string | Date) {
    this.#now = new Date(start);
  }
  /** The current instant; pass `clock.now` as the `now` seam. */
  now = (): Date => new Date(this.#now);
  /** Moves to an instant. */
  set(instant: string | Date): void {
    this.#now = new Date(instant);
  }
  /** Moves forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.#now = new Date(this.#now.getTime() + ms);
  }
}

/** The job runner as tests drive it: each call also waits for the sender to deliver. */
export interface TestJobs {
  /** Ticks, then waits until the sender has delivered everything due. */
  tick(): Promise<void>;
  /** Enqueues `job` now, waits for its delivery, and resolves to its counts. */
  runNow(job: JobName): Promise<BatchCounts>;
}

/** A bot running on the grammY runner against a fake Bot API, with its jobs. */
export interface Harness extends AsyncDisposable {
  fake: FakeBotApi;
  config: Config;
  store: Store;
  db: Database;
  clock: ManualClock;
  jobs: TestJobs;
  sender: Sender;
  logs: string[];
  /** The key personal links and feed addresses are derived under. */
  linkKey: Uint8Array;
  /** Resolves once nothing is due in the outbox, nothing in flight, every write committed. */
  idle(): Promise<void>;
  /** Sends a text as `user` and resolves to the bot's reply to it. */
  say(user: FakeUser, text: string): Promise<string>;
  /** Presses a button as `user` and resolves to the bot's answer to the callback query. */
  press(user: FakeUser, data: string): Promise<CallbackAnswer>;
}

/** Options of {@linkcode startHarness}. */
export interface HarnessOptions {
  config?: Config;
  clock?: ManualClock;
  fake?: FakeBotApiOptions;
  retry?: RetryPolicy;
  messagesPerSecond?: number;
  /** How long a write may wait for another connection's lock; default 10 s. */
  writeTimeoutMs?: number;
}

/** Retries in milliseconds, for tests whose fake fails on purpose. */
export const QUICK_RETRY: RetryPolicy = {
  initialMs: 5,
  maxMs: 20,
  giveUpMs: 60_000,
};

/** Starts the real bot (grammY runner) and its job runner against a fresh fake Bot API. */
export async function startHarness(
  options: HarnessOptions = {},
): Promise<Harness> {
  const fake = await FakeBotApi.start(options.fake);
  const config = options.config ?? testConfig();
  const clock = options.clock ?? new ManualClock("2026-11-23T06:00:00Z");
  const logs: string[] = [];
  const log = createLogger({
    level: "debug",
    write: (line) => logs.push(line),
    now: clock.now,
  });
  const db = openDatabase(config.database, { busyTimeoutMs: 20 });
  const store = new Store(db, {
    writer: { timeoutMs: options.writeTimeoutMs },
  });
  const linkKey = newKey();
  const app = createApp(config, {
    linkKey,
    token: fake.token,
    apiRoot: fake.apiRoot,
    botInfo: BOT_INFO,
    store,
    log,
    now: clock.now,
    pacer: new Pacer(options.messagesPerSecond ?? 1000),
    retry: options.retry ?? QUICK_RETRY,
  });
  app.sender.start({ alone: true });
  const polling = startPolling(app.bot, {
    api: createPlainApi(fake.token, fake.apiRoot),
    log,
    config,
    timeoutSeconds: 1,
    inbox: {
      receive: (updates) =>
        store.write(() => store.updates.receive(updates, clock.now())),
      unhandled: () => store.updates.unhandled(),
    },
  });
  const idle = async () => {
    for (let quiet = 0; quiet < 2;) {
      await store.settled();
      const busy = app.sender.inflight > 0 ||
        store.outbox.due({ now: clock.now(), limit: 1 }).length > 0;
      quiet = busy ? 0 : quiet + 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const jobs: TestJobs = {
    async tick() {
      await app.jobs.tick();
      await idle();
      await app.jobs.tick(); // closes what the sender finished
      await idle();
    },
    async runNow(job) {
      const { batch } = await app.jobs.enqueueNow(job);
      await idle();
      return store.outbox.batchCounts(batch);
    },
  };
  return {
    fake,
    config,
    store,
    db,
    clock,
    jobs,
    sender: app.sender,
    logs,
    linkKey,
    idle,
    async say(user, text) {
      const messages = () =>
        fake.sent(user.id).filter((m) => m.method === "sendMessage");
      const before = messages().length;
      fake.sendText(user, text);
      const reply = await fake.waitFor(() => messages()[before]);
      return reply.text ?? "";
    },
    async press(user, data) {
      const update = fake.pressButton(user, data);
      const id = update.callback_query!.id;
      return await fake.waitFor((f) => f.answerFor(id));
    },
    async [Symbol.asyncDispose]() {
      if (polling.runner.isRunning()) await polling.runner.stop();
      await app.sender.stop();
      app.close();
      await store.settled();
      await fake.close();
      db.close();
    },
  };
}
