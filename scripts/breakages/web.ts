/**
 * The public HTTP side: secrets in URLs (made, kept as hashes, revoked), the public
 * listener's routes, pages and headers, the rate limit and whose address it counts,
 * and the logs.
 *
 * @module
 */
import type { Breakage } from "./types.ts";

const WEEK: [string, string] = [
  "tests/attendance_week_test.ts",
  "a week with personal links",
];

/** Breakages of this area. */
export const BREAKAGES: Breakage[] = [
  {
    name: "the public listener answers nothing but its routes (no /metrics)",
    file: "src/web/routes.ts",
    edits: [[
      "    return notFound(config);\n  }\n  return async",
      '    return new Response("ok");\n  }\n  return async',
    ]],
    test: WEEK,
  },
  {
    name: "a token of another purpose opens nothing",
    file: "src/usecases/tokens.ts",
    edits: [[
      "if (record === undefined || record.purpose !== purpose) return undefined;",
      "if (record === undefined) return undefined;",
    ]],
    test: ["tests/tokens_test.ts", "keeps a link's SHA-256 only"],
  },
  {
    name: "a revoked token opens nothing",
    file: "src/usecases/tokens.ts",
    edits: [["if (record.revoked_at !== null) return undefined;", ""]],
    test: ["tests/tokens_test.ts", "keeps a link's SHA-256 only"],
  },
  {
    name: "the database keeps a token's SHA-256, never the token",
    file: "src/usecases/tokens.ts",
    edits: [[
      "    hash: hashToken(token),\n    purpose: subject.purpose,\n    userId: subject.userId,\n    ref: subject.ref,\n  }, now);\n  return token;",
      "    hash: new TextEncoder().encode(token),\n    purpose: subject.purpose,\n    userId: subject.userId,\n    ref: subject.ref,\n  }, now);\n  return token;",
    ]],
    test: ["tests/tokens_test.ts", "keeps a link's SHA-256 only"],
  },
  {
    name: "hashes are compared in full",
    file: "src/domain/tokens.ts",
    edits: [[
      "return a.length === b.length && timingSafeEqual(a, b);",
      "return a.length === b.length;",
    ]],
    test: ["tests/tokens_test.ts", "a token is 192 bits"],
  },
  {
    name: "one link per person and meeting, the same in every message",
    file: "src/usecases/tokens.ts",
    edits: [[
      "const token = deriveToken(key, { ...subject, generation });",
      "const token = randomToken();",
    ]],
    test: WEEK,
  },
  {
    name: "the link key file is private",
    file: "src/db/link_key.ts",
    edits: [["      mode: 0o600,", "      mode: 0o644,"]],
    test: ["tests/tokens_test.ts", "the link key lives beside the database"],
  },
  {
    name: "a HEAD never counts as a join",
    file: "src/web/join.ts",
    edits: [['  if (request.method !== "GET") return false;', ""]],
    test: ["tests/web_test.ts", "a HEAD and a link preview"],
  },
  {
    name: "a link preview's fetch never counts as a join",
    file: "src/web/join.ts",
    edits: [[
      "  return !PREVIEW_AGENTS.test(agent);",
      "  return agent !== null;",
    ]],
    test: ["tests/web_test.ts", "a HEAD and a link preview"],
  },
  {
    name: "the rate limit stops an address after its burst",
    file: "src/web/limit.ts",
    edits: [["    if (bucket.tokens >= 1) {", "    if (true) {"]],
    test: ["tests/web_test.ts", "the rate limit"],
  },
  {
    name: "the rate limit keeps a bounded number of addresses",
    file: "src/web/limit.ts",
    edits: [["while (this.#buckets.size > this.#max) {", "while (false) {"]],
    test: ["tests/web_test.ts", "the rate limit"],
  },
  {
    name:
      "the client's address comes from a header only when configured, its last entry",
    file: "src/web/client.ts",
    edits: [
      ["  if (header !== null) {", "  {"],
      [
        "const value = request.headers.get(header);",
        'const value = request.headers.get(header ?? "x-forwarded-for");',
      ],
    ],
    test: ["tests/web_test.ts", "the client's address"],
  },
  {
    name: "a log shows at most a token's first characters",
    file: "src/web/routes.ts",
    edits: [["part.length > 12 ? tokenPrefix(part) : part", "part"]],
    test: ["tests/web_test.ts", "no log line holds a whole token"],
  },
  {
    name: "every answer carries the strict Content-Security-Policy",
    file: "src/web/pages.ts",
    edits: [[
      '  "content-security-policy": CONTENT_SECURITY_POLICY,\n',
      "",
    ]],
    test: ["tests/web_test.ts", "every answer carries a strict CSP"],
  },
  {
    name: "pages escape every value",
    file: "src/web/html.ts",
    edits: [["  return escapeHtml(String(value));", "  return String(value);"]],
    test: ["tests/web_test.ts", "pages escape every value"],
  },
];
