/**
 * The HTTP path of the bot's own Bot API calls (replies, edits, answers to button
 * presses): one JSON request on a kept-alive `node:http(s)` connection, as a grammY
 * transformer that takes the place of grammY's client for every call without a file.
 *
 * Why not grammY's client over `fetch`: per call it builds an abort-controller polyfill,
 * a timer and two racing promises around a `fetch` whose Request, Headers and body
 * streams cost more again; on a reply-heavy burst that was a quarter of the bot's main
 * thread. And `node:http` never sends a request a second time on its own: Deno's `fetch`
 * silently repeats a POST when a kept-alive connection closes under it, which for a
 * reply means a message twice.
 *
 * Failures keep grammY's shape, so `autoRetry` and error handling work as before: no
 * answer is an `HttpError`, an answer that is not JSON (a gateway's error page) an
 * `ok: false` with the HTTP status.
 *
 * @module
 */
import http from "node:http";
import https from "node:https";
import { HttpError, InputFile, type Transformer } from "grammy";

/** Options of {@linkcode jsonTransport}. */
export interface TransportOptions {
  /** Bot API root, e.g. `https://api.telegram.org`. */
  apiRoot: string;
  /** The bot token: part of every request's path. */
  token: string;
  /** Gives up waiting for an answer after this long; default 60 s. */
  timeoutMs?: number;
  /** Kept-alive connections at most; default 32. */
  maxSockets?: number;
}

/** A transport that can also release its connections. */
export interface Transport {
  /** Install with `bot.api.config.use`; it carries every call without a file. */
  transformer: Transformer;
  /** Closes the kept-alive connections (at shutdown). */
  close(): void;
}

/** Creates the transport; see the module doc. */
export function jsonTransport(options: TransportOptions): Transport {
  const root = new URL(options.apiRoot);
  const secure = root.protocol === "https:";
  const agent = secure
    ? new https.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 32 })
    : new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 32 });
  const request = secure ? https.request : http.request;
  const base = `${root.pathname.replace(/\/$/, "")}/bot${options.token}/`;
  const timeout = options.timeoutMs ?? 60_000;
  // One sweep for every request in flight: a timer per request (node:http's `timeout`)
  // cost more than the request itself.
  const inflight = new Map<http.ClientRequest, number>();
  let sweeper: ReturnType<typeof setInterval> | undefined;
  const sweep = () => {
    const now = performance.now();
    for (const [req, started] of inflight) {
      if (now - started >= timeout) {
        req.destroy(new Error(`no answer within ${timeout} ms`));
      }
    }
    if (inflight.size === 0) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
  };

  const transformer: Transformer = (prev, method, payload, signal) => {
    if (payload !== undefined && carriesFile(payload)) {
      return prev(method, payload, signal);
    }
    const body = JSON.stringify(payload ?? {});
    return new Promise((resolve, reject) => {
      const fail = (error: unknown) =>
        reject(
          new HttpError(`Network request for '${method}' failed!`, error),
        );
      const req = request({
        hostname: root.hostname,
        port: root.port === "" ? undefined : Number(root.port),
        path: base + method,
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
        },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", fail);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          try {
            resolve(JSON.parse(text));
          } catch {
            resolve({
              ok: false,
              error_code: res.statusCode ?? 500,
              description: res.statusMessage ?? "unreadable answer",
            } as never);
          }
        });
      });
      inflight.set(req, performance.now());
      sweeper ??= setInterval(sweep, Math.min(1_000, timeout));
      req.on("close", () => inflight.delete(req));
      req.on("error", fail);
      if (signal !== undefined) {
        const abort = () => req.destroy(new Error("aborted"));
        if (signal.aborted) abort();
        signal.addEventListener("abort", abort, { once: true });
        req.on("close", () => signal.removeEventListener("abort", abort));
      }
      req.end(body);
    });
  };
  return {
    transformer,
    close() {
      clearInterval(sweeper);
      sweeper = undefined;
      agent.destroy();
    },
  };
}

/** Whether a payload holds a file to upload (then grammY's multipart client sends it). */
function carriesFile(payload: Record<string, unknown>): boolean {
  for (const value of Object.values(payload)) {
    if (value instanceof InputFile) return true;
    if (Array.isArray(value)) {
      for (const item of value) {
        if (
          item instanceof InputFile ||
          (typeof item === "object" && item !== null &&
            (item as { media?: unknown }).media instanceof InputFile)
        ) {
          return true;
        }
      }
    }
  }
  return false;
}
