/**
 * `deno task bench`: our bot and a peer bot (Telegraf, Node) as whole processes against
 * the same fake Bot API (in a worker), in interleaved rounds of the same burst; then
 * memory figures of our bot (a broadcast to many subscribers, idle) and of the peer.
 * Prints readable lines, ratios, PASS/FAIL per target and a final JSON line. It measures;
 * it exits 0 even when a target is missed (1 only when a part could not run at all).
 *
 * Flags: `--only peer|updates|broadcast` (peer: the side-by-side rounds and the peer's
 * idle memory; updates: the rounds for our bot alone; broadcast: the broadcast and idle
 * memory of our bot), `--users N` (2500), `--rounds N` (5), `--broadcast-seconds N` (60),
 * `--broadcast-users N` (100000), `--broadcast-rate N` (30), `--idle-seconds N` (10),
 * `--timeout N` (seconds to wait for a burst's answers, 120), `--peer-source DIR`,
 * `--peer-cache DIR` (where the peer is copied and `npm ci` run once), `--product DIR`
 * (the folder of the main.ts, deno.json and config.yaml to bench; default this
 * repository, e.g. a `git archive` export of a commit instead of a working tree in flux).
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { preparePeer, REPO } from "./bots.ts";
import { benchBroadcast, idleBareDeno, idleBot } from "./memory.ts";
import { report, type Verdict, verdicts } from "./report.ts";
import { clockTicks } from "./proc.ts";
import { runRounds, type Side } from "./rounds.ts";

/** The command-line options of the bench. */
export interface BenchOptions {
  only?: "peer" | "updates" | "broadcast";
  users: number;
  rounds: number;
  broadcastSeconds: number;
  broadcastUsers: number;
  broadcastRate: number;
  idleSeconds: number;
  timeoutSeconds: number;
  peerSource: string;
  peerCache: string;
  product: string;
}

const ONLY = ["peer", "updates", "broadcast"] as const;

/** Parses the flags; throws on an unknown flag or a value that is not a positive number. */
export function parseBenchArgs(args: string[]): BenchOptions {
  const { values } = parseArgs({
    args,
    options: {
      only: { type: "string" },
      users: { type: "string", default: "2500" },
      rounds: { type: "string", default: "5" },
      "broadcast-seconds": { type: "string", default: "60" },
      "broadcast-users": { type: "string", default: "100000" },
      "broadcast-rate": { type: "string", default: "30" },
      "idle-seconds": { type: "string", default: "10" },
      timeout: { type: "string", default: "120" },
      "peer-source": {
        type: "string",
        default: join(REPO, "..", "shared", "peers", "telegraf"),
      },
      "peer-cache": { type: "string", default: defaultPeerCache() },
      product: { type: "string", default: REPO },
    },
  });
  const only = values.only;
  if (only !== undefined && !(ONLY as readonly string[]).includes(only)) {
    throw new RangeError(
      `Unknown --only "${only}", expected ${ONLY.join(", ")}`,
    );
  }
  return {
    only: only as BenchOptions["only"],
    users: positive("--users", values.users),
    rounds: positive("--rounds", values.rounds),
    broadcastSeconds: positive(
      "--broadcast-seconds",
      values["broadcast-seconds"],
    ),
    broadcastUsers: positive("--broadcast-users", values["broadcast-users"]),
    broadcastRate: positive("--broadcast-rate", values["broadcast-rate"]),
    idleSeconds: positive("--idle-seconds", values["idle-seconds"]),
    timeoutSeconds: positive("--timeout", values.timeout),
    peerSource: values["peer-source"],
    peerCache: values["peer-cache"],
    product: values.product,
  };
}

function positive(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    throw new RangeError(`Bad ${flag} "${value}", expected a positive number`);
  }
  return n;
}

/** `$XDG_CACHE_HOME/meeting-bot-bench/peer-telegraf`, or under `~/.cache`: outside the repo. */
function defaultPeerCache(): string {
  const base = Deno.env.get("XDG_CACHE_HOME") ??
    join(Deno.env.get("HOME") ?? Deno.cwd(), ".cache");
  return join(base, "meeting-bot-bench", "peer-telegraf");
}

async function machine() {
  const node = await new Deno.Command("node", { args: ["--version"] }).output()
    .then((out) => new TextDecoder().decode(out.stdout).trim(), () => "none");
  return {
    deno: Deno.version.deno,
    node,
    os: `${Deno.build.os}-${Deno.build.arch}`,
    cores: navigator.hardwareConcurrency,
    loadavg: Deno.loadavg(),
  };
}

async function main(): Promise<void> {
  const options = parseBenchArgs(Deno.args);
  const info = await machine();
  const print = report.print;
  print(
    `Bench on ${info.os}, ${info.cores} cores, Deno ${info.deno}, Node ${info.node}, ` +
      `load ${info.loadavg.map((l) => l.toFixed(2)).join(" ")}`,
  );
  const results: Record<string, unknown> = { machine: info, options };
  const all: Verdict[] = [];
  const errors: Record<string, string> = {};
  /** Runs one part; a failure is printed and recorded, and the other parts still run. */
  const part = async (name: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (error) {
      errors[name] = error instanceof Error ? error.message : String(error);
      print(`\nERROR in ${name}: ${errors[name]}`);
    }
  };
  const withPeer = options.only === undefined || options.only === "peer";
  const withOurMemory = options.only === undefined ||
    options.only === "broadcast";
  let peerDir: string | undefined;
  if (withPeer) {
    await part("peer install", async () => {
      peerDir = await preparePeer(options.peerSource, options.peerCache);
    });
  }
  const sides: Side[] = peerDir !== undefined ? ["ours", "peer"] : ["ours"];

  if (options.only !== "broadcast") {
    await part("updates", async () => {
      print(
        `\nUpdates: ${options.users} x /start, then a press of the first button of each ` +
          `reply; ${options.rounds} round(s) of ${
            sides.join(" vs ")
          }, order alternating`,
      );
      const rounds = await runRounds({
        product: options.product,
        users: options.users,
        rounds: options.rounds,
        sides,
        peerDir,
        ticksPerSecond: await clockTicks(),
        timeoutMs: options.timeoutSeconds * 1000,
        onResult: report.round,
      });
      report.rounds(rounds);
      all.push(...verdicts.rounds(rounds));
      results.updates = rounds;
    });
  }

  const idle: Record<string, unknown> = {};
  const { product, idleSeconds: seconds } = options;
  if (peerDir !== undefined) {
    await part("idle peer", async () => {
      idle.peer = await idleBot("peer", { product, seconds, peerDir });
    });
  }
  if (withOurMemory) {
    await part("idle ours", async () => {
      idle.ours = await idleBot("ours", { product, seconds });
    });
    await part("idle bare Deno", async () => {
      idle.bareDeno = await idleBareDeno(seconds);
    });
  }
  if (Object.keys(idle).length > 0) {
    report.idle(idle);
    results.idle = idle;
  }

  if (withOurMemory) {
    await part("broadcast", async () => {
      const broadcast = await benchBroadcast({
        product,
        users: options.broadcastUsers,
        perSecond: options.broadcastRate,
        seconds: options.broadcastSeconds,
      });
      report.broadcast(broadcast);
      all.push(...verdicts.broadcast(broadcast));
      results.broadcast = broadcast;
    });
  }

  print();
  for (const v of all) {
    print(`${v.pass ? "PASS" : "FAIL"} ${v.target}: ${v.actual}`);
  }
  for (const name of Object.keys(errors)) print(`ERROR ${name} (no figures)`);
  results.loadavgAfter = Deno.loadavg();
  print(JSON.stringify({ ...results, verdicts: all, errors }));
  // Missed targets exit 0; a part that could not run at all does not.
  if (Object.keys(errors).length > 0) Deno.exitCode = 1;
}

if (import.meta.main) await main();
