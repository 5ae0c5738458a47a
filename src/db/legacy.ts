/**
 * The database of the earlier Python bot: its `users` table, with `user_version = 0`.
 * Such a file is recognised by that table and adopted as schema version 1, which is
 * exactly that table, so that every user is kept; a `users` table without the earlier
 * bot's columns is refused.
 *
 * @module
 */
import type { DatabaseSync } from "node:sqlite";
import { DatabaseError } from "./sqlite.ts";

/** Columns the earlier bot's `users` table has; a legacy file must have all of them. */
const LEGACY_USER_COLUMNS = [
  "id",
  "tg_id",
  "first_name",
  "last_name",
  "username",
  "is_active",
  "is_registered",
  "last_response",
  "created_at",
  "updated_at",
];

/**
 * Marks a database of the earlier bot (`user_version = 0` with its `users` table) as
 * schema version 1; true if it was one. Throws a `DatabaseError` for a `users` table
 * that lacks the earlier bot's columns: not a database of this bot.
 */
export function adoptLegacy(db: DatabaseSync): boolean {
  if (!hasTable(db, "users")) return false;
  const columns = new Set(
    (db.prepare("PRAGMA table_info(users)").all() as { name: string }[]).map((
      c,
    ) => c.name),
  );
  const missing = LEGACY_USER_COLUMNS.filter((c) => !columns.has(c));
  if (missing.length > 0) {
    throw new DatabaseError(
      `Table "users" lacks columns ${
        missing.join(", ")
      }: not a database of this bot`,
    );
  }
  db.exec("PRAGMA user_version = 1");
  return true;
}

function hasTable(db: DatabaseSync, name: string): boolean {
  return db.prepare(
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
  ).get(name) !==
    undefined;
}
