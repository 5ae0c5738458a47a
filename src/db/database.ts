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
 * `":memory:"` gives a private in-memory database for tests.
 */
export function openDatabase(path: string): Database {
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
    db.exec("PRAGMA busy_timeout = 10000");
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
