/**
 * The optional HTTP listener: `GET /healthz` for liveness checks and `GET /metrics` for
 * Prometheus. Everything else is 404, and any other method on those paths is 405.
 *
 * @module
 */
import { describeError, OperatorError } from "./core/errors.ts";
import type { Logger } from "./log.ts";
import type { Metrics } from "./metrics.ts";

/** The result of one check, e.g. `{ ok: false, detail: "database is locked" }`. */
export interface HealthCheck {
  /** Whether this part works. */
  ok: boolean;
  /** What is wrong, when it does not; `health` prints it. */
  detail?: string;
}

/** The body of `GET /healthz`; the status is 200 when `ok`, else 503. */
export interface HealthReport {
  /** True when the database and polling both are. */
  ok: boolean;
  /** Each check by name: `database`, `polling`. */
  checks: Record<string, HealthCheck>;
  /** Anything useful about recent job runs, written as JSON. */
  lastJobs?: unknown;
}

/** Options of {@linkcode startHttpServer}. */
export interface HttpServerOptions {
  /** The address to listen on, e.g. `127.0.0.1` (the default of `http.hostname`). */
  hostname: string;
  /** The port to listen on; 0 picks a free one, see {@linkcode HttpServer.port}. */
  port: number;
  /** The registry `GET /metrics` renders. */
  metrics: Metrics;
  /** Builds the health report of each `GET /healthz`; a throw reports unhealthy. */
  health: () => HealthReport | Promise<HealthReport>;
  /** Called before each scrape of `GET /metrics`, to refresh gauges. */
  beforeScrape?: () => void | Promise<void>;
  /** Gets `http.listening`, `http.stopped` and the errors of requests. */
  log: Logger;
  /** Aborting it shuts the server down, like {@linkcode HttpServer.shutdown}. */
  signal?: AbortSignal;
}

/** A running server. */
export interface HttpServer {
  /** The port it listens on, the actual one when 0 was asked for. */
  port: number;
  /** Settles when the server has shut down. */
  finished: Promise<void>;
  /** Stops accepting connections, lets running requests finish, and resolves when done; again, the same. */
  shutdown(): Promise<void>;
}

/** The server cannot listen, e.g. because the port is taken. */
export class HttpServerError extends OperatorError {
  /** Shows in logs and stack traces as `HttpServerError: …`. */
  override name = "HttpServerError";
}

/** The addresses the shipped program may listen on: its `--allow-net` list (a test checks). */
export const LISTEN_HOSTS: readonly string[] = [
  "127.0.0.1",
  "localhost",
  "0.0.0.0",
];

const METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
const JSON_CONTENT_TYPE = "application/json; charset=utf-8";
const TEXT_CONTENT_TYPE = "text/plain; charset=utf-8";

/** Starts listening at once; throws {@linkcode HttpServerError} if it cannot. */
export function startHttpServer(options: HttpServerOptions): HttpServer {
  const { hostname, log } = options;
  let server: Deno.HttpServer<Deno.NetAddr>;
  try {
    server = Deno.serve({
      hostname,
      port: options.port,
      signal: options.signal,
      onListen() {},
      handler: (request) => handle(request, options),
      onError(error) {
        log.error("http.error", { error: describeError(error) });
        return textResponse("Internal server error", 500);
      },
    });
  } catch (cause) {
    throw new HttpServerError(
      `Cannot listen on "${hostname}:${options.port}": ${listenProblem(cause)}`,
      { cause },
    );
  }
  const port = server.addr.port;
  log.info("http.listening", { hostname, port });
  const finished = server.finished.then(() => {
    log.info("http.stopped", { hostname, port });
  });
  let closing: Promise<void> | undefined;
  return {
    port,
    finished,
    shutdown: () =>
      closing ??= (async () => {
        await server.shutdown();
        await finished;
      })(),
  };
}

/**
 * Throws the {@linkcode HttpServerError} that {@linkcode startHttpServer} would for this
 * address, without keeping the port (`check`); a port in use passes: it may be the
 * running bot's own.
 */
export function checkListen(hostname: string, port: number): void {
  try {
    Deno.listen({ hostname, port }).close();
  } catch (cause) {
    if (cause instanceof Deno.errors.AddrInUse) return;
    throw new HttpServerError(
      `Cannot listen on "${hostname}:${port}": ${listenProblem(cause)}`,
      { cause },
    );
  }
}

async function handle(
  request: Request,
  options: HttpServerOptions,
): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (pathname !== "/healthz" && pathname !== "/metrics") {
    return textResponse("Not found", 404);
  }
  if (request.method !== "GET") {
    const response = textResponse("Method not allowed", 405);
    response.headers.set("allow", "GET");
    return response;
  }
  return pathname === "/healthz"
    ? await healthResponse(options)
    : await metricsResponse(options);
}

async function healthResponse(options: HttpServerOptions): Promise<Response> {
  let report: HealthReport;
  try {
    report = await options.health();
  } catch (error) {
    options.log.error("http.health_failed", { error: describeError(error) });
    report = {
      ok: false,
      checks: { health: { ok: false, detail: describeError(error) } },
    };
  }
  return new Response(JSON.stringify(report), {
    status: report.ok ? 200 : 503,
    headers: { "content-type": JSON_CONTENT_TYPE, "cache-control": "no-store" },
  });
}

async function metricsResponse(options: HttpServerOptions): Promise<Response> {
  try {
    await options.beforeScrape?.();
  } catch (error) {
    // Stale gauges are better than no counters: log and serve what there is.
    options.log.error("http.scrape_refresh_failed", {
      error: describeError(error),
    });
  }
  return new Response(options.metrics.render(), {
    headers: {
      "content-type": METRICS_CONTENT_TYPE,
      "cache-control": "no-store",
    },
  });
}

/** Why listening failed, in the operator's terms, with what to change. */
export function listenProblem(cause: unknown): string {
  if (cause instanceof Deno.errors.AddrInUse) {
    return "the port is in use by another program: choose another http.port, or stop that program";
  }
  if (cause instanceof Deno.errors.NotCapable) {
    return `this program may listen only on ${
      LISTEN_HOSTS.join(", ")
    } (all interfaces): set http.hostname to one of them`;
  }
  if (cause instanceof Deno.errors.AddrNotAvailable) {
    return "no network interface of this machine has that address: set http.hostname to one it has, or 0.0.0.0";
  }
  if (cause instanceof Deno.errors.PermissionDenied) {
    return "the system refuses it (ports below 1024 need privileges): choose a port from 1024 up";
  }
  return describeError(cause);
}

function textResponse(text: string, status: number): Response {
  return new Response(text, {
    status,
    headers: { "content-type": TEXT_CONTENT_TYPE },
  });
}
