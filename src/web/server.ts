/**
 * The public listener: on its own address and port (`http.public_hostname`,
 * `http.public_port`), apart from the local one of `/healthz` and `/metrics`, so that a
 * reverse proxy exposes exactly the public paths and nothing else, whoever it connects
 * as. Its routes: `/j/<token>` (join links), `/cal/<token>.ics` (calendar feeds),
 * `/panel…` (the host's panel: panel/routes.ts).
 *
 * @module
 */
import { describeError } from "../core/errors.ts";
import type { PublicHttp } from "../config/schema.ts";
import { type HttpServer, HttpServerError, listenProblem } from "../http.ts";
import { feedRoute } from "./feed.ts";
import { joinRoute } from "./join.ts";
import { panelRoutes } from "./panel/routes.ts";
import { createWebHandler, type Route, type WebDeps } from "./routes.ts";

/** Every route of the public side. */
export function publicRoutes(deps: WebDeps): Route[] {
  return [
    joinRoute(deps),
    ...(deps.feed === undefined ? [] : [feedRoute(deps, deps.feed)]),
    ...panelRoutes(deps),
  ];
}

/** Why the public listener cannot listen, naming its own keys. */
function publicListenError(settings: PublicHttp, cause: unknown) {
  const { hostname, port } = settings;
  return new HttpServerError(
    `Cannot listen on "${hostname}:${port}" (http.public_hostname, http.public_port): ${
      listenProblem(cause).replaceAll("http.port", "http.public_port")
        .replaceAll("http.hostname", "http.public_hostname")
    }`,
    { cause },
  );
}

/**
 * Throws the error {@linkcode startWebServer} would for `settings`, without keeping the
 * port (`check`); a port in use passes: it may be the running bot's own.
 */
export function checkPublicListen(settings: PublicHttp): void {
  try {
    Deno.listen({ hostname: settings.hostname, port: settings.port }).close();
  } catch (cause) {
    if (cause instanceof Deno.errors.AddrInUse) return;
    throw publicListenError(settings, cause);
  }
}

/**
 * Starts the public listener of `settings` at once; throws {@linkcode HttpServerError}
 * (one line, naming the key to change) when it cannot listen.
 */
export function startWebServer(
  settings: PublicHttp,
  deps: WebDeps & { signal?: AbortSignal },
): HttpServer {
  const { log } = deps;
  const { hostname, port: wanted } = settings;
  const handler = createWebHandler(deps, {
    routes: publicRoutes(deps),
    settings,
  });
  let server: Deno.HttpServer<Deno.NetAddr>;
  try {
    server = Deno.serve({
      hostname,
      port: wanted,
      signal: deps.signal,
      onListen() {},
      handler,
      onError(error) {
        log.error("web.error", { error: describeError(error) });
        return new Response("Internal server error", { status: 500 });
      },
    });
  } catch (cause) {
    throw publicListenError(settings, cause);
  }
  const port = server.addr.port;
  log.info("web.listening", { hostname, port, public_url: settings.url });
  const finished = server.finished.then(() => {
    log.info("web.stopped", { hostname, port });
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
