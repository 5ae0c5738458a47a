/**
 * The database handle, its error, and transactions: what every repository builds on.
 *
 * @module
 */
import type { DatabaseSync, StatementSync } from "node:sqlite";
import { describeError, OperatorError } from "../core/errors.ts";

/** The database handle every repository receives. */
export type Database = DatabaseSync;

/** A database that cannot be opened, migrated or written. */
export class DatabaseError extends OperatorError {
  /** Shows in logs and stack traces as `DatabaseError: …`. */
  override name = "DatabaseError";

  /** The message and its causes: SQLite's own words say what is wrong. */
  override report(): string {
    return describeError(this).replace(/^DatabaseError: /, "");
  }
}

/**
 * Runs `fn` in one `BEGIN IMMEDIATE` transaction: all of it is written, or none. Inside
 * a transaction already open (a group commit), it is a savepoint of that one.
 */
export function transaction<T>(db: Database, fn: () => T): T {
  const nested = db.isTransaction;
  db.exec(nested ? "SAVEPOINT t" : "BEGIN IMMEDIATE");
  try {
    const result = fn();
    db.exec(nested ? "RELEASE t" : "COMMIT");
    return result;
  } catch (error) {
    if (nested) {
      db.exec("ROLLBACK TO t");
      db.exec("RELEASE t");
    } else {
      db.exec("ROLLBACK");
    }
    throw error;
  }
}

/**
 * Prepares each SQL text once per database. A statement prepared per call lives until V8
 * collects it, and finalizing thousands at once stalls the event loop.
 */
export class Statements {
  /** The database they are prepared on; repositories open transactions on it. */
  readonly db: Database;
  #cache = new Map<string, StatementSync>();

  /** Prepares on `db`, each SQL text once. */
  constructor(db: Database) {
    this.db = db;
  }

  /** The prepared statement of `sql`. */
  sql(sql: string): StatementSync {
    let statement = this.#cache.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.#cache.set(sql, statement);
    }
    return statement;
  }
}
