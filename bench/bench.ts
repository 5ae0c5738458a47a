/**
 * `deno task bench`: a paced broadcast and a stream of updates through the real bot,
 * both against the fake Bot API on 127.0.0.1. Prints readable lines, PASS/FAIL per
 * target and a final JSON line. It measures; it exits 0 even when a target is missed.
 *
 * Flags: `--limit N` (messages per second, default 250), `--users N` (broadcast
 * recipients, default 5000), `--update-users N` (default 2000), `--updates N` (default
 * 10000), `--rate N` (updates injected per second, default 2000; 0 injects all at once),
 * `--only broadcast|updates`, `--fake-in-process` (run the fake on the bot's thread
 * instead of a worker), `--skip-burst` (skip the all-at-once capacity run).
 */
import "../src/preload.ts";
import { parseArgs } from "node:util";
import { benchBroadcast, type BroadcastFigures } from "./broadcast_bench.ts";
import type { FakeHost } from "./fake_side.ts";
import { benchUpdates, type UpdatesFigures } from "./updates_bench.ts";

/** A target and whether the run met it. */
export interface Verdict {
  target: string;
  pass: boolean;
}

/** The command-line options of the bench. */
export interface BenchOptions {
  limit: number;
  users: number;
  updateUsers: number;
  updates: number;
  rate: number;
  fakeHost: FakeHost;
  /** Also inject every update at once, to measure capacity (not a target). */
  burst: boolean;
  only?: "broadcast" | "updates";
}

/** Parses the flags; throws on an unknown flag or a value that is not a number. */
export function parseBenchArgs(args: string[]): BenchOptions {
  const { values } = parseArgs({
    args,
    options: {
      limit: { type: "string", default: "250" },
      users: { type: "string", default: "5000" },
      "update-users": { type: "string", default: "2000" },
      updates: { type: "string", default: "10000" },
      rate: { type: "string", default: "2000" },
      only: { type: "string" },
      "fake-in-process": { type: "boolean", default: false },
      "skip-burst": { type: "boolean", default: false },
    },
  });
  const only = values.only;
  if (only !== undefined && only !== "broadcast" && only !== "updates") {
    throw new RangeError(
      `Unknown --only "${only}", expected broadcast or updates`,
    );
  }
  return {
    limit: positive("--limit", values.limit),
    users: positive("--users", values.users),
    updateUsers: positive("--update-users", values["update-users"]),
    updates: positive("--updates", values.updates),
    rate: positive("--rate", values.rate, { zero: true }),
    fakeHost: values["fake-in-process"] ? "in-process" : "worker",
    burst: !values["skip-burst"],
    only,
  };
}

function positive(
  flag: string,
  value: string,
  { zero = false } = {},
): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (n === 0 && !zero)) {
    throw new RangeError(`Bad ${flag} "${value}", expected a positive number`);
  }
  return n;
}

/** The broadcast targets: ratio ≥ 0.95, no loss, no duplicate. */
export function broadcastVerdicts(figures: BroadcastFigures): Verdict[] {
  return [
    { target: "broadcast ratio >= 0.95", pass: figures.ratio >= 0.95 },
    { target: "broadcast losses = 0", pass: figures.losses === 0 },
    { target: "broadcast duplicates = 0", pass: figures.duplicates === 0 },
  ];
}

/** The updates targets: at least 1,000 updates/s and p99 under 100 ms, all answered. */
export function updatesVerdicts(figures: UpdatesFigures): Verdict[] {
  return [
    {
      target: "updates >= 1000/s",
      pass: figures.updatesPerSecond >= 1000,
    },
    { target: "updates p99 < 100 ms", pass: figures.p99Ms < 100 },
    {
      target: "updates all answered",
      pass: figures.answered === figures.updates,
    },
  ];
}

function machine() {
  return {
    deno: Deno.version.deno,
    v8: Deno.version.v8,
    os: `${Deno.build.os}-${Deno.build.arch}`,
    cores: navigator.hardwareConcurrency,
  };
}

function print(line = ""): void {
  // deno-lint-ignore no-console
  console.log(line);
}

function printBroadcast(f: BroadcastFigures): void {
  print(
    `Broadcast: ${f.users} users, limit ${f.limit}/s (fake and pacer), fake in ${f.fakeHost}`,
  );
  print(
    `  delivered ${f.delivered} at ${f.messagesPerSecond}/s = ${f.ratio} of the limit` +
      ` (job ${f.jobSeconds} s)`,
  );
  print(
    `  429s ${f.tooManyRequests}, duplicates ${f.duplicates}, losses ${f.losses}, ` +
      `peak RSS ${f.peakRssMiB} MiB`,
  );
  print(
    `  with --limit 25 (the shipped config.yaml rate) the same ${f.users} users ` +
      `take at least ${Math.round(f.users / 25)} s`,
  );
}

function printUpdates(label: string, f: UpdatesFigures): void {
  print(
    `${label}: ${f.updates} from ${f.users} users, injected ${f.injection}, fake in ${f.fakeHost}`,
  );
  print(
    `  answered ${f.answered}, ${f.updatesPerSecond} updates/s, latency p50 ${f.p50Ms} ms` +
      ` p99 ${f.p99Ms} ms max ${f.maxMs} ms, peak RSS ${f.peakRssMiB} MiB`,
  );
  const steps = Object.entries(f.byStep).map(([step, l]) =>
    `${step} ${l.p50Ms}/${l.p99Ms}`
  );
  print(`  p50/p99 ms by update: ${steps.join(", ")}`);
}

async function main(): Promise<void> {
  const options = parseBenchArgs(Deno.args);
  const info = machine();
  print(
    `Bench on ${info.os}, ${info.cores} cores, Deno ${info.deno} (V8 ${info.v8})`,
  );
  const verdicts: Verdict[] = [];
  const results: Record<string, unknown> = { machine: info };
  if (options.only !== "updates") {
    const broadcast = await benchBroadcast({
      users: options.users,
      limit: options.limit,
      fakeHost: options.fakeHost,
    });
    printBroadcast(broadcast);
    verdicts.push(...broadcastVerdicts(broadcast));
    results.broadcast = broadcast;
  }
  if (options.only !== "broadcast") {
    const run = (rate: number) =>
      benchUpdates({
        users: options.updateUsers,
        updates: options.updates,
        rate,
        fakeHost: options.fakeHost,
      });
    const updates = await run(options.rate);
    printUpdates("Updates", updates);
    verdicts.push(...updatesVerdicts(updates));
    results.updates = updates;
    if (options.burst && options.rate > 0) {
      const burst = await run(0);
      printUpdates("Capacity (no target)", burst);
      results.burst = burst;
    }
  }
  for (const v of verdicts) print(`${v.pass ? "PASS" : "FAIL"} ${v.target}`);
  print(JSON.stringify({ ...results, verdicts }));
}

if (import.meta.main) await main();
