/**
 * The `http:` section: the local listener (`/healthz`, `/metrics`) and, with
 * `public_url`, the public one on a port of its own (personal join links), which the
 * operator's reverse proxy exposes.
 *
 * @module
 */
import {
  child,
  fail,
  type Field,
  isAbsent,
  openSection,
  readInteger,
  readString,
} from "./fields.ts";
import { readCount, readOptional } from "./values.ts";
import {
  type Config,
  ConfigError,
  DEFAULT_HOSTNAME,
  DEFAULT_RATE_LIMIT,
  type PublicHttp,
} from "./schema.ts";

const HTTP_KEYS = [
  "port",
  "hostname",
  "public_url",
  "public_port",
  "public_hostname",
  "client_ip_header",
  "rate_limit",
] as const;

/** Reads `http:`; `null` when it is absent. */
export function readHttp(field: Field): Config["http"] {
  if (isAbsent(field)) return null;
  const http = openSection(field, HTTP_KEYS);
  const port = readInteger(child(http, "port"), { min: 1, max: 65535 });
  const hostname = child(http, "hostname");
  const open = readPublic(http, port);
  return {
    port,
    hostname: isAbsent(hostname) ? DEFAULT_HOSTNAME : readString(hostname),
    ...(open === null ? {} : { public: open }),
  };
}

function readPublic(
  http: ReturnType<typeof openSection>,
  localPort: number,
): PublicHttp | null {
  const url = child(http, "public_url");
  const rest = HTTP_KEYS.slice(3).map((key) => child(http, key));
  if (isAbsent(url)) {
    const stray = [child(http, "public_port"), ...rest].find((f) =>
      !isAbsent(f)
    );
    if (stray !== undefined) {
      throw new ConfigError(
        `${stray.key} (line ${stray.line}) needs http.public_url: set it, or remove ${stray.key}`,
        { key: stray.key, line: stray.line },
      );
    }
    return null;
  }
  const portField = child(http, "public_port");
  const port = readInteger(portField, {
    min: 1,
    max: 65535,
    expected:
      "a port from 1 to 65535 for the public listener (it is required with public_url)",
  });
  if (port === localPort) {
    fail(
      portField,
      "a port other than http.port: /healthz and /metrics never share the public one",
    );
  }
  const hostname = child(http, "public_hostname");
  const header = child(http, "client_ip_header");
  return {
    url: readPublicUrl(url),
    port,
    hostname: isAbsent(hostname) ? DEFAULT_HOSTNAME : readString(hostname),
    client_ip_header: isAbsent(header) ? null : readHeaderName(header),
    rate_limit: readOptional(child(http, "rate_limit"), {
      defaults: DEFAULT_RATE_LIMIT,
      readers: { burst: readCount, per_minute: readCount },
    }),
  };
}

/** An http(s) URL without query or fragment; kept without a trailing `/`. */
function readPublicUrl(field: Field): string {
  const text = readString(field, "the address of the reverse proxy");
  const url = URL.parse(text);
  if (
    (url?.protocol !== "http:" && url?.protocol !== "https:") ||
    url.search !== "" || url.hash !== "" || url.username !== "" ||
    url.password !== ""
  ) {
    fail(
      field,
      "an http(s) address without ?query, #fragment or user, such as https://bot.example.org",
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

/** A header name, e.g. `X-Forwarded-For`, kept in lower case. */
function readHeaderName(field: Field): string {
  const name = readString(field, "a header name such as X-Forwarded-For");
  if (!/^[A-Za-z0-9-]+$/.test(name)) {
    fail(field, "a header name such as X-Forwarded-For or X-Real-IP");
  }
  return name.toLowerCase();
}
