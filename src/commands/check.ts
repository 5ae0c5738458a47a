/**
 * `check`: validates the config and the database and prints the schedule, and a
 * `warning:` line for each setting that promises what nobody can deliver; without a
 * token and without contacting anyone.
 *
 * @module
 */
import { formatLocalTime } from "../core/week.ts";
import type { Config } from "../config/schema.ts";
import { configWarnings } from "../config/warnings.ts";
import { schemaVersion } from "../db/migrations.ts";
import {
  FREE_MESSAGES_PER_SECOND,
  paidBroadcastStars,
  STARS_PER_PAID_MESSAGE,
} from "../domain/broadcast.ts";
import { upcomingMeeting } from "../domain/meeting.ts";
import { describeSchedule } from "../app/schedule.ts";
import { type AppDeps, openStore } from "./common.ts";

/** `check`: opens (and migrates) the database and prints the schedule; throws on a problem. */
export function checkCommand(config: Config, deps: AppDeps): void {
  const { db, store } = openStore(config, { verify: "full" });
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
    deps.print(broadcastLine(config, store.users.counts().registered));
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
    for (const warning of configWarnings(config)) {
      deps.print(`warning: ${warning.message}`);
    }
  } finally {
    db.close();
  }
}

/** The pace of broadcasts and, when paid, what one to every subscriber costs at most. */
export function broadcastLine(config: Config, subscribers: number): string {
  const rate = config.broadcast.messages_per_second;
  if (config.broadcast.paid) {
    return `broadcast: paid (allow_paid_broadcast), ${rate} messages/s; ` +
      `a broadcast to the ${subscribers} subscribers costs up to ` +
      `${paidBroadcastStars(subscribers)} Telegram Stars ` +
      `(${STARS_PER_PAID_MESSAGE} a message, from the bot's balance)`;
  }
  return `broadcast: ${rate} messages/s, free` +
    (rate > FREE_MESSAGES_PER_SECOND
      ? ` (above Telegram's free limit of about ${FREE_MESSAGES_PER_SECOND}/s: ` +
        `expect 429 answers from Telegram, or set broadcast.paid: true)`
      : "");
}

function formatLocal(instant: Date, timeZone: string): string {
  return instant.toLocaleString("sv-SE", { timeZone, hour12: false }).slice(
    0,
    16,
  ) + ` ${timeZone}`;
}
