/**
 * The public side for tests: a config with personal links, the public listener started
 * beside a harness on a free port (the harness's clock decides), and a GET of a link as
 * a browser would make it (the redirect not followed).
 */
import type { Config } from "../../src/config/schema.ts";
import type { HttpServer } from "../../src/http.ts";
import { createLogger } from "../../src/log.ts";
import { startWebServer } from "../../src/web/server.ts";
import { BOT_INFO } from "../fake_bot_api.ts";
import type { Harness } from "../helpers.ts";
import { testConfig } from "../helpers.ts";

/** Where the proxy of tests exposes the public side. */
export const PUBLIC_URL = "https://bot.example.org";

/** A personal join link in a text: the whole link, and its token. */
export const JOIN_LINK = /https:\/\/bot\.example\.org\/j\/([A-Za-z0-9_-]{32})/;

/** The shipped config with personal links (and `overrides`). */
export function publicConfig(overrides: Partial<Config> = {}): Config {
  return testConfig({
    http: {
      port: 9,
      hostname: "127.0.0.1",
      public: {
        url: PUBLIC_URL,
        port: 0,
        hostname: "127.0.0.1",
        client_ip_header: null,
        rate_limit: { burst: 1000, per_minute: 1000 },
      },
    },
    ...overrides,
  });
}

/** The public listener of a harness. */
export interface Web extends AsyncDisposable {
  /** `http://127.0.0.1:<port>`. */
  base: string;
  /** The server. */
  server: HttpServer;
  /** The log lines of the public side. */
  logs: string[];
  /** GETs (or `method`s) `url`'s path from the listener, without following a redirect. */
  get(
    url: string,
    init?: { method?: string; headers?: Record<string, string> },
  ): Promise<
    { status: number; location: string | null; body: string; headers: Headers }
  >;
}

/** Starts the public listener of `h.config` beside the harness, on a free port. */
export function startWeb(
  h: Pick<Harness, "config" | "store" | "clock" | "linkKey">,
  options: { clock?: () => number } = {},
): Web {
  const settings = h.config.http!.public!;
  const logs: string[] = [];
  const log = createLogger({
    level: "debug",
    write: (line) => logs.push(line),
    now: h.clock.now,
  });
  const server = startWebServer({ ...settings, port: 0 }, {
    config: h.config,
    store: h.store,
    log,
    now: h.clock.now,
    clock: options.clock,
    feed: { key: h.linkKey, botUsername: () => BOT_INFO.username },
  });
  const base = `http://127.0.0.1:${server.port}`;
  return {
    base,
    server,
    logs,
    async get(url, init = {}) {
      const path = url.startsWith("http") ? new URL(url).pathname : url;
      const response = await fetch(`${base}${path}`, {
        method: init.method ?? "GET",
        headers: { "user-agent": "Mozilla/5.0 (test)", ...init.headers },
        redirect: "manual",
      });
      return {
        status: response.status,
        location: response.headers.get("location"),
        body: await response.text(),
        headers: response.headers,
      };
    },
    [Symbol.asyncDispose]: () => server.shutdown(),
  };
}

/**
 * A config edit (for `configWith`) that turns on the local listener on `local` and the
 * public one on `open`, both on 127.0.0.1, with personal links under {@linkcode PUBLIC_URL}.
 */
export function withPublicOn(
  { local, open }: { local: number; open: number },
): (text: string) => string {
  return (text) =>
    text.replace(
      /^# http: .*$/m,
      `http:\n  port: ${local}\n  hostname: 127.0.0.1\n  public_url: ${PUBLIC_URL}\n` +
        `  public_port: ${open}\n  rate_limit: { burst: 1000, per_minute: 1000 }`,
    );
}
