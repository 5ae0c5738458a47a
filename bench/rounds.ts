/**
 * Our bot and the peer, side by side: in each round each gets a fresh process, a fresh
 * database and a fresh fake, waits until it long-polls, then takes the same burst
 * (`workload.ts`). Rounds alternate who goes first (A B, B A, …) so that a drift of the
 * machine's load does not favour one side.
 */
import {
  type BotEnv,
  type BotProcess,
  ourWorkdir,
  peerWorkdir,
  spawnOurs,
  spawnPeer,
} from "./bots.ts";
import { type FakeSide, startFakeSide } from "./fake_side.ts";
import { cpuMicros, mainThreadCpuMicros, memory } from "./proc.ts";
import { mib, round, type Spread, spread } from "./stats.ts";
import { type BurstFigures, quietWeek } from "./workload.ts";

/** Which bot. */
export type Side = "ours" | "peer";

/** Options of {@linkcode runRounds}. */
export interface RoundsOptions {
  /** The folder of our main.ts, deno.json and config.yaml. */
  product: string;
  users: number;
  rounds: number;
  /** The sides to run; the first goes first in even rounds. */
  sides: readonly Side[];
  /** The installed peer (see `preparePeer`), when `sides` has it. */
  peerDir?: string;
  ticksPerSecond: number;
  timeoutMs: number;
  /** Called with each side's figures as soon as they are known. */
  onResult?: (figures: SideFigures) => void;
}

/** One side's figures in one round. */
export interface SideFigures extends BurstFigures {
  side: Side;
  round: number;
  /** Spawn to polling, in seconds. */
  startupSeconds: number;
  /** CPU (user + system, children included) during the burst, per answered update. */
  cpuMicrosPerUpdate: number;
  /** The same for the bench process (the fake's worker, draining the bot's output). */
  benchCpuMicrosPerUpdate: number;
  /** CPU time of the bot's main (JavaScript) thread per update. */
  mainCpuMicrosPerUpdate: number;
  /** `VmHWM` of the bot process after the burst. */
  peakRssMiB: number;
  calls: Record<string, number>;
  unknown: Record<string, number>;
}

/** Medians and extremes of one side over the rounds. */
export interface SideSummary {
  updatesPerSecond: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
  cpuMicrosPerUpdate: Spread;
  peakRssMiB: Spread;
  /** Every round answered every update. */
  allAnswered: boolean;
}

/** Ours / peer: of the medians, and the spread of the per-round ratios. */
export interface Ratios {
  updatesPerSecond: { ofMedians: number; perRound: Spread };
  p99: { ofMedians: number; perRound: Spread };
  cpuPerUpdate: { ofMedians: number; perRound: Spread };
  peakRss: { ofMedians: number; perRound: Spread };
}

/** Everything the rounds measured. */
export interface RoundsResult {
  rounds: SideFigures[];
  summary: Partial<Record<Side, SideSummary>>;
  ratios?: Ratios;
}

/** First Telegram id of the burst's users. */
const FIRST_TG_ID = 5_000_000;

/** Runs the rounds and summarises them. */
export async function runRounds(options: RoundsOptions): Promise<RoundsResult> {
  const rounds: SideFigures[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    const order = round % 2 === 1
      ? options.sides
      : [...options.sides].reverse();
    for (const side of order) {
      const figures = await runSide(side, round, options);
      rounds.push(figures);
      options.onResult?.(figures);
    }
  }
  const summary: Partial<Record<Side, SideSummary>> = {};
  for (const side of options.sides) {
    summary[side] = summarise(rounds.filter((r) => r.side === side));
  }
  const ours = summary.ours;
  const peer = summary.peer;
  return {
    rounds,
    summary,
    ratios: ours && peer ? ratios(rounds, ours, peer) : undefined,
  };
}

/** Spawns a bot, waits until it polls, runs the burst and reads its /proc figures. */
async function runSide(
  side: Side,
  roundNo: number,
  options: RoundsOptions,
): Promise<SideFigures> {
  const cwd = await workdirOf(side, options, quietWeek);
  try {
    await using fake = await startFakeSide();
    const env = { token: fake.token, apiRoot: fake.apiRoot };
    const spawned = performance.now();
    await using bot = await spawnBot(side, {
      product: options.product,
      cwd,
      env,
      peerDir: options.peerDir,
    });
    const settleMs = 1_000;
    await whenPolling(fake, bot, settleMs);
    const startupSeconds = (performance.now() - spawned - settleMs) / 1000;
    const before = cpuMicros(bot.pid, options.ticksPerSecond);
    const mainBefore = mainThreadCpuMicros(bot.pid, options.ticksPerSecond);
    const benchBefore = cpuMicros(Deno.pid, options.ticksPerSecond);
    const burst = await fake.burst({
      users: options.users,
      firstTgId: FIRST_TG_ID,
      timeoutMs: options.timeoutMs,
    });
    const cpu = cpuMicros(bot.pid, options.ticksPerSecond) - before;
    const mainCpu = mainThreadCpuMicros(bot.pid, options.ticksPerSecond) -
      mainBefore;
    const benchCpu = cpuMicros(Deno.pid, options.ticksPerSecond) - benchBefore;
    const peak = memory(bot.pid);
    const counts = await fake.counts();
    return {
      side,
      round: roundNo,
      ...burst,
      startupSeconds: round(startupSeconds, 2),
      cpuMicrosPerUpdate: round(cpu / Math.max(1, burst.answered)),
      benchCpuMicrosPerUpdate: round(benchCpu / Math.max(1, burst.answered)),
      mainCpuMicrosPerUpdate: round(mainCpu / Math.max(1, burst.answered)),
      peakRssMiB: peak === undefined ? NaN : mib(peak.hwm),
      calls: counts.calls,
      unknown: counts.unknown,
    };
  } finally {
    await Deno.remove(cwd, { recursive: true });
  }
}

/** A fresh working folder for `side`: our config.yaml (`edit`ed), or the peer's. */
export async function workdirOf(
  side: Side,
  options: { product: string; peerDir?: string },
  edit?: (text: string) => string,
): Promise<string> {
  return side === "ours"
    ? await ourWorkdir(options.product, edit)
    : await peerWorkdir(options.peerDir!);
}

/** Starts `side` against the fake at `env`. */
export function spawnBot(
  side: Side,
  options: { product: string; cwd: string; env: BotEnv; peerDir?: string },
): Promise<BotProcess> {
  return side === "ours"
    ? spawnOurs(["run"], options)
    : Promise.resolve(spawnPeer(options.peerDir!, options));
}

/** Resolves once the bot long-polls with nothing queued; throws if it exits first. */
export async function whenPolling(
  fake: FakeSide,
  bot: BotProcess,
  settleMs = 1_000,
): Promise<void> {
  const winner = await Promise.race([
    fake.idle({ settleMs }).then(() => "polling" as const),
    bot.status.then(() => "exited" as const),
  ]);
  if (winner === "exited") {
    const status = await bot.status;
    throw new Error(
      `The bot exited (code ${status.code}) before polling: ${bot.output()}`,
    );
  }
}

function summarise(figures: readonly SideFigures[]): SideSummary {
  const of = (pick: (f: SideFigures) => number, digits = 1) =>
    spread(figures.map(pick), digits);
  return {
    updatesPerSecond: of((f) => f.updatesPerSecond, 0),
    p50Ms: of((f) => f.all.p50Ms),
    p99Ms: of((f) => f.all.p99Ms),
    cpuMicrosPerUpdate: of((f) => f.cpuMicrosPerUpdate, 0),
    peakRssMiB: of((f) => f.peakRssMiB),
    allAnswered: figures.every((f) => !f.timedOut && f.answered === f.updates),
  };
}

function ratios(
  rounds: readonly SideFigures[],
  ours: SideSummary,
  peer: SideSummary,
): Ratios {
  const perRound = (pick: (f: SideFigures) => number) => {
    const values: number[] = [];
    for (const a of rounds.filter((r) => r.side === "ours")) {
      const b = rounds.find((r) => r.side === "peer" && r.round === a.round);
      if (b !== undefined) values.push(pick(a) / pick(b));
    }
    return spread(values, 2);
  };
  const ratio = (a: Spread, b: Spread) => round(a.median / b.median, 2);
  return {
    updatesPerSecond: {
      ofMedians: ratio(ours.updatesPerSecond, peer.updatesPerSecond),
      perRound: perRound((f) => f.updatesPerSecond),
    },
    p99: {
      ofMedians: ratio(ours.p99Ms, peer.p99Ms),
      perRound: perRound((f) => f.all.p99Ms),
    },
    cpuPerUpdate: {
      ofMedians: ratio(ours.cpuMicrosPerUpdate, peer.cpuMicrosPerUpdate),
      perRound: perRound((f) => f.cpuMicrosPerUpdate),
    },
    peakRss: {
      ofMedians: ratio(ours.peakRssMiB, peer.peakRssMiB),
      perRound: perRound((f) => f.peakRssMiB),
    },
  };
}
