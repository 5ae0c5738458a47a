/**
 * The settings of what comes after the "yes": `http.public_url` and the public listener
 * beside the local one, and `feedback:`. Each mistake is one error that names the key,
 * the line and what was expected; `check` prints what the bot will do.
 */
import assert from "node:assert/strict";
import { parseConfig } from "../src/config/load.ts";
import { ConfigError } from "../src/config/schema.ts";
import { checkCommand } from "../src/commands/check.ts";
import { silentLogger } from "../src/log.ts";
import { testConfig } from "./helpers.ts";

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

function error(text: string): string {
  try {
    parseConfig(MINIMAL + text);
  } catch (caught) {
    assert.ok(caught instanceof ConfigError);
    return caught.message;
  }
  assert.fail("no error");
}

Deno.test("http.public_url with its port gives the public listener, on 127.0.0.1 by default", () => {
  const config = parseConfig(
    MINIMAL +
      "http:\n  port: 9090\n  public_url: https://bot.example.org/meet/\n  public_port: 8080\n",
  );
  assert.deepEqual(config.http, {
    port: 9090,
    hostname: "127.0.0.1",
    public: {
      url: "https://bot.example.org/meet",
      port: 8080,
      hostname: "127.0.0.1",
      client_ip_header: null,
      rate_limit: { burst: 60, per_minute: 120 },
    },
  });
  const behind = parseConfig(
    MINIMAL +
      "http:\n  port: 9090\n  public_url: https://bot.example.org\n  public_port: 8080\n" +
      "  public_hostname: 0.0.0.0\n  client_ip_header: X-Forwarded-For\n" +
      "  rate_limit: { burst: 5 }\n",
  );
  assert.equal(behind.http?.public?.client_ip_header, "x-forwarded-for");
  assert.equal(behind.http?.public?.hostname, "0.0.0.0");
  assert.deepEqual(behind.http?.public?.rate_limit, {
    burst: 5,
    per_minute: 120,
  });
  assert.equal(
    parseConfig(MINIMAL + "http: { port: 9090 }\n").http?.public,
    undefined,
  );
});

Deno.test("a wrong public setting is one error naming its key and line", () => {
  assert.equal(
    error("http:\n  port: 9090\n  public_url: https://bot.example.org\n"),
    "Missing key http.public_port (line 12): expected a port from 1 to 65535 for the public listener (it is required with public_url)",
  );
  assert.equal(
    error(
      "http:\n  port: 9090\n  public_url: https://bot.example.org\n  public_port: 9090\n",
    ),
    "Invalid value 9090 at http.public_port (line 15): expected a port other than http.port: /healthz and /metrics never share the public one",
  );
  assert.equal(
    error("http:\n  port: 9090\n  public_url: ftp://x\n  public_port: 8080\n"),
    'Invalid value "ftp://x" at http.public_url (line 14): expected an http(s) address without ?query, #fragment or user, such as https://bot.example.org',
  );
  assert.match(
    error(
      "http:\n  port: 9090\n  public_url: https://u:p@x.org\n  public_port: 8080\n",
    ),
    /^Invalid value "https:\/\/u:p@x\.org" at http\.public_url/,
  );
  assert.equal(
    error("http:\n  port: 9090\n  public_port: 8080\n"),
    "http.public_port (line 14) needs http.public_url: set it, or remove http.public_port",
  );
  assert.match(
    error(
      "http:\n  port: 9090\n  public_url: https://x.org\n  public_port: 8080\n  client_ip_header: X Forwarded\n",
    ),
    /at http\.client_ip_header \(line 16\): expected a header name/,
  );
});

Deno.test("feedback: on by default, 15 minutes after the end, open 24 hours; each value checked", () => {
  assert.deepEqual(parseConfig(MINIMAL).feedback, {
    enabled: true,
    delay_minutes: 15,
    open_hours: 24,
  });
  assert.deepEqual(
    parseConfig(MINIMAL + "feedback: { enabled: false, delay_minutes: 0 }\n")
      .feedback,
    { enabled: false, delay_minutes: 0, open_hours: 24 },
  );
  assert.equal(
    error("feedback: { open_hours: 0 }\n"),
    "Invalid value 0 at feedback.open_hours (line 12): expected a whole number of hours from 1 to 168",
  );
  assert.match(error("feedback: { delay: 5 }\n"), /feedback/);
});

Deno.test("check says where the public side listens and when the question comes", () => {
  const lines: string[] = [];
  const base = testConfig();
  checkCommand(
    {
      ...base,
      http: {
        port: 0,
        hostname: "127.0.0.1",
        public: {
          url: "https://bot.example.org",
          port: 0,
          hostname: "127.0.0.1",
          client_ip_header: null,
          rate_limit: { burst: 60, per_minute: 120 },
        },
      },
    },
    {
      log: silentLogger,
      now: () => new Date("2026-11-23T06:00:00Z"),
      print: (line) => lines.push(line),
    },
  );
  assert.ok(
    lines.includes(
      "public: 127.0.0.1:0 as https://bot.example.org (/j/…: personal links, who came)",
    ),
    lines.join("\n"),
  );
  assert.ok(lines.includes(
    "feedback: asked 15 min after the end, open 24 h, then the report",
  ));
});
