/**
 * The deployment files: the systemd units in deploy/, the Dockerfile, .dockerignore,
 * compose.yaml and deploy/config.yaml. The units are checked by `systemd-analyze` itself
 * (Debian's `systemd` package; `.ci/run` installs it), the rest by reading the files.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { parseConfig } from "../src/config/load.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DEPLOY = join(ROOT, "deploy");
const SERVICE = "meeting-bot.service";
const BACKUP_SERVICE = "meeting-bot-backup.service";
const BACKUP_TIMER = "meeting-bot-backup.timer";
const FAILURE = "meeting-bot-failure@.service";
const UNITS = [SERVICE, BACKUP_SERVICE, BACKUP_TIMER, FAILURE];
const BINARY = "/usr/local/bin/meeting-bot";
const ECHO = "/usr/bin/echo";
const STATE = "/var/lib/meeting-bot";
const MAX_EXPOSURE = 2.0;

const SYSTEMD_ANALYZE = findOnPath("systemd-analyze");
const NO_SYSTEMD_ANALYZE = SYSTEMD_ANALYZE === undefined
  ? " (ignored: systemd-analyze is not installed; `apt-get install systemd`)"
  : "";

/** The full path of `command` on PATH, or `undefined`. */
function findOnPath(command: string): string | undefined {
  const dirs = (Deno.env.get("PATH") ?? "").split(":").filter(Boolean);
  return dirs.map((dir) => join(dir, command)).find((path) => existsSync(path));
}

/** Runs `command args` to the end; its exit code and output. */
async function run(
  command: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const output = await new Deno.Command(command, {
    args,
    env: { SYSTEMD_COLORS: "0", SYSTEMD_PAGER: "", NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decoder = new TextDecoder();
  return {
    code: output.code,
    stdout: decoder.decode(output.stdout),
    stderr: decoder.decode(output.stderr),
  };
}

/** A unit file as section → key → every value assigned, in order (`Key=` included). */
type Unit = Map<string, Map<string, string[]>>;

/** Parses a systemd unit file (comments, sections, repeated keys; no continuations). */
function parseUnit(text: string): Unit {
  const unit: Unit = new Map();
  let section: Map<string, string[]> | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    assert.ok(!line.endsWith("\\"), `no line continuations: ${line}`);
    const header = line.match(/^\[(.+)\]$/);
    if (header) {
      section = new Map();
      unit.set(header[1]!, section);
      continue;
    }
    const eq = line.indexOf("=");
    assert.ok(section && eq > 0, `not a key=value in a section: ${line}`);
    const key = line.slice(0, eq).trim();
    section.set(key, [...section.get(key) ?? [], line.slice(eq + 1).trim()]);
  }
  return unit;
}

async function readUnit(name: string): Promise<Unit> {
  return parseUnit(await Deno.readTextFile(join(DEPLOY, name)));
}

/** Every value of `key` in `[section]`; `[]` when absent. */
function values(unit: Unit, section: string, key: string): string[] {
  return unit.get(section)?.get(key) ?? [];
}

/** The value of `key` in `[section]`, which must be set exactly once. */
function value(unit: Unit, section: string, key: string): string {
  const all = values(unit, section, key);
  assert.equal(all.length, 1, `${key}= in [${section}]: ${all.join(" | ")}`);
  return all[0]!;
}

/** The exposure level that `systemd-analyze security --offline=yes` gives a unit file. */
async function exposure(name: string): Promise<number> {
  const result = await run(SYSTEMD_ANALYZE!, [
    "security",
    "--offline=yes",
    "--no-pager",
    name.startsWith("/") ? name : join(DEPLOY, name),
  ]);
  assert.equal(result.code, 0, result.stderr);
  const level = result.stdout.match(
    /Overall exposure level for \S+: (\d+(?:\.\d+)?)/,
  );
  assert.ok(level, `no exposure level in:\n${result.stdout}`);
  return Number(level[1]);
}

/**
 * A throwaway root for `systemd-analyze verify --root=ROOT` (systemd 252): the units
 * under ROOT/etc/systemd/system, the host's own units under ROOT/usr/lib/systemd/system
 * (verify must load the targets our units depend on, sysinit.target among them, and
 * looks for them under ROOT only), and a stub executable at ROOT/usr/local/bin/meeting-bot:
 * verify resolves ExecStart= under ROOT and fails when it is not an executable file.
 * Copying the units to a temporary folder with a rewritten ExecStart= would verify a
 * different file; this verifies ours as they are.
 */
async function verifyRoot(options: { stub: boolean }): Promise<string> {
  const root = await Deno.makeTempDir({ prefix: "meeting-bot-verify-" });
  const hostUnits = ["/usr/lib/systemd/system", "/lib/systemd/system"].find(
    (dir) => existsSync(join(dir, "sysinit.target")),
  );
  assert.ok(hostUnits, "no systemd units on this machine to verify against");
  await Deno.mkdir(join(root, "usr/lib/systemd"), { recursive: true });
  const copy = await run("cp", [
    "-a",
    hostUnits,
    join(root, "usr/lib/systemd/system"),
  ]);
  assert.equal(copy.code, 0, copy.stderr);
  await Deno.mkdir(join(root, "etc/systemd/system"), { recursive: true });
  for (const name of UNITS) {
    await Deno.copyFile(
      join(DEPLOY, name),
      join(root, "etc/systemd/system", name),
    );
  }
  // What the failure report runs is the system's own; stubbed like the program.
  for (const program of options.stub ? [BINARY, ECHO] : [ECHO]) {
    await Deno.mkdir(join(root, dirname(program)), { recursive: true });
    await Deno.writeTextFile(join(root, program), "#!/bin/sh\nexit 0\n", {
      mode: 0o755,
    });
  }
  return root;
}

Deno.test({
  name:
    `${SERVICE}, ${BACKUP_SERVICE}, ${BACKUP_TIMER} and ${FAILURE} pass systemd-analyze verify` +
    NO_SYSTEMD_ANALYZE,
  ignore: SYSTEMD_ANALYZE === undefined,
  async fn(t) {
    await t.step("with the program in place: no finding at all", async () => {
      const root = await verifyRoot({ stub: true });
      try {
        const result = await run(SYSTEMD_ANALYZE!, [
          "verify",
          `--root=${root}`,
          ...UNITS,
        ]);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stderr.trim(), "");
      } finally {
        await Deno.remove(root, { recursive: true });
      }
    });
    await t.step("without it: ExecStart= is really checked", async () => {
      const root = await verifyRoot({ stub: false });
      try {
        const result = await run(SYSTEMD_ANALYZE!, [
          "verify",
          `--root=${root}`,
          SERVICE,
        ]);
        assert.notEqual(result.code, 0);
        assert.match(result.stderr, new RegExp(`${BINARY} is not executable`));
      } finally {
        await Deno.remove(root, { recursive: true });
      }
    });
  },
});

for (const name of [SERVICE, BACKUP_SERVICE]) {
  Deno.test({
    name:
      `${name} scores ${
        MAX_EXPOSURE.toFixed(1)
      } or lower in systemd-analyze security` +
      NO_SYSTEMD_ANALYZE,
    ignore: SYSTEMD_ANALYZE === undefined,
    async fn() {
      const level = await exposure(name);
      assert.ok(
        level <= MAX_EXPOSURE,
        `${name}: exposure ${level} > ${MAX_EXPOSURE}`,
      );
    },
  });
}

Deno.test("deploy/meeting-botctl runs a command in a transient unit with every setting of meeting-bot.service: its user, token, config and sandbox", async () => {
  // A systemd-run that writes down what it is asked, one argument a line.
  const bin = await Deno.makeTempDir({ prefix: "meeting-botctl-" });
  try {
    await Deno.writeTextFile(
      join(bin, "systemd-run"),
      '#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done\n',
      { mode: 0o755 },
    );
    const output = await new Deno.Command("/bin/sh", {
      args: [join(DEPLOY, "meeting-botctl"), "send", "first reminder"],
      env: {
        PATH: `${bin}:${Deno.env.get("PATH")}`,
        MEETING_BOT_UNIT: join(DEPLOY, SERVICE),
      },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stdout = new TextDecoder().decode(output.stdout);
    assert.equal(output.code, 0, new TextDecoder().decode(output.stderr));
    const args = stdout.split("\n").slice(0, -1);
    assert.deepEqual(args.slice(0, 4), [
      "--quiet",
      "--collect",
      "--wait",
      "--pipe",
    ]);
    assert.deepEqual(args.slice(-3), [BINARY, "send", "first reminder"]);
    const given = args.filter((a) => a.startsWith("--property="))
      .map((a) => a.slice("--property=".length));
    // Every [Service] setting but how the bot itself runs, restarts and stops.
    const runOnly = new Set([
      "Type",
      "ExecStart",
      "Restart",
      "RestartSec",
      "RestartPreventExitStatus",
      "KillSignal",
      "TimeoutStopSec",
    ]);
    const unit = await readUnit(SERVICE);
    const expected = [...unit.get("Service")!]
      .filter(([key]) => !runOnly.has(key))
      .flatMap(([key, all]) => all.map((v) => `${key}=${v}`));
    assert.deepEqual(given, expected);
    for (
      const needed of [
        "User=meeting-bot",
        "EnvironmentFile=/etc/meeting-bot/env",
        "Environment=CONFIG=/etc/meeting-bot/config.yaml",
        "WorkingDirectory=/var/lib/meeting-bot",
      ]
    ) {
      assert.ok(given.includes(needed), needed);
    }
    if (SYSTEMD_ANALYZE !== undefined) {
      // The same sandbox: a unit of what systemd-run was given scores as the service.
      const transient = join(bin, "run-meeting-botctl.service");
      await Deno.writeTextFile(
        transient,
        `[Service]\nExecStart=${BINARY} send invitation\n${given.join("\n")}\n`,
      );
      assert.equal(await exposure(transient), await exposure(SERVICE));
    }
  } finally {
    await Deno.remove(bin, { recursive: true });
  }
});

Deno.test(`${SERVICE} restarts a full disk at start until space is freed: its waits keep under the start limit`, async () => {
  const unit = await readUnit(SERVICE);
  const seconds = (text: string) =>
    Number(text.replace(/min$/, "")) * (text.endsWith("min") ? 60 : 1) ||
    Number(text.replace(/s$/, ""));
  const restartSec = seconds(value(unit, "Service", "RestartSec"));
  const interval = seconds(value(unit, "Unit", "StartLimitIntervalSec"));
  const burst = Number(value(unit, "Unit", "StartLimitBurst"));
  const config = parseConfig(
    await Deno.readTextFile(join(DEPLOY, "config.yaml")),
    { path: "/etc/meeting-bot/config.yaml" },
  );
  // run waits polling.retry_max_seconds on a full disk before it exits 1.
  const cycle = restartSec + config.polling.retry_max_seconds;
  assert.ok(
    cycle * (burst - 1) > interval,
    `${burst} starts every ${cycle} s fit in ${interval} s: systemd would give up`,
  );
});

Deno.test(`${SERVICE} and ${BACKUP_SERVICE} report a failure through ${FAILURE}, which logs it at priority err`, async () => {
  for (const name of [SERVICE, BACKUP_SERVICE]) {
    const unit = await readUnit(name);
    assert.equal(
      value(unit, "Unit", "OnFailure"),
      "meeting-bot-failure@%n.service",
      name,
    );
  }
  const failure = await readUnit(FAILURE);
  assert.equal(value(failure, "Service", "Type"), "oneshot");
  assert.match(
    value(failure, "Service", "ExecStart"),
    /^\/usr\/bin\/echo "%i failed/,
  );
  assert.equal(value(failure, "Service", "SyslogLevel"), "err");
  assert.equal(value(failure, "Service", "SyslogIdentifier"), "meeting-bot");
  const readme = await Deno.readTextFile(join(DEPLOY, "README.md"));
  assert.ok(readme.includes("journalctl -p err -t meeting-bot"), "documented");
  if (SYSTEMD_ANALYZE !== undefined) {
    const level = await exposure(FAILURE);
    assert.ok(level <= MAX_EXPOSURE, `${FAILURE}: exposure ${level}`);
  }
});

Deno.test(`${SERVICE} restarts on failure but not on an operator error (exit 2)`, async () => {
  const unit = await readUnit(SERVICE);
  assert.equal(value(unit, "Service", "ExecStart"), `${BINARY} run`);
  assert.equal(value(unit, "Service", "Restart"), "on-failure");
  assert.equal(value(unit, "Service", "RestartPreventExitStatus"), "2");
  assert.match(value(unit, "Service", "RestartSec"), /^\d+s?$/);
  assert.match(value(unit, "Unit", "StartLimitIntervalSec"), /^\d+(s|min)?$/);
  assert.match(value(unit, "Unit", "StartLimitBurst"), /^\d+$/);
  assert.equal(
    value(unit, "Service", "EnvironmentFile"),
    "/etc/meeting-bot/env",
  );
  assert.equal(value(unit, "Install", "WantedBy"), "multi-user.target");
});

Deno.test("the services run as a non-root user with private files, the config read-only and V8's JIT allowed", async () => {
  for (const name of [SERVICE, BACKUP_SERVICE]) {
    const unit = await readUnit(name);
    const user = value(unit, "Service", "User");
    assert.ok(!["root", "0"].includes(user), `${name}: User=${user}`);
    assert.equal(value(unit, "Service", "UMask"), "0077", name);
    assert.equal(
      value(unit, "Service", "Environment"),
      "CONFIG=/etc/meeting-bot/config.yaml",
      name,
    );
    // The whole file system read-only but the state directory: /etc/meeting-bot too.
    assert.equal(value(unit, "Service", "ProtectSystem"), "strict", name);
    assert.deepEqual(values(unit, "Service", "ReadWritePaths"), [], name);
    assert.equal(
      value(unit, "Service", "StateDirectory"),
      "meeting-bot meeting-bot/backups",
      name,
    );
    assert.equal(value(unit, "Service", "CapabilityBoundingSet"), "", name);
    assert.equal(value(unit, "Service", "NoNewPrivileges"), "yes", name);
    assert.ok(
      !values(unit, "Service", "MemoryDenyWriteExecute").includes("yes"),
      `${name}: V8 needs writable and executable memory`,
    );
  }
});

Deno.test(`${BACKUP_SERVICE} has the hardening of ${SERVICE}, without the network`, async () => {
  const main = await readUnit(SERVICE);
  const backup = await readUnit(BACKUP_SERVICE);
  // What may differ: what runs and how, the token, and the network (none for a backup).
  const own = new Set([
    "Type",
    "ExecStart",
    "EnvironmentFile",
    "Restart",
    "RestartSec",
    "RestartPreventExitStatus",
    "KillSignal",
    "TimeoutStopSec",
    "RestrictAddressFamilies",
  ]);
  for (const [key, mainValues] of main.get("Service")!) {
    if (own.has(key)) continue;
    assert.deepEqual(values(backup, "Service", key), mainValues, key);
  }
  assert.equal(
    value(main, "Service", "RestrictAddressFamilies"),
    "AF_INET AF_INET6 AF_UNIX",
  );
  assert.equal(value(backup, "Service", "RestrictAddressFamilies"), "AF_UNIX");
  assert.equal(value(backup, "Service", "PrivateNetwork"), "yes");
  assert.deepEqual(values(backup, "Service", "EnvironmentFile"), []);
});

Deno.test(`${BACKUP_TIMER} starts ${BACKUP_SERVICE} daily, which keeps 14 copies`, async () => {
  const timer = await readUnit(BACKUP_TIMER);
  assert.equal(value(timer, "Timer", "Unit"), BACKUP_SERVICE);
  assert.match(value(timer, "Timer", "OnCalendar"), /^(daily|\*-\*-\* \S+)$/);
  assert.equal(value(timer, "Timer", "Persistent"), "true");
  assert.equal(value(timer, "Install", "WantedBy"), "timers.target");
  const backup = await readUnit(BACKUP_SERVICE);
  assert.equal(value(backup, "Service", "Type"), "oneshot");
  assert.equal(
    value(backup, "Service", "ExecStart"),
    `${BINARY} backup --keep 14 ${STATE}/backups`,
  );
});

/** A Dockerfile as its instructions, continuation lines joined, comments dropped. */
function dockerInstructions(text: string): { op: string; args: string }[] {
  const instructions: { op: string; args: string }[] = [];
  let pending = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("#") || (line === "" && pending === "")) continue;
    if (line.endsWith("\\")) {
      pending += line.slice(0, -1) + " ";
      continue;
    }
    const whole = (pending + line).trim();
    pending = "";
    if (whole === "") continue;
    const [op = "", ...rest] = whole.split(/\s+/);
    instructions.push({ op: op.toUpperCase(), args: rest.join(" ") });
  }
  return instructions;
}

Deno.test("Dockerfile installs the locked dependencies in their own layer, then compiles with deno.json's flags", async () => {
  const text = await Deno.readTextFile(join(ROOT, "Dockerfile"));
  assert.doesNotMatch(text, /--allow-/, "the permissions come from deno.json");
  const steps = dockerInstructions(text);
  const at = (test: (step: { op: string; args: string }) => boolean) => {
    const index = steps.findIndex(test);
    assert.ok(index >= 0);
    return index;
  };
  const copyLock = at((s) =>
    s.op === "COPY" && s.args === "deno.json deno.lock ./"
  );
  const install = at((s) =>
    s.op === "RUN" && s.args.startsWith("deno install --frozen")
  );
  const copySources = at((s) =>
    s.op === "COPY" && /\b(src|main\.ts)\b/.test(s.args)
  );
  const compile = at((s) => s.op === "RUN" && s.args === "deno task compile");
  assert.ok(
    copyLock < install && install < copySources && copySources < compile,
  );
});

Deno.test("Dockerfile pins its base images by digest, the tag beside it; Deno's is the one CI uses", async () => {
  const steps = dockerInstructions(
    await Deno.readTextFile(join(ROOT, "Dockerfile")),
  );
  const froms = steps.filter((s) => s.op === "FROM").map((s) => s.args);
  const ci = await Deno.readTextFile(join(ROOT, ".ci/run"));
  const deno = ci.match(/^DENO_VERSION=(\S+)$/m)![1]!;
  assert.equal(froms.length, 2);
  assert.match(
    froms[0]!,
    new RegExp(
      `^denoland/deno:${
        deno.replaceAll(".", "\\.")
      }@sha256:[0-9a-f]{64} AS build$`,
    ),
  );
  assert.match(froms[1]!, /^debian:bookworm-\S*slim@sha256:[0-9a-f]{64}$/);
  assert.doesNotMatch(froms.join("\n"), /PLACEHOLDER|0{64}/i);
});

Deno.test("Dockerfile runs the program as a fixed non-root uid, with a health check and no secret", async () => {
  const steps = dockerInstructions(
    await Deno.readTextFile(join(ROOT, "Dockerfile")),
  );
  const last = (op: string) => steps.findLast((s) => s.op === op)?.args;
  const user = last("USER");
  assert.match(user ?? "", /^\d+(:\d+)?$/, "a numeric USER");
  assert.notEqual(Number(user!.split(":")[0]), 0);
  assert.match(
    last("HEALTHCHECK") ?? "",
    /CMD \["\/usr\/local\/bin\/meeting-bot", "health"\]$/,
  );
  assert.equal(last("ENTRYPOINT"), `["${BINARY}"]`);
  assert.equal(last("CMD"), `["run"]`);
  assert.equal(last("STOPSIGNAL"), "SIGTERM");
  assert.equal(last("EXPOSE"), "9090");
  assert.ok(
    steps.some((s) =>
      s.op === "COPY" &&
      s.args === "deploy/config.yaml /etc/meeting-bot/config.yaml"
    ),
  );
  for (const step of steps.filter((s) => ["ENV", "ARG"].includes(s.op))) {
    assert.doesNotMatch(step.args, /TOKEN/i, `${step.op} ${step.args}`);
  }
});

Deno.test(".dockerignore keeps secrets, databases and build output out of the build", async () => {
  const patterns = (await Deno.readTextFile(join(ROOT, ".dockerignore")))
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => line.replace(/^(\*\*\/|\/)/, "").replace(/\/$/, ""));
  for (
    const needed of [
      "data",
      ".env",
      "*.sqlite3",
      "dist",
      "node_modules",
      ".git",
    ]
  ) {
    assert.ok(patterns.includes(needed), `${needed} in ${patterns.join(" ")}`);
  }
  // What the Dockerfile copies must stay in the build context.
  for (
    const copied of [
      "deno.json",
      "deno.lock",
      "main.ts",
      "src",
      "deploy",
      "deploy/config.yaml",
      "*",
    ]
  ) {
    assert.ok(!patterns.includes(copied), `${copied} is ignored`);
  }
});

/** The parts of compose.yaml that the test reads. */
interface ComposeFile {
  services: Record<string, {
    restart: string;
    read_only: boolean;
    cap_drop: string[];
    security_opt: string[];
    init: boolean;
    stop_grace_period: string;
    logging: { driver: string; options: Record<string, string> };
    environment: Record<string, string>;
    volumes: string[];
    tmpfs: string[];
    ports: string[];
  }>;
  volumes: Record<string, unknown>;
}

Deno.test("compose.yaml runs the image read-only, without capabilities, with rotated logs and the config mounted read-only", async () => {
  const compose = parse(
    await Deno.readTextFile(join(ROOT, "compose.yaml")),
  ) as ComposeFile;
  const bot = compose.services.bot!;
  assert.equal(bot.read_only, true);
  assert.deepEqual(bot.cap_drop, ["ALL"]);
  assert.ok(bot.security_opt.includes("no-new-privileges:true"));
  assert.equal(bot.init, true);
  assert.match(String(bot.stop_grace_period), /^\d+s$/);
  assert.equal(bot.logging.driver, "json-file");
  assert.match(String(bot.logging.options["max-size"]), /^\d+[kmg]$/);
  assert.match(String(bot.logging.options["max-file"]), /^\d+$/);
  assert.match(
    bot.environment.BOT_TOKEN ?? "",
    /^\$\{BOT_TOKEN:\?.+\}$/,
    "required",
  );
  assert.ok(
    bot.volumes.includes(
      "./deploy/config.yaml:/etc/meeting-bot/config.yaml:ro",
    ),
  );
  assert.ok(bot.volumes.includes(`bot-data:${STATE}`));
  assert.ok("bot-data" in compose.volumes);
  assert.ok(bot.tmpfs.some((mount: string) => mount.startsWith("/tmp:")));
  assert.deepEqual(
    bot.ports,
    ["127.0.0.1:9090:9090"],
    "only on the host's loopback",
  );
});

Deno.test("compose.yaml restarts a failure a few times, never forever, as the README says", async () => {
  const compose = parse(
    await Deno.readTextFile(join(ROOT, "compose.yaml")),
  ) as ComposeFile;
  const restart = compose.services.bot!.restart;
  assert.match(restart, /^on-failure:\d+$/, "not always / unless-stopped");
  for (const readme of ["README.md", "deploy/README.md"]) {
    const text = await Deno.readTextFile(join(ROOT, readme));
    assert.ok(
      text.includes(`restart: ${restart}`),
      `${readme} says ${restart}`,
    );
  }
});

Deno.test("compose runs any command as the service: docker compose run --rm bot COMMAND, with the service's user, token, config and data", async () => {
  const compose = parse(
    await Deno.readTextFile(join(ROOT, "compose.yaml")),
  ) as ComposeFile & {
    services: Record<string, { user?: string; entrypoint?: unknown }>;
  };
  const bot = compose.services.bot!;
  // `run` takes the service's own settings: no user or entrypoint of its own.
  assert.equal(bot.user, undefined, "the image's user 10001");
  assert.equal(bot.entrypoint, undefined, "the image's meeting-bot");
  assert.ok("BOT_TOKEN" in bot.environment);
  assert.ok(
    bot.volumes.some((v) => v.endsWith(":/etc/meeting-bot/config.yaml:ro")),
  );
  assert.ok(bot.volumes.includes(`bot-data:${STATE}`));
  const readme = await Deno.readTextFile(join(DEPLOY, "README.md"));
  assert.ok(readme.includes("docker compose run --rm bot check"));
});

Deno.test("deploy/config.yaml is the shipped config.yaml but for database and http", async () => {
  const shippedText = await Deno.readTextFile(join(ROOT, "config.yaml"));
  const deployText = await Deno.readTextFile(join(DEPLOY, "config.yaml"));
  const config = parseConfig(deployText, {
    path: "/etc/meeting-bot/config.yaml",
  });
  assert.equal(config.database, `${STATE}/bot.sqlite3`);
  assert.deepEqual(config.http, { port: 9090, hostname: "0.0.0.0" });
  const shipped = parse(shippedText);
  const deploy = parse(deployText);
  for (const key of ["database", "http"]) {
    delete shipped[key];
    delete deploy[key];
  }
  assert.deepEqual(
    deploy,
    shipped,
    "copy the change in config.yaml to deploy/config.yaml",
  );
});

Deno.test("the compile task lets the program use the deploy layout", async () => {
  const task: string = JSON.parse(
    await Deno.readTextFile(join(ROOT, "deno.json")),
  ).tasks.compile;
  const list = (flag: string) =>
    task.match(new RegExp(`--${flag}=(\\S+)`))?.[1]?.split(",") ?? [];
  for (const path of ["/etc/meeting-bot", STATE]) {
    assert.ok(list("allow-read").includes(path), `--allow-read ${path}`);
  }
  assert.ok(list("allow-write").includes(STATE), `--allow-write ${STATE}`);
  assert.ok(list("allow-net").includes("0.0.0.0"), "--allow-net 0.0.0.0");
  for (const name of ["BOT_TOKEN", "CONFIG", "LOG_LEVEL", "LOG_FORMAT"]) {
    assert.ok(list("allow-env").includes(name), `--allow-env ${name}`);
  }
});
