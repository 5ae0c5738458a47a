/**
 * What the program prints for the operator, besides its log: the results of commands
 * (`backup: …`, `invitation for …: sent 3, …`) on stdout and the one `error:` line of a
 * failure on stderr, as plain text, or with `LOG_FORMAT=json` as one JSON object a line
 * with the log's keys (`time`, `level`, `event`), so that every line a log shipper or
 * `jq` reads is JSON. The token is redacted here as in the log.
 *
 * @module
 */
import { describeError } from "./core/errors.ts";
import {
  createLogger,
  type Fields,
  flushLog,
  type Level,
  type LogFormat,
} from "./log.ts";

/** A result in the form `LOG_FORMAT=json` writes instead of its line. */
export interface Result {
  /** The JSON line's `event`, e.g. `backup.done`. */
  event: string;
  /** Its other keys: counts, paths. */
  fields: Fields;
}

/**
 * Prints one line of a command's result (stdout); under `LOG_FORMAT=json`, `result` when
 * given, else `{"event": COMMAND, "text": line}`.
 */
export type Print = (line: string, result?: Result) => void;

/** The program's output channels; see the module doc. */
export interface Output {
  /** Whether lines are JSON (`LOG_FORMAT=json`): `export` then writes one object a row. */
  json: boolean;
  /** A result line on stdout. */
  print: Print;
  /** Text as it is on stdout (the CSV of `export`); under JSON, one object. */
  write(text: string): void;
  /** The one line of a failure on stderr: `error: …`, or `{"event":"error",…}`. */
  fatal(message: string, exitCode: number): void;
  /** A failure that is a bug, under JSON: one object with its stack (text: rethrow it). */
  bug(error: unknown): void;
}

/** Options of {@linkcode createOutput}. */
export interface OutputOptions {
  /** `text` or `json`, from `LOG_FORMAT`. */
  format: LogFormat;
  /** The command, for the `event` of unstructured lines, e.g. `check`. */
  command: string;
  /** Strings replaced by `***` (the bot token). */
  secrets?: readonly string[];
  /** Where lines go; default stdout for info and stderr for errors, unbuffered. */
  writeLine?: (line: string, level: Level) => void;
}

/** The output of one run of the program. */
export function createOutput(options: OutputOptions): Output {
  const writeLine = options.writeLine ?? consoleLine;
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 6);
  const redact = (text: string) =>
    secrets.reduce((line, secret) => line.replaceAll(secret, "***"), text);
  if (options.format === "json") {
    const lines = createLogger({
      level: "debug",
      format: "json",
      secrets,
      write: writeLine,
    });
    return {
      json: true,
      print: (line, result) =>
        lines.info(
          result?.event ?? options.command,
          result?.fields ?? { text: line },
        ),
      write: (text) => lines.info(options.command, { text }),
      fatal: (message, exitCode) =>
        lines.error("error", { message, exit_code: exitCode }),
      bug: (error) =>
        lines.error("bug", {
          message: describeError(error),
          stack: error instanceof Error ? error.stack : undefined,
          exit_code: 1,
        }),
    };
  }
  return {
    json: false,
    print: (line) => writeLine(redact(line), "info"),
    write: (text) => writeRaw(Deno.stdout, redact(text)),
    fatal: (message) => writeLine(redact(`error: ${message}`), "error"),
    bug: (error) => {
      throw error;
    },
  };
}

/** One line, after the log lines still waiting (so the order holds). */
function consoleLine(line: string, level: Level): void {
  writeRaw(level === "error" ? Deno.stderr : Deno.stdout, line + "\n");
}

const encoder = new TextEncoder();

function writeRaw(
  stream: { writeSync(bytes: Uint8Array): number },
  text: string,
): void {
  flushLog();
  const bytes = encoder.encode(text);
  for (let at = 0; at < bytes.length;) {
    at += stream.writeSync(bytes.subarray(at));
  }
}
