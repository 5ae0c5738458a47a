/**
 * `health`: asks the running bot's `GET /healthz`, for a container's HEALTHCHECK or a
 * monitoring script. No database, no token.
 *
 * @module
 */
import { describeError, UsageError } from "../core/errors.ts";
import type { Config } from "../config/schema.ts";
import type { HealthReport } from "../http.ts";
import type { Print } from "../output.ts";

/** How long `health` waits for an answer. */
export const HEALTH_TIMEOUT_MS = 5_000;

/** Options of {@linkcode healthCommand}. */
export interface HealthOptions {
  /** Prints the one line of the result (stdout); JSON under `LOG_FORMAT=json`. */
  print: Print;
  /** Gives up after this long; default {@linkcode HEALTH_TIMEOUT_MS}. */
  timeoutMs?: number;
}

/**
 * `health`: `GET /healthz` of the configured `http` address (a wildcard address is asked
 * on the loopback). Resolves to the exit code: 0 when it answers 200, 1 when it answers
 * anything else or nothing within the timeout (the line names the failing checks);
 * throws a {@linkcode UsageError} (exit 2) when `http` is not configured.
 */
export async function healthCommand(
  config: Config,
  options: HealthOptions,
): Promise<0 | 1> {
  if (config.http === null) {
    throw new UsageError(
      `No health listener: add http: { port: 9090 } to ${config.path}`,
    );
  }
  const url = healthUrl(config.http);
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(options.timeoutMs ?? HEALTH_TIMEOUT_MS),
    });
  } catch (error) {
    if (error instanceof Deno.errors.NotCapable) throw error;
    const reason =
      error instanceof DOMException && error.name === "TimeoutError"
        ? `no answer within ${
          (options.timeoutMs ?? HEALTH_TIMEOUT_MS) / 1000
        } s`
        : describeError(error);
    options.print(`health: unreachable ${url}: ${reason}`, {
      event: "health",
      fields: { ok: false, url, problem: `unreachable: ${reason}` },
    });
    return 1;
  }
  const text = await response.text();
  if (response.status === 200) {
    options.print(`health: ok ${url}`, {
      event: "health",
      fields: { ok: true, url },
    });
    return 0;
  }
  const problem = failingChecks(text);
  options.print(`health: unhealthy ${url} (${response.status}): ${problem}`, {
    event: "health",
    fields: { ok: false, url, status: response.status, problem },
  });
  return 1;
}

/** The `/healthz` URL of a listener; `0.0.0.0` and `::` are asked on the loopback. */
export function healthUrl(http: { hostname: string; port: number }): string {
  const host = http.hostname === "0.0.0.0"
    ? "127.0.0.1"
    : http.hostname === "::" || http.hostname === "[::]"
    ? "::1"
    : http.hostname;
  const bracketed = host.includes(":") && !host.startsWith("[")
    ? `[${host}]`
    : host;
  return `http://${bracketed}:${http.port}/healthz`;
}

/** `polling: no poll for 95 s; database: locked` from a report, or the body as it is. */
function failingChecks(body: string): string {
  let report: Partial<HealthReport>;
  try {
    report = JSON.parse(body);
  } catch {
    return body.replace(/\s+/g, " ").trim().slice(0, 200) || "(no body)";
  }
  const failing = Object.entries(report.checks ?? {})
    .filter(([, check]) => !check.ok)
    .map(([name, check]) => check.detail ? `${name}: ${check.detail}` : name);
  return failing.length > 0 ? failing.join("; ") : "(no failing check named)";
}
