/**
 * The operator's bad day: a wrong or revoked token, a command run as root, a full disk,
 * two hosts, and output, metrics, checks and deploy files that tell the truth.
 *
 * @module
 */
import type { Breakage } from "./types.ts";

/** Breakages of this area. */
export const BREAKAGES: Breakage[] = [
  {
    name:
      "token: a 401 while sending leaves what is owed pending, nothing failed",
    file: "src/delivery/telegram.ts",
    edits: [[
      'if (error.code === 401) return { kind: "unauthorized" };',
      'if (error.code === 401) return { kind: "permanent" };',
    ]],
    test: ["tests/token_test.ts", "revoked while it sends"],
  },
  {
    name: "token: a 401 while sending stops send with exit code 2",
    file: "src/commands/send.ts",
    edits: [["onHalt: (error) => refused ??= error,", "onHalt: () => {},"]],
    test: ["tests/token_test.ts", "revoked mid-broadcast"],
  },
  {
    name: "token: send checks it (getMe) before it enqueues anything",
    file: "src/commands/send.ts",
    edits: [["await whoAmI(token, {", "void whoAmI(token, {"]],
    test: ["tests/token_test.ts", "before it enqueues anything"],
  },
  {
    name: "token: a refused one is one plain line naming BOT_TOKEN",
    file: "src/commands/token.ts",
    edits: [[
      "if (error.code === 401) throw new TokenRejectedError({ cause: error });",
      "",
    ]],
    test: ["tests/conflict_test.ts", "rejects the token"],
  },
  {
    name:
      "409: the displaced instance keeps out with exit code 2, not restarted",
    file: "src/app/polling.ts",
    edits: [[
      'override name = "PollingError";',
      'override name = "PollingError";\n  override readonly exitCode = 1;',
    ]],
    test: ["tests/conflict_test.ts", "two instances"],
  },
  {
    name: "SIGTERM while run waits for Telegram at start exits 0",
    file: "main.ts",
    edits: [['if (command === "run") {', "if (false) {"]],
    test: ["tests/conflict_test.ts", "SIGTERM while run waits"],
  },
  {
    name: "json: every line is JSON under LOG_FORMAT=json, the error line too",
    file: "main.ts",
    edits: [[
      "output = createOutput({ format: logSettings.format, command, secrets });",
      'output = createOutput({ format: "text", command, secrets });',
    ]],
    test: ["tests/output_test.ts", "every line of every command"],
  },
  {
    name: "json: send's result is a structured object",
    file: "src/commands/send.ts",
    edits: [['{ event: "send.done", fields: { ...report } },', ""]],
    test: ["tests/output_test.ts", "every line of every command"],
  },
  {
    name: "check refuses the http address that run would",
    file: "src/commands/check.ts",
    edits: [["checkListen(config.http.hostname, config.http.port);", ""]],
    test: ["tests/permissions_test.ts", "check refuses what run would"],
  },
  {
    name: "backup: a name without an extension is a folder",
    file: "src/commands/backup.ts",
    edits: [[
      'extname(absolute) === "" || isFolder(absolute);',
      "isFolder(absolute);",
    ]],
    test: ["tests/operator_files_test.ts", "without an extension"],
  },
  {
    name: "stats on a missing database says so and creates nothing",
    file: "src/commands/stats.ts",
    edits: [["openStore(config, { existing: true });", "openStore(config);"]],
    test: ["tests/operator_files_test.ts", "without a database"],
  },
  {
    name: "root: a restored database keeps the owner and mode it replaces",
    file: "src/commands/restore.ts",
    edits: [[
      "ownLike(restoring, owner ?? dirname(database), {",
      "void ({",
    ]],
    test: ["tests/operator_files_test.ts", "as root keep the service's owner"],
  },
  {
    name: "root: a backup takes the owner of its folder",
    file: "src/db/database.ts",
    edits: [["ownLike(target, dirname(target));", ""]],
    test: ["tests/operator_files_test.ts", "as root keep the service's owner"],
  },
  {
    name: "disk: a failed write keeps health bad until a write really succeeds",
    file: "src/db/writer.ts",
    edits: [[
      "if (failing && !failedNow && this.#changes() > changesBefore) {",
      "if (failing) {",
    ]],
    test: ["tests/disk_test.ts", "one that changes nothing proves nothing"],
  },
  {
    name: "disk: /healthz finds by itself that writes work again",
    file: "src/db/store.ts",
    edits: [["if (this.#writer.failing) {", "if (false) {"]],
    test: ["tests/disk_test.ts", "a full disk while run runs"],
  },
  {
    name: "disk: a full disk reads as disk full in /healthz",
    file: "src/db/writer.ts",
    edits: [[
      'full: "the disk is full (disk full): free some space",',
      'full: "database full",',
    ]],
    test: ["tests/disk_test.ts", "a full disk while run runs"],
  },
  {
    name: "disk: a full disk at start says Disk full and exits 1",
    file: "src/db/database.ts",
    edits: [[
      "if (!/os error 28|no space left/i.test(String(error))) return undefined;",
      "return undefined;",
    ]],
    test: ["tests/disk_test.ts", "a full disk at start"],
  },
  {
    name: "disk: run waits before it exits on a full disk at start",
    file: "src/commands/run.ts",
    edits: [["await sleep(waitS * 1000, deps.signal);", ""]],
    test: ["tests/disk_test.ts", "a full disk at start"],
  },
  {
    name: "metrics: the jobs' outcomes and last runs come from the database",
    file: "src/app/listener.ts",
    edits: [["setJobMetrics(metrics, store.jobRuns.totals());", ""]],
    test: ["tests/metrics_test.ts", "come from the database"],
  },
  {
    name: "upgrade: the database is copied before its schema moves forward",
    file: "src/db/database.ts",
    edits: [["keepBeforeMigrating(db, path);", ""]],
    test: ["tests/operator_files_test.ts", "newer program migrates"],
  },
  {
    name: "deploy: compose does not restart a config error forever",
    file: "compose.yaml",
    edits: [["restart: on-failure:5", "restart: unless-stopped"]],
    test: ["tests/deploy_test.ts", "never forever"],
  },
  {
    name: "deploy: the backup unit reports its failure",
    file: "deploy/meeting-bot-backup.service",
    edits: [["OnFailure=meeting-bot-failure@%n.service", ""]],
    test: ["tests/deploy_test.ts", "report a failure"],
  },
  {
    name: "deploy: meeting-botctl runs with every setting of the service",
    file: "deploy/meeting-botctl",
    edits: [['[ -n "$setting" ] && set -- "$@" "--property=$setting"', ":"]],
    test: ["tests/deploy_test.ts", "meeting-botctl"],
  },
  {
    name: "deploy: the base images are pinned by digest",
    file: "Dockerfile",
    edits: [[
      "FROM debian:bookworm-20260803-slim@sha256:abd67ffcfa541b485a3dff59865ab629aa048a6c613e639d36e7456b0b229241",
      "FROM debian:bookworm-slim",
    ]],
    test: ["tests/deploy_test.ts", "pins its base images"],
  },
];
