/**
 * What every feature receives: the config and the injected seams.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import type { Store } from "../db/store.ts";
import type { Logger } from "../log.ts";

/** Dependencies of the Telegram features. */
export interface FeatureDeps {
  config: Config;
  store: Store;
  log: Logger;
  now: () => Date;
  /** Wakes the sender after something was enqueued in the outbox. */
  kick: () => void;
  /** Runs the jobs' tick now (after an admin changed this week's meeting). */
  tick: () => Promise<unknown>;
}
