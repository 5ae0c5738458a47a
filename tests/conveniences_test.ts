/** The operator's conveniences as units: JSON logs, `health`, and permission errors. */
import assert from "node:assert/strict";
import { healthCommand, healthUrl } from "../src/commands/health.ts";
import { permissionLine } from "../src/commands/places.ts";
import { UsageError } from "../src/core/errors.ts";
import { readLogSettings } from "../src/env.ts";
import { createLogger } from "../src/log.ts";
import { testConfig } from "./helpers.ts";

const TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

Deno.test("createLogger() with format json writes one object a line with time, level, event first, and no token", () => {
  const lines: string[] = [];
  const log = createLogger({
    format: "json",
    secrets: [TOKEN],
    write: (line) => lines.push(line),
    now: () => new Date("2026-11-23T07:00:00Z"),
  });
  log.info("job.done", {
    job: "invitation",
    sent: 42,
    at: new Date("2026-11-23T07:00:01Z"),
    skipped: undefined,
    event: "clash",
  });
  log.error("api.failed", {
    error: new Error(`POST https://api.telegram.org/bot${TOKEN}/x\nfailed`),
    detail: { nested: [1, 2n] },
  });
  assert.equal(lines.length, 2);
  assert.deepEqual(JSON.parse(lines[0]!), {
    time: "2026-11-23T07:00:00.000Z",
    level: "info",
    event: "job.done",
    job: "invitation",
    sent: 42,
    at: "2026-11-23T07:00:01.000Z",
    field_event: "clash",
  });
  assert.ok(lines[0]!.startsWith('{"time":'));
  const error = JSON.parse(lines[1]!);
  assert.deepEqual(Object.keys(error), [
    "time",
    "level",
    "event",
    "error",
    "detail",
  ]);
  assert.equal(
    error.error,
    "Error: POST https://api.telegram.org/bot***/x\nfailed",
  );
  assert.deepEqual(error.detail, { nested: [1, "2"] });
  assert.ok(!lines.join("\n").includes(TOKEN.split(":")[1]!));
});

Deno.test("createLogger() text and json say the same, and the text redacts the token too", () => {
  const text: string[] = [];
  const json: string[] = [];
  const now = () => new Date("2026-11-23T07:00:00Z");
  for (const [format, out] of [["text", text], ["json", json]] as const) {
    createLogger({ format, secrets: [TOKEN], now, write: (l) => out.push(l) })
      .warn("bot.waiting_for_telegram", { error: `token ${TOKEN}`, n: 1 });
  }
  assert.equal(
    text[0],
    '2026-11-23T07:00:00.000Z WARN bot.waiting_for_telegram error="token ***" n=1',
  );
  assert.deepEqual(JSON.parse(json[0]!), {
    time: "2026-11-23T07:00:00.000Z",
    level: "warn",
    event: "bot.waiting_for_telegram",
    error: "token ***",
    n: 1,
  });
});

Deno.test("readLogSettings() defaults to info and text, and names the variable of a bad value", () => {
  assert.deepEqual(
    readLogSettings({ LOG_LEVEL: undefined, LOG_FORMAT: undefined }),
    {
      level: "info",
      format: "text",
    },
  );
  assert.deepEqual(
    readLogSettings({ LOG_LEVEL: "debug", LOG_FORMAT: "json" }),
    {
      level: "debug",
      format: "json",
    },
  );
  assert.throws(
    () => readLogSettings({ LOG_LEVEL: undefined, LOG_FORMAT: "JSON" }),
    (e) =>
      e instanceof UsageError &&
      e.message === 'LOG_FORMAT "JSON" is not one of text, json',
  );
});

Deno.test("healthUrl() asks a wildcard address on the loopback", () => {
  assert.equal(
    healthUrl({ hostname: "0.0.0.0", port: 9090 }),
    "http://127.0.0.1:9090/healthz",
  );
  assert.equal(
    healthUrl({ hostname: "::", port: 9090 }),
    "http://[::1]:9090/healthz",
  );
  assert.equal(
    healthUrl({ hostname: "localhost", port: 1 }),
    "http://localhost:1/healthz",
  );
  assert.equal(
    healthUrl({ hostname: "::1", port: 2 }),
    "http://[::1]:2/healthz",
  );
});

Deno.test("healthCommand() exits 1 on a 503 and names the failing checks in one line", async () => {
  await using server = Deno.serve({
    hostname: "127.0.0.1",
    port: 0,
    onListen() {},
    handler: () =>
      Response.json({
        ok: false,
        checks: {
          database: { ok: true },
          polling: { ok: false, detail: "no getUpdates succeeded for 95 s" },
        },
      }, { status: 503 }),
  });
  const lines: string[] = [];
  const config = testConfig({
    http: { hostname: "0.0.0.0", port: server.addr.port },
  });
  const code = await healthCommand(config, { print: (l) => lines.push(l) });
  assert.equal(code, 1);
  assert.deepEqual(lines, [
    `health: unhealthy http://127.0.0.1:${server.addr.port}/healthz (503): polling: no getUpdates succeeded for 95 s`,
  ]);
  await assert.rejects(
    () => healthCommand(testConfig({ http: null }), { print: () => {} }),
    UsageError,
  );
});

Deno.test("healthCommand() gives up after its timeout when nothing answers", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const accepted: Deno.Conn[] = [];
  (async () => {
    for await (const conn of listener) accepted.push(conn); // never answers
  })().catch(() => {});
  const lines: string[] = [];
  const code = await healthCommand(
    testConfig({
      http: {
        hostname: "127.0.0.1",
        port: (listener.addr as Deno.NetAddr).port,
      },
    }),
    { print: (l) => lines.push(l), timeoutMs: 200 },
  );
  listener.close();
  for (const conn of accepted) conn.close();
  assert.equal(code, 1);
  assert.match(lines[0]!, /^health: unreachable .*: no answer within 0.2 s$/);
});

Deno.test("permissionLine() turns NotCapable and PermissionDenied into one line, and nothing else", () => {
  const denied = permissionLine(
    new Deno.errors.NotCapable(
      'Requires write access to "/srv/x", run again with the --allow-write flag',
    ),
  );
  assert.match(
    denied!,
    /^Not permitted by the program's built-in permissions: Requires write access to "\/srv\/x"\. It may read config\.yaml and data\/ in the working folder .*; write data\/ in the working folder .* and \/var\/lib\/meeting-bot; connect to api\.telegram\.org:443, 127\.0\.0\.1, localhost$/,
  );
  assert.ok(!denied!.includes("\n"));
  assert.match(
    permissionLine(
      new Deno.errors.PermissionDenied("Permission denied (os error 13)"),
    )!,
    /^The system denied access: Permission denied \(os error 13\)\. Run the program as the user that owns its files/,
  );
  assert.equal(permissionLine(new Error("a bug")), undefined);
});
