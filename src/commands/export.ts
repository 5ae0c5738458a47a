/**
 * `export`: the attendance history as CSV on stdout.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import { attendanceCsv } from "../reports.ts";
import { type AppDeps, openStore } from "./common.ts";

/** `export`: the attendance history as CSV on stdout. */
export function exportCommand(config: Config, deps: AppDeps): void {
  const { db, store } = openStore(config);
  try {
    (deps.write ?? deps.print)(attendanceCsv(config, {
      rows: store.answers.attendance(),
      now: deps.now(),
    }));
  } finally {
    db.close();
  }
}
