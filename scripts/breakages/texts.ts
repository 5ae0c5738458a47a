/**
 * What people read: every date in the case its sentence needs, the words a host would
 * write, the host's reply under its header and threaded to the question, announcements
 * under theirs, and old configs' placeholders still filled.
 *
 * @module
 */
import type { Breakage } from "./types.ts";

/** Breakages of this area. */
export const BREAKAGES: Breakage[] = [
  {
    name: "texts: a date takes the case its sentence needs",
    file: "src/domain/russian.ts",
    edits: [[
      "return `${weekdayIn(date.weekday, form)}, ",
      'return `${weekdayIn(date.weekday, "nom")}, ',
    ]],
    test: ["tests/texts_participant_test.ts", "every participant text"],
  },
  {
    name: "texts: «со среды», not «с среды»",
    file: "src/domain/russian.ts",
    edits: [['from: "со среды",', 'from: "с среды",']],
    test: ["tests/texts_participant_test.ts", "every participant text"],
  },
  {
    name: "texts: «во вторник», not «в вторник»",
    file: "src/domain/russian.ts",
    edits: [['on: "во вторник",', 'on: "в вторник",']],
    test: ["tests/russian_test.ts", "weekdayIn()"],
  },
  {
    name: "texts: a month in a date is in the genitive",
    file: "src/domain/russian.ts",
    edits: [['  "декабря",\n', '  "декабрь",\n']],
    test: ["tests/russian_test.ts", "dayOfMonth()"],
  },
  {
    name: "texts: «длится 21 минуту» in the accusative",
    file: "src/domain/russian.ts",
    edits: [[
      'const one = form === "acc" ? "минуту" : "минута";',
      'const one = "минута";',
    ]],
    test: ["tests/russian_test.ts", "in the accusative"],
  },
  {
    name: "texts: a moved meeting's notice names the time before the move",
    file: "src/messages/build.ts",
    edits: [[
      '...dateValues(inZone(config, zone), { at: from, prefix: "old_" }),',
      '...dateValues(inZone(config, zone), { at: to, prefix: "old_" }),',
    ]],
    test: ["tests/week_changes_test.ts", "/move moves the meeting"],
  },
  {
    name: "texts: admin texts may use every date form",
    file: "src/config/texts.ts",
    edits: [[
      'admin_skip_confirm: [...MEETING, "people", "reason", "reason_line"],',
      'admin_skip_confirm: ["date", "time", "tz", "people", "reason", "reason_line"],',
    ]],
    test: ["tests/config_test.ts", "repeated in the shipped config.yaml"],
  },
  {
    name: "texts: an old config's placeholder ({active}) is still accepted",
    file: "src/config/texts.ts",
    edits: [['    "active",\n    "registered",\n', '    "registered",\n']],
    test: ["tests/texts_compat_test.ts", "still loads"],
  },
  {
    name:
      "texts: an old config's {date} in admin move texts is the date before the move",
    file: "src/messages/build.ts",
    edits: [[
      'const shown = date === "old" ? from : to;',
      "const shown = to;",
    ]],
    test: ["tests/texts_compat_test.ts", "move texts fill"],
  },
  {
    name: "texts: an old config's /who ({count}, {names}) is still accepted",
    file: "src/config/texts.ts",
    edits: [['    "count",\n    "names",\n  ],', "  ],"]],
    test: ["tests/texts_compat_test.ts", "still loads"],
  },
  {
    name: "texts: an old config's /who counts those coming",
    file: "src/reports.ts",
    edits: [["count: yes.length,", "count: yes.length + no.length,"]],
    test: ["tests/texts_compat_test.ts", "its /who lists those coming"],
  },
  {
    name: "texts: an old config's /who says nobody is coming, as before",
    file: "src/reports.ts",
    edits: [["=== 0 || nobodyComing) {", "=== 0) {"]],
    test: ["tests/texts_compat_test.ts", "its /who lists those coming"],
  },
  {
    name:
      "texts: /who with the three groups shows them even when nobody is coming",
    file: "src/reports.ts",
    edits: [[
      "const nobodyComing = yes.length === 0 && !GROUPS.test(config.texts.admin_who);",
      "const nobodyComing = yes.length === 0;",
    ]],
    test: ["tests/who_test.ts", "/who before anyone subscribed"],
  },
  {
    name: "texts: /stats counts those who did not subscribe as it says",
    file: "src/reports.ts",
    edits: [[
      "not_registered: subscribers.active - subscribers.registered,",
      "not_registered: subscribers.active,",
    ]],
    test: ["tests/admin_test.ts", "/stats counts"],
  },
  {
    name: "texts: /stats counts those who unsubscribed",
    file: "src/db/users.ts",
    edits: [[
      "coalesce(sum(is_active = 0), 0) AS stopped",
      "coalesce(sum(is_active = 1), 0) AS stopped",
    ]],
    test: ["tests/admin_test.ts", "/stats counts"],
  },
  {
    name: "texts: the host's reply comes under its header",
    file: "src/bot/features/relay.ts",
    edits: [['header: "relay_answer_header",', "header: undefined,"]],
    test: ["tests/relay_threading_test.ts", "text reply comes under"],
  },
  {
    name: "texts: the header moves the reply's formatting along",
    file: "src/messages/limits.ts",
    edits: [["offset: e.offset + prefix.length,", "offset: e.offset,"]],
    test: ["tests/relay_threading_test.ts", "formatting moved along"],
  },
  {
    name: "texts: the host's reply is threaded to the question",
    file: "src/messages/relay.ts",
    edits: [[
      "message_id: payload.reply_to, // the participant's question",
      "message_id: payload.message_id,",
    ]],
    test: ["tests/relay_threading_test.ts", "threaded to the question"],
  },
  {
    name: "texts: the host's reply to a deleted question still arrives",
    file: "src/messages/relay.ts",
    edits: [[
      "allow_sending_without_reply: true, // the participant may have deleted it",
      "allow_sending_without_reply: false,",
    ]],
    test: ["tests/relay_threading_test.ts", "deleted still arrives"],
  },
  {
    name: "texts: an announcement comes under its header",
    file: "src/messages/deliveries.ts",
    edits: [[
      'if (found.kind !== "followup") return config.texts.announcement_header;',
      'if (found.kind !== "followup") return "";',
    ]],
    test: ["tests/resilience_test.ts", "formatting"],
  },
  {
    name: "texts: a follow-up comes under its header with the meeting's date",
    file: "src/messages/deliveries.ts",
    edits: [[
      'return meeting === undefined ? "" : renderText(',
      'return meeting === undefined || true ? "" : renderText(',
    ]],
    test: ["tests/followup_test.ts", "to those who came"],
  },
  {
    name:
      "texts: a header is left out rather than push a text past one message",
    file: "src/messages/limits.ts",
    edits: [[
      "if (text.length > body.limit) return { text: body.text, entities };",
      "",
    ]],
    test: ["tests/broadcast_limits_test.ts", "exactly one message"],
  },
];
