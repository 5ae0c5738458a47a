import assert from "node:assert/strict";
import {
  type HealthReport,
  type HttpServer,
  HttpServerError,
  startHttpServer,
} from "../src/http.ts";
import { createLogger, type Logger } from "../src/log.ts";
import {
  BOT_METRICS,
  createBotMetrics,
  Metrics,
  MetricsError,
} from "../src/metrics.ts";
import { sample } from "./support/prometheus.ts";

/** One parsed exposition: HELP and TYPE by family, sample values by `name{labels}` as written. */
interface Scrape {
  help: Map<string, string>;
  type: Map<string, string>;
  samples: Map<string, number>;
}

/** A tiny parser of the Prometheus text format 0.0.4, strict enough to catch format slips. */
function parseExposition(text: string): Scrape {
  const scrape: Scrape = {
    help: new Map(),
    type: new Map(),
    samples: new Map(),
  };
  assert.ok(text === "" || text.endsWith("\n"), "ends with a newline");
  for (const line of text.split("\n").slice(0, -1)) {
    const comment = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(
      line,
    );
    if (comment) {
      const [, kind, name, rest] = comment;
      const target = kind === "HELP" ? scrape.help : scrape.type;
      assert.ok(!target.has(name!), `second ${kind} for ${name}`);
      target.set(name!, kind === "HELP" ? unescapeHelp(rest!) : rest!);
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})? (\S+)$/.exec(line);
    assert.ok(sample, `not a sample line: ${JSON.stringify(line)}`);
    const [, name, labelText, value] = sample;
    const labels = parseLabels(labelText ?? "");
    const key = seriesKey(name!, labels);
    assert.ok(!scrape.samples.has(key), `duplicate sample ${key}`);
    scrape.samples.set(key, parseValue(value!));
  }
  return scrape;
}

function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  if (text === "") return labels;
  const pair = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(,|\})/y;
  pair.lastIndex = 1;
  for (;;) {
    const match = pair.exec(text);
    assert.ok(match, `bad labels ${text}`);
    const [, name, value, end] = match;
    labels[name!] = value!.replace(
      /\\([\\"n])/g,
      (_, c: string) => (c === "n" ? "\n" : c),
    );
    if (end === "}") break;
  }
  assert.equal(pair.lastIndex, text.length, `trailing text in ${text}`);
  return labels;
}

function parseValue(text: string): number {
  if (text === "+Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  const value = Number(text);
  assert.ok(text === "NaN" || !Number.isNaN(value), `bad value ${text}`);
  return value;
}

function unescapeHelp(text: string): string {
  return text.replace(/\\([\\n])/g, (_, c: string) => (c === "n" ? "\n" : c));
}

/** `name{a="1",b="2"}` with label names sorted and values raw, to look samples up by. */
function seriesKey(name: string, labels: Record<string, string> = {}): string {
  const names = Object.keys(labels).sort();
  if (names.length === 0) return name;
  return `${name}{${names.map((n) => `${n}=${JSON.stringify(labels[n])}`)}}`;
}

function healthy(): HealthReport {
  return { ok: true, checks: { database: { ok: true } } };
}

function captureLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: createLogger({ write: (line) => lines.push(line) }), lines };
}

/** Runs `body` against a server on 127.0.0.1 with a random port and shuts it down after. */
async function withServer(
  options: {
    metrics?: Metrics;
    health?: () => HealthReport | Promise<HealthReport>;
    beforeScrape?: () => void | Promise<void>;
    log?: Logger;
  },
  body: (server: HttpServer, base: string) => Promise<void>,
): Promise<void> {
  const server = startHttpServer({
    hostname: "127.0.0.1",
    port: 0,
    metrics: options.metrics ?? createBotMetrics(),
    health: options.health ?? healthy,
    beforeScrape: options.beforeScrape,
    log: options.log ?? createLogger({ write: () => {} }),
  });
  try {
    await body(server, `http://127.0.0.1:${server.port}`);
  } finally {
    await server.shutdown();
  }
}

Deno.test("startHttpServer() serves /metrics in the text format with HELP and TYPE", async () => {
  const metrics = createBotMetrics();
  metrics.inc(BOT_METRICS.updates);
  metrics.inc(BOT_METRICS.updates, { by: 2 });
  const sent = { weekly_job: "invitation", outcome: "sent" };
  metrics.inc(BOT_METRICS.messages, { labels: sent, by: 40 });
  metrics.inc(BOT_METRICS.messages, {
    labels: { outcome: "blocked", weekly_job: "invitation" },
  });
  metrics.observe(BOT_METRICS.jobDuration, 1.5, {
    labels: { weekly_job: "invitation" },
  });
  metrics.observe(BOT_METRICS.jobDuration, 0.25, {
    labels: { weekly_job: "invitation" },
  });
  metrics.set(BOT_METRICS.lastJobTimestamp, 1_795_000_000, {
    labels: { weekly_job: "invitation" },
  });
  let refreshes = 0;
  await withServer({
    metrics,
    beforeScrape: () => {
      refreshes++;
      metrics.set(BOT_METRICS.subscribers, 7, { labels: { state: "active" } });
      metrics.set(BOT_METRICS.subscribers, 9, {
        labels: { state: "registered" },
      });
    },
  }, async (_, base) => {
    const response = await fetch(`${base}/metrics`);
    assert.equal(response.status, 200);
    assert.equal(
      response.headers.get("content-type"),
      "text/plain; version=0.0.4; charset=utf-8",
    );
    const scrape = parseExposition(await response.text());
    assert.equal(refreshes, 1);

    assert.deepEqual(Object.fromEntries(scrape.type), {
      meeting_bot_updates_total: "counter",
      meeting_bot_messages_total: "counter",
      meeting_bot_deliveries_total: "counter",
      meeting_bot_too_many_requests_total: "counter",
      meeting_bot_job_duration_seconds: "summary",
      meeting_bot_subscribers: "gauge",
      meeting_bot_last_job_timestamp_seconds: "gauge",
      meeting_bot_job_next_due_timestamp_seconds: "gauge",
      meeting_bot_seconds_since_last_poll: "gauge",
      meeting_bot_outbox_pending: "gauge",
      meeting_bot_outbox_oldest_pending_age_seconds: "gauge",
      meeting_bot_database_writable: "gauge",
      meeting_bot_last_backup_timestamp_seconds: "gauge",
    });
    for (const name of scrape.type.keys()) {
      assert.ok(scrape.help.get(name), `HELP of ${name}`);
    }
    assert.deepEqual(Object.fromEntries(scrape.samples), {
      [seriesKey("meeting_bot_updates_total")]: 3,
      [seriesKey("meeting_bot_messages_total", sent)]: 40,
      [
        seriesKey("meeting_bot_messages_total", {
          weekly_job: "invitation",
          outcome: "blocked",
        })
      ]: 1,
      ...Object.fromEntries(
        ["sent", "blocked", "failed", "unknown", "dropped"].map((status) => [
          seriesKey("meeting_bot_deliveries_total", { status }),
          0,
        ]),
      ),
      [seriesKey("meeting_bot_too_many_requests_total")]: 0,
      [
        seriesKey("meeting_bot_job_duration_seconds_sum", {
          weekly_job: "invitation",
        })
      ]: 1.75,
      [
        seriesKey("meeting_bot_job_duration_seconds_count", {
          weekly_job: "invitation",
        })
      ]: 2,
      [seriesKey("meeting_bot_subscribers", { state: "active" })]: 7,
      [seriesKey("meeting_bot_subscribers", { state: "registered" })]: 9,
      [
        seriesKey("meeting_bot_last_job_timestamp_seconds", {
          weekly_job: "invitation",
        })
      ]: 1_795_000_000,
    });
  });
});

Deno.test("startHttpServer() serves /metrics even when beforeScrape() throws", async () => {
  const { log, lines } = captureLog();
  await withServer({
    log,
    beforeScrape: () => {
      throw new Error("database is locked");
    },
  }, async (_, base) => {
    const response = await fetch(`${base}/metrics`);
    assert.equal(response.status, 200);
    const scrape = parseExposition(await response.text());
    assert.equal(scrape.samples.get("meeting_bot_updates_total"), 0);
  });
  assert.ok(
    lines.some((l) =>
      l.includes("ERROR http.scrape_refresh_failed") &&
      l.includes("database is locked")
    ),
  );
});

Deno.test("startHttpServer() answers /healthz 200 when ok and 503 when not", async (t) => {
  let report: HealthReport = healthy();
  await withServer(
    { health: () => Promise.resolve(report) },
    async (_, base) => {
      await t.step("healthy", async () => {
        const response = await fetch(`${base}/healthz`);
        assert.equal(response.status, 200);
        assert.match(
          response.headers.get("content-type")!,
          /^application\/json/,
        );
        assert.deepEqual(await response.json(), report);
      });
      await t.step("unhealthy", async () => {
        report = {
          ok: false,
          checks: {
            database: { ok: true },
            polling: { ok: false, detail: "no update for 10 minutes" },
          },
          lastJobs: { invitation: "2026-11-23T07:00:00.000Z" },
        };
        const response = await fetch(`${base}/healthz`);
        assert.equal(response.status, 503);
        assert.deepEqual(await response.json(), report);
      });
    },
  );
});

Deno.test("startHttpServer() answers /healthz 503 when the health check throws", async () => {
  const { log, lines } = captureLog();
  await withServer({
    log,
    health: () => {
      throw new Error("disk full");
    },
  }, async (_, base) => {
    const response = await fetch(`${base}/healthz`);
    assert.equal(response.status, 503);
    assert.deepEqual(await response.json(), {
      ok: false,
      checks: { health: { ok: false, detail: "Error: disk full" } },
    });
  });
  assert.ok(lines.some((l) => l.includes("ERROR http.health_failed")));
});

Deno.test("startHttpServer() answers 404 to unknown paths and 405 to other methods", async () => {
  await withServer({}, async (_, base) => {
    for (const path of ["/", "/metrics/", "/health", "/favicon.ico"]) {
      const response = await fetch(`${base}${path}`);
      assert.equal(response.status, 404, path);
      await response.body?.cancel();
    }
    for (const method of ["POST", "PUT", "DELETE"]) {
      const response = await fetch(`${base}/metrics`, { method });
      assert.equal(response.status, 405, method);
      assert.equal(response.headers.get("allow"), "GET");
      await response.body?.cancel();
    }
  });
});

Deno.test("startHttpServer() reports the actual port and logs start and stop", async () => {
  const { log, lines } = captureLog();
  const server = startHttpServer({
    hostname: "127.0.0.1",
    port: 0,
    metrics: new Metrics(),
    health: healthy,
    log,
  });
  assert.ok(server.port > 0);
  await server.shutdown();
  await server.finished;
  assert.match(
    lines[0]!,
    / INFO http\.listening hostname=127\.0\.0\.1 port=\d+$/,
  );
  assert.match(lines[1]!, / INFO http\.stopped /);
  await assert.rejects(fetch(`http://127.0.0.1:${server.port}/healthz`));
});

Deno.test("startHttpServer() stops when its signal is aborted", async () => {
  const controller = new AbortController();
  const server = startHttpServer({
    hostname: "127.0.0.1",
    port: 0,
    metrics: new Metrics(),
    health: healthy,
    log: createLogger({ write: () => {} }),
    signal: controller.signal,
  });
  const response = await fetch(`http://127.0.0.1:${server.port}/healthz`);
  await response.body?.cancel();
  controller.abort();
  await server.finished;
});

Deno.test("startHttpServer() throws HttpServerError when the port is taken", async () => {
  await withServer({}, (server) => {
    assert.throws(
      () =>
        startHttpServer({
          hostname: "127.0.0.1",
          port: server.port,
          metrics: new Metrics(),
          health: healthy,
          log: createLogger({ write: () => {} }),
        }),
      (error: unknown) =>
        error instanceof HttpServerError &&
        error.message.startsWith(`Cannot listen on "127.0.0.1:${server.port}"`),
    );
    return Promise.resolve();
  });
});

Deno.test("Metrics.render() escapes label values and HELP text", () => {
  const metrics = new Metrics();
  metrics.describe("odd", { help: "a \\ b\nc", type: "gauge" });
  metrics.set("odd", 1, { labels: { path: 'C:\\x "y"\nz' } });
  const text = metrics.render();
  assert.equal(
    text,
    '# HELP odd a \\\\ b\\nc\n# TYPE odd gauge\nodd{path="C:\\\\x \\"y\\"\\nz"} 1\n',
  );
  const scrape = parseExposition(text);
  assert.equal(scrape.help.get("odd"), "a \\ b\nc");
  assert.equal(
    scrape.samples.get(seriesKey("odd", { path: 'C:\\x "y"\nz' })),
    1,
  );
});

Deno.test("Metrics.render() orders families by first use and series by labels", () => {
  const metrics = new Metrics();
  metrics.inc("b_total", { labels: { x: "2" } });
  metrics.set("a", -1.5);
  metrics.inc("b_total", { labels: { x: "1" } });
  metrics.set("a", Infinity, { labels: { k: "inf" } });
  assert.equal(
    metrics.render(),
    [
      "# TYPE b_total counter",
      'b_total{x="1"} 1',
      'b_total{x="2"} 1',
      "# TYPE a gauge",
      "a -1.5",
      'a{k="inf"} +Inf',
      "",
    ].join("\n"),
  );
  assert.equal(new Metrics().render(), "");
});

Deno.test("Metrics.render() shows counters, gauges and summary samples", () => {
  const metrics = createBotMetrics();
  const labels = { weekly_job: "invitation", outcome: "failed" };
  metrics.inc(BOT_METRICS.messages, { labels });
  metrics.observe(BOT_METRICS.jobDuration, 2, { labels: { weekly_job: "x" } });
  assert.equal(sample(metrics, BOT_METRICS.messages, labels), 1);
  assert.equal(sample(metrics, BOT_METRICS.updates), 0);
  assert.equal(sample(metrics, BOT_METRICS.messages), undefined);
  assert.equal(
    sample(metrics, `${BOT_METRICS.jobDuration}_count`, { weekly_job: "x" }),
    1,
  );
  assert.equal(
    sample(metrics, `${BOT_METRICS.jobDuration}_sum`, { weekly_job: "x" }),
    2,
  );
  assert.equal(sample(metrics, BOT_METRICS.jobDuration), undefined);
});

Deno.test("Metrics throws MetricsError for bad names, labels and type misuse", () => {
  const metrics = createBotMetrics();
  assert.throws(() => metrics.inc("bad-name"), {
    name: "MetricsError",
    message:
      'Invalid metric name "bad-name": expected [a-zA-Z_:][a-zA-Z0-9_:]*',
  });
  assert.throws(
    () => metrics.inc(BOT_METRICS.updates, { labels: { "1x": "a" } }),
    MetricsError,
  );
  assert.throws(
    () => metrics.inc(BOT_METRICS.updates, { labels: { __name__: "a" } }),
    MetricsError,
  );
  assert.throws(() => metrics.inc(BOT_METRICS.updates, { by: -1 }), {
    message: /Invalid increment -1 of counter/,
  });
  assert.throws(() => metrics.set(BOT_METRICS.updates, 1), {
    message: 'Metric "meeting_bot_updates_total" is a counter: expected gauge',
  });
  assert.throws(
    () => metrics.observe(BOT_METRICS.subscribers, 1),
    MetricsError,
  );
  assert.throws(
    () =>
      metrics.describe(BOT_METRICS.subscribers, { help: "x", type: "counter" }),
    MetricsError,
  );
  // A gauge may go down.
  metrics.inc(BOT_METRICS.subscribers, { labels: { state: "active" }, by: -1 });
  assert.equal(
    sample(metrics, BOT_METRICS.subscribers, { state: "active" }),
    -1,
  );
});
