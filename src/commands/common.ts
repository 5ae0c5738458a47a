/**
 * What every command of the program shares: its seams, the environment it reads, and
 * opening the store.
 *
 * @module
 */
import { resolve } from "node:path";
import { UsageError } from "../core/errors.ts";
import type { Config } from "../config/schema.ts";
import { openDatabase, verifyDatabase } from "../db/database.ts";
import { loadLinkKey } from "../db/link_key.ts";
import { type Database, DatabaseError } from "../db/sqlite.ts";
import { Store } from "../db/store.ts";
import type { RetryPolicy } from "../delivery/sender.ts";
import type { Logger } from "../log.ts";
import type { Print } from "../output.ts";
import { requireDatabaseAccess } from "./places.ts";

/** Values read from the environment. */
export interface Env {
  /** `BOT_TOKEN`, if set; `run` and `send` require it. */
  token: string | undefined;
  /** `TELEGRAM_API_ROOT`, if set; else `https://api.telegram.org`. */
  apiRoot: string | undefined;
}

/** Seams shared by every command. */
export interface AppDeps {
  /** Built by `main.ts` from `LOG_LEVEL` and `LOG_FORMAT`; it redacts the token. */
  log: Logger;
  /** The clock; tests pass a fake one. */
  now: () => Date;
  /** Prints a result line for the operator (stdout); `result` is its JSON form. */
  print: Print;
  /** Writes text as it is (stdout), for `export`. */
  write?: (text: string) => void;
  /** `LOG_FORMAT=json`: `export` writes one JSON object a record instead of CSV. */
  json?: boolean;
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

/** Options of {@linkcode openStore}. */
export interface OpenOptions {
  /** Check that the database is sound and writable first: `quick` or `full`. */
  verify?: "quick" | "full";
  /** How long a statement may wait for another process's lock; default 5 s. */
  busyTimeoutMs?: number;
  /** Only a database that exists (`stats`, `export`): a missing one is an error, not created. */
  existing?: boolean;
}

/**
 * Opens (and migrates) the configured database and its store; a database outside the
 * places the program may write is a `PlaceError` before anything is touched.
 */
export function openStore(
  config: Config,
  options: OpenOptions = {},
): { db: Database; store: Store } {
  requireDatabaseAccess(config);
  if (options.existing && !isFile(config.database)) {
    throw new DatabaseError(
      `Database "${
        resolve(config.database)
      }" does not exist: nothing to show yet. Check database: in ${config.path} (and CONFIG), or start the bot first`,
    );
  }
  const db = openDatabase(config.database, {
    busyTimeoutMs: options.busyTimeoutMs,
  });
  try {
    if (options.verify !== undefined) {
      verifyDatabase(db, {
        path: config.database,
        full: options.verify === "full",
      });
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, store: new Store(db) };
}

/**
 * The key of personal links (db/link_key.ts), made beside the database on first use:
 * only when `http.public_url` is set (without it links are not personal).
 */
export function linkKeyOf(config: Config): Uint8Array | undefined {
  return config.http?.public ? loadLinkKey(config.database) : undefined;
}

function isFile(path: string): boolean {
  if (path === ":memory:") return true;
  try {
    return Deno.statSync(path).isFile;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}
