/**
 * One line per event: `2026-11-24T07:00:00.000Z INFO job.done job=invitation sent=3`,
 * or with `format: "json"` (`LOG_FORMAT=json`) one JSON object per line with the same
 * keys: `{"time":"2026-11-24T07:00:00.000Z","level":"info","event":"job.done",
 * "job":"invitation","sent":3}`.
 *
 * Keys are stable so that `grep event=` style searches keep working; values with spaces
 * or quotes are JSON-quoted. Every line passes through a redactor so that the bot token
 * can never reach the log, whichever error message carried it.
 *
 * @module
 */

import { describeError } from "./core/errors.ts";

/** Log levels, lowest first. */
export type Level = "debug" | "info" | "warn" | "error";

const LEVELS: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** Every level, lowest first: the values `LOG_LEVEL` accepts. */
export const LOG_LEVELS: readonly Level[] = ["debug", "info", "warn", "error"];

/** How a line is written: `key=value` text, or one JSON object. */
export type LogFormat = "text" | "json";

/** Every format: the values `LOG_FORMAT` accepts. */
export const LOG_FORMATS: readonly LogFormat[] = ["text", "json"];

/** Keys every JSON line starts with; a field of the same name is written as `field_<name>`. */
const RESERVED = new Set(["time", "level", "event"]);

/** Fields attached to one event. */
export type Fields = Record<string, unknown>;

/** The logging interface that every module receives. */
export interface Logger {
  /** Detail for finding a problem; written only with `LOG_LEVEL=debug`. */
  debug(event: string, fields?: Fields): void;
  /** Something expected happened: the bot started, a job was enqueued. */
  info(event: string, fields?: Fields): void;
  /** Something went wrong and was handled: a failed poll, a flood. */
  warn(event: string, fields?: Fields): void;
  /** Something failed that someone may have to look at: a handler, a stalled poll. */
  error(event: string, fields?: Fields): void;
}

/** Options of {@linkcode createLogger}. */
export interface LoggerOptions {
  /** Lowest level written; default `info`. */
  level?: Level;
  /** `text` (default) or `json`. */
  format?: LogFormat;
  /** Strings replaced by `***` wherever they appear (the bot token). */
  secrets?: readonly string[];
  /** Where lines go; default stderr for warn/error and stdout for the rest. */
  write?: (line: string, level: Level) => void;
  /** Clock for the timestamp. */
  now?: () => Date;
}

/** Creates a logger that writes one line per event, `key=value` text or JSON. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const min = LEVELS[options.level ?? "info"];
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 6);
  const write = options.write ?? consoleLines.write;
  const now = options.now ?? (() => new Date());
  const format = options.format === "json" ? jsonLine : textLine;
  const emit = (level: Level) => (event: string, fields: Fields = {}) => {
    if (LEVELS[level] < min) return;
    let line = format({ time: now(), level, event, fields });
    for (const secret of secrets) line = line.replaceAll(secret, "***");
    write(line, level);
  };
  return {
    debug: emit("debug"),
    info: emit("info"),
    warn: emit("warn"),
    error: emit("error"),
  };
}

/** A logger that drops everything, for tests that do not look at logs. */
export const silentLogger: Logger = createLogger({ write: () => {} });

interface Entry {
  time: Date;
  level: Level;
  event: string;
  fields: Fields;
}

function textLine({ time, level, event, fields }: Entry): string {
  let line = `${time.toISOString()} ${level.toUpperCase()} ${event}`;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    line += ` ${key}=${formatValue(value)}`;
  }
  return line;
}

function jsonLine({ time, level, event, fields }: Entry): string {
  const entry: Record<string, unknown> = {
    time: time.toISOString(),
    level,
    event,
  };
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    entry[RESERVED.has(key) ? `field_${key}` : key] = value;
  }
  // One line whatever the values hold: JSON.stringify escapes every line break.
  return JSON.stringify(entry, jsonReplacer);
}

/** Errors as their one-line description, BigInts as strings (Dates are ISO already). */
function jsonReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return describeError(value);
  if (typeof value === "bigint") return value.toString();
  return value;
}

function formatValue(value: unknown): string {
  if (value instanceof Error) return JSON.stringify(describeError(value));
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") {
    return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  }
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

/**
 * Lines for stdout (debug, info) and stderr (warn, error), written once per turn of the
 * event loop: a burst of updates logs thousands of lines a second, and a write per line
 * cost the main thread as much as answering. A warning or an error is written at once,
 * after what is waiting, so the order holds; whatever is left goes out at exit.
 */
class ConsoleLines {
  #lines: string[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #encoder = new TextEncoder();
  #atExit = false;

  write = (line: string, level: Level): void => {
    if (!this.#atExit) {
      this.#atExit = true;
      globalThis.addEventListener("unload", () => this.flush());
    }
    if (LEVELS[level] >= LEVELS.warn) {
      this.flush();
      writeAll(Deno.stderr, this.#encoder.encode(line + "\n"));
      return;
    }
    this.#lines.push(line);
    this.#timer ??= setTimeout(() => this.flush(), 0);
  };

  /** Writes the lines waiting for stdout. */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#lines.length === 0) return;
    const text = this.#lines.join("\n") + "\n";
    this.#lines = [];
    writeAll(Deno.stdout, this.#encoder.encode(text));
  }
}

function writeAll(
  stream: { writeSync(bytes: Uint8Array): number },
  bytes: Uint8Array,
) {
  for (let at = 0; at < bytes.length;) {
    at += stream.writeSync(bytes.subarray(at));
  }
}

/** The process's console output; see {@linkcode ConsoleLines}. */
const consoleLines = new ConsoleLines();

/** Writes the log lines still waiting, so that output printed next comes after them. */
export function flushLog(): void {
  consoleLines.flush();
}
