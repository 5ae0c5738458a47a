/**
 * The program's commands: `run`, `check` and `send`. Each takes its config and seams as
 * arguments, so tests run them in-process exactly as `main.ts` does.
 */
import { run as runPolling, type RunnerHandle } from "@grammyjs/runner";
import type { Api } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Config, JobName } from "./config.ts";
import { JOB_NAMES } from "./config.ts";
import {
  clientOptions,
  createBot,
  createBroadcastApi,
  PUBLIC_COMMANDS,
} from "./bot/bot.ts";
import { type Database, openDatabase, schemaVersion } from "./db/database.ts";
import { Store } from "./db/store.ts";
import { Pacer } from "./delivery/pacer.ts";
import { upcomingMeeting } from "./domain/meeting.ts";
import { formatLocalTime } from "./config.ts";
import { nextCronRun, utcCronExpressions } from "./domain/time.ts";
import { createJobRunner, type JobDeps, type JobReport } from "./jobs.ts";
import { describeError, type Logger } from "./log.ts";

/** Values read from the environment. */
export interface Env {
  token: string | undefined;
  apiRoot: string | undefined;
}

/** Seams shared by every command. */
export interface AppDeps {
  log: Logger;
  now: () => Date;
  /** Prints a line for the operator (stdout). */
  print: (line: string) => void;
  /** Waits between delivery retries (tests shorten them). */
  retryDelaysMs?: readonly number[];
}

/** A problem the operator must fix before the command can run. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** One weekly job as the operator sees it. */
export interface JobSchedule {
  job: JobName;
  local: string;
  cron: string[];
  nextRun: Date;
}

/** Each job's local time, UTC cron expressions and next firing. */
export function describeSchedule(config: Config, now: Date): JobSchedule[] {
  return JOB_NAMES.map((job) => {
    const weekly = config.schedule[job];
    const cron = utcCronExpressions(weekly, config.timezone, now);
    const nextRun = new Date(
      Math.min(...cron.map((e) => nextCronRun(e, now).getTime())),
    );
    return {
      job,
      local: `${weekly.weekday} ${
        formatLocalTime(weekly.time)
      } ${config.timezone}`,
      cron,
      nextRun,
    };
  });
}

function requireToken(env: Env): string {
  if (env.token === undefined || env.token.trim() === "") {
    throw new UsageError(
      "Missing environment variable BOT_TOKEN: the token from @BotFather",
    );
  }
  return env.token.trim();
}

function openStore(config: Config): { db: Database; store: Store } {
  const db = openDatabase(config.database);
  return { db, store: new Store(db) };
}

/** `check`: validates config and database and prints the schedule; true if all is well. */
export function checkCommand(config: Config, deps: AppDeps): boolean {
  const { db } = openStore(config);
  try {
    const now = deps.now();
    deps.print(`config: ${config.path}`);
    deps.print(
      `database: ${config.database} (schema version ${schemaVersion(db)})`,
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
    return true;
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

function jobDeps(
  config: Config,
  api: Api,
  store: Store,
  deps: AppDeps,
): JobDeps {
  return {
    config,
    store,
    api,
    pacer: new Pacer(config.broadcast.messages_per_second),
    log: deps.log,
    now: deps.now,
    retryDelaysMs: deps.retryDelaysMs,
  };
}

/** `send JOB`: runs one job for the upcoming meeting now; idempotent per user. */
export async function sendCommand(
  config: Config,
  job: string,
  env: Env,
  deps: AppDeps,
): Promise<JobReport> {
  if (!(JOB_NAMES as readonly string[]).includes(job)) {
    throw new UsageError(
      `Unknown job "${job}": expected one of ${JOB_NAMES.join(", ")}`,
    );
  }
  const { db, store } = openStore(config);
  try {
    const api = createBroadcastApi(requireToken(env), env.apiRoot);
    const runner = createJobRunner(jobDeps(config, api, store, deps));
    const report = await runner.runNow(job as JobName);
    deps.print(
      `${job} for ${report.meetingId}: sent ${report.sent}, blocked ${report.blocked}, ` +
        `failed ${report.failed}, already had it ${report.skipped}`,
    );
    return report;
  } finally {
    db.close();
  }
}

/** A running bot: stop it to finish in-flight work and close the database. */
export interface RunningBot {
  /** Resolves when the bot has stopped (by `stop()` or a fatal polling error). */
  done: Promise<void>;
  stop(): Promise<void>;
}

/** Options of {@linkcode runCommand}. */
export interface RunOptions {
  /** Registers the cron jobs; default `Deno.cron`. Tests pass a recorder. */
  cron?: (
    name: string,
    schedule: string,
    handler: () => Promise<void>,
    signal: AbortSignal,
  ) => void;
}

/**
 * `run`: long polling through the grammY runner, the weekly jobs on `Deno.cron`, and a
 * catch-up tick at start for jobs missed while the bot was down.
 */
export async function runCommand(
  config: Config,
  env: Env,
  deps: AppDeps,
  options: RunOptions = {},
): Promise<RunningBot> {
  const token = requireToken(env);
  const { log } = deps;
  const api = createBroadcastApi(token, env.apiRoot);
  let botInfo: UserFromGetMe;
  try {
    // One try, no automatic retries: a wrong token or root must fail at once.
    botInfo = await api.getMe();
  } catch (error) {
    throw new UsageError(`Cannot use the Bot API: ${describeError(error)}`, {
      cause: error,
    });
  }
  const { db, store } = openStore(config);
  const stopping = new AbortController();
  const bot = createBot(config, {
    token,
    store,
    log,
    now: deps.now,
    apiRoot: env.apiRoot,
    botInfo,
  });
  const jobs = createJobRunner({
    ...jobDeps(config, api, store, deps),
    signal: stopping.signal,
  });
  log.info("bot.starting", {
    bot: bot.botInfo.username,
    api_root: clientOptions(env.apiRoot)!.apiRoot,
    database: config.database,
    timezone: config.timezone,
  });
  try {
    await bot.api.setMyCommands([...PUBLIC_COMMANDS], {
      scope: { type: "all_private_chats" },
    });
  } catch (error) {
    log.warn("bot.commands_not_set", { error: describeError(error) });
  }

  const cron = options.cron ?? denoCron;
  for (const job of describeSchedule(config, deps.now())) {
    for (const expression of job.cron) {
      cron(
        cronName(job.job, expression),
        expression,
        jobs.tick,
        stopping.signal,
      );
    }
    log.info("job.scheduled", {
      job: job.job,
      local: job.local,
      cron_utc: job.cron.join(" + "),
      next_run: job.nextRun,
    });
  }

  const runner: RunnerHandle = runPolling(bot, {
    runner: { fetch: { allowed_updates: ["message", "callback_query"] } },
  });
  log.info("bot.started", { bot: bot.botInfo.username });
  const catchUp = jobs.tick();

  let stopped: Promise<void> | undefined;
  const stop = () =>
    stopped ??= (async () => {
      log.info("bot.stopping");
      stopping.abort();
      if (runner.isRunning()) await runner.stop();
      await catchUp;
      await jobs.tick().catch(() => {}); // waits for a job in flight; starts none (aborted)
      db.close();
      log.info("bot.stopped");
    })();
  const done = (async () => {
    try {
      await runner.task();
    } catch (error) {
      log.error("polling.failed", { error: describeError(error) });
    }
    await stop();
  })();
  return { done, stop };
}

/** A `Deno.cron` name (letters, digits, spaces, `-`, `_`): `invitation utc 0 7 MON`. */
function cronName(job: JobName, expression: string): string {
  return `${job} utc ${
    expression.replaceAll("*", "").replace(/\s+/g, " ").trim()
  }`;
}

function denoCron(
  name: string,
  schedule: string,
  handler: () => Promise<void>,
  signal: AbortSignal,
) {
  // No retries: a retried handler would repeat a broadcast. The handler never throws.
  Deno.cron(name, schedule, { backoffSchedule: [], signal }, handler);
}
