/**
 * Where the shipped program may read and write: the `--allow-read` and `--allow-write`
 * lists of the compile task in deno.json (a test checks that they agree). A path
 * elsewhere is an operator error that names it and these places, found with
 * `Deno.permissions.querySync` before the file is touched: never a permission prompt the
 * binary cannot answer, never a `NotCapable` stack trace.
 *
 * @module
 */
import { dirname, resolve } from "node:path";
import { OperatorError } from "../core/errors.ts";

/** What the program may read; relative entries are under the working folder. */
export const READ_PLACES: readonly string[] = [
  "config.yaml",
  "data",
  "/etc/meeting-bot",
  "/var/lib/meeting-bot",
];

/** What the program may write; relative entries are under the working folder. */
export const WRITE_PLACES: readonly string[] = ["data", "/var/lib/meeting-bot"];

/** Where the program may connect: its `--allow-net` list, less the listen-only `0.0.0.0`. */
export const CONNECT_PLACES: readonly string[] = [
  "api.telegram.org:443",
  "127.0.0.1",
  "localhost",
];

/** A path outside the places the program may use. */
export class PlaceError extends OperatorError {
  /** Shows in logs and stack traces as `PlaceError: …`. */
  override name = "PlaceError";
}

/** Options of {@linkcode requireAccess}. */
export interface AccessOptions {
  /** What the path is, for the message: `Config file`, `Backup folder`. */
  what: string;
  /** Also written (and created) there, not only read. */
  write?: boolean;
  /** Added to the message, e.g. where the path was set. */
  hint?: string;
}

/**
 * Throws a {@linkcode PlaceError} unless the program may read (and, with `write`, write)
 * `path`; granted to a program run with wider permissions (the tests), always.
 */
export function requireAccess(path: string, options: AccessOptions): void {
  const absolute = resolve(path);
  const kinds = options.write ? ["write", "read"] as const : ["read"] as const;
  for (const name of kinds) {
    const { state } = Deno.permissions.querySync({ name, path: absolute });
    if (state !== "granted") {
      throw new PlaceError(
        `${options.what} "${absolute}" is outside the places this program may ${name}: ${
          describePlaces(name)
        }${options.hint ? `; ${options.hint}` : ""}`,
      );
    }
  }
}

/**
 * Throws a {@linkcode PlaceError} unless the program may read and write the folder of the
 * configured database (SQLite writes its -wal and -shm files next to it), naming the
 * database and the config key that sets it.
 */
export function requireDatabaseAccess(
  config: { database: string; path: string },
): void {
  if (config.database === ":memory:") return;
  const folder = dirname(resolve(config.database));
  for (const name of ["write", "read"] as const) {
    const { state } = Deno.permissions.querySync({ name, path: folder });
    if (state !== "granted") {
      throw new PlaceError(
        `Database "${
          resolve(config.database)
        }" is outside the places this program may ${name}: ${
          describePlaces(name)
        }; set database: in ${config.path} to a file there`,
      );
    }
  }
}

const TELEGRAM_API = "https://api.telegram.org";
const TRAILING_SLASHES = /\/+$/;

/**
 * The Bot API root to use (`TELEGRAM_API_ROOT`, default `https://api.telegram.org`),
 * without trailing slashes (`http://127.0.0.1:8081/` is taken as `http://127.0.0.1:8081`,
 * since methods are called at `<root>/bot<token>/<method>`). Throws a
 * {@linkcode PlaceError} unless it is an http(s) URL without a query or fragment that
 * the program may connect to, rather than waiting for an answer that its permissions
 * forbid.
 */
export function requireApiRoot(apiRoot: string | undefined): string {
  const root = (apiRoot ?? TELEGRAM_API).trim().replace(TRAILING_SLASHES, "");
  const url = URL.parse(root);
  if (url === null || !/^https?:$/.test(url.protocol)) {
    throw new PlaceError(
      `TELEGRAM_API_ROOT "${apiRoot}" is not an http(s) URL such as https://api.telegram.org`,
    );
  }
  if (url.search !== "" || url.hash !== "") {
    throw new PlaceError(
      `TELEGRAM_API_ROOT "${apiRoot}" has a query or a fragment: give the root alone, such as https://api.telegram.org`,
    );
  }
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  const host = `${url.hostname}:${port}`;
  if (Deno.permissions.querySync({ name: "net", host }).state !== "granted") {
    throw new PlaceError(
      `TELEGRAM_API_ROOT "${root}" is outside the addresses this program may connect to: ${
        CONNECT_PLACES.join(", ")
      }`,
    );
  }
  return root;
}

/**
 * The one line of a failure the operator can fix that is not an `OperatorError`: a file
 * or address the program's built-in permissions forbid (`NotCapable`), or one the system
 * refuses (`PermissionDenied`); `undefined` for anything else.
 */
export function permissionLine(error: unknown): string | undefined {
  if (error instanceof Deno.errors.NotCapable) {
    const what = error.message.replace(/,? run again with .*$/, "");
    return `Not permitted by the program's built-in permissions: ${what}. ` +
      `It may read ${describePlaces("read")}; write ${
        describePlaces("write")
      }; connect to ${CONNECT_PLACES.join(", ")}`;
  }
  if (error instanceof Deno.errors.PermissionDenied) {
    return `The system denied access: ${error.message}. ` +
      "Run the program as the user that owns its files (e.g. sudo -u meeting-bot)";
  }
  return undefined;
}

/**
 * The places the program may `kind`, for a message: `config.yaml and data/ in the working
 * folder /srv/bot, /etc/meeting-bot and /var/lib/meeting-bot`.
 */
export function describePlaces(kind: "read" | "write"): string {
  const places = kind === "read" ? READ_PLACES : WRITE_PLACES;
  const relative = places.filter((p) => !p.startsWith("/")).map((p) =>
    p.includes(".") ? p : `${p}/`
  );
  const absolute = places.filter((p) => p.startsWith("/"));
  const parts = [
    ...(relative.length === 0
      ? []
      : [`${relative.join(" and ")} in the working folder ${cwd()}`]),
    ...absolute,
  ];
  return parts.length <= 1
    ? parts.join("")
    : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

function cwd(): string {
  try {
    return Deno.cwd();
  } catch {
    return "(unknown)";
  }
}
