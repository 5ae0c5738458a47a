/**
 * Opens the SQLite database (built-in `node:sqlite`) and brings its schema up to date.
 *
 * @module
 */
import { DatabaseSync } from "node:sqlite";
import { dirname } from "node:path";
import { migrate } from "./migrations.ts";
import { type Database, DatabaseError } from "./sqlite.ts";

/**
 * Opens (creating if needed) the database at `path` in WAL mode and migrates it.
 * `":memory:"` gives a private in-memory database for tests. `busyTimeoutMs` is how
 * long a statement may block waiting for another process's lock: short for `run`,
 * whose writes wait asynchronously (see `writer.ts`); longer for one-off commands.
 */
export function openDatabase(
  path: string,
  { busyTimeoutMs = 5_000 }: { busyTimeoutMs?: number } = {},
): Database {
  if (path !== ":memory:") {
    try {
      Deno.mkdirSync(dirname(path), { recursive: true });
    } catch (cause) {
      throw new DatabaseError(
        `Cannot create the folder of database "${path}"`,
        { cause },
      );
    }
  }
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path);
    db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.round(busyTimeoutMs))}`);
    if (path !== ":memory:") db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = NORMAL");
    db.exec("PRAGMA foreign_keys = ON");
  } catch (cause) {
    throw new DatabaseError(`Cannot open database "${path}"`, { cause });
  }
  try {
    migrate(db);
  } catch (cause) {
    db.close();
    if (cause instanceof DatabaseError) throw cause;
    throw new DatabaseError(`Cannot migrate database "${path}"`, { cause });
  }
  return db;
}

/**
 * Checks that the database is sound and takes writes, or throws a
 * {@linkcode DatabaseError} that says why: corrupt, read-only, or locked. `full` runs
 * the complete integrity check (`check`); otherwise the quick one (`run`, `send`).
 */
export function verifyDatabase(
  db: Database,
  { path, full = false }: { path: string; full?: boolean },
): void {
  try {
    const pragma = full ? "integrity_check" : "quick_check";
    const rows = db.prepare(`PRAGMA ${pragma}`).all() as Record<
      string,
      string
    >[];
    const problems = rows.map((row) => String(Object.values(row)[0]))
      .filter((v) => v !== "ok")
      .map((v) => v.replace(/\s+/g, " ").trim());
    if (problems.length > 0) {
      throw new DatabaseError(
        `Database "${path}" is damaged: ${
          problems.slice(0, 3).join("; ")
        }. Restore a backup`,
      );
    }
  } catch (cause) {
    if (cause instanceof DatabaseError) throw cause;
    throw new DatabaseError(`Database "${path}" cannot be read`, { cause });
  }
  if (path === ":memory:") return;
  try {
    // A write that is undone: it proves the file, its folder and the lock are usable.
    transactionProbe(db);
  } catch (cause) {
    throw new DatabaseError(`Database "${path}" does not take writes`, {
      cause,
    });
  }
}

function transactionProbe(db: Database) {
  db.exec("BEGIN IMMEDIATE");
  try {
    db.prepare(
      "INSERT INTO processed_updates (update_id, handled_at) VALUES (-1, '')",
    ).run();
  } finally {
    db.exec("ROLLBACK");
  }
}
