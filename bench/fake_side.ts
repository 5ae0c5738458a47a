/**
 * The driver's handle on the fake Bot API, which runs in a worker (`fake_worker.ts`): the
 * fake's own work and timing sit on another thread than the driver's, and in another
 * process than the bot's, so that /proc figures of the bot count only the bot.
 */
import type { BurstFigures, BurstPlan } from "./workload.ts";

/** The token every bench bot is given. */
export const BENCH_TOKEN = "123456:BENCH-token";

/** What the fake counted, for the figures. */
export interface FakeCounts {
  /** Calls received, by method. */
  calls: Record<string, number>;
  /** Calls of methods the fake does not know (answered `true`), by method. */
  unknown: Record<string, number>;
  /** Sends accepted. */
  sends: number;
  /** Accepted sends per second, first to last: (sends - 1) / span. */
  sendsPerSecond: number;
  tooManyRequests: number;
  /** Distinct chats sent to, and those sent to more than once. */
  chats: number;
  duplicates: number;
}

/** The fake, as the driver sees it. */
export interface FakeSide extends AsyncDisposable {
  apiRoot: string;
  token: string;
  /** Resolves once the bot has been long-polling, with nothing queued, for `settleMs`. */
  idle(options?: { settleMs?: number; timeoutMs?: number }): Promise<void>;
  /** Runs the burst of `workload.ts` and resolves with its figures. */
  burst(plan: BurstPlan): Promise<BurstFigures>;
  counts(): Promise<FakeCounts>;
}

type Call =
  | { op: "start"; token: string; perSecond?: number }
  | { op: "idle"; settleMs: number; timeoutMs: number }
  | { op: "burst"; plan: BurstPlan }
  | { op: "counts" }
  | { op: "close" };

/** A message to the worker: a call and its id. */
export type WorkerRequest = Call & { id: number };

/** The worker's answer to one request. */
export type WorkerResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string };

/** Starts a fake in a new worker; `perSecond` sets its global flood limit on sends. */
export async function startFakeSide(
  options: { perSecond?: number } = {},
): Promise<FakeSide> {
  const worker = new Worker(new URL("./fake_worker.ts", import.meta.url), {
    type: "module",
  });
  const pending = new Map<number, PromiseWithResolvers<unknown>>();
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const answer = event.data;
    const call = pending.get(answer.id);
    pending.delete(answer.id);
    if (answer.ok) call?.resolve(answer.value);
    else call?.reject(new Error(`Fake: ${answer.error}`));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    for (const call of pending.values()) call.reject(event.error ?? event);
    pending.clear();
  };
  const send = <T>(call: Call): Promise<T> => {
    const id = nextId++;
    const result = Promise.withResolvers<unknown>();
    pending.set(id, result);
    worker.postMessage({ ...call, id });
    return result.promise as Promise<T>;
  };
  let apiRoot: string;
  try {
    ({ apiRoot } = await send<{ apiRoot: string }>({
      op: "start",
      token: BENCH_TOKEN,
      perSecond: options.perSecond,
    }));
  } catch (error) {
    worker.terminate();
    throw error;
  }
  return {
    apiRoot,
    token: BENCH_TOKEN,
    idle: ({ settleMs = 1_000, timeoutMs = 60_000 } = {}) =>
      send({ op: "idle", settleMs, timeoutMs }),
    burst: (plan) => send({ op: "burst", plan }),
    counts: () => send({ op: "counts" }),
    async [Symbol.asyncDispose]() {
      await send({ op: "close" }).catch(() => {});
      worker.terminate();
    },
  };
}
