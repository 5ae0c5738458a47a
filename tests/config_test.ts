import assert from "node:assert/strict";
import { tempDir } from "./helpers.ts";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatLocalTime } from "../src/core/week.ts";
import { loadConfig, parseConfig } from "../src/config/load.ts";
import { ConfigError } from "../src/config/schema.ts";
import { DEFAULT_TEXTS } from "../src/config/default_texts.ts";

const SHIPPED = fileURLToPath(new URL("../config.yaml", import.meta.url));

/** The smallest valid config; line numbers in the tests below refer to it. */
const MINIMAL = `timezone: Europe/Moscow
meeting:
  title: Живой эфир
  weekday: wednesday
  time: "11:00"
  duration_minutes: 60
  link: https://example.com/live
schedule:
  invitation: { weekday: monday, time: "10:00" }
  first_reminder: { weekday: wednesday, time: "09:00" }
  second_reminder: { weekday: wednesday, time: "10:40" }
`;

/** MINIMAL with `from` replaced by `to`; fails if `from` is not there. */
function edit(from: string, to: string, text = MINIMAL): string {
  assert.ok(text.includes(from), `fixture has no ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

function configError(parse: () => unknown): ConfigError {
  try {
    parse();
  } catch (error) {
    assert.ok(error instanceof ConfigError, `not a ConfigError: ${error}`);
    return error;
  }
  assert.fail("no error thrown");
}

function assertConfigError(
  text: string,
  expected: { key: string; line: number | null; message: string },
): void {
  const error = configError(() => parseConfig(text));
  assert.equal(error.name, "ConfigError");
  assert.deepEqual(
    { key: error.key, line: error.line, message: error.message },
    expected,
  );
}

Deno.test("loadConfig() reads the shipped config.yaml", async () => {
  const config = await loadConfig(SHIPPED);
  assert.equal(config.path, SHIPPED);
  assert.equal(config.timezone, "Europe/Moscow");
  assert.equal(config.database, join(dirname(SHIPPED), "data/bot.sqlite3"));
  assert.deepEqual(config.admins, []);
  assert.deepEqual(config.meeting, {
    title: "Живой эфир",
    weekday: "wednesday",
    time: { hour: 11, minute: 0 },
    duration_minutes: 60,
    link: "https://example.com/live",
    capacity: null,
  });
  assert.deepEqual(config.schedule, {
    invitation: { weekday: "monday", time: { hour: 10, minute: 0 } },
    first_reminder: { weekday: "wednesday", time: { hour: 9, minute: 0 } },
    second_reminder: { weekday: "wednesday", time: { hour: 10, minute: 40 } },
    // On by default: the evening before, to those who have not answered.
    nudge: { weekday: "tuesday", time: { hour: 18, minute: 0 } },
  });
  assert.deepEqual(config.broadcast, { messages_per_second: 25, paid: false });
  assert.equal(config.http, null);
});

Deno.test("loadConfig() finds every default text repeated in the shipped config.yaml", async () => {
  const config = await loadConfig(SHIPPED);
  assert.deepEqual(config.texts, DEFAULT_TEXTS);
  const text = await Deno.readTextFile(SHIPPED);
  for (const key of Object.keys(DEFAULT_TEXTS)) {
    assert.match(
      text,
      new RegExp(`^  ${key}: `, "m"),
      `${key} is not in config.yaml`,
    );
  }
});

Deno.test("parseConfig() fills in the defaults of optional keys", () => {
  const config = parseConfig(MINIMAL);
  assert.equal(config.path, "<memory>");
  assert.equal(config.database, join(Deno.cwd(), "data/bot.sqlite3"));
  assert.deepEqual(config.admins, []);
  assert.deepEqual(config.broadcast, { messages_per_second: 25, paid: false });
  assert.equal(config.http, null);
  assert.deepEqual(config.texts, DEFAULT_TEXTS);
});

Deno.test("parseConfig() reads admins, broadcast and http", () => {
  const config = parseConfig(
    MINIMAL +
      "admins: [42, 1234567890123]\nbroadcast: { messages_per_second: 0.5 }\n" +
      "http: { port: 9090 }\n",
  );
  assert.deepEqual(config.admins, [42, 1234567890123]);
  assert.deepEqual(config.broadcast, { messages_per_second: 0.5, paid: false });
  assert.deepEqual(config.http, { port: 9090, hostname: "127.0.0.1" });
});

Deno.test("parseConfig() accepts capitalised weekdays and one-digit hours", () => {
  const config = parseConfig(
    edit(
      '{ weekday: monday, time: "10:00" }',
      "{ weekday: Monday, time: 9:05 }",
    ),
  );
  assert.deepEqual(config.schedule.invitation, {
    weekday: "monday",
    time: { hour: 9, minute: 5 },
  });
});

Deno.test("parseConfig() names the key and line of an unknown weekday", () => {
  assertConfigError(edit("weekday: monday", "weekday: mon day"), {
    key: "schedule.invitation.weekday",
    line: 9,
    message:
      'Invalid value "mon day" at schedule.invitation.weekday (line 9): ' +
      "expected one of monday, tuesday, wednesday, thursday, friday, saturday, sunday",
  });
});

Deno.test("parseConfig() names the key and line of an impossible time", () => {
  assertConfigError(edit('time: "11:00"', 'time: "25:00"'), {
    key: "meeting.time",
    line: 5,
    message: 'Invalid value "25:00" at meeting.time (line 5): ' +
      'expected a time "HH:MM" from 00:00 to 23:59',
  });
});

Deno.test("parseConfig() rejects a time written as a number", () => {
  assertConfigError(edit('time: "11:00"', "time: 600"), {
    key: "meeting.time",
    line: 5,
    message:
      'Invalid value 600 at meeting.time (line 5): expected a time "HH:MM" from 00:00 to 23:59',
  });
});

Deno.test("parseConfig() names a missing key with the line of its parent map", () => {
  assertConfigError(edit("  link: https://example.com/live\n", ""), {
    key: "meeting.link",
    line: 2,
    message:
      "Missing key meeting.link (line 2): expected a string (the meeting link)",
  });
  const error = configError(() => parseConfig(edit("schedule:", "schedul:")));
  assert.equal(error.key, "schedul");
  assert.equal(error.line, 8);
  assert.match(
    error.message,
    /^Unknown key "schedul" \(line 8\): expected one of timezone,/,
  );
});

Deno.test("parseConfig() names the key and line of a value of the wrong type", () => {
  assertConfigError(edit("title: Живой эфир", "title: 5"), {
    key: "meeting.title",
    line: 3,
    message:
      "Invalid value 5 at meeting.title (line 3): expected a string (the meeting title)",
  });
  assertConfigError(edit("title: Живой эфир", 'title: ""'), {
    key: "meeting.title",
    line: 3,
    message: 'Invalid value "" at meeting.title (line 3): ' +
      "expected a non-empty string (the meeting title)",
  });
  assertConfigError(
    MINIMAL.replace(/meeting:\n( {2}.*\n)+/, "meeting: [1]\n"),
    {
      key: "meeting",
      line: 2,
      message: "Invalid value […] at meeting (line 2): " +
        "expected a map with keys title, weekday, time, duration_minutes, link, capacity",
    },
  );
});

Deno.test("parseConfig() reads meeting.capacity: seats each week, absent for no limit", () => {
  assert.equal(parseConfig(MINIMAL).meeting.capacity, null);
  const twelve = edit(
    "link: https://example.com/live",
    "link: https://example.com/live\n  capacity: 12",
  );
  assert.equal(parseConfig(twelve).meeting.capacity, 12);
  for (const bad of ["0", "2.5", "-3", "lots", "100001"]) {
    assertConfigError(twelve.replace("capacity: 12", `capacity: ${bad}`), {
      key: "meeting.capacity",
      line: 8,
      message:
        `Invalid value ${
          bad === "lots" ? '"lots"' : bad
        } at meeting.capacity (line 8): ` +
        "expected a whole number of seats from 1 to 100000",
    });
  }
});

Deno.test("parseConfig() checks the range of numbers and the link", () => {
  assertConfigError(edit("duration_minutes: 60", "duration_minutes: 1441"), {
    key: "meeting.duration_minutes",
    line: 6,
    message: "Invalid value 1441 at meeting.duration_minutes (line 6): " +
      "expected an integer from 1 to 1440",
  });
  assertConfigError(
    edit("link: https://example.com/live", "link: ftp://example.com"),
    {
      key: "meeting.link",
      line: 7,
      message: 'Invalid value "ftp://example.com" at meeting.link (line 7): ' +
        "expected an http(s) URL such as https://example.com/live",
    },
  );
  assertConfigError(MINIMAL + "admins: [1, -5]\n", {
    key: "admins[1]",
    line: 12,
    message: "Invalid value -5 at admins[1] (line 12): " +
      "expected a Telegram user id (a positive integer)",
  });
  assertConfigError(MINIMAL + "broadcast:\n  messages_per_second: 0\n", {
    key: "broadcast.messages_per_second",
    line: 13,
    message: "Invalid value 0 at broadcast.messages_per_second (line 13): " +
      "expected a number greater than 0 and at most 1000",
  });
  assertConfigError(MINIMAL + "broadcast: { paid: yes please }\n", {
    key: "broadcast.paid",
    line: 12,
    message:
      'Invalid value "yes please" at broadcast.paid (line 12): expected true or false',
  });
  assertConfigError(MINIMAL + "delivery:\n  keep_days: 7\n", {
    key: "delivery.keep_days",
    line: 13,
    message: "Invalid value 7 at delivery.keep_days (line 13): " +
      "expected a whole number of days from 30 to 36500",
  });
  assertConfigError(MINIMAL + "http: { port: 70000 }\n", {
    key: "http.port",
    line: 12,
    message:
      "Invalid value 70000 at http.port (line 12): expected an integer from 1 to 65535",
  });
});

Deno.test("parseConfig() names the line of an unknown key under texts", () => {
  assertConfigError(MINIMAL + "texts:\n  help: Помощь\n  foo: bar\n", {
    key: "texts.foo",
    line: 14,
    message: 'Unknown key "texts.foo" (line 14): expected one of ' +
      Object.keys(DEFAULT_TEXTS).join(", "),
  });
});

Deno.test("parseConfig() names the text and line of an unknown placeholder", () => {
  const text = MINIMAL +
    "texts:\n  help: Помощь\n  start_greeting: |-\n    Привет, {nmae}!\n";
  assertConfigError(text, {
    key: "texts.start_greeting",
    line: 14,
    message:
      'Unknown placeholder "{nmae}" in texts.start_greeting (line 14): ' +
      "expected one of {name}, {title}, {weekday}, {weekday_gen}, {weekday_dat}, " +
      "{weekday_acc}, {weekday_ins}, {weekday_prep}, {weekday_on}, {weekday_from}, " +
      "{weekday_every}, {time}, {tz}, {duration}, {duration_acc}",
  });
  assertConfigError(
    MINIMAL + "texts:\n  admin_export_caption: Всего {count|ответ|ответа}\n",
    {
      key: "texts.admin_export_caption",
      line: 13,
      message:
        'Unknown placeholder "{count|ответ|ответа}" in texts.admin_export_caption (line 13): ' +
        "expected one of {count}",
    },
  );
  assertConfigError(MINIMAL + "texts:\n  stopped: Пока, {name}\n", {
    key: "texts.stopped",
    line: 13,
    message:
      'Unknown placeholder "{name}" in texts.stopped (line 13): expected no placeholders',
  });
});

Deno.test("parseConfig() overrides the texts it names and keeps the others", () => {
  const config = parseConfig(
    MINIMAL +
      "texts:\n  help: |\n    Справка:\n    /start, {title}\n  bad_button: Нет\n",
  );
  assert.equal(config.texts.help, "Справка:\n/start, {title}\n");
  assert.equal(config.texts.bad_button, "Нет");
  assert.deepEqual(
    {
      ...config.texts,
      help: DEFAULT_TEXTS.help,
      bad_button: DEFAULT_TEXTS.bad_button,
    },
    DEFAULT_TEXTS,
  );
  assert.deepEqual(parseConfig(MINIMAL + "texts:\n").texts, DEFAULT_TEXTS);
});

Deno.test("parseConfig() names the line of a YAML syntax error", () => {
  assertConfigError(edit("  title: Живой эфир\n", "  title: [Живой эфир\n"), {
    key: "",
    line: 4,
    message: "Invalid YAML at line 4: " +
      "Flow sequence in block collection must be sufficiently indented and end with a ]",
  });
  const error = configError(() => parseConfig(MINIMAL + "timezone: UTC\n"));
  assert.equal(error.key, "");
  assert.equal(error.line, 12);
  assert.match(
    error.message,
    /^Invalid YAML at line 12: Map keys must be unique/,
  );
  assertConfigError("", {
    key: "",
    line: 1,
    message:
      "Invalid value null at the top level (line 1): expected a map with keys " +
      "timezone, timezone_label, database, admins, meeting, schedule, broadcast, delivery, " +
      "forwarding, flood, polling, http, feedback, texts",
  });
});

Deno.test("parseConfig() names the key and line of an unknown time zone", () => {
  assertConfigError(edit("Europe/Moscow", "Europe/Moskow"), {
    key: "timezone",
    line: 1,
    message: 'Invalid value "Europe/Moskow" at timezone (line 1): ' +
      "expected an IANA time zone such as Europe/Moscow",
  });
  assertConfigError(edit("timezone: Europe/Moscow\n", ""), {
    key: "timezone",
    line: 1,
    message: "Missing key timezone (line 1): " +
      "expected a string (an IANA time zone such as Europe/Moscow)",
  });
});

Deno.test("loadConfig() names the path of a missing file", async () => {
  await using temp = await tempDir();
  const dir = temp.path;
  const path = join(dir, "nope.yaml");
  const error = await loadConfig(path).then(
    () => assert.fail("no error thrown"),
    (error: unknown) => error,
  );
  assert.ok(error instanceof ConfigError);
  assert.equal(error.key, "");
  assert.equal(error.line, null);
  assert.equal(error.message, `Config file "${path}" not found`);
  assert.ok(error.cause instanceof Deno.errors.NotFound);
});

Deno.test("loadConfig() resolves the database path against the config file's folder", async () => {
  await using temp = await tempDir();
  const dir = temp.path;
  await Deno.mkdir(join(dir, "etc"));
  const path = join(dir, "etc", "bot.yaml");
  await Deno.writeTextFile(path, MINIMAL + "database: ../var/bot.sqlite3\n");
  const config = await loadConfig(path);
  assert.equal(config.path, path);
  assert.equal(config.database, join(dir, "var", "bot.sqlite3"));

  await Deno.writeTextFile(
    path,
    MINIMAL + `database: ${join(dir, "abs.sqlite3")}\n`,
  );
  assert.equal((await loadConfig(path)).database, join(dir, "abs.sqlite3"));

  await Deno.writeTextFile(path, MINIMAL + 'database: ":memory:"\n');
  assert.equal((await loadConfig(path)).database, ":memory:");

  await Deno.writeTextFile(path, MINIMAL);
  assert.equal(
    (await loadConfig(path)).database,
    join(dir, "etc", "data", "bot.sqlite3"),
  );
});

Deno.test("parseConfig() resolves the database path against the given path's folder", () => {
  const config = parseConfig(MINIMAL, { path: "/srv/bot/config.yaml" });
  assert.equal(config.path, "/srv/bot/config.yaml");
  assert.equal(config.database, "/srv/bot/data/bot.sqlite3");
});

Deno.test("formatLocalTime() pads hours and minutes to two digits", () => {
  assert.equal(formatLocalTime({ hour: 9, minute: 5 }), "09:05");
  assert.equal(formatLocalTime({ hour: 23, minute: 59 }), "23:59");
});
