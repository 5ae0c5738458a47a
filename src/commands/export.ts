/**
 * `export`: the attendance history as CSV on stdout, or under `LOG_FORMAT=json` one JSON
 * object a record.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import { attendanceCsv, attendanceRecords } from "../reports.ts";
import { type AppDeps, openStore } from "./common.ts";

/** `export`: the attendance history on stdout; a missing database is an error. */
export function exportCommand(config: Config, deps: AppDeps): void {
  const { db, store } = openStore(config, { existing: true });
  try {
    const view = { rows: store.answers.attendance(), now: deps.now() };
    if (deps.json) {
      for (const record of attendanceRecords(view)) {
        deps.print("", { event: "export.row", fields: record });
      }
      return;
    }
    (deps.write ?? deps.print)(attendanceCsv(config, view));
  } finally {
    db.close();
  }
}
