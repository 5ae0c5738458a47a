/**
 * The program: `run` (default), `check`, `send JOB`.
 *
 * Only wiring: read the environment and the config, pick the command, turn errors into
 * one clear line and an exit code, and stop cleanly on SIGINT / SIGTERM.
 */
import "./src/preload.ts"; // first: before grammY is loaded
import {
  checkCommand,
  runCommand,
  sendCommand,
  UsageError,
} from "./src/app.ts";
import { ConfigError, loadConfig } from "./src/config.ts";
import { DatabaseError } from "./src/db/database.ts";
import { readEnv } from "./src/env.ts";
import { createLogger, type Level } from "./src/log.ts";

const USAGE =
  `Usage: main.ts [run | check | send invitation|first_reminder|second_reminder]

Environment: BOT_TOKEN (required by run and send), CONFIG (default config.yaml),
TELEGRAM_API_ROOT (default https://api.telegram.org), LOG_LEVEL (debug|info|warn|error)`;

async function main(args: string[]): Promise<number> {
  const env = readEnv();
  const log = createLogger({
    level: (env.LOG_LEVEL ?? "info") as Level,
    secrets: env.BOT_TOKEN ? [env.BOT_TOKEN] : [],
  });
  // deno-lint-ignore no-console
  const print = (line: string) => console.log(line);
  const deps = { log, now: () => new Date(), print };
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
        return checkCommand(config, deps) ? 0 : 1;
      case "send": {
        if (rest.length !== 1) {
          throw new UsageError(`"send" takes one job name\n${USAGE}`);
        }
        const report = await sendCommand(config, rest[0]!, appEnv, deps);
        return report.failed > 0 ? 1 : 0;
      }
      case "run": {
        const bot = await runCommand(config, appEnv, deps);
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
    if (
      error instanceof ConfigError || error instanceof UsageError ||
      error instanceof DatabaseError
    ) {
      const cause =
        error instanceof DatabaseError && error.cause instanceof Error
          ? `: ${error.cause.message}`
          : "";
      log.error("fatal", { error: `${error.message}${cause}` });
      return 2;
    }
    throw error;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
