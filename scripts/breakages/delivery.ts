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
    edits: [["if (!resendsUnknown(row.kind)) {", "if (false) {"]],
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
  {
    name: "an edit renewed while in flight is made again, not marked sent",
    file: "src/db/outbox.ts",
    edits: [["redo = (status = 'sending'),", "redo = 0,"]],
    test: ["tests/sender_retry_test.ts", "renewed while in flight"],
  },
  {
    name: "retention never prunes a row in flight",
    file: "src/db/outbox.ts",
    edits: [[
      "AND status NOT IN ('pending', 'sending')",
      "AND status NOT IN ('pending')",
    ]],
    test: ["tests/retention_test.ts", "in flight"],
  },
  {
    name: "retry backoff grows: twice as long after each failure",
    file: "src/delivery/outcome.ts",
    edits: [[
      "policy.initialMs * 2 ** Math.min(row.attempts, 30),",
      "policy.initialMs,",
    ]],
    test: ["tests/sender_retry_test.ts", "twice as long each time"],
  },
  {
    name: "retry backoff is capped at retry_max",
    file: "src/delivery/outcome.ts",
    edits: [[
      "policy.maxMs,\n      policy.initialMs",
      "Infinity,\n      policy.initialMs",
    ]],
    test: ["tests/sender_retry_test.ts", "never longer than retry_max"],
  },
  {
    name: "an edit Telegram finds not modified is recorded as sent",
    file: "src/delivery/outcome.ts",
    edits: [["if (/message is not modified/i.test(reason)) {", "if (false) {"]],
    test: ["tests/sender_retry_test.ts", "finds unchanged"],
  },
  {
    name: "a request that timed out may have arrived: not sent again",
    file: "src/delivery/telegram.ts",
    edits: [["|Connection refused|", "|Connection refused|Timed out|"]],
    test: ["tests/sender_failures_test.ts", "within the timeout"],
  },
  {
    name: "a 429 that comes while a paced send sleeps pauses it too",
    file: "src/delivery/pacer.ts",
    edits: [[
      "if (this.#pausedUntil <= this.#now()) return true;",
      "return true;",
    ]],
    test: ["tests/sender_test.ts", "asleep when a 429 came"],
  },
  {
    name: "a calendar file whose outcome is unknown is sent again",
    file: "src/core/owed.ts",
    edits: [['  calendar: "resend",', '  calendar: "leave",']],
    test: ["tests/sender_retry_test.ts", "calendar file again after no answer"],
  },
  {
    name: "a text whose outcome is unknown is left unknown, never sent twice",
    file: "src/core/owed.ts",
    edits: [['  text: "leave",', '  text: "resend",']],
    test: ["tests/sender_retry_test.ts", "calendar file again after no answer"],
  },
  {
    name: "a calendar file claimed by a killed process is sent again",
    file: "src/db/outbox.ts",
    edits: [[
      "WHERE status = 'sending' AND ${RESENT} AND claimed_by != ?",
      "WHERE status = 'sending' AND ${RESENT} AND 0 AND claimed_by != ?",
    ]],
    test: ["tests/sender_retry_test.ts", "claims a killed process left"],
  },
  {
    name:
      "a calendar file is a function of the meeting's state (same bytes after a restart)",
    file: "src/messages/calendar.ts",
    edits: [[
      "const stamp = changedAt(meeting.id);",
      "const stamp = changedAt(meeting.id) && now();",
    ]],
    test: ["tests/calendar_test.ts", "same bytes after a restart"],
  },
  {
    name: "a calendar file after /topic is a new file, not the cached one",
    file: "src/messages/calendar.ts",
    edits: [[
      "const cached = uploaded.get(file);",
      "const cached = [...uploaded.values()][0];",
    ]],
    test: ["tests/calendar_test.ts", "after /topic"],
  },
  {
    name: "calendar files name an ORGANIZER, as METHOD:CANCEL requires",
    file: "src/domain/ics.ts",
    edits: [["`ORGANIZER;CN=${", "`X-ORGANIZER;CN=${"]],
    test: ["tests/calendar_test.ts", "bot as ORGANIZER"],
  },
  {
    name: "send waits for its batch's retries that fall due soon",
    file: "src/commands/send.ts",
    edits: [["if (next !== undefined && next <= until) {", "if (false) {"]],
    test: ["tests/send_command_test.ts", "retry that falls due soon"],
  },
  {
    name: "send exits 3 while a retry is still waiting",
    file: "src/commands/send.ts",
    edits: [[
      "? SEND_EXIT.waiting : SEND_EXIT.done",
      "? SEND_EXIT.done : SEND_EXIT.done",
    ]],
    test: ["tests/send_command_test.ts", "exits 3"],
  },
  {
    name: "a stop cuts a paced send's wait short",
    file: "src/delivery/pacer.ts",
    edits: [[
      "await this.#sleep(slot - now, signal);",
      "await this.#sleep(slot - now);",
    ]],
    test: ["tests/sender_test.ts", "stops at once"],
  },
  {
    name:
      "a chat's later row never overtakes one passed over while it was busy",
    file: "src/delivery/sender.ts",
    edits: [[
      "if (passed.has(row.chat_id) || this.#busy.has(row.chat_id)) {",
      "if (this.#busy.has(row.chat_id)) {",
    ]],
    test: ["tests/sender_test.ts", "overtake one it passed over"],
  },
];
