/**
 * What every feature receives: the config and the injected seams.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import type { Store } from "../db/store.ts";
import type { Logger } from "../log.ts";
import type { Feeds } from "../usecases/feed.ts";
import type { Links } from "../usecases/links.ts";

/** Dependencies of the Telegram features. */
export interface FeatureDeps {
  /** The parsed config: texts, schedule, admins. */
  config: Config;
  /** The open database; changes go through `store.write`. */
  store: Store;
  /** For what a feature did: `user.started`, `answer.recorded` and the like. */
  log: Logger;
  /** The clock; tests pass a fake one. */
  now: () => Date;
  /** Wakes the sender after something was enqueued in the outbox. */
  kick: () => void;
  /** Runs the jobs' tick now (after an admin changed this week's meeting). */
  tick: () => Promise<unknown>;
  /** The meeting link each person gets: their own under `http.public_url`. */
  links: Links;
  /** Each person's calendar feed address (`/calendar`), under `http.public_url`. */
  feeds: Feeds;
}
