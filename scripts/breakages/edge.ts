/**
 * The edges where people meet the bot: the relay between participants and admins, the
 * flood guard, and what admins send to many (limits, previews, reports).
 *
 * @module
 */
import type { Breakage } from "./types.ts";

/** Breakages of this area. */
export const BREAKAGES: Breakage[] = [
  {
    name: "relay: a reply's key counts its message id in the admin's own chat",
    file: "src/usecases/relays.ts",
    edits: [[
      "return `relay_answer/${adminChatId}/${messageId}`;",
      "return `relay_answer/${messageId}`;",
    ]],
    test: ["tests/relay_test.ts", "same message id in their own chats"],
  },
  {
    name: "relay: a relayed message is found by the admin's chat and its id",
    file: "src/db/relays.ts",
    edits: [[
      "WHERE admin_chat_id = ? AND admin_message_id = ?",
      "WHERE (admin_chat_id = ? OR 1) AND admin_message_id = ?",
    ]],
    test: ["tests/relay_test.ts", "relay under the same message id"],
  },
  {
    name: "relay: anything a participant writes is passed on (a sticker too)",
    file: "src/bot/features/relay.ts",
    edits: [['  "message:sticker",\n', ""]],
    test: ["tests/relay_test.ts", "stickers, animations"],
  },
  {
    name: "relay: the admin is told a reply's outcome once it settled",
    file: "src/jobs/runner.ts",
    edits: [[
      "if (finishRelayAnswer(deps.store, { key: batch, now })) deps.kick();",
      "",
    ]],
    test: ["tests/relay_answer_test.ts", "delivered only once it was"],
  },
  {
    name:
      "relay: the admin is told plainly that the participant blocked the bot",
    file: "src/usecases/relays.ts",
    edits: [[
      'blocked: "relay_answer_blocked",',
      'blocked: "relay_answered",',
    ]],
    test: ["tests/relay_answer_test.ts", "blocked the bot"],
  },
  {
    name: "relay: a reply settled across a stop still brings its note",
    file: "src/db/relays.ts",
    edits: [[
      "AND a.status NOT IN ('pending', 'sending')",
      "AND a.status IN ('pending', 'sending')",
    ]],
    test: ["tests/relay_answer_test.ts", "stop in between"],
  },
  {
    name: "relay: the per-hour limit counts a whole hour, across a restart",
    file: "src/usecases/relays.ts",
    edits: [[
      "const since = new Date(now.getTime() - HOUR_MS);",
      "const since = new Date(now.getTime() - HOUR_MS / 2);",
    ]],
    test: ["tests/relay_test.ts", "across a restart"],
  },
  {
    name: 'relay: an admin\'s reply starting with "/" is passed on, not run',
    file: "src/bot/features/relay.ts",
    edits: [[
      "if (replyTo === undefined) return next();",
      'if (replyTo === undefined || ctx.message.text?.startsWith("/")) return next();',
    ]],
    test: ["tests/relay_answer_test.ts", "not run as a command"],
  },
  {
    name: "flood: every press is answered, also one the guard drops",
    file: "src/bot/flood.ts",
    edits: [["if (press) {", "if (press && !bucket.noticed) {"]],
    test: ["tests/flood_presses_test.ts", "all answered"],
  },
  {
    name: "broadcast: the report names unknown outcomes",
    file: "src/usecases/announcements.ts",
    edits: [["unknown: counts.unknown,", ""]],
    test: ["tests/broadcast_limits_test.ts", "names every outcome"],
  },
  {
    name: "broadcast: the report names messages not sent to those who stopped",
    file: "src/usecases/announcements.ts",
    edits: [["dropped: counts.dropped,", ""]],
    test: ["tests/broadcast_limits_test.ts", "names every outcome"],
  },
  {
    name: "broadcast: a text longer than one message is refused",
    file: "src/domain/broadcast.ts",
    edits: [[
      "return { length, fits: length <= BROADCAST_MAX_LENGTH };",
      "return { length, fits: true };",
    ]],
    test: ["tests/broadcast_limits_test.ts", "are refused"],
  },
  {
    name: "broadcast: the preview says how long the broadcast is",
    file: "src/bot/features/admin/broadcasts.ts",
    edits: [[
      "const values = { length, max: BROADCAST_MAX_LENGTH };",
      "const values = { length: 0, max: BROADCAST_MAX_LENGTH };",
    ]],
    test: ["tests/broadcast_limits_test.ts", "says so in its preview"],
  },
  {
    name: "broadcast: the preview of a copied post says it is a copy",
    file: "src/bot/features/admin/broadcasts.ts",
    edits: [[
      "if (body.copy !== undefined) return config.texts.admin_broadcast_size_copy;",
      "",
    ]],
    test: ["tests/broadcast_limits_test.ts", "is a copy of it"],
  },
];
