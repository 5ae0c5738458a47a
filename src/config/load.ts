/**
 * The bot's settings, read once at start from `config.yaml` into a typed, validated
 * {@linkcode Config}. A bad value throws one {@linkcode ConfigError} that names the
 * dotted key, the line in the file and what was expected.
 *
 * @module
 */
import { dirname, resolve } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { JOB_NAMES, REQUIRED_JOBS } from "../core/jobs.ts";
import {
  child,
  type Field,
  isAbsent,
  items,
  lineOf,
  openSection,
  readInteger,
  readNumber,
  readString,
} from "./fields.ts";
import {
  readBoolean,
  readCapacity,
  readCount,
  readLink,
  readOptional,
  readSeconds,
  readTime,
  readTimezone,
  readWeekday,
} from "./values.ts";
import {
  type Config,
  ConfigError,
  DEFAULT_BROADCAST,
  DEFAULT_DATABASE,
  DEFAULT_DELIVERY,
  DEFAULT_FEEDBACK,
  DEFAULT_FLOOD,
  DEFAULT_FORWARDING,
  DEFAULT_POLLING,
} from "./schema.ts";
import { readHttp } from "./http.ts";
import { DEFAULT_TEXTS } from "./default_texts.ts";
import {
  TEXT_PLACEHOLDERS,
  type TextKey,
  type Texts,
  unknownPlaceholders,
} from "./texts.ts";

const ROOT_KEYS = [
  "timezone",
  "timezone_label",
  "database",
  "admins",
  "meeting",
  "schedule",
  "broadcast",
  "delivery",
  "forwarding",
  "flood",
  "polling",
  "http",
  "feedback",
  "texts",
] as const;
const MEETING_KEYS = [
  "title",
  "weekday",
  "time",
  "duration_minutes",
  "link",
  "capacity",
] as const;
const WEEKLY_TIME_KEYS = ["weekday", "time"] as const;
const TEXT_KEYS = Object.keys(TEXT_PLACEHOLDERS) as TextKey[];

/** Parses and validates the text of a config file; pure apart from `Deno.cwd()` when no path is given. */
export function parseConfig(
  text: string,
  options: { path?: string } = {},
): Config {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = lines.linePos(syntax.pos[0]).line;
    throw new ConfigError(`Invalid YAML at line ${line}: ${syntax.message}`, {
      key: "",
      line,
      cause: syntax,
    });
  }
  const path = options.path === undefined ? undefined : resolve(options.path);
  const root = openSection({
    key: "",
    node: doc.contents,
    line: lineOf(doc.contents, lines) ?? 1,
    lines,
  }, ROOT_KEYS);
  return {
    timezone: readTimezone(child(root, "timezone")),
    timezone_label: isAbsent(child(root, "timezone_label"))
      ? null
      : readString(child(root, "timezone_label"), "a short name such as мск"),
    database: readDatabase(child(root, "database"), path),
    admins: readAdmins(child(root, "admins")),
    meeting: readMeeting(child(root, "meeting")),
    schedule: readSchedule(child(root, "schedule")),
    broadcast: readBroadcast(child(root, "broadcast")),
    delivery: readDelivery(child(root, "delivery")),
    forwarding: readOptional(child(root, "forwarding"), {
      defaults: DEFAULT_FORWARDING,
      readers: { enabled: readBoolean, per_hour: readCount },
    }),
    flood: readOptional(child(root, "flood"), {
      defaults: DEFAULT_FLOOD,
      readers: { burst: readCount, per_minute: readCount },
    }),
    polling: readPolling(child(root, "polling")),
    http: readHttp(child(root, "http")),
    feedback: readFeedback(child(root, "feedback")),
    texts: readTexts(child(root, "texts")),
    path: path ?? "<memory>",
  };
}

/**
 * Reads and parses the config file at `path`; a missing or unreadable file is a
 * {@linkcode ConfigError}. Every error names `path` as given in its report.
 */
export async function loadConfig(path: string): Promise<Config> {
  const absolute = resolve(path);
  try {
    let text: string;
    try {
      text = await Deno.readTextFile(absolute);
    } catch (cause) {
      const message = cause instanceof Deno.errors.NotFound
        ? `Config file "${absolute}" not found`
        : `Cannot read config file "${absolute}": ${
          cause instanceof Error ? cause.message : String(cause)
        }`;
      throw new ConfigError(message, { key: "", line: null, cause });
    }
    return parseConfig(text, { path: absolute });
  } catch (error) {
    if (error instanceof ConfigError) error.file = path;
    throw error;
  }
}

function readMeeting(field: Field): Config["meeting"] {
  const meeting = openSection(field, MEETING_KEYS);
  return {
    title: readString(child(meeting, "title"), "the meeting title"),
    weekday: readWeekday(child(meeting, "weekday")),
    time: readTime(child(meeting, "time")),
    duration_minutes: readInteger(child(meeting, "duration_minutes"), {
      min: 1,
      max: 24 * 60,
    }),
    link: readLink(child(meeting, "link")),
    capacity: readCapacity(child(meeting, "capacity")),
  };
}

function readSchedule(field: Field): Config["schedule"] {
  const section = openSection(field, JOB_NAMES);
  const schedule = { nudge: null } as Config["schedule"];
  for (const job of JOB_NAMES) {
    const at = child(section, job);
    if (!REQUIRED_JOBS.includes(job) && isAbsent(at)) continue;
    const time = openSection(at, WEEKLY_TIME_KEYS);
    schedule[job] = {
      weekday: readWeekday(child(time, "weekday")),
      time: readTime(child(time, "time")),
    };
  }
  return schedule;
}

/** The database path, resolved against the config file's folder (`:memory:` stays as is). */
function readDatabase(field: Field, configPath: string | undefined): string {
  const database = isAbsent(field)
    ? DEFAULT_DATABASE
    : readString(field, "a path to the SQLite file");
  if (database === ":memory:") return database;
  return resolve(configPath ? dirname(configPath) : Deno.cwd(), database);
}

function readAdmins(field: Field): number[] {
  if (isAbsent(field)) return [];
  return items(field, "a list of Telegram user ids").map((item) =>
    readInteger(item, {
      min: 1,
      max: Number.MAX_SAFE_INTEGER,
      expected: "a Telegram user id (a positive integer)",
    })
  );
}

function readBroadcast(field: Field): Config["broadcast"] {
  return readOptional(field, {
    defaults: DEFAULT_BROADCAST,
    readers: {
      messages_per_second: (rate) =>
        readNumber(rate, {
          above: 0,
          max: 1000,
          expected: "a number greater than 0 and at most 1000",
        }),
      paid: readBoolean,
    },
  });
}

function readDelivery(field: Field): Config["delivery"] {
  return readOptional(field, {
    defaults: DEFAULT_DELIVERY,
    readers: {
      retry_initial_seconds: readSeconds,
      retry_max_seconds: readSeconds,
      give_up_after_hours: readSeconds,
      request_timeout_seconds: readSeconds,
      keep_days: (days) =>
        readInteger(days, {
          min: 30,
          max: 36_500,
          expected: "a whole number of days from 30 to 36500",
        }),
    },
  });
}

function readPolling(field: Field): Config["polling"] {
  return readOptional(field, {
    defaults: DEFAULT_POLLING,
    readers: {
      retry_max_seconds: readSeconds,
      unhealthy_after_seconds: readSeconds,
      delete_webhook: readBoolean,
    },
  });
}

function readFeedback(field: Field): Config["feedback"] {
  return readOptional(field, {
    defaults: DEFAULT_FEEDBACK,
    readers: {
      enabled: readBoolean,
      delay_minutes: (minutes) =>
        readInteger(minutes, {
          min: 0,
          max: 24 * 60,
          expected: "a whole number of minutes from 0 to 1440",
        }),
      open_hours: (hours) =>
        readInteger(hours, {
          min: 1,
          max: 7 * 24,
          expected: "a whole number of hours from 1 to 168",
        }),
    },
  });
}

/** The default texts overridden by `texts:`, each checked for unknown `{placeholders}`. */
function readTexts(field: Field): Texts {
  const texts = { ...DEFAULT_TEXTS };
  if (isAbsent(field)) return texts;
  const section = openSection(field, TEXT_KEYS);
  for (const name of TEXT_KEYS) {
    const text = section.fields.get(name);
    if (!text) continue;
    const template = readString(text);
    const allowed: readonly string[] = TEXT_PLACEHOLDERS[name];
    const [placeholder] = unknownPlaceholders(template, allowed);
    if (placeholder !== undefined) {
      const expected = allowed.length === 0
        ? "no placeholders"
        : `one of ${allowed.map((p) => `{${p}}`).join(", ")}`;
      throw new ConfigError(
        `Unknown placeholder "${placeholder}" in ${text.key} (line ${text.line}): expected ${expected}`,
        { key: text.key, line: text.line },
      );
    }
    texts[name] = template;
  }
  return texts;
}
