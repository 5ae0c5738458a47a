/**
 * `stats`: the admins' `/stats`, `/who` and `/history`, on the terminal.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import { statsReport, whoReport } from "../reports.ts";
import { historyReport } from "../history.ts";
import { type AppDeps, openStore } from "./common.ts";

/** `stats`: the admins' `/stats`, `/who` and `/history`, on the terminal. */
export function statsCommand(config: Config, deps: AppDeps): void {
  const { db, store } = openStore(config, { existing: true });
  try {
    const view = { source: store, now: deps.now() };
    deps.print(statsReport(config, view));
    deps.print("");
    deps.print(whoReport(config, view));
    deps.print("");
    deps.print(historyReport(config, view));
  } finally {
    db.close();
  }
}
