/**
 * The environment variables the program reads, and nothing else.
 *
 * grammY's npm build loads the `debug` package, which lists every environment variable
 * when it is imported. Under a listed `--allow-env=A,B` (what the compiled binary has)
 * that listing throws. {@linkcode confineProcessEnv} replaces `process.env` by a view of
 * just these variables, so that the listing succeeds without wider permission.
 */
import process from "node:process";
import { UsageError } from "./core/errors.ts";
import { type Level, LOG_FORMATS, LOG_LEVELS, type LogFormat } from "./log.ts";

/** Every variable the program reads; the compile task grants exactly these. */
export const ENV_VARS = [
  "BOT_TOKEN",
  "CONFIG",
  "TELEGRAM_API_ROOT",
  "LOG_LEVEL",
  "LOG_FORMAT",
] as const;

/** The variables' values. */
export type EnvValues = Record<typeof ENV_VARS[number], string | undefined>;

function get(name: string): string | undefined {
  try {
    return Deno.env.get(name);
  } catch {
    return undefined; // not granted
  }
}

/** Reads the program's variables. */
export function readEnv(): EnvValues {
  return Object.fromEntries(
    ENV_VARS.map((name) => [name, get(name)]),
  ) as EnvValues;
}

/** How the log is written, from `LOG_LEVEL` and `LOG_FORMAT`. */
export interface LogSettings {
  /** From `LOG_LEVEL`; default `info`. */
  level: Level;
  /** From `LOG_FORMAT`; default `text`. */
  format: LogFormat;
}

/**
 * `LOG_LEVEL` (default `info`) and `LOG_FORMAT` (default `text`); a value that is not
 * one of the choices is a {@linkcode UsageError} that names the variable and the choices.
 */
export function readLogSettings(
  env: Pick<EnvValues, "LOG_LEVEL" | "LOG_FORMAT">,
): LogSettings {
  const level = env.LOG_LEVEL ?? "info";
  if (!LOG_LEVELS.includes(level as Level)) {
    throw new UsageError(
      `LOG_LEVEL "${level}" is not one of ${LOG_LEVELS.join(", ")}`,
    );
  }
  const format = env.LOG_FORMAT ?? "text";
  if (!LOG_FORMATS.includes(format as LogFormat)) {
    throw new UsageError(
      `LOG_FORMAT "${format}" is not one of ${LOG_FORMATS.join(", ")}`,
    );
  }
  return { level: level as Level, format: format as LogFormat };
}

/** Makes `process.env` list only {@linkcode ENV_VARS}; reads of others give undefined. */
export function confineProcessEnv(): void {
  // A Proxy over a plain object: a Proxy over the real env would let the engine's
  // invariant checks list the real env, which is what throws.
  const view = new Proxy({} as Record<string, string>, {
    get: (_target, key) => typeof key === "string" ? get(key) : undefined,
    has: (_target, key) => typeof key === "string" && get(key) !== undefined,
    set: () => true,
    deleteProperty: () => true,
    ownKeys: () => ENV_VARS.filter((name) => get(name) !== undefined),
    getOwnPropertyDescriptor: (_target, key) => {
      const value = typeof key === "string" ? get(key) : undefined;
      return value === undefined
        ? undefined
        : { value, writable: true, enumerable: true, configurable: true };
    },
  });
  Object.defineProperty(process, "env", {
    value: view,
    configurable: true,
    writable: true,
  });
}
