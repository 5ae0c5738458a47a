/**
 * The program's commands: `run`, `check`, `send`, and the operator's `stats`, `export`
 * and `backup`. Each takes its config and seams as arguments, so tests run them
 * in-process exactly as `main.ts` does.
 */
import { run as runPolling, type RunnerHandle } from "@grammyjs/runner";
import type { Api, Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { Config, JobName } from "./config.ts";
import {
  formatLocalTime,
  JOB_NAMES,
  jobTime,
  scheduledJobs,
} from "./config.ts";
import {
  ADMIN_MENU,
  clientOptions,
  createBot,
  createBroadcastApi,
  PUBLIC_COMMANDS,
} from "./bot/bot.ts";
import { type Database, openDatabase, schemaVersion } from "./db/database.ts";
import { Store } from "./db/store.ts";
import { Pacer } from "./delivery/pacer.ts";
import { upcomingMeeting } from "./domain/meeting.ts";
import { nextCronRun, utcCronExpressions } from "./domain/time.ts";
import {
  createJobRunner,
  type JobDeps,
  type JobReport,
  type JobRunner,
  MeetingCancelledError,
} from "./jobs.ts";
import { describeError, type Logger } from "./log.ts";
import { type HealthReport, startHttpServer } from "./http.ts";
import { BOT_METRICS, createBotMetrics, type Metrics } from "./metrics.ts";
import { attendanceCsv, statsReport, whoReport } from "./reports.ts";

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
  /** Writes text as it is (stdout), for `export`. */
  write?: (text: string) => void;
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
  return scheduledJobs(config).map((job) => {
    const weekly = jobTime(config, job);
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

/** `check`: opens (and migrates) the database and prints the schedule; throws on a problem. */
export function checkCommand(config: Config, deps: AppDeps): void {
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

/** What {@linkcode createBotWithJobs} needs besides the config. */
export interface BotWithJobsDeps {
  token: string;
  apiRoot?: string;
  /** Known bot identity, to skip `getMe`. */
  botInfo?: UserFromGetMe;
  store: Store;
  log: Logger;
  now: () => Date;
  /** Paces broadcasts; default the config's `broadcast.messages_per_second`. */
  pacer?: Pacer;
  retryDelaysMs?: readonly number[];
  metrics?: Metrics;
  /** Aborted on shutdown: broadcasts stop starting sends. */
  signal?: AbortSignal;
}

/**
 * The bot and the job runner its admin commands use, sharing one store, as `run` wires
 * them; tests and the bench wire them the same way.
 */
export function createBotWithJobs(
  config: Config,
  deps: BotWithJobsDeps,
): { bot: Bot; jobs: JobRunner } {
  const { token, apiRoot, botInfo, ...shared } = deps;
  const jobs = createJobRunner(
    jobDeps(config, { ...shared, api: createBroadcastApi(token, apiRoot) }),
  );
  const bot = createBot(config, { ...shared, token, apiRoot, botInfo, jobs });
  return { bot, jobs };
}

function jobDeps(
  config: Config,
  deps: Omit<JobDeps, "config" | "pacer"> & { pacer?: Pacer },
): JobDeps {
  return {
    ...deps,
    config,
    pacer: deps.pacer ?? new Pacer(config.broadcast.messages_per_second),
  };
}

/** `send JOB`: runs one job for the upcoming meeting now; idempotent per user. */
export async function sendCommand(
  config: Config,
  options: AppDeps & { job: string; env: Env },
): Promise<JobReport> {
  const { job, env, ...deps } = options;
  if (!(JOB_NAMES as readonly string[]).includes(job)) {
    throw new UsageError(
      `Unknown job "${job}": expected one of ${JOB_NAMES.join(", ")}`,
    );
  }
  const { db, store } = openStore(config);
  try {
    const api = createBroadcastApi(requireToken(env), env.apiRoot);
    const runner = createJobRunner(jobDeps(config, {
      api,
      store,
      log: deps.log,
      now: deps.now,
      retryDelaysMs: deps.retryDelaysMs,
    }));
    let report: JobReport;
    try {
      report = await runner.runNow(job as JobName);
    } catch (error) {
      if (error instanceof MeetingCancelledError) {
        throw new UsageError(`${error.message}; /unskip restores it`);
      }
      throw error;
    }
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
  /** The port of the health and metrics listener, when `http` is configured. */
  httpPort?: number;
}

/** Options of {@linkcode runCommand}. */
export interface RunOptions extends AppDeps {
  env: Env;
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
  options: RunOptions,
): Promise<RunningBot> {
  const { env, ...deps } = options;
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
  const metrics = config.http === null ? undefined : createBotMetrics();
  const { bot, jobs } = createBotWithJobs(config, {
    token,
    apiRoot: env.apiRoot,
    botInfo,
    store,
    log,
    now: deps.now,
    retryDelaysMs: deps.retryDelaysMs,
    metrics,
    signal: stopping.signal,
  });
  log.info("bot.starting", {
    bot: bot.botInfo.username,
    api_root: clientOptions(env.apiRoot)!.apiRoot,
    database: config.database,
    timezone: config.timezone,
    admins: config.admins.length,
  });
  await setCommandMenus(bot.api, config, log);

  const cron = deps.cron ?? denoCron;
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
  const http = config.http === null || metrics === undefined
    ? undefined
    : startHttpServer({
      hostname: config.http.hostname,
      port: config.http.port,
      metrics,
      log,
      health: () => health(config, store, () => runner.isRunning(), deps.now()),
      beforeScrape: () => {
        const { active, registered } = store.subscriberCounts();
        metrics.set(BOT_METRICS.subscribers, active, {
          labels: { state: "active" },
        });
        metrics.set(BOT_METRICS.subscribers, registered, {
          labels: { state: "registered" },
        });
      },
    });
  log.info("bot.started", { bot: bot.botInfo.username, http_port: http?.port });
  const catchUp = jobs.tick();

  let stopped: Promise<void> | undefined;
  const stop = () =>
    stopped ??= (async () => {
      log.info("bot.stopping");
      stopping.abort();
      if (runner.isRunning()) await runner.stop();
      await catchUp;
      await jobs.tick().catch(() => {}); // waits for a job in flight; starts none (aborted)
      await http?.shutdown();
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
  return { done, stop, httpPort: http?.port };
}

/** Sets the command menus: the public one, and for each admin, theirs. */
async function setCommandMenus(api: Api, config: Config, log: Logger) {
  const menus = [
    {
      commands: PUBLIC_COMMANDS,
      scope: { type: "all_private_chats" as const },
    },
    ...config.admins.map((admin) => ({
      commands: ADMIN_MENU,
      scope: { type: "chat" as const, chat_id: admin },
    })),
  ];
  for (const { commands, scope } of menus) {
    try {
      await api.setMyCommands([...commands], { scope });
    } catch (error) {
      // An admin who never opened the bot has no chat yet: their menu waits.
      log.warn("bot.commands_not_set", { scope, error: describeError(error) });
    }
  }
}

/** The health report: database reachable, polling alive, this week's jobs. */
function health(
  config: Config,
  store: Store,
  polling: () => boolean,
  now: Date,
): HealthReport {
  let database: HealthReport["checks"][string];
  try {
    store.db.prepare("SELECT count(*) FROM users").get();
    database = { ok: true };
  } catch (error) {
    database = { ok: false, detail: describeError(error) };
  }
  const alive = polling();
  const meeting = upcomingMeeting(config, now);
  const lastJobs = Object.fromEntries(
    scheduledJobs(config).map((job) => {
      const run = store.jobRun(meeting.id, job);
      return [
        job,
        run === undefined ? null : {
          status: run.status,
          finished_at: run.finished_at,
          sent: run.sent,
          blocked: run.blocked,
          failed: run.failed,
        },
      ];
    }),
  );
  return {
    ok: database.ok && alive,
    checks: {
      database,
      polling: alive ? { ok: true } : { ok: false, detail: "polling stopped" },
    },
    lastJobs: { meeting: meeting.id, ...lastJobs },
  };
}

/** `stats`: the admins' `/stats` and `/who`, on the terminal. */
export function statsCommand(config: Config, deps: AppDeps): void {
  const { db, store } = openStore(config);
  try {
    deps.print(statsReport(config, store, deps.now()));
    deps.print("");
    deps.print(whoReport(config, store, deps.now()));
  } finally {
    db.close();
  }
}

/** `export`: the attendance history as CSV on stdout. */
export function exportCommand(config: Config, deps: AppDeps): void {
  const { db, store } = openStore(config);
  try {
    (deps.write ?? deps.print)(attendanceCsv(config, {
      rows: store.attendance(),
      now: deps.now(),
    }));
  } finally {
    db.close();
  }
}

/**
 * `backup PATH`: a consistent copy of the database, safe while the bot runs (SQLite's
 * `VACUUM INTO` reads one snapshot). The copy is checked before it is reported.
 */
export function backupCommand(
  config: Config,
  options: AppDeps & { path: string },
): void {
  const { path, ...deps } = options;
  if (config.database === ":memory:") {
    throw new UsageError("An in-memory database cannot be backed up");
  }
  const target = resolve(path);
  if (existsSync(target)) {
    throw new UsageError(
      `Backup file "${target}" already exists: choose a new name`,
    );
  }
  const { db } = openStore(config);
  try {
    db.prepare("VACUUM INTO ?").run(target);
  } catch (error) {
    throw new UsageError(
      `Cannot write backup "${target}": ${describeError(error)}`,
      {
        cause: error,
      },
    );
  } finally {
    db.close();
  }
  const copy = new DatabaseSync(target, { readOnly: true });
  try {
    const check = copy.prepare("PRAGMA integrity_check").get() as {
      integrity_check: string;
    };
    const users = copy.prepare("SELECT count(*) AS n FROM users").get() as {
      n: number;
    };
    if (check.integrity_check !== "ok") {
      throw new UsageError(
        `Backup "${target}" failed its check: ${check.integrity_check}`,
      );
    }
    deps.print(`backup: ${target} (${users.n} users, integrity ok)`);
  } finally {
    copy.close();
  }
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
