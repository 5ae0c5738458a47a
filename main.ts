/**
 * The program: `run` (default), `check`, `send JOB`, `stats`, `export`, `backup PATH`.
 *
 * Only wiring: read the environment and the config, pick the command, turn an expected
 * failure into one clear line and exit code 2, and stop cleanly on SIGINT / SIGTERM.
 *
 * @module
 */
import "./src/preload.ts"; // first: before grammY is loaded
import { OperatorError, UsageError } from "./src/core/errors.ts";
import { loadConfig } from "./src/config/load.ts";
import { backupCommand } from "./src/commands/backup.ts";
import { checkCommand } from "./src/commands/check.ts";
import { exportCommand } from "./src/commands/export.ts";
import { runCommand } from "./src/commands/run.ts";
import { sendCommand } from "./src/commands/send.ts";
import { statsCommand } from "./src/commands/stats.ts";
import { readEnv } from "./src/env.ts";
import { createLogger, type Level } from "./src/log.ts";

const LEVELS: readonly Level[] = ["debug", "info", "warn", "error"];

const USAGE = `Usage: main.ts [COMMAND]

  run                 the bot: long polling, the weekly jobs, catch-up (default)
  check               validate config.yaml and the database, print the schedule
  send JOB            run a job now for the upcoming meeting (once per user):
                      invitation, first_reminder, second_reminder, nudge
  stats               subscribers, answers and who is coming, on the terminal
  export              the attendance history as CSV on stdout
  backup PATH         a consistent copy of the database (safe while running)

Environment: BOT_TOKEN (required by run and send), CONFIG (default config.yaml),
TELEGRAM_API_ROOT (default https://api.telegram.org), LOG_LEVEL (debug|info|warn|error)`;

async function main(args: string[]): Promise<number> {
  const env = readEnv();
  const level = env.LOG_LEVEL ?? "info";
  if (!LEVELS.includes(level as Level)) {
    fatal(`LOG_LEVEL "${level}" is not one of ${LEVELS.join(", ")}`);
    return 2;
  }
  const log = createLogger({
    level: level as Level,
    secrets: env.BOT_TOKEN ? [env.BOT_TOKEN] : [],
  });
  // deno-lint-ignore no-console
  const print = (line: string) => console.log(line);
  const encoder = new TextEncoder();
  const write = (text: string) =>
    void Deno.stdout.writeSync(encoder.encode(text));
  const deps = { log, now: () => new Date(), print, write };
  const appEnv = { token: env.BOT_TOKEN, apiRoot: env.TELEGRAM_API_ROOT };
  const [command = "run", ...rest] = args;
  try {
    if (command === "help" || command === "--help" || command === "-h") {
      print(USAGE);
      return 0;
    }
    const config = await loadConfig(env.CONFIG ?? "config.yaml");
    switch (command) {
      case "check":
        checkCommand(config, deps);
        return 0;
      case "send": {
        if (rest.length !== 1) {
          throw new UsageError(`"send" takes one job name\n${USAGE}`);
        }
        const report = await sendCommand(config, {
          ...deps,
          job: rest[0]!,
          env: appEnv,
        });
        return report.failed > 0 ? 1 : 0;
      }
      case "stats":
        statsCommand(config, deps);
        return 0;
      case "export":
        exportCommand(config, deps);
        return 0;
      case "backup":
        if (rest.length !== 1) {
          throw new UsageError(`"backup" takes the path of the copy\n${USAGE}`);
        }
        backupCommand(config, { ...deps, path: rest[0]! });
        return 0;
      case "run": {
        const bot = await runCommand(config, { ...deps, env: appEnv });
        const stop = () => void bot.stop();
        Deno.addSignalListener("SIGINT", stop);
        Deno.addSignalListener("SIGTERM", stop);
        await bot.done;
        Deno.removeSignalListener("SIGINT", stop);
        Deno.removeSignalListener("SIGTERM", stop);
        return 0;
      }
      default:
        throw new UsageError(`Unknown command "${command}"\n${USAGE}`);
    }
  } catch (error) {
    if (!(error instanceof OperatorError)) throw error;
    fatal(error.report());
    return error.exitCode;
  }
}

/** One plain line on stderr, for an error the operator must fix before starting. */
function fatal(message: string) {
  // deno-lint-ignore no-console
  console.error(`error: ${message}`);
}

if (import.meta.main) Deno.exit(await main(Deno.args));
