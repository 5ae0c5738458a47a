/**
 * What every command of the program shares: its seams, the environment it reads, and
 * opening the store.
 *
 * @module
 */
import { UsageError } from "../core/errors.ts";
import type { Config } from "../config/schema.ts";
import { openDatabase } from "../db/database.ts";
import type { Database } from "../db/sqlite.ts";
import { Store } from "../db/store.ts";
import type { RetryPolicy } from "../delivery/sender.ts";
import type { Logger } from "../log.ts";

/** Values read from the environment. */
export interface Env {
  token: string | undefined;
  apiRoot: string | undefined;
}

/** Seams shared by every command. */
export interface AppDeps {
  log: Logger;
  now: () => Date;
  /** Prints a line for the operator (stdout). */
  print: (line: string) => void;
  /** Writes text as it is (stdout), for `export`. */
  write?: (text: string) => void;
  /** How failed sends are retried; default the config's `delivery` (tests shorten it). */
  retry?: RetryPolicy;
}

/** The bot token from the environment, or a {@linkcode UsageError} naming it. */
export function requireToken(env: Env): string {
  if (env.token === undefined || env.token.trim() === "") {
    throw new UsageError(
      "Missing environment variable BOT_TOKEN: the token from @BotFather",
    );
  }
  return env.token.trim();
}

/** Opens (and migrates) the configured database and its store. */
export function openStore(config: Config): { db: Database; store: Store } {
  const db = openDatabase(config.database);
  return { db, store: new Store(db) };
}
