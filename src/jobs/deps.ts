/**
 * What the job runner (runner.ts) and the jobs after each meeting (after.ts) are given:
 * the config, the store, the log, the clock and the sender's wake-up.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import type { Store } from "../db/store.ts";
import type { Logger } from "../log.ts";

/** What the jobs need; all of it injected. */
export interface JobDeps {
  /** The schedule, the admins who get reports, and the texts. */
  config: Config;
  /** The job log, the meetings and the outbox. */
  store: Store;
  /** Gets `job.enqueued`, `job.skipped`, `job.error` and the like. */
  log: Logger;
  /** The clock that decides what is due; tests pass a fake one. */
  now: () => Date;
  /** Wakes the sender: something was enqueued. */
  kick: () => void;
}
