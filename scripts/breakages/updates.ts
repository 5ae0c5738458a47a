/**
 * Updates and the process: each update is handled once, polling survives outages and conflicts.
 *
 * @module
 */
import type { Breakage } from "./types.ts";

/** Breakages of this area. */
export const BREAKAGES: Breakage[] = [
  {
    name: "an update is handled once",
    file: "src/bot/once.ts",
    edits: [["if (deps.store.updates.has(id)) {", "if (false) {"]],
    test: ["tests/bot_test.ts", "handled once"],
  },
  {
    name: "received updates are kept until handled",
    file: "src/app/polling.ts",
    edits: [["if (updates.length > 0) await keep(updates);", ""]],
    test: ["tests/polling_test.ts", "handled after a stop"],
  },
  {
    name: "polling waits at most retry_max_seconds between tries",
    file: "src/app/polling.ts",
    edits: [
      [
        "await sleep(Math.max(retryAfter, Math.min(wait, maxWait)), signal);",
        "await sleep(Math.max(retryAfter, wait), signal);",
      ],
      ["wait = Math.min(wait * 2, maxWait);", "wait = wait * 2;"],
    ],
    test: ["tests/outage_test.ts", "within seconds after an outage"],
  },
  {
    name: "/healthz is unhealthy while polling fails",
    file: "src/app/polling.ts",
    edits: [[
      "if (since < unhealthyAfter) return { ok: true };",
      "return { ok: true };",
    ]],
    test: ["tests/outage_test.ts", "within seconds after an outage"],
  },
  {
    name: "a 409 ends the displaced instance rather than take the updates back",
    file: "src/app/polling.ts",
    edits: [["if (error.error_code !== 409) return;", "return;"]],
    test: ["tests/conflict_test.ts", "two instances"],
  },
  {
    name: "a lock held by another process does not block the event loop",
    file: "src/commands/run.ts",
    edits: [["busyTimeoutMs: 20 }", "busyTimeoutMs: 30_000 }"]],
    test: ["tests/database_faults_test.ts", "holds the database's lock"],
  },
  {
    name: "a flood from one chat is cut off",
    file: "src/bot/flood.ts",
    edits: [["if (bucket.tokens >= 1) {", "if (true) {"]],
    test: ["tests/resilience_test.ts", "flood"],
  },
  {
    name: "a weekly job's writes wait out another process's lock",
    file: "src/jobs/runner.ts",
    edits: [[
      "await deps.store.write(() => {\n          tick(deps);",
      "await (async (fn: () => void) => fn())(() => {\n          tick(deps);",
    ]],
    test: ["tests/writes_test.ts", "tick waits out"],
  },
  {
    name: "the sender's claims wait out another process's lock",
    file: "src/delivery/sender.ts",
    edits: [[
      "return this.#deps.write(() =>\n      this.#deps.outbox.claim(row.id, { by: this.id, now: this.#deps.now() })\n    );",
      "return Promise.resolve(\n      this.#deps.outbox.claim(row.id, { by: this.id, now: this.#deps.now() }),\n    );",
    ]],
    test: ["tests/writes_test.ts", "claim waits out"],
  },
];
