/**
 * The outbox and the sender: what is owed goes out once, paced, and settles truthfully.
 *
 * @module
 */
import type { Breakage } from "./types.ts";

/** Breakages of this area. */
export const BREAKAGES: Breakage[] = [
  {
    name: "a 429's retry_after is waited out",
    file: "src/delivery/outcome.ts",
    edits: [["ms: verdict.retryAfterMs,", "ms: 0,"]],
    test: ["tests/sender_test.ts", "waits out each 429"],
  },
  {
    name: "a claim left by a killed process is never resent",
    file: "src/db/outbox.ts",
    edits: [[
      "`UPDATE outbox SET status = 'unknown', updated_at = ?,",
      "`UPDATE outbox SET status = 'pending', updated_at = ?,",
    ]],
    test: ["tests/sender_failures_test.ts", "settles claims left by a killed"],
  },
  {
    name: "a request that left without an answer is unknown, not resent",
    file: "src/delivery/outcome.ts",
    edits: [["if (!row.idempotent) {", "if (false) {"]],
    test: ["tests/sender_failures_test.ts", "dropped answer as unknown"],
  },
  {
    name: "a send goes on a connection of its own (no silent HTTP retry)",
    file: "src/delivery/telegram.ts",
    edits: [[
      "client: options.idempotent ? undefined : this.#once,",
      "client: undefined,",
    ]],
    test: ["tests/sender_failures_test.ts", "network outage"],
  },
  {
    name: "a stop during a wait releases the row",
    file: "src/db/outbox.ts",
    edits: [[
      "`UPDATE outbox SET status = 'pending', not_before = ?, error = ?, redo = 0,",
      "`UPDATE outbox SET status = 'sending', not_before = ?, error = ?, redo = 0,",
    ]],
    test: ["tests/sender_test.ts", "long 429 wait"],
  },
  {
    name: "long texts are split under Telegram's limit",
    file: "src/messages/limits.ts",
    edits: [[
      "const limit = options.limit ?? TEXT_LIMIT;",
      "const limit = options.limit ?? 1_000_000;",
    ]],
    test: ["tests/resilience_test.ts", "500 names"],
  },
  {
    name: "an announcement keeps the admin's formatting",
    file: "src/messages/deliveries.ts",
    edits: [["      entities: found.entities,\n", ""]],
    test: ["tests/resilience_test.ts", "formatting"],
  },
  {
    name: "retention never prunes what is still owed",
    file: "src/db/outbox.ts",
    edits: [["AND status NOT IN ('pending', 'sending')", ""]],
    test: ["tests/retention_test.ts", "nothing owed"],
  },
  {
    name: "replies never go out as paid broadcasts",
    file: "src/messages/render.ts",
    edits: [["row.lane !== LANE.reply && ", ""]],
    test: ["tests/paid_broadcast_test.ts", "only paced sends pay"],
  },
];
