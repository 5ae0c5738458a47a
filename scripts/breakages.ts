/**
 * Breaks each guarantee on purpose, one at a time, in a copy of the repository, and runs
 * the test named for it: every breakage must make that test fail. A guarantee whose
 * breakage no test notices is not shown by the tests.
 *
 *   deno task breakages              every breakage
 *   deno task breakages 429 inbox    those whose name contains one of the words
 *
 * The working tree is never touched. Prints one line per breakage and exits 1 if any
 * went unnoticed.
 *
 * @module
 */
import { join } from "node:path";

interface Breakage {
  /** The guarantee, as a reader would say it. */
  name: string;
  file: string;
  /** Replacements made in `file`: each text must be there. */
  edits: [from: string, to: string][];
  /** The test file and the name of the test that must fail. */
  test: [file: string, filter: string];
}

const BREAKAGES: Breakage[] = [
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
    name: "a finished job is never started again",
    file: "src/usecases/week.ts",
    edits: [["if (run !== undefined) {", "if (false) {"]],
    test: ["tests/catchup_test.ts", "never starts a finished job"],
  },
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
    name: "a stop during a wait releases the row",
    file: "src/db/outbox.ts",
    edits: [[
      "`UPDATE outbox SET status = 'pending', not_before = ?, error = ?, redo = 0,",
      "`UPDATE outbox SET status = 'sending', not_before = ?, error = ?, redo = 0,",
    ]],
    test: ["tests/sender_test.ts", "long 429 wait"],
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
    name: "a 409 ends the program with exit code 1",
    file: "src/app/polling.ts",
    edits: [["if (error.error_code !== 409) return;", "return;"]],
    test: ["tests/conflict_test.ts", "another instance"],
  },
  {
    name: "a lock held by another process does not block the event loop",
    file: "src/commands/run.ts",
    edits: [["busyTimeoutMs: 20,", "busyTimeoutMs: 30_000,"]],
    test: ["tests/database_faults_test.ts", "holds the database's lock"],
  },
  {
    name: "a flood from one chat is cut off",
    file: "src/bot/flood.ts",
    edits: [["if (bucket.tokens >= 1) {", "if (true) {"]],
    test: ["tests/resilience_test.ts", "flood"],
  },
  {
    name: "answer buttons only for the upcoming and the next meeting",
    file: "src/usecases/answers.ts",
    edits: [[
      'if (meeting.scheduledAt > afterNext) return { kind: "invalid" };',
      "",
    ]],
    test: ["tests/resilience_test.ts", "upcoming and the next"],
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
    name: "the follow-ups of a press are written with the answer",
    file: "src/usecases/answers.ts",
    edits: [[
      '    if (request.answer === "yes" && previous !== "yes") {',
      "    if (false) {",
    ]],
    test: ["tests/week_test.ts", "a whole week"],
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
    name: "the kept week is given up when the upcoming meeting starts",
    file: "src/domain/meeting.ts",
    edits: [["kept.from <= at && at < kept.until", "kept.from <= at"]],
    test: ["tests/meeting_test.ts", "kept only until the meeting starts"],
  },
];

const ROOT = new URL("..", import.meta.url).pathname;

async function copyRepository(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "meeting-bot-break-" });
  const files = new TextDecoder().decode(
    (await new Deno.Command("git", {
      args: ["ls-files", "--cached", "--others", "--exclude-standard"],
      cwd: ROOT,
    }).output()).stdout,
  ).split("\n").filter(Boolean);
  for (const file of files) {
    const target = join(dir, file);
    await Deno.mkdir(join(target, ".."), { recursive: true });
    await Deno.copyFile(join(ROOT, file), target).catch(() => {});
  }
  return dir;
}

async function caught(breakage: Breakage, dir: string): Promise<boolean> {
  const path = join(dir, breakage.file);
  const original = await Deno.readTextFile(path);
  let broken = original;
  for (const [from, to] of breakage.edits) {
    if (!broken.includes(from)) {
      throw new Error(
        `"${breakage.name}": the code to break is not in ${breakage.file}: ${from}`,
      );
    }
    broken = broken.replace(from, to);
  }
  await Deno.writeTextFile(path, broken);
  try {
    const [file, filter] = breakage.test;
    const { code } = await new Deno.Command(Deno.execPath(), {
      args: ["test", "--frozen", "-A", "--no-check", file, "--filter", filter],
      cwd: dir,
      env: { KILL_ROUNDS: "1", NO_COLOR: "1" },
      stdout: "null",
      stderr: "null",
    }).output();
    return code !== 0;
  } finally {
    await Deno.writeTextFile(path, original);
  }
}

const words = Deno.args.map((w) => w.toLowerCase());
const chosen = BREAKAGES.filter((b) =>
  words.length === 0 || words.some((w) => b.name.toLowerCase().includes(w))
);
const dir = await copyRepository();
let missed = 0;
try {
  for (const breakage of chosen) {
    const started = performance.now();
    const ok = await caught(breakage, dir);
    if (!ok) missed++;
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    // deno-lint-ignore no-console
    console.log(
      `${ok ? "CAUGHT" : "MISSED"}  ${breakage.name}  (${
        breakage.test.join(": ")
      }, ${seconds} s)`,
    );
  }
} finally {
  await Deno.remove(dir, { recursive: true });
}
// deno-lint-ignore no-console
console.log(`${chosen.length - missed} caught, ${missed} missed`);
Deno.exit(missed === 0 ? 0 : 1);
