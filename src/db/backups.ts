/**
 * The backups the `backup` command made: each one recorded in the database it copied, so
 * that `/metrics` tells how old the last one is, whichever process made it.
 *
 * @module
 */
import type { Database, Statements } from "./sqlite.ts";

/** One backup made and checked. */
export interface BackupRecord {
  /** When it was taken, an ISO instant (its file name carries the same, in UTC). */
  taken_at: string;
  /** The backup file, absolute. */
  path: string;
  /** Users in the copy. */
  users: number;
}

/** The `backups` table. */
export class Backups {
  #s: Statements;

  /** Works through the store's statement cache, which every table shares. */
  constructor(statements: Statements) {
    this.#s = statements;
  }

  /** The last backup recorded, if any. */
  latest(): BackupRecord | undefined {
    return this.#s.sql(
      "SELECT taken_at, path, users FROM backups ORDER BY taken_at DESC, id DESC LIMIT 1",
    ).get() as BackupRecord | undefined;
  }
}

/**
 * Records a backup in `db`, the database it copies (opened as it is, by `backup`); false
 * when that database has no `backups` table yet (a schema older than this program's:
 * the first `run` or `check` migrates it).
 */
export function recordBackup(db: Database, backup: BackupRecord): boolean {
  const table = db.prepare(
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'backups'",
  ).get();
  if (table === undefined) return false;
  db.prepare(
    "INSERT INTO backups (taken_at, path, users) VALUES (?, ?, ?)",
  ).run(backup.taken_at, backup.path, backup.users);
  return true;
}
