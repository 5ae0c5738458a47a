/**
 * `check`: validates the config and the database and prints the schedule, without a
 * token and without contacting anyone.
 *
 * @module
 */
import { formatLocalTime } from "../core/week.ts";
import type { Config } from "../config/schema.ts";
import { schemaVersion } from "../db/migrations.ts";
import { upcomingMeeting } from "../domain/meeting.ts";
import { describeSchedule } from "../app/schedule.ts";
import { type AppDeps, openStore } from "./common.ts";

/** `check`: opens (and migrates) the database and prints the schedule; throws on a problem. */
export function checkCommand(config: Config, deps: AppDeps): void {
  const { db } = openStore(config, { verify: "full" });
  try {
    const now = deps.now();
    deps.print(`config: ${config.path}`);
    deps.print(
      `database: ${config.database} (schema version ${
        schemaVersion(db)
      }, integrity ok, writable)`,
    );
    deps.print(`timezone: ${config.timezone}`);
    const meeting = upcomingMeeting(config, now);
    deps.print(
      `meeting: "${config.meeting.title}" ${config.meeting.weekday} ${
        formatLocalTime(config.meeting.time)
      }, next ${meeting.id} at ${meeting.startsAt.toISOString()}`,
    );
    for (const job of describeSchedule(config, now)) {
      deps.print(
        `job ${job.job}: ${job.local} = cron ${
          job.cron.map((c) => `"${c}"`).join(" + ")
        } UTC; ` +
          `next run ${
            formatLocal(job.nextRun, config.timezone)
          } = ${job.nextRun.toISOString()}`,
      );
    }
  } finally {
    db.close();
  }
}

function formatLocal(instant: Date, timeZone: string): string {
  return instant.toLocaleString("sv-SE", { timeZone, hour12: false }).slice(
    0,
    16,
  ) + ` ${timeZone}`;
}
