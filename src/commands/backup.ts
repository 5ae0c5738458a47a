/**
 * `backup [--keep N] TARGET`: a consistent, checked copy of the database, safe while the
 * bot runs; needs no token and no network.
 *
 * @module
 */
import { basename, dirname, extname, join, resolve } from "node:path";
import { describeError, OperatorError, UsageError } from "../core/errors.ts";
import type { Config } from "../config/schema.ts";
import { type BackupRecord, recordBackup } from "../db/backups.ts";
import { copyDatabase, openExisting } from "../db/database.ts";
import { makeFolder } from "../db/owner.ts";
import { type Database, DatabaseError } from "../db/sqlite.ts";
import type { AppDeps } from "./common.ts";
import { requireAccess, requireDatabaseAccess } from "./places.ts";

/** A backup or a restore could not be written. */
export class BackupError extends OperatorError {
  /** Shows in logs and stack traces as `BackupError: …`. */
  override name = "BackupError";
}

/** The name of a backup that `--keep` may delete: `bot-20261124-033012.sqlite3` (UTC). */
export const BACKUP_NAME = /^bot-\d{8}-\d{6}\.sqlite3$/;

/** The arguments of `backup`. */
export interface BackupArgs {
  /** A folder (existing, ending in `/`, without an extension, or with `keep`), or a new file. */
  target: string;
  /** Keep only the newest this many backups in the folder. */
  keep?: number;
}

/** Parses `[--keep N] TARGET`; a {@linkcode UsageError} says what is wrong. */
export function parseBackupArgs(args: readonly string[]): BackupArgs {
  const rest = [...args];
  let keep: number | undefined;
  const at = rest.findIndex((a) => a === "--keep" || a.startsWith("--keep="));
  if (at >= 0) {
    const [flag] = rest.splice(at, 1);
    const value = flag!.includes("=")
      ? flag!.slice("--keep=".length)
      : rest.splice(at, 1)[0];
    keep = Number(value);
    if (value === undefined || !/^\d+$/.test(value) || keep < 1) {
      throw new UsageError(
        `--keep takes a number of backups, 1 or more: got "${value ?? ""}"`,
      );
    }
  }
  if (rest.length !== 1 || rest[0]!.startsWith("-")) {
    throw new UsageError(
      `"backup" takes a folder or a new file: backup [--keep N] TARGET`,
    );
  }
  return { target: rest[0]!, keep };
}

/** What {@linkcode backupCommand} wrote. */
export interface BackupResult {
  /** The backup file, absolute. */
  path: string;
  /** Users in the copy, counted after its integrity check. */
  users: number;
  /** Older backups deleted by `--keep`. */
  removed: string[];
}

/**
 * `backup [--keep N] TARGET`: TARGET is a folder when it exists as one, ends in `/`, has
 * no extension, or `keep` is given (created 0700 when missing), and the copy is
 * `TARGET/bot-YYYYMMDD-HHMMSS.sqlite3` (UTC); else TARGET
 * is the new file, never overwritten. The copy (0600, and like a new folder owned as the
 * folder it is made in, also when root runs it) is one snapshot of the database,
 * taken with SQLite's backup API while the bot may be sending; it is opened read-only
 * and integrity-checked before it takes its name, then recorded in the database (the
 * age of the last backup in `/metrics`). `keep` then deletes all but the newest `keep`
 * files named like {@linkcode BACKUP_NAME} in that folder, nothing else.
 */
export async function backupCommand(
  config: Config,
  options: AppDeps & BackupArgs,
): Promise<BackupResult> {
  const { target, keep, ...deps } = options;
  if (config.database === ":memory:") {
    throw new UsageError("An in-memory database cannot be backed up");
  }
  requireDatabaseAccess(config);
  const absolute = resolve(target);
  requireAccess(absolute, { what: "Backup target", write: true });
  // With --keep, TARGET is always a folder: rotation is about a folder of backups. A
  // name without an extension is one too: `backup data/backups` must not make a file
  // that every later `--keep` into that folder trips over.
  const folder = keep !== undefined || target.endsWith("/") ||
    extname(absolute) === "" || isFolder(absolute);
  if (folder && exists(absolute) && !isFolder(absolute)) {
    throw new UsageError(
      `Backup target "${absolute}" is a file, not a folder of backups` +
        (keep !== undefined ? " (--keep needs a folder)" : "") +
        ": move it away, or name a new file with an extension, e.g. backup.sqlite3",
    );
  }
  if (folder) {
    try {
      makeFolder(absolute);
    } catch (cause) {
      throw new BackupError(
        `Cannot create backup folder "${absolute}": ${describeError(cause)}`,
        { cause },
      );
    }
  }
  const takenAt = deps.now();
  const path = folder ? join(absolute, backupName(takenAt)) : absolute;
  if (exists(path)) {
    throw new UsageError(
      `Backup file "${path}" already exists: choose a new name`,
    );
  }
  const partial = `${path}.partial`;
  const source = openExisting(config.database);
  try {
    await copyDatabase(source, partial);
  } catch (cause) {
    throw new BackupError(
      `Cannot write backup "${path}": ${describeError(cause)}`,
      { cause },
    );
  } finally {
    source.close();
  }
  let users: number;
  try {
    users = checkCopy(partial, path);
    putInPlace(partial, path);
  } catch (cause) {
    if (cause instanceof Deno.errors.AlreadyExists) {
      throw new UsageError(
        `Backup file "${path}" already exists: choose a new name`,
      );
    }
    throw cause instanceof OperatorError ? cause : new BackupError(
      `Cannot write backup "${path}": ${describeError(cause)}`,
      { cause },
    );
  } finally {
    removeIfThere(partial);
  }
  record(config.database, { taken_at: takenAt.toISOString(), path, users });
  const removed = keep === undefined ? [] : prune(dirname(path), keep);
  deps.print(
    `backup: ${path} (${users} users, integrity ok)` +
      (removed.length > 0
        ? `; removed ${removed.length} older: ${removed.join(", ")}`
        : ""),
    { event: "backup.done", fields: { path, users, removed } },
  );
  return { path, users, removed };
}

/** `bot-20261124-033012.sqlite3` for an instant (UTC). */
export function backupName(at: Date): string {
  return `bot-${utcStamp(at)}.sqlite3`;
}

/** `20261124-033012` for an instant (UTC), as backup names carry it. */
export function utcStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}

/**
 * Opens a copy read-only, runs the full integrity check and counts its users; a
 * {@linkcode DatabaseError} names `shownAs` when it is not sound.
 */
export function checkCopy(path: string, shownAs: string): number {
  const copy = openExisting(path, { readOnly: true });
  try {
    const problems = integrityProblems(copy);
    if (problems.length > 0) {
      throw new DatabaseError(
        `Copy "${shownAs}" failed its integrity check: ${
          problems.slice(0, 3).join("; ")
        }`,
      );
    }
    return countUsers(copy);
  } finally {
    copy.close();
  }
}

/** What `PRAGMA integrity_check` finds, or `[]` when the database is sound. */
export function integrityProblems(db: Database): string[] {
  const rows = db.prepare("PRAGMA integrity_check").all() as Record<
    string,
    unknown
  >[];
  return rows.map((row) => String(Object.values(row)[0]))
    .filter((v) => v !== "ok")
    .map((v) => v.replace(/\s+/g, " ").trim());
}

/** The number of users, 0 for a database that has no users table yet. */
export function countUsers(db: Database): number {
  const table = db.prepare(
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'",
  ).get();
  if (table === undefined) return 0;
  const row = db.prepare("SELECT count(*) AS n FROM users").get() as {
    n: number;
  };
  return Number(row.n);
}

/**
 * Records the backup in the database it copies, for `/metrics` (see `db/backups.ts`); a
 * failure is a {@linkcode BackupError} that says the copy itself is sound.
 */
function record(database: string, backup: BackupRecord): void {
  try {
    const db = openExisting(database);
    try {
      recordBackup(db, backup);
    } finally {
      db.close();
    }
  } catch (cause) {
    throw new BackupError(
      `Backup "${backup.path}" is written and checked, but could not be recorded in database "${database}" (so /metrics still shows the previous one): ${
        describeError(cause)
      }`,
      { cause },
    );
  }
}

/** Deletes all but the newest `keep` backups in `folder`; returns the names deleted. */
function prune(folder: string, keep: number): string[] {
  const names = [...Deno.readDirSync(folder)]
    .filter((entry) => entry.isFile && BACKUP_NAME.test(entry.name))
    .map((entry) => entry.name)
    .sort(); // the UTC time in the name sorts them oldest first
  const old = names.slice(0, Math.max(0, names.length - keep));
  for (const name of old) Deno.removeSync(join(folder, name));
  return old.map((name) => basename(name));
}

/**
 * Gives the finished copy its name only if the name is free: a hard link does that
 * atomically; where the file system has none, a rename after a check.
 */
function putInPlace(from: string, to: string): void {
  try {
    Deno.linkSync(from, to);
  } catch (error) {
    if (error instanceof Deno.errors.AlreadyExists) throw error;
    if (exists(to)) throw new Deno.errors.AlreadyExists(to);
    Deno.renameSync(from, to);
  }
}

/** Removes `path` if it is there. */
export function removeIfThere(path: string): void {
  try {
    Deno.removeSync(path);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
}

function isFolder(path: string): boolean {
  try {
    return Deno.statSync(path).isDirectory;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

/** Whether anything (a file, a folder, a link) is at `path`. */
export function exists(path: string): boolean {
  try {
    Deno.lstatSync(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}
