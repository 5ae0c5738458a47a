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
import { exportCommand, parseExportArgs } from "./src/commands/export.ts";
import { healthCommand } from "./src/commands/health.ts";
import { permissionLine, requireAccess } from "./src/commands/places.ts";
import { restoreCommand } from "./src/commands/restore.ts";
import { statsCommand } from "./src/commands/stats.ts";
import { readEnv, readLogSettings } from "./src/env.ts";
import { createLogger } from "./src/log.ts";
import { createOutput } from "./src/output.ts";
import { programName, VERSION, versionLine } from "./src/version.ts";
import type { RunningBot } from "./src/commands/run.ts";

/** Each command and the number of arguments it takes (`backup`, `export` check their own). */
const ARITY: Record<string, number | undefined> = {
  run: 0,
  check: 0,
  send: 1,
  stats: 0,
  export: undefined,
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
  stats               subscribers, answers, who is coming and the past meetings
                      (who came, ratings), on the terminal
  export [comments]   the attendance history as CSV on stdout: each person's
                      answer, whether they came, their rating; with comments,
                      the comments on the meetings
  backup [--keep N] TARGET
                      a consistent, checked copy of the database (safe while
                      running) into the folder TARGET (a name without an extension)
                      as bot-YYYYMMDD-HHMMSS.sqlite3, or as the new file TARGET
                      (e.g. copy.sqlite3); --keep N: only the newest N stay
  restore FILE        put a backup back (stop the bot first); the database before
                      is kept as bot.sqlite3.before-restore-YYYYMMDD-HHMMSS
  health              ask the running bot's /healthz: exit 0 healthy, 1 not
  version             the version of the program and of Deno

Environment: BOT_TOKEN (required by run and send), CONFIG (default config.yaml),
TELEGRAM_API_ROOT (default https://api.telegram.org), LOG_LEVEL (debug|info|warn|error),
LOG_FORMAT (text|json)`;
}

async function main(args: string[]): Promise<number> {
  const [command = "run", ...rest] = args;
  // `run` stops cleanly on a signal at any moment, also while it still starts.
  const stopping = new AbortController();
  let bot: RunningBot | undefined;
  const stop = () => {
    stopping.abort();
    void bot?.stop();
  };
  if (command === "run") {
    Deno.addSignalListener("SIGINT", stop);
    Deno.addSignalListener("SIGTERM", stop);
  }
  const env = readEnv();
  const secrets = env.BOT_TOKEN ? [env.BOT_TOKEN] : [];
  let output = createOutput({ format: "text", command, secrets });
  try {
    const logSettings = readLogSettings(env);
    output = createOutput({ format: logSettings.format, command, secrets });
    const { print } = output;
    if (["help", "--help", "-h"].includes(command)) {
      print(usage(), { event: "usage", fields: { text: usage() } });
      return 0;
    }
    if (["version", "--version", "-V"].includes(command)) {
      print(versionLine(), {
        event: "version",
        fields: { version: VERSION, deno: Deno.version.deno },
      });
      return 0;
    }
    const log = createLogger({ ...logSettings, secrets });
    const deps = {
      log,
      now: () => new Date(),
      print,
      write: output.write,
      json: output.json,
    };
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
    const exportWhat = command === "export" ? parseExportArgs(rest) : undefined;
    const configPath = env.CONFIG ?? "config.yaml";
    requireAccess(configPath, {
      what: "Config file",
      hint: "put it there, or set CONFIG to a file there",
    });
    const config = await loadConfig(configPath);
    switch (command) {
      case "check":
        checkCommand(config, { ...deps, env: appEnv });
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
        exportCommand(config, { ...deps, what: exportWhat });
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
        bot = await runCommand(config, {
          ...deps,
          env: appEnv,
          signal: stopping.signal,
        });
        if (stopping.signal.aborted) void bot.stop();
        await bot.done;
        return 0;
      }
    }
  } catch (error) {
    const line = operatorLine(error);
    if (line === undefined) {
      output.bug(error); // text: rethrown, with its stack
      return 1;
    }
    output.fatal(line, exitCode(error));
    return exitCode(error);
  } finally {
    Deno.removeSignalListener("SIGINT", stop);
    Deno.removeSignalListener("SIGTERM", stop);
  }
}

/** The one line of an expected failure, or `undefined` for a bug. */
function operatorLine(error: unknown): string | undefined {
  return error instanceof OperatorError
    ? error.report()
    : permissionLine(error);
}

/** 2 for what the operator must fix; an `OperatorError` may say 1 (a restart may help). */
function exitCode(error: unknown): number {
  return error instanceof OperatorError ? error.exitCode : 2;
}

/** How a failure nobody caught (in a callback, a timer) is written, once `main` knows. */
let uncaughtOutput = createOutput({ format: "text", command: "" });

/**
 * A permission error nobody caught ends the program with its one line and exit code 2;
 * under `LOG_FORMAT=json` any other such error ends it as one JSON line, exit code 1.
 */
function exitOnUncaught(event: ErrorEvent | PromiseRejectionEvent) {
  const error = "reason" in event ? event.reason : event.error;
  if (error instanceof OperatorError) return;
  const line = operatorLine(error);
  if (line === undefined) {
    if (!uncaughtOutput.json) return; // Deno prints it, with its stack
    event.preventDefault();
    uncaughtOutput.bug(error);
    Deno.exit(1);
  }
  event.preventDefault();
  uncaughtOutput.fatal(line, 2);
  Deno.exit(2);
}

if (import.meta.main) {
  globalThis.addEventListener("error", exitOnUncaught);
  globalThis.addEventListener("unhandledrejection", exitOnUncaught);
  try {
    const env = readEnv();
    uncaughtOutput = createOutput({
      format: readLogSettings(env).format,
      command: Deno.args[0] ?? "run",
      secrets: env.BOT_TOKEN ? [env.BOT_TOKEN] : [],
    });
  } catch {
    // a bad LOG_FORMAT: main says so
  }
  Deno.exit(await main(Deno.args));
}
