/**
 * `backup PATH`: a consistent copy of the database, safe while the bot runs.
 *
 * @module
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describeError, UsageError } from "../core/errors.ts";
import type { Config } from "../config/schema.ts";
import { type AppDeps, openStore } from "./common.ts";

/**
 * `backup PATH`: a consistent copy of the database, safe while the bot runs (SQLite's
 * `VACUUM INTO` reads one snapshot). The copy is checked before it is reported.
 */
export function backupCommand(
  config: Config,
  options: AppDeps & { path: string },
): void {
  const { path, ...deps } = options;
  if (config.database === ":memory:") {
    throw new UsageError("An in-memory database cannot be backed up");
  }
  const target = resolve(path);
  if (existsSync(target)) {
    throw new UsageError(
      `Backup file "${target}" already exists: choose a new name`,
    );
  }
  const { db } = openStore(config);
  try {
    db.prepare("VACUUM INTO ?").run(target);
  } catch (error) {
    throw new UsageError(
      `Cannot write backup "${target}": ${describeError(error)}`,
      { cause: error },
    );
  } finally {
    db.close();
  }
  const copy = new DatabaseSync(target, { readOnly: true });
  try {
    const check = copy.prepare("PRAGMA integrity_check").get() as {
      integrity_check: string;
    };
    const users = copy.prepare("SELECT count(*) AS n FROM users").get() as {
      n: number;
    };
    if (check.integrity_check !== "ok") {
      throw new UsageError(
        `Backup "${target}" failed its check: ${check.integrity_check}`,
      );
    }
    deps.print(`backup: ${target} (${users.n} users, integrity ok)`);
  } finally {
    copy.close();
  }
}
