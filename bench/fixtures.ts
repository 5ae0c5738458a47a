/** What both benchmarks share: the fixed clock, a temp-file database, a quiet logger. */
import type { Config } from "../src/config.ts";
import { type Database, openDatabase } from "../src/db/database.ts";
import { Store } from "../src/db/store.ts";
import { createLogger, type Logger } from "../src/log.ts";
import { ManualClock, testConfig } from "../tests/helpers.ts";

/** Monday 10:00 Moscow: the invitation is due and answers are open. */
export const BENCH_INSTANT = "2026-11-23T07:00:00Z";

/** A SQLite file (WAL) in a fresh temp folder; disposing closes it and removes the folder. */
export interface TempDatabase extends AsyncDisposable {
  path: string;
  db: Database;
  store: Store;
  config: Config;
  clock: ManualClock;
}

/** Opens a migrated database in a new temp folder, with a config pointing at it. */
export async function openTempDatabase(
  overrides: Partial<Config> = {},
): Promise<TempDatabase> {
  const dir = await Deno.makeTempDir({ prefix: "meeting-bot-bench-" });
  const path = `${dir}/bot.sqlite3`;
  const db = openDatabase(path);
  return {
    path,
    db,
    store: new Store(db),
    config: testConfig({ ...overrides, database: path }),
    clock: new ManualClock(BENCH_INSTANT),
    async [Symbol.asyncDispose]() {
      if (db.isOpen) db.close();
      await Deno.remove(dir, { recursive: true });
    },
  };
}

/** A logger that formats every line, as in production, then drops it. */
export function benchLogger(now: () => Date): Logger {
  return createLogger({ level: "info", write: () => {}, now });
}
