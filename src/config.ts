/**
 * The bot's settings, read once at start from `config.yaml` into a typed, validated object.
 *
 * A bad value throws one {@linkcode ConfigError} that names the dotted key, the line in the
 * file and what was expected, e.g.
 * `Invalid value "mon day" at schedule.invitation.weekday (line 7): expected one of monday, …`.
 */

import { dirname, resolve } from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import {
  DEFAULT_TEXTS,
  TEXT_PLACEHOLDERS,
  type TextKey,
  type Texts,
} from "./texts.ts";

/** The days of the week, Monday first, as written in `config.yaml`. */
export const WEEKDAYS = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
] as const;

/** One day of the week, in lower case. */
export type Weekday = typeof WEEKDAYS[number];

/** The weekly jobs the bot runs, each at its own time under `schedule:`. */
export const JOB_NAMES = [
  "invitation",
  "first_reminder",
  "second_reminder",
  "nudge",
] as const;

/** The name of one weekly job. */
export type JobName = typeof JOB_NAMES[number];

/** Jobs that `schedule:` must name; the others are off unless named. */
const REQUIRED_JOBS: readonly JobName[] = [
  "invitation",
  "first_reminder",
  "second_reminder",
];

/** A wall-clock time in the configured time zone, parsed from `"HH:MM"`. */
export interface LocalTime {
  hour: number;
  minute: number;
}

/** A time of the week: a weekday and a wall-clock time. */
export interface WeeklyTime {
  weekday: Weekday;
  time: LocalTime;
}

/** The validated contents of `config.yaml`. */
export interface Config {
  /** IANA time zone in which every weekday and time is meant, e.g. `Europe/Moscow`. */
  timezone: string;
  /** Absolute path of the SQLite file, or `:memory:`. */
  database: string;
  /** Telegram user ids of the administrators. */
  admins: number[];
  /** The weekly meeting itself. */
  meeting: {
    title: string;
    weekday: Weekday;
    time: LocalTime;
    duration_minutes: number;
    link: string;
  };
  /** When each weekly job runs; `null` for an optional job that is off (the nudge). */
  schedule: Record<Exclude<JobName, "nudge">, WeeklyTime> & {
    nudge: WeeklyTime | null;
  };
  /** Rate limit of mass sends. */
  broadcast: { messages_per_second: number };
  /** The optional HTTP listener; `null` when the section is absent. */
  http: { port: number; hostname: string } | null;
  /** Every text the bot shows: the defaults overridden by `texts:`. */
  texts: Texts;
  /** Absolute path of the config file, or `<memory>` when parsed from a string. */
  path: string;
}

/** A config that cannot be read or is invalid; `key` and `line` say where. */
export class ConfigError extends Error {
  override name = "ConfigError";
  /** Dotted path of the offending key, e.g. `schedule.invitation.weekday`; `""` for the whole file. */
  readonly key: string;
  /** 1-based line in the file, or `null` when unknown. */
  readonly line: number | null;

  /** Builds the error; `message` already names the key and the line. */
  constructor(
    message: string,
    options: { key: string; line: number | null; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.key = options.key;
    this.line = options.line;
  }
}

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

  const timezone = readTimezone(child(root, "timezone"));
  const database = readDatabase(child(root, "database"), path);
  const admins = readAdmins(child(root, "admins"));

  const meeting = openSection(child(root, "meeting"), MEETING_KEYS);
  const title = readString(child(meeting, "title"), "the meeting title");
  const weekday = readWeekday(child(meeting, "weekday"));
  const time = readTime(child(meeting, "time"));
  const duration = readInteger(child(meeting, "duration_minutes"), {
    min: 1,
    max: 24 * 60,
  });
  const link = readLink(child(meeting, "link"));

  const scheduleSection = openSection(child(root, "schedule"), JOB_NAMES);
  const schedule = { nudge: null } as Config["schedule"];
  for (const job of JOB_NAMES) {
    const field = child(scheduleSection, job);
    if (!REQUIRED_JOBS.includes(job) && isAbsent(field)) continue;
    const at = openSection(field, WEEKLY_TIME_KEYS);
    schedule[job] = {
      weekday: readWeekday(child(at, "weekday")),
      time: readTime(child(at, "time")),
    };
  }

  return {
    timezone,
    database,
    admins,
    meeting: { title, weekday, time, duration_minutes: duration, link },
    schedule,
    broadcast: readBroadcast(child(root, "broadcast")),
    http: readHttp(child(root, "http")),
    texts: readTexts(child(root, "texts")),
    path: path ?? "<memory>",
  };
}

/** Reads and parses the config file at `path`; a missing or unreadable file is a {@linkcode ConfigError}. */
export async function loadConfig(path: string): Promise<Config> {
  const absolute = resolve(path);
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
}

/** The jobs this config runs, in `JOB_NAMES` order (the nudge only when scheduled). */
export function scheduledJobs(config: Pick<Config, "schedule">): JobName[] {
  return JOB_NAMES.filter((job) => config.schedule[job] !== null);
}

/** The time of a scheduled job; throws for a job that is off. */
export function jobTime(
  config: Pick<Config, "schedule">,
  job: JobName,
): WeeklyTime {
  const time = config.schedule[job];
  if (time === null) throw new RangeError(`Job "${job}" is not scheduled`);
  return time;
}

/** Formats a time as `"HH:MM"`, e.g. `"09:05"`. */
export function formatLocalTime(time: LocalTime): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(time.hour)}:${pad(time.minute)}`;
}

const ROOT_KEYS = [
  "timezone",
  "database",
  "admins",
  "meeting",
  "schedule",
  "broadcast",
  "http",
  "texts",
] as const;
const MEETING_KEYS = [
  "title",
  "weekday",
  "time",
  "duration_minutes",
  "link",
] as const;
const WEEKLY_TIME_KEYS = ["weekday", "time"] as const;
const TEXT_KEYS = Object.keys(TEXT_PLACEHOLDERS) as TextKey[];
const DEFAULT_DATABASE = "data/bot.sqlite3";
const DEFAULT_MESSAGES_PER_SECOND = 25;
const DEFAULT_HOSTNAME = "127.0.0.1";

/** One value of the document: its dotted key, its YAML node (`undefined` when the key is missing) and its line. */
interface Field {
  key: string;
  node: unknown;
  line: number | null;
  lines: LineCounter;
}

/** A YAML map whose keys have been checked, with its values by name. */
interface Section {
  key: string;
  line: number | null;
  lines: LineCounter;
  fields: Map<string, Field>;
}

function lineOf(node: unknown, lines: LineCounter): number | null {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? lines.linePos(range[0]).line : null;
}

function show(node: unknown): string {
  if (isScalar(node)) {
    return typeof node.value === "string"
      ? JSON.stringify(node.value)
      : String(node.value);
  }
  if (isMap(node)) return "{…}";
  if (isSeq(node)) return "[…]";
  return String(node);
}

/** Throws "Missing key …" or "Invalid value … at …", both ending with what was `expected`. */
function fail(field: Field, expected: string): never {
  const where = `${field.key || "the top level"} (line ${field.line})`;
  const message = field.node === undefined
    ? `Missing key ${where}: expected ${expected}`
    : `Invalid value ${show(field.node)} at ${where}: expected ${expected}`;
  throw new ConfigError(message, { key: field.key, line: field.line });
}

/** Whether an optional key is left out or left empty (`key:` with no value). */
function isAbsent(field: Field): boolean {
  return field.node === undefined ||
    (isScalar(field.node) && field.node.value === null);
}

/** Checks that `field` is a map whose keys are all in `keys`. */
function openSection(field: Field, keys: readonly string[]): Section {
  if (!isMap(field.node)) fail(field, `a map with keys ${keys.join(", ")}`);
  const fields = new Map<string, Field>();
  for (const pair of field.node.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const key = field.key === "" ? name : `${field.key}.${name}`;
    const keyLine = lineOf(pair.key, field.lines);
    if (!keys.includes(name)) {
      const expected = `expected one of ${keys.join(", ")}`;
      throw new ConfigError(
        `Unknown key "${key}" (line ${keyLine}): ${expected}`,
        {
          key,
          line: keyLine,
        },
      );
    }
    // A scalar is reported at its own line, a nested map or list at its key's.
    const line = isScalar(pair.value)
      ? lineOf(pair.value, field.lines)
      : keyLine;
    fields.set(name, { key, node: pair.value, line, lines: field.lines });
  }
  return { key: field.key, line: field.line, lines: field.lines, fields };
}

/** The value under `name`, or a missing field placed at the section's line. */
function child(section: Section, name: string): Field {
  return section.fields.get(name) ?? {
    key: section.key === "" ? name : `${section.key}.${name}`,
    node: undefined,
    line: section.line,
    lines: section.lines,
  };
}

function readString(field: Field, hint?: string): string {
  const value = isScalar(field.node) ? field.node.value : undefined;
  const suffix = hint ? ` (${hint})` : "";
  if (typeof value !== "string") fail(field, `a string${suffix}`);
  if (value.trim() === "") fail(field, `a non-empty string${suffix}`);
  return value;
}

function readInteger(
  field: Field,
  range: { min: number; max: number; expected?: string },
): number {
  const value = isScalar(field.node) ? field.node.value : undefined;
  if (
    typeof value !== "number" || !Number.isSafeInteger(value) ||
    value < range.min || value > range.max
  ) {
    fail(
      field,
      range.expected ?? `an integer from ${range.min} to ${range.max}`,
    );
  }
  return value;
}

function readWeekday(field: Field): Weekday {
  const value = isScalar(field.node) ? field.node.value : undefined;
  const weekday = typeof value === "string" ? value.toLowerCase() : undefined;
  const found = WEEKDAYS.find((day) => day === weekday);
  if (!found) fail(field, `one of ${WEEKDAYS.join(", ")}`);
  return found;
}

function readTime(field: Field): LocalTime {
  const value = isScalar(field.node) ? field.node.value : undefined;
  const match = typeof value === "string"
    ? /^(\d{1,2}):(\d{2})$/.exec(value)
    : null;
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) {
    fail(field, `a time "HH:MM" from 00:00 to 23:59`);
  }
  return { hour, minute };
}

function readTimezone(field: Field): string {
  const timeZone = readString(
    field,
    "an IANA time zone such as Europe/Moscow",
  );
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
  } catch {
    fail(field, "an IANA time zone such as Europe/Moscow");
  }
  return timeZone;
}

function readLink(field: Field): string {
  const link = readString(field, "the meeting link");
  const url = URL.parse(link);
  if (url?.protocol !== "http:" && url?.protocol !== "https:") {
    fail(field, "an http(s) URL such as https://example.com/live");
  }
  return link;
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
  if (!isSeq(field.node)) fail(field, "a list of Telegram user ids");
  return field.node.items.map((item, index) =>
    readInteger({
      key: `${field.key}[${index}]`,
      node: item,
      line: lineOf(item, field.lines),
      lines: field.lines,
    }, {
      min: 1,
      max: Number.MAX_SAFE_INTEGER,
      expected: "a Telegram user id (a positive integer)",
    })
  );
}

function readBroadcast(field: Field): Config["broadcast"] {
  if (isAbsent(field)) {
    return { messages_per_second: DEFAULT_MESSAGES_PER_SECOND };
  }
  const rate = child(
    openSection(field, ["messages_per_second"]),
    "messages_per_second",
  );
  if (isAbsent(rate)) {
    return { messages_per_second: DEFAULT_MESSAGES_PER_SECOND };
  }
  const value = isScalar(rate.node) ? rate.node.value : undefined;
  if (
    typeof value !== "number" || !Number.isFinite(value) || value <= 0 ||
    value > 1000
  ) {
    fail(rate, "a number greater than 0 and at most 1000");
  }
  return { messages_per_second: value };
}

function readHttp(field: Field): Config["http"] {
  if (isAbsent(field)) return null;
  const http = openSection(field, ["port", "hostname"]);
  const port = readInteger(child(http, "port"), { min: 1, max: 65535 });
  const hostname = child(http, "hostname");
  return {
    port,
    hostname: isAbsent(hostname) ? DEFAULT_HOSTNAME : readString(hostname),
  };
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
    for (const [placeholder, used] of template.matchAll(/\{(\w+)\}/g)) {
      if (used && allowed.includes(used)) continue;
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
