/** The bench's readable lines and its targets (PASS/FAIL); the figures come from elsewhere. */
import type { BroadcastFigures } from "./memory.ts";
import type { RoundsResult, SideFigures, SideSummary } from "./rounds.ts";
import { round, type Spread } from "./stats.ts";

/** A target, whether the run met it, and the figure it was judged on. */
export interface Verdict {
  target: string;
  pass: boolean;
  actual: string;
}

/** Bytes in the "MB" of a target: 10^6. */
const MB = 1_000_000;
const MIB = 1024 * 1024;

function print(line = ""): void {
  // deno-lint-ignore no-console
  console.log(line);
}

const fmt = (s: Spread) =>
  Number.isNaN(s.median) ? "n/a" : `${s.median} [${s.min}–${s.max}]`;

function printRound(f: SideFigures): void {
  print(
    `  round ${f.round} ${
      f.side.padEnd(4)
    }: ${f.answered}/${f.updates} answered in ` +
      `${f.seconds} s = ${f.updatesPerSecond} updates/s; latency p50 ${f.all.p50Ms} ` +
      `p99 ${f.all.p99Ms} max ${f.all.maxMs} ms (/start p99 ${f.start.p99Ms}, ` +
      `press p99 ${f.press.p99Ms}, press to answer and edit p99 ${f.pressWithEdit.p99Ms}); CPU ${f.cpuMicrosPerUpdate} µs/update (main thread ${f.mainCpuMicrosPerUpdate}); ` +
      `peak RSS ${f.peakRssMiB} MiB; start-up ${f.startupSeconds} s; ` +
      `bench process CPU ${f.benchCpuMicrosPerUpdate} µs/update`,
  );
  const notes = [
    `pressed ${f.pressData.map((d) => JSON.stringify(d)).join(", ")}`,
  ];
  if (f.edits !== f.presses) {
    notes.push(`edits ${f.edits} of ${f.presses} presses`);
  }
  if (f.noKeyboard > 0) notes.push(`${f.noKeyboard} replies without keyboard`);
  if (f.extraSends > 0) notes.push(`${f.extraSends} extra messages`);
  if (f.timedOut) notes.push("TIMED OUT waiting for answers");
  const unknown = Object.entries(f.unknown);
  if (unknown.length > 0) {
    notes.push(
      `unknown methods ${unknown.map(([m, n]) => `${m}×${n}`).join(", ")}`,
    );
  }
  print(`           ${notes.join("; ")}`);
}

function printRounds(result: RoundsResult): void {
  const columns = [
    "updates/s",
    "p50 ms",
    "p99 ms",
    "CPU µs/update",
    "peak RSS MiB",
  ];
  const row = (label: string, cells: string[]) =>
    print(`  ${label.padEnd(10)}${cells.map((c) => c.padEnd(25)).join("")}`);
  print("Median [min–max] over the rounds:");
  row("", columns);
  for (
    const [side, s] of Object.entries(result.summary) as [string, SideSummary][]
  ) {
    row(side, [
      fmt(s.updatesPerSecond),
      fmt(s.p50Ms),
      fmt(s.p99Ms),
      fmt(s.cpuMicrosPerUpdate),
      fmt(s.peakRssMiB),
    ]);
  }
  const r = result.ratios;
  if (r === undefined) return;
  row("ours/peer", [
    `${r.updatesPerSecond.ofMedians} [${r.updatesPerSecond.perRound.min}–${r.updatesPerSecond.perRound.max}]`,
    "",
    `${r.p99.ofMedians} [${r.p99.perRound.min}–${r.p99.perRound.max}]`,
    `${r.cpuPerUpdate.ofMedians} [${r.cpuPerUpdate.perRound.min}–${r.cpuPerUpdate.perRound.max}]`,
    `${r.peakRss.ofMedians} [${r.peakRss.perRound.min}–${r.peakRss.perRound.max}]`,
  ]);
  print(
    "  (ours/peer: ratio of the medians [min–max of the per-round ratios])",
  );
}

function printIdle(idle: Record<string, unknown>): void {
  const names: Record<string, string> = {
    ours: "our bot, `main.ts run`, fresh database",
    peer: "peer, `node main.mjs run`, fresh database",
    bareDeno: "bare Deno runtime (`deno run` of a script that only waits)",
  };
  print("\nIdle resident memory:");
  for (const [key, value] of Object.entries(idle)) {
    const f = value as { rssMiB: number; hwmMiB: number; seconds: number };
    print(
      `  ${
        names[key] ?? key
      }: ${f.rssMiB} MiB after ${f.seconds} s (peak so far ${f.hwmMiB} MiB)`,
    );
  }
}

function printBroadcast(f: BroadcastFigures): void {
  print(
    `\nBroadcast: \`main.ts send invitation\` to ${f.users} seeded subscribers, ` +
      `bot and fake at ${f.perSecond}/s, ${
        f.finished ? "finished" : "stopped with SIGTERM"
      } ` +
      `after ${f.seconds} s`,
  );
  print(
    `  sent ${f.sends} at ${f.sendsPerSecond}/s = ${f.ratio} of the limit; 429s ${f.tooManyRequests}, ` +
      `duplicates ${f.duplicates}, losses ${
        f.losses ?? "n/a (stopped before the end)"
      }`,
  );
  print(
    `  peak RSS ${f.peakRssMiB} MiB sampled every 100 ms, VmHWM ${f.hwmMiB} MiB ` +
      `(= ${round(f.hwmMiB * MIB / MB, 1)} MB)`,
  );
}

/** The readable output. */
export const report = {
  print,
  round: printRound,
  rounds: printRounds,
  idle: printIdle,
  broadcast: printBroadcast,
};

function roundsVerdicts(result: RoundsResult): Verdict[] {
  const out: Verdict[] = [];
  const { ours, peer } = result.summary;
  const r = result.ratios;
  if (ours && peer && r) {
    out.push({
      target: "updates/s ≥ 1.5× peer",
      pass: r.updatesPerSecond.ofMedians >= 1.5,
      actual:
        `${r.updatesPerSecond.ofMedians}× (medians ${ours.updatesPerSecond.median} ` +
        `vs ${peer.updatesPerSecond.median}/s)`,
    });
    out.push({
      target: "p99 lower than peer",
      pass: ours.p99Ms.median < peer.p99Ms.median,
      actual: `${ours.p99Ms.median} ms vs ${peer.p99Ms.median} ms (medians)`,
    });
  }
  const failed = result.rounds.filter((f) =>
    f.timedOut || f.answered !== f.updates
  );
  out.push({
    target: "every update answered in every round",
    pass: failed.length === 0,
    actual: failed.length === 0
      ? `${result.rounds.length} runs`
      : failed.map((f) =>
        `round ${f.round} ${f.side} ${f.answered}/${f.updates}`
      ).join(", "),
  });
  return out;
}

function broadcastVerdicts(f: BroadcastFigures): Verdict[] {
  const peakBytes = Math.max(f.peakRssMiB, f.hwmMiB) * MIB;
  return [
    {
      target: "broadcast peak RSS ≤ 80 MB (80,000,000 bytes)",
      pass: peakBytes <= 80 * MB,
      actual: `${round(peakBytes / MB, 1)} MB = ${
        round(peakBytes / MIB, 1)
      } MiB`,
    },
    {
      target: `broadcast sends/s ≥ 0.95 × ${f.perSecond}`,
      pass: f.ratio >= 0.95,
      actual: `${f.sendsPerSecond}/s = ${f.ratio}`,
    },
    {
      target: "broadcast duplicates = 0",
      pass: f.duplicates === 0,
      actual: String(f.duplicates),
    },
  ];
}

/** The targets, judged on the figures. */
export const verdicts = {
  rounds: roundsVerdicts,
  broadcast: broadcastVerdicts,
};
