/**
 * `Deno.cron` has no fake: this gives the instants at which the expressions the bot
 * registers would fire, so a test can wake the real job runner at each of them.
 *
 * @module
 */
import { describeSchedule } from "../../src/app/schedule.ts";
import type { Config } from "../../src/config/schema.ts";
import { nextCronRun } from "../../src/domain/cron.ts";

/** Every instant in [from, to) at which a registered cron expression fires, in order. */
export function cronFirings(config: Config, from: Date, to: Date): Date[] {
  const firings = new Set<number>();
  for (const job of describeSchedule(config, from)) {
    for (const expression of job.cron) {
      for (
        let at = nextCronRun(expression, from);
        at < to;
        at = nextCronRun(expression, at)
      ) {
        firings.add(at.getTime());
      }
    }
  }
  return [...firings].sort((a, b) => a - b).map((t) => new Date(t));
}
