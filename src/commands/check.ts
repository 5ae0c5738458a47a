/**
 * `check`: validates the config and the database and prints the schedule, without a
 * token and without contacting anyone: each meeting ahead where it really is (an admin
 * may have moved or cancelled it), when each job will next send, and a `warning:` line
 * for each setting that promises what nobody can deliver.
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
import { WEEKS_AHEAD } from "../domain/meeting.ts";
import { describeSchedule } from "../app/schedule.ts";
import type { Store } from "../db/store.ts";
import { nextDue } from "../usecases/job_plans.ts";
import { upcomingWeek, weeksAhead } from "../usecases/weeks.ts";
import { checkListen } from "../http.ts";
import { checkPublicListen } from "../web/server.ts";
import { type AppDeps, type Env, openStore } from "./common.ts";
import { requireApiRoot } from "./places.ts";

/**
 * `check`: what `run` would refuse, without a token or the network: the database (opened,
 * migrated, fully checked), the health listener's address (a port in use passes: it may
 * be the running bot's) and `TELEGRAM_API_ROOT`; then prints the schedule. Throws the
 * operator error `run` would.
 */
export function checkCommand(
  config: Config,
  deps: AppDeps & { env?: Pick<Env, "apiRoot"> },
): void {
  requireApiRoot(deps.env?.apiRoot);
  if (config.http !== null) {
    checkListen(config.http.hostname, config.http.port);
    if (config.http.public) checkPublicListen(config.http.public);
  }
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
    if (config.http !== null) {
      const { hostname, port } = config.http;
      deps.print(`http: ${hostname}:${port} (/healthz, /metrics)`);
      const open = config.http.public;
      deps.print(
        open === undefined
          ? "public: none (links are the meeting's own: who came is unknown)"
          : `public: ${open.hostname}:${open.port} as ${open.url} (/j/…: personal links, who came)`,
      );
    }
    const { feedback } = config;
    deps.print(
      feedback.enabled
        ? `feedback: asked ${feedback.delay_minutes} min after the end, open ${feedback.open_hours} h, then the report`
        : `feedback: off; the report ${feedback.delay_minutes} min after the end`,
    );
    const meeting = upcomingWeek(store, { config, now });
    deps.print(
      `meeting: "${config.meeting.title}" ${config.meeting.weekday} ${
        formatLocalTime(config.meeting.time)
      }, next ${meeting.id} at ${meeting.startsAt.toISOString()}`,
    );
    for (const line of meetingLines(config, { store, now })) deps.print(line);
    deps.print(broadcastLine(config, store.users.counts().registered));
    for (const job of describeSchedule(config, now)) {
      // Where a meeting was moved or cancelled, its jobs move or go with it.
      const next = nextDue(store, { schedule: config, now, job: job.job }) ??
        job.nextRun;
      deps.print(
        `job ${job.job}: ${job.local} = cron ${
          job.cron.map((c) => `"${c}"`).join(" + ")
        } UTC; ` +
          `next run ${
            formatLocal(next, config.timezone)
          } = ${next.toISOString()}`,
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

/** One line per meeting ahead, where it really is: moved, cancelled, or as scheduled. */
function meetingLines(
  config: Config,
  { store, now }: { store: Store; now: Date },
): string[] {
  return weeksAhead(store, { config, now, count: WEEKS_AHEAD }).map((week) => {
    const start = week.startsAt;
    const at = `${
      formatLocal(start, config.timezone)
    } = ${start.toISOString()}`;
    if (week.cancelled) return `meeting ${week.id}: cancelled`;
    return week.startsAt.getTime() === week.scheduledAt.getTime()
      ? `meeting ${week.id}: ${at}`
      : `meeting ${week.id}: moved to ${at}`;
  });
}

function formatLocal(instant: Date, timeZone: string): string {
  return instant.toLocaleString("sv-SE", { timeZone, hour12: false }).slice(
    0,
    16,
  ) + ` ${timeZone}`;
}
