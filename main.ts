/**
 * The program: `run` (default), `check`, `send JOB`, `stats`, `export`, `backup`,
 * `restore FILE`, `health`, `version`.
 *
 * Only wiring: read the environment and the config, pick the command, turn an expected
 * failure into one clear line and exit code 2, and stop cleanly on SIGINT / SIGTERM.
 *
 * @module
 */
import "./src/preload.ts"; // first: before grammY is loaded
import { OperatorError, UsageError } from "./src/core/errors.ts";
import { loadConfig } from "./src/config/load.ts";
import { backupCommand, parseBackupArgs } from "./src/commands/backup.ts";
import { checkCommand } from "./src/commands/check.ts";
import { exportCommand } from "./src/commands/export.ts";
import { healthCommand } from "./src/commands/health.ts";
import { permissionLine, requireAccess } from "./src/commands/places.ts";
import { restoreCommand } from "./src/commands/restore.ts";
import { statsCommand } from "./src/commands/stats.ts";
import { readEnv, readLogSettings } from "./src/env.ts";
import { createLogger, flushLog } from "./src/log.ts";
import { programName, versionLine } from "./src/version.ts";

/** Each command and the number of arguments it takes (`backup` checks its own). */
const ARITY: Record<string, number | undefined> = {
  run: 0,
  check: 0,
  send: 1,
  stats: 0,
  export: 0,
  backup: undefined,
  restore: 1,
  health: 0,
};

function usage(): string {
  const name = programName();
  const alias = name === "main.ts" ? " (or: deno task start COMMAND)" : "";
  return `Usage: ${name} [COMMAND]${alias}

  run                 the bot: long polling, the weekly jobs, catch-up (default)
  check               validate the config and the database, print the schedule
  send JOB            run a job now for the upcoming meeting (once per user):
                      invitation, first_reminder, second_reminder, nudge;
                      waits up to 60 s for its retries (saying so), then exits
                      0 nothing left, 1 something failed, 3 something still
                      waits for a retry (run delivers it), 2 operator error
  stats               subscribers, answers and who is coming, on the terminal
  export              the attendance history as CSV on stdout
  backup [--keep N] TARGET
                      a consistent, checked copy of the database (safe while
                      running) into the folder TARGET/ as bot-YYYYMMDD-HHMMSS.sqlite3,
                      or as the new file TARGET; --keep N: only the newest N stay
  restore FILE        put a backup back (stop the bot first); the database before
                      is kept as bot.sqlite3.before-restore-YYYYMMDD-HHMMSS
  health              ask the running bot's /healthz: exit 0 healthy, 1 not
  version             the version of the program and of Deno

Environment: BOT_TOKEN (required by run and send), CONFIG (default config.yaml),
TELEGRAM_API_ROOT (default https://api.telegram.org), LOG_LEVEL (debug|info|warn|error),
LOG_FORMAT (text|json)`;
}

async function main(args: string[]): Promise<number> {
  // Log lines wait for the end of the event-loop turn: what is printed comes after them.
  const print = (line: string) => {
    flushLog();
    // deno-lint-ignore no-console
    console.log(line);
  };
  const [command = "run", ...rest] = args;
  if (["help", "--help", "-h"].includes(command)) {
    print(usage());
    return 0;
  }
  if (["version", "--version", "-V"].includes(command)) {
    print(versionLine());
    return 0;
  }
  const env = readEnv();
  const encoder = new TextEncoder();
  const write = (text: string) => {
    flushLog();
    const bytes = encoder.encode(text);
    for (let at = 0; at < bytes.length;) {
      at += Deno.stdout.writeSync(bytes.subarray(at));
    }
  };
  try {
    const log = createLogger({
      ...readLogSettings(env),
      secrets: env.BOT_TOKEN ? [env.BOT_TOKEN] : [],
    });
    const deps = { log, now: () => new Date(), print, write };
    const appEnv = { token: env.BOT_TOKEN, apiRoot: env.TELEGRAM_API_ROOT };
    if (!(command in ARITY)) {
      throw new UsageError(`Unknown command "${command}"\n${usage()}`);
    }
    const arity = ARITY[command];
    if (arity !== undefined && rest.length !== arity) {
      throw new UsageError(
        arity === 0
          ? `"${command}" takes no arguments`
          : `"${command}" takes ${arity} argument: see --help`,
      );
    }
    const backupArgs = command === "backup" ? parseBackupArgs(rest) : undefined;
    const configPath = env.CONFIG ?? "config.yaml";
    requireAccess(configPath, {
      what: "Config file",
      hint: "put it there, or set CONFIG to a file there",
    });
    const config = await loadConfig(configPath);
    switch (command) {
      case "check":
        checkCommand(config, deps);
        return 0;
      case "send": {
        // Loaded when used: `send` needs no grammY, and a broadcast stays small.
        const { sendCommand, sendExitCode } = await import(
          "./src/commands/send.ts"
        );
        const report = await sendCommand(config, {
          ...deps,
          job: rest[0]!,
          env: appEnv,
        });
        return sendExitCode(report);
      }
      case "stats":
        statsCommand(config, deps);
        return 0;
      case "export":
        exportCommand(config, deps);
        return 0;
      case "backup":
        await backupCommand(config, { ...deps, ...backupArgs! });
        return 0;
      case "restore":
        await restoreCommand(config, { ...deps, path: rest[0]! });
        return 0;
      case "health":
        return await healthCommand(config, { print });
      default: {
        const { runCommand } = await import("./src/commands/run.ts");
        const bot = await runCommand(config, { ...deps, env: appEnv });
        const stop = () => void bot.stop();
        Deno.addSignalListener("SIGINT", stop);
        Deno.addSignalListener("SIGTERM", stop);
        await bot.done;
        Deno.removeSignalListener("SIGINT", stop);
        Deno.removeSignalListener("SIGTERM", stop);
        return 0;
      }
    }
  } catch (error) {
    const line = operatorLine(error);
    if (line === undefined) throw error;
    fatal(line);
    return error instanceof OperatorError ? error.exitCode : 2;
  }
}

/** The one line of an expected failure, or `undefined` for a bug. */
function operatorLine(error: unknown): string | undefined {
  return error instanceof OperatorError
    ? error.report()
    : permissionLine(error);
}

/** One plain line on stderr, for an error the operator must fix before starting. */
function fatal(message: string) {
  // deno-lint-ignore no-console
  console.error(`error: ${message}`);
}

/** A permission error nobody caught (in a callback, a timer) ends the program the same way. */
function exitOnPermissionError(event: ErrorEvent | PromiseRejectionEvent) {
  const error = "reason" in event ? event.reason : event.error;
  if (error instanceof OperatorError) return;
  const line = operatorLine(error);
  if (line === undefined) return;
  event.preventDefault();
  fatal(line);
  Deno.exit(2);
}

if (import.meta.main) {
  globalThis.addEventListener("error", exitOnPermissionError);
  globalThis.addEventListener("unhandledrejection", exitOnPermissionError);
  Deno.exit(await main(Deno.args));
}
