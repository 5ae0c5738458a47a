/** Fixture factories shared by the tests: config, clock, a running bot on a fake Bot API. */
import "../src/preload.ts";
import { run } from "@grammyjs/runner";
import { createBotWithJobs } from "../src/app/compose.ts";
import { parseConfig } from "../src/config/load.ts";
import type { Config } from "../src/config/schema.ts";
import { openDatabase } from "../src/db/database.ts";
import type { Database } from "../src/db/sqlite.ts";
import { Store } from "../src/db/store.ts";
import { Pacer } from "../src/delivery/pacer.ts";
import type { JobRunner } from "../src/jobs/runner.ts";
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

/** A bot running on the grammY runner against a fake Bot API, with its jobs. */
export interface Harness extends AsyncDisposable {
  fake: FakeBotApi;
  config: Config;
  store: Store;
  db: Database;
  clock: ManualClock;
  jobs: JobRunner;
  logs: string[];
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
  retryDelaysMs?: number[];
  messagesPerSecond?: number;
}

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
  const db = openDatabase(config.database);
  const store = new Store(db);
  const { bot, jobs } = createBotWithJobs(config, {
    token: fake.token,
    apiRoot: fake.apiRoot,
    botInfo: BOT_INFO,
    store,
    log,
    now: clock.now,
    pacer: new Pacer(options.messagesPerSecond ?? 1000),
    retryDelaysMs: options.retryDelaysMs ?? [5, 10],
  });
  const runner = run(bot);
  return {
    fake,
    config,
    store,
    db,
    clock,
    jobs,
    logs,
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
      if (runner.isRunning()) await runner.stop();
      await fake.close();
      db.close();
    },
  };
}
