/**
 * `restore FILE`: puts a backup back as the database, keeping the current one aside.
 *
 * The bot must be stopped first. Any open connection of a running `run` (or of another
 * command) holds a shared lock on the database in WAL mode for as long as it is open,
 * so `restore` takes SQLite's exclusive lock (`locking_mode = EXCLUSIVE`, then
 * `BEGIN EXCLUSIVE`, no waiting): it is refused while anyone has the database open, and
 * while restore holds it, a `run` started meanwhile stops with "database is locked".
 *
 * @module
 */
import { basename, dirname, resolve } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describeError, OperatorError, UsageError } from "../core/errors.ts";
import type { Config } from "../config/schema.ts";
import { copyDatabase, openExisting } from "../db/database.ts";
import { makeFolder, ownerOf, ownLike } from "../db/owner.ts";
import { SCHEMA_VERSION, schemaVersion } from "../db/migrations.ts";
import { type Database, DatabaseError } from "../db/sqlite.ts";
import {
  BackupError,
  countUsers,
  exists,
  integrityProblems,
  removeIfThere,
  utcStamp,
} from "./backup.ts";
import type { AppDeps } from "./common.ts";
import { requireAccess, requireDatabaseAccess } from "./places.ts";

/** The database is open elsewhere: the bot (or another command) is running. */
export class DatabaseInUseError extends OperatorError {
  /** Shows in logs and stack traces as `DatabaseInUseError: …`. */
  override name = "DatabaseInUseError";
}

/** What {@linkcode restoreCommand} did. */
export interface RestoreResult {
  /** The database, now the backup's copy. */
  database: string;
  /** Where the database before the restore was kept; none when there was none. */
  previous?: string;
  /** The backup's schema version; the next start migrates it forward. */
  schemaVersion: number;
  /** Users in the backup. */
  users: number;
}

/**
 * `restore FILE`: checks that FILE is a sound database of this bot (integrity, a schema
 * version this program can migrate), refuses while the database is in use, keeps the
 * current database as `bot.sqlite3.before-restore-YYYYMMDD-HHMMSS`, and copies FILE into
 * place with stale -wal/-shm files removed. The new file keeps the owner and mode of the
 * database it replaces (or, without one, 0600 and the owner of its folder), also when
 * root runs this: the service can open it. The next start migrates it forward.
 */
export async function restoreCommand(
  config: Config,
  options: AppDeps & { path: string },
): Promise<RestoreResult> {
  const { path, ...deps } = options;
  if (config.database === ":memory:") {
    throw new UsageError("An in-memory database cannot be restored");
  }
  const file = resolve(path);
  const database = config.database;
  requireAccess(file, { what: "Backup file" });
  requireDatabaseAccess(config);
  if (file === resolve(database)) {
    throw new UsageError(`"${file}" is the database itself: name a backup`);
  }
  const source = openExisting(file, { readOnly: true, what: "Backup file" });
  try {
    const { version, users } = checkBackup(source, file);
    makeFolder(dirname(database));
    const restoring = `${database}.restoring`;
    removeIfThere(restoring); // left by a restore that was killed
    // The service's owner and mode, whoever runs this (root, with sudo): kept below.
    const owner = exists(database) ? ownerOf(database) : undefined;
    const live = exists(database) ? lockExclusively(database) : undefined;
    const previous = live === undefined
      ? undefined
      : `${database}.before-restore-${utcStamp(deps.now())}`;
    try {
      if (live instanceof DatabaseSync) {
        await copy(live, previous!);
        ownLike(previous!, owner!, { mode: true });
      }
      await copy(source, restoring);
      ownLike(restoring, owner ?? dirname(database), {
        mode: owner !== undefined,
      });
    } catch (error) {
      if (live instanceof DatabaseSync) live.close();
      removeIfThere(restoring);
      throw error;
    }
    if (live instanceof DatabaseSync) {
      // Closing the last connection checkpoints and deletes its -wal.
      live.close();
    } else if (live === "unreadable") {
      // Not a database SQLite can read: kept as it is, with its -wal if any.
      Deno.renameSync(database, previous!);
      if (exists(`${database}-wal`)) {
        Deno.renameSync(`${database}-wal`, `${previous}-wal`);
      }
    }
    // Whatever is left of them belongs to the old file, never to be replayed onto the new.
    for (const suffix of ["-wal", "-shm", "-journal"]) {
      removeIfThere(database + suffix);
    }
    Deno.renameSync(restoring, database);
    deps.print(
      `restore: ${file} -> ${database} (schema version ${version}, ${users} users, integrity ok)` +
        (previous === undefined
          ? ""
          : `; the previous database is kept as ${basename(previous)}`),
      {
        event: "restore.done",
        fields: {
          from: file,
          database,
          schema_version: version,
          users,
          previous,
        },
      },
    );
    return { database, previous, schemaVersion: version, users };
  } finally {
    source.close();
  }
}

/** The backup's schema version and users, or a {@linkcode DatabaseError} saying why not. */
function checkBackup(
  db: Database,
  file: string,
): { version: number; users: number } {
  let problems: string[];
  let version: number;
  let users: number;
  try {
    problems = integrityProblems(db);
    version = schemaVersion(db);
    users = countUsers(db);
  } catch (cause) {
    throw new DatabaseError(
      `Backup "${file}" is not a readable SQLite database`,
      { cause },
    );
  }
  if (problems.length > 0) {
    throw new DatabaseError(
      `Backup "${file}" failed its integrity check: ${
        problems.slice(0, 3).join("; ")
      }`,
    );
  }
  if (version > SCHEMA_VERSION) {
    throw new DatabaseError(
      `Backup "${file}" has schema version ${version}, newer than this program's ${SCHEMA_VERSION}: restore it with the newer program`,
    );
  }
  const hasUsers = db.prepare(
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'",
  ).get() !== undefined;
  if (!hasUsers) {
    throw new DatabaseError(
      `Backup "${file}" has no users table: not a database of this bot`,
    );
  }
  return { version, users };
}

/**
 * Opens the live database and takes its exclusive lock without waiting, or throws a
 * {@linkcode DatabaseInUseError}: a connection open anywhere else holds a lock that
 * keeps it from us. The lock is held until the connection closes. `"unreadable"` when
 * the file is not a database SQLite can read (what a restore is for).
 */
function lockExclusively(database: string): Database | "unreadable" {
  const db = openExisting(database, { busyTimeoutMs: 0 });
  try {
    db.exec("PRAGMA locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
    return db;
  } catch (cause) {
    db.close();
    const reason = describeError(cause);
    if (/locked|busy/i.test(reason)) {
      throw new DatabaseInUseError(
        `Database "${database}" is in use: stop the bot first (sudo systemctl stop meeting-bot, or docker compose stop bot), then restore`,
        { cause },
      );
    }
    if (/not a database|malformed|corrupt/i.test(reason)) return "unreadable";
    throw new DatabaseError(`Cannot lock database "${database}"`, { cause });
  }
}

async function copy(source: Database, target: string): Promise<void> {
  try {
    await copyDatabase(source, target);
  } catch (cause) {
    throw new BackupError(
      `Cannot write "${target}": ${describeError(cause)}`,
      { cause },
    );
  }
}
