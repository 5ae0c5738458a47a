/**
 * Memory figures of whole processes, read from /proc: the invitation broadcast of
 * `main.ts send invitation` to many seeded subscribers against a fake that enforces a
 * global flood limit, and the resident memory of an idle bot and of a bare Deno runtime.
 */
import { join } from "node:path";
import {
  type BotEnv,
  type BotProcess,
  ourWorkdir,
  runOurs,
  seedRegistered,
  spawnBareDeno,
  spawnOurs,
} from "./bots.ts";
import { type FakeCounts, startFakeSide } from "./fake_side.ts";
import { memory, sampleMemory } from "./proc.ts";
import { spawnBot, whenPolling, workdirOf } from "./rounds.ts";
import { mib, round } from "./stats.ts";

/** Options of {@linkcode benchBroadcast}. */
export interface BroadcastOptions {
  /** The folder of main.ts, deno.json and config.yaml. */
  product: string;
  users: number;
  /** The fake's global limit and the bot's `broadcast.messages_per_second` alike. */
  perSecond: number;
  /** SIGTERM the job after this many seconds, if it has not finished. */
  seconds: number;
}

/** What one broadcast run measured. */
export interface BroadcastFigures
  extends Omit<FakeCounts, "calls" | "unknown"> {
  users: number;
  perSecond: number;
  /** Spawn to exit or to SIGTERM, in seconds. */
  seconds: number;
  /** Whether the job ended by itself (else it was stopped with SIGTERM). */
  finished: boolean;
  /** Users who got nothing; only known when the job finished. */
  losses: number | null;
  /** Highest `VmRSS` sampled every 100 ms, and `VmHWM`, of the `deno` process. */
  peakRssMiB: number;
  hwmMiB: number;
  /** `sendsPerSecond / perSecond`. */
  ratio: number;
  unknown: Record<string, number>;
}

/** First Telegram id of the seeded subscribers. */
const FIRST_TG_ID = 1_000_000;

/** Seeds `users` subscribers, then runs `main.ts send invitation` and samples its memory. */
export async function benchBroadcast(
  options: BroadcastOptions,
): Promise<BroadcastFigures> {
  const { product } = options;
  const cwd = await ourWorkdir(
    product,
    (text) => withRate(text, options.perSecond),
  );
  try {
    await runOurs(["check"], { product, cwd }); // creates and migrates the database
    const database = join(cwd, "data", "bot.sqlite3");
    await Deno.stat(database); // the shipped config.yaml puts it there
    seedRegistered(database, { count: options.users, firstTgId: FIRST_TG_ID });

    await using fake = await startFakeSide({ perSecond: options.perSecond });
    const env = { token: fake.token, apiRoot: fake.apiRoot };
    const started = performance.now();
    await using bot = await spawnOurs(["send", "invitation"], {
      product,
      cwd,
      env,
    });
    const sampler = sampleMemory(bot.pid, 100);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finished = await Promise.race([
      bot.status.then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), options.seconds * 1000);
      }),
    ]);
    clearTimeout(timer);
    const peak = sampler.stop();
    const seconds = (performance.now() - started) / 1000;
    const status = finished ? await bot.status : await bot.stop();
    if (finished && !status.success) {
      throw new Error(
        `send invitation failed (${status.code}): ${bot.output()}`,
      );
    }
    const { calls: _calls, ...counts } = await fake.counts();
    return {
      users: options.users,
      perSecond: options.perSecond,
      seconds: round(seconds, 1),
      finished,
      losses: finished ? options.users - counts.chats : null,
      peakRssMiB: mib(peak.rss),
      hwmMiB: mib(peak.hwm),
      ...counts,
      ratio: round(counts.sendsPerSecond / options.perSecond, 3),
    };
  } finally {
    await Deno.remove(cwd, { recursive: true });
  }
}

/** Resident memory of an idle process after some seconds. */
export interface IdleFigures {
  /** `VmRSS` at that moment, and `VmHWM` (the peak since start, startup included). */
  rssMiB: number;
  hwmMiB: number;
  seconds: number;
}

/** `main.ts run` (fresh database) or the peer, polling the fake, after `seconds`. */
export async function idleBot(
  side: "ours" | "peer",
  options: { product: string; seconds: number; peerDir?: string },
): Promise<IdleFigures> {
  const cwd = await workdirOf(side, options);
  try {
    await using fake = await startFakeSide();
    const env: BotEnv = { token: fake.token, apiRoot: fake.apiRoot };
    const started = performance.now();
    await using bot = await spawnBot(side, {
      product: options.product,
      cwd,
      env,
      peerDir: options.peerDir,
    });
    await whenPolling(fake, bot, 200);
    return await after(bot, started, options.seconds);
  } finally {
    await Deno.remove(cwd, { recursive: true });
  }
}

/** A bare Deno runtime (`deno run` of a script that only waits), after `seconds`. */
export async function idleBareDeno(seconds: number): Promise<IdleFigures> {
  const started = performance.now();
  await using bare = await spawnBareDeno();
  return await after(bare, started, seconds);
}

async function after(
  child: BotProcess,
  started: number,
  seconds: number,
): Promise<IdleFigures> {
  const wait = seconds * 1000 - (performance.now() - started);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
  const now = memory(child.pid);
  if (now === undefined) {
    throw new Error(
      `The process exited before ${seconds} s: ${child.output()}`,
    );
  }
  return { rssMiB: mib(now.rss), hwmMiB: mib(now.hwm), seconds };
}

/** The config text with `broadcast:` set to `perSecond`; throws if it has no such line. */
function withRate(text: string, perSecond: number): string {
  const line = /^broadcast:.*$/m;
  if (!line.test(text)) {
    throw new Error(
      "config.yaml has no one-line `broadcast:` setting to change",
    );
  }
  return text.replace(line, `broadcast: { messages_per_second: ${perSecond} }`);
}
