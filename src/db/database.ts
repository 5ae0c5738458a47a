/**
 * Opens the SQLite database (built-in `node:sqlite`) and brings its schema up to date;
 * copies a database with SQLite's online backup. Files are created private: the folder
 * 0700, the database and its copies 0600 (SQLite gives its -wal and -shm files the
 * database's mode), and owned as the folder they are made in (see `owner.ts`).
 *
 * @module
 */
import { backup, DatabaseSync } from "node:sqlite";
import { dirname } from "node:path";
import { migrate } from "./migrations.ts";
import { makeFolder, ownLike } from "./owner.ts";
import { keepBeforeMigrating } from "./upgrade.ts";
import { sqliteProblem } from "./writer.ts";
import { type Database, DatabaseError } from "./sqlite.ts";

/**
 * Opens (creating if needed) the database at `path` in WAL mode and migrates it, keeping
 * a copy first when it holds data in an older schema (see `upgrade.ts`).
 * `":memory:"` gives a private in-memory database for tests. `busyTimeoutMs` is how
 * long a statement may block waiting for another process's lock: short for `run`,
 * whose writes wait asynchronously (see `writer.ts`); longer for one-off commands.
 */
export function openDatabase(
  path: string,
  { busyTimeoutMs = 5_000 }: { busyTimeoutMs?: number } = {},
): Database {
  if (path !== ":memory:") createPrivately(path);
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path);
    db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.round(busyTimeoutMs))}`);
    if (path !== ":memory:") db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = NORMAL");
    db.exec("PRAGMA foreign_keys = ON");
  } catch (cause) {
    throw diskFull(path, cause) ??
      new DatabaseError(`Cannot open database "${path}"`, { cause });
  }
  try {
    keepBeforeMigrating(db, path);
    migrate(db);
  } catch (cause) {
    db.close();
    if (cause instanceof DatabaseError) throw cause;
    throw diskFull(path, cause) ??
      new DatabaseError(`Cannot migrate database "${path}"`, { cause });
  }
  return db;
}

/**
 * No space is left on the disk of the database: a restart helps once space is freed, so
 * the exit code is 1, which the unit restarts (`run` waits a while first).
 */
export class DiskFullError extends DatabaseError {
  /** Shows in logs and stack traces as `DiskFullError: …`. */
  override name = "DiskFullError";
  /** A restart helps once space is freed. */
  override readonly exitCode = 1;

  /** The message alone: it says what SQLite's "disk I/O error" meant. */
  override report(): string {
    return this.message;
  }
}

/**
 * A {@linkcode DiskFullError} when `cause` is SQLite's "disk is full" or "disk I/O error"
 * and the folder of `path` takes no more bytes (SQLite says only "disk I/O error" when it
 * cannot grow its shared-memory file); `undefined` otherwise.
 */
function diskFull(path: string, cause: unknown): DiskFullError | undefined {
  const problem = sqliteProblem(cause);
  if (problem !== "full" && problem !== "io") return undefined;
  const probe = `${path}.space-probe`;
  try {
    Deno.writeFileSync(probe, new Uint8Array(64 * 1024), { mode: 0o600 });
    return undefined;
  } catch (error) {
    if (!/os error 28|no space left/i.test(String(error))) return undefined;
    return new DiskFullError(
      `Disk full: no space is left on the disk of database "${path}", so it cannot be ` +
        "opened for writing. Free some space; the service starts again by itself",
      { cause },
    );
  } finally {
    try {
      Deno.removeSync(probe);
    } catch {
      // not made
    }
  }
}

/**
 * Creates the folder of `path` (0700) and an empty database file (0600) unless they
 * exist; SQLite takes an empty file as a new database.
 */
function createPrivately(path: string): void {
  try {
    makeFolder(dirname(path));
  } catch (cause) {
    throw new DatabaseError(
      `Cannot create the folder of database "${path}"`,
      { cause },
    );
  }
  try {
    Deno.writeFileSync(path, new Uint8Array(), {
      createNew: true,
      mode: 0o600,
    });
    ownLike(path, dirname(path));
  } catch (cause) {
    if (cause instanceof Deno.errors.AlreadyExists) return;
    throw new DatabaseError(`Cannot create database "${path}"`, { cause });
  }
}

/** Options of {@linkcode openExisting}. */
export interface OpenExistingOptions {
  /** Open for reading only. */
  readOnly?: boolean;
  /** How long a statement may wait for another connection's lock; default 5 s. */
  busyTimeoutMs?: number;
  /** What the file is, for messages; default `Database`. */
  what?: string;
}

/**
 * Opens an existing database file as it is: not created, not migrated (`backup`,
 * `restore`); a missing file is a {@linkcode DatabaseError} that says so.
 */
export function openExisting(
  path: string,
  options: OpenExistingOptions = {},
): Database {
  const { readOnly = false, busyTimeoutMs = 5_000, what = "Database" } =
    options;
  let found: Deno.FileInfo;
  try {
    found = Deno.statSync(path);
  } catch (cause) {
    if (cause instanceof Deno.errors.NotFound) {
      throw new DatabaseError(`${what} "${path}" does not exist`);
    }
    throw new DatabaseError(`Cannot read ${what.toLowerCase()} "${path}"`, {
      cause,
    });
  }
  if (!found.isFile) {
    throw new DatabaseError(`${what} "${path}" is not a file`);
  }
  try {
    const db = new DatabaseSync(path, { readOnly });
    db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.round(busyTimeoutMs))}`);
    return db;
  } catch (cause) {
    throw new DatabaseError(`Cannot open ${what.toLowerCase()} "${path}"`, {
      cause,
    });
  }
}

/**
 * Copies the open database `source` into the new file `target` with SQLite's online
 * backup, in one step: one consistent snapshot, also while another process writes (it
 * waits for no writer, and no writer waits for it in WAL mode). `target` is created
 * 0600 and never overwritten (`Deno.errors.AlreadyExists`); the copy is a self-contained
 * file in rollback-journal mode. On failure nothing is left at `target`.
 */
export async function copyDatabase(
  source: Database,
  target: string,
): Promise<void> {
  Deno.writeFileSync(target, new Uint8Array(), {
    createNew: true,
    mode: 0o600,
  });
  try {
    ownLike(target, dirname(target));
    await backup(source, target, { rate: -1 });
    const copy = new DatabaseSync(target);
    try {
      copy.exec("PRAGMA journal_mode = DELETE");
    } finally {
      copy.close();
    }
  } catch (error) {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) {
      try {
        Deno.removeSync(target + suffix);
      } catch {
        // not there
      }
    }
    throw error;
  }
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
