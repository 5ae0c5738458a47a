/**
 * A copy of the database before its schema moves forward: a newer program migrates the
 * database on its first open (`run` after `docker compose up -d --build`, or `check`),
 * and an older program refuses a newer database, so the way back is this copy.
 *
 * @module
 */
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { SCHEMA_VERSION, schemaVersion } from "./migrations.ts";
import { ownLike } from "./owner.ts";

/** Where the copy of `path` before migrating to `version` is kept. */
export function beforeUpgradePath(
  path: string,
  version = SCHEMA_VERSION,
): string {
  return `${path}.before-schema-${version}`;
}

/**
 * Copies the open database at `path` to {@linkcode beforeUpgradePath} (0600, owned as
 * its folder) when it holds data in an older schema, before it is migrated; a copy
 * already there (an earlier try) is kept as it is. Returns the copy's path, if made.
 */
export function keepBeforeMigrating(
  db: DatabaseSync,
  path: string,
): string | undefined {
  if (path === ":memory:") return undefined;
  const version = schemaVersion(db);
  const hasData = version > 0 || db.prepare(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'",
      ).get() !== undefined;
  if (!hasData || version >= SCHEMA_VERSION) return undefined;
  const copy = beforeUpgradePath(path);
  try {
    Deno.writeFileSync(copy, new Uint8Array(), {
      createNew: true,
      mode: 0o600,
    });
  } catch (error) {
    if (error instanceof Deno.errors.AlreadyExists) return undefined;
    throw error;
  }
  try {
    ownLike(copy, dirname(path));
    // The file and its WAL, copied while no one may write (SQLite's backup API is
    // asynchronous, VACUUM INTO needs ATTACH, which node:sqlite does not allow), then
    // folded into one file.
    db.exec("BEGIN IMMEDIATE");
    try {
      Deno.copyFileSync(path, copy);
      if (exists(`${path}-wal`)) {
        Deno.copyFileSync(`${path}-wal`, `${copy}-wal`);
      }
    } finally {
      db.exec("ROLLBACK");
    }
    Deno.chmodSync(copy, 0o600); // the copy took the file's own mode
    const folded = new DatabaseSync(copy);
    try {
      folded.exec("PRAGMA journal_mode = DELETE");
    } finally {
      folded.close();
    }
  } catch (error) {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) {
      if (exists(copy + suffix)) Deno.removeSync(copy + suffix);
    }
    throw error;
  }
  return copy;
}

function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}
