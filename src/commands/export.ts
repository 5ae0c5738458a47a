/**
 * `export`: the attendance history as CSV on stdout (`export comments`: the comments on
 * the meetings), or under `LOG_FORMAT=json` one JSON object a record.
 *
 * @module
 */
import { UsageError } from "../core/errors.ts";
import type { Config } from "../config/schema.ts";
import { commentRecords, commentsCsv } from "../history.ts";
import { attendanceCsv, attendanceRecords } from "../reports.ts";
import { type AppDeps, openStore } from "./common.ts";

/** What `export` writes: the attendance (default) or the comments. */
export type ExportWhat = "attendance" | "comments";

/** The arguments of `export`: none, `attendance` or `comments`. */
export function parseExportArgs(args: readonly string[]): ExportWhat {
  if (args.length === 0) return "attendance";
  if (
    args.length === 1 && (args[0] === "attendance" || args[0] === "comments")
  ) {
    return args[0];
  }
  throw new UsageError(
    `"export" takes nothing, attendance or comments: see --help`,
  );
}

/** `export`: the attendance history (or the comments) on stdout; a missing database is an error. */
export function exportCommand(
  config: Config,
  deps: AppDeps & { what?: ExportWhat },
): void {
  const { db, store } = openStore(config, { existing: true });
  try {
    const out = deps.write ?? deps.print;
    if (deps.what === "comments") {
      if (deps.json) {
        for (const record of commentRecords({ source: store })) {
          deps.print("", { event: "export.comment", fields: record });
        }
        return;
      }
      out(commentsCsv(config, { source: store }).csv);
      return;
    }
    const view = { rows: store.answers.attendance(), now: deps.now() };
    if (deps.json) {
      for (const record of attendanceRecords(view)) {
        deps.print("", { event: "export.row", fields: record });
      }
      return;
    }
    out(attendanceCsv(config, view));
  } finally {
    db.close();
  }
}
