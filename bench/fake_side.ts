/**
 * The Telegram side of the bench: the fake Bot API, the load it injects and what it
 * measures. It runs in a worker by default, so that the fake's own work and timing sit
 * on another thread than the bot's, as Telegram's servers would; or in-process.
 */
import type { Update } from "grammy/types";
import { answerData, REGISTER_DATA } from "../src/messages.ts";
import { FakeBotApi, type RateLimit, user } from "../tests/fake_bot_api.ts";
import { percentile, round } from "./stats.ts";

/** Where the fake runs. */
export type FakeHost = "worker" | "in-process";

/** Updates to inject: `updates` of them, round-robin over `users` participants. */
export interface InjectPlan {
  users: number;
  updates: number;
  /** Updates per second, in batches every 10 ms; 0 injects all at once. */
  rate: number;
  /** The meeting the invitation buttons answer. */
  meetingId: string;
  firstTgId: number;
}

/** Latency and throughput of injected updates, in milliseconds. */
export interface InjectFigures {
  updates: number;
  answered: number;
  /** Updates per second, first injection to last answer. */
  updatesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** p50 and p99 per kind of update, e.g. `"rsvp:<meeting>:yes"`. */
  byStep: Record<string, { p50Ms: number; p99Ms: number }>;
}

/** What the fake saw of a broadcast to users `firstTgId` … `firstTgId + count - 1`. */
export interface DeliveryFigures {
  delivered: number;
  /** Delivered per second, first to last sendMessage request. */
  messagesPerSecond: number;
  tooManyRequests: number;
  duplicates: number;
  losses: number;
}

/** The fake and its measurements, wherever it runs. */
export interface FakeSide extends AsyncDisposable {
  apiRoot: string;
  token: string;
  /** Resolves once the bot has called `getUpdates`. */
  polled(): Promise<void>;
  /** Injects the plan's updates and waits (up to a minute) for every answer. */
  injectAndMeasure(plan: InjectPlan): Promise<InjectFigures>;
  /** Counts the deliveries to a range of users. */
  deliveries(
    range: { firstTgId: number; count: number },
  ): Promise<DeliveryFigures>;
}

/** Options of {@linkcode startFakeSide}. */
export interface FakeSideOptions {
  host: FakeHost;
  rateLimit?: RateLimit;
}

/** Starts a fake Bot API in a worker or in this thread. */
export async function startFakeSide(
  options: FakeSideOptions,
): Promise<FakeSide> {
  if (options.host === "in-process") {
    return localFakeSide(
      await FakeBotApi.start({ rateLimit: options.rateLimit }),
    );
  }
  return await workerFakeSide(options.rateLimit);
}

/** The operations of a {@linkcode FakeSide} on a fake in this thread. */
export function localFakeSide(fake: FakeBotApi): FakeSide {
  return {
    apiRoot: fake.apiRoot,
    token: fake.token,
    polled: () =>
      waitUntil(() => fake.requests.some((r) => r.method === "getUpdates")),
    async injectAndMeasure(plan) {
      const probes = await inject(fake, plan);
      await waitUntil(() => answeredCount(fake, probes) === probes.length, {
        timeoutMs: ANSWER_TIMEOUT_MS,
      }).catch(() => {});
      return measure(fake, probes);
    },
    deliveries: (range) => Promise.resolve(deliveries(fake, range)),
    [Symbol.asyncDispose]: () => fake.close(),
  };
}

// --- Worker transport

type Call =
  | { op: "polled" }
  | { op: "injectAndMeasure"; plan: InjectPlan }
  | { op: "deliveries"; range: { firstTgId: number; count: number } };

/** What the worker is asked: start, a call, or close. */
export type WorkerCall =
  | { op: "start"; rateLimit?: RateLimit }
  | Call
  | { op: "close" };

/** A message to the worker: a call and its id. */
export type WorkerRequest = WorkerCall & { id: number };

/** The worker's answer to one request. */
export type WorkerResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string };

async function workerFakeSide(rateLimit?: RateLimit): Promise<FakeSide> {
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
    else call?.reject(new Error(`Fake worker failed: ${answer.error}`));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    for (const call of pending.values()) call.reject(event.error ?? event);
    pending.clear();
  };
  const send = <T>(request: WorkerCall): Promise<T> => {
    const id = nextId++;
    const call = Promise.withResolvers<unknown>();
    pending.set(id, call);
    worker.postMessage({ ...request, id });
    return call.promise as Promise<T>;
  };
  let started: { apiRoot: string; token: string };
  try {
    started = await send({ op: "start", rateLimit });
  } catch (error) {
    worker.terminate();
    throw error;
  }
  const { apiRoot, token } = started;
  return {
    apiRoot,
    token,
    polled: () => send({ op: "polled" }),
    injectAndMeasure: (plan) => send({ op: "injectAndMeasure", plan }),
    deliveries: (range) => send({ op: "deliveries", range }),
    async [Symbol.asyncDispose]() {
      await send({ op: "close" });
      worker.terminate();
    },
  };
}

// --- Load and measurement

/** One injected update and how to find the bot's answer to it. */
interface Probe {
  /** The kind of update, with the meeting id replaced by `<meeting>`. */
  step: string;
  injectedAt: number;
  chatId: number;
  /** The callback query id, or the index among the bot's sendMessage to this chat. */
  answer: { callbackId: string } | { replyIndex: number };
}

const BATCH_EVERY_MS = 10;
const ANSWER_TIMEOUT_MS = 60_000;

/** What a participant does in round `round`: a command, or a button press. */
function step(round: number, meetingId: string): string {
  const steps = [
    "/start",
    REGISTER_DATA.yes,
    answerData(meetingId, "yes"),
    "/status",
    answerData(meetingId, "no"),
  ];
  return steps[round % steps.length]!;
}

/** Injects the updates, round by round over the users, at the plan's rate. */
async function inject(fake: FakeBotApi, plan: InjectPlan): Promise<Probe[]> {
  const probes: Probe[] = [];
  const replies = new Map<number, number>();
  const injectOne = (n: number) => {
    const from = user(plan.firstTgId + (n % plan.users));
    const action = step(Math.floor(n / plan.users), plan.meetingId);
    const probe = {
      step: action.replace(plan.meetingId, "<meeting>"),
      injectedAt: performance.now(),
      chatId: from.id,
    };
    if (action.startsWith("/")) {
      fake.sendText(from, action);
      const replyIndex = replies.get(from.id) ?? 0;
      replies.set(from.id, replyIndex + 1);
      probes.push({ ...probe, answer: { replyIndex } });
    } else {
      const update: Update = fake.pressButton(from, action);
      const callbackId = update.callback_query!.id;
      probes.push({ ...probe, answer: { callbackId } });
    }
  };
  if (plan.rate <= 0) {
    for (let n = 0; n < plan.updates; n++) injectOne(n);
    return probes;
  }
  const started = performance.now();
  for (let n = 0; n < plan.updates;) {
    const elapsed = performance.now() - started;
    const due = Math.min(
      plan.updates,
      Math.floor(elapsed * plan.rate / 1000) + 1,
    );
    for (; n < due; n++) injectOne(n);
    await sleep(BATCH_EVERY_MS);
  }
  return probes;
}

/** When the fake recorded the bot's answer to `probe`, if it has. */
function answeredAt(fake: FakeBotApi, probe: Probe): number | undefined {
  if ("callbackId" in probe.answer) {
    return fake.answerFor(probe.answer.callbackId)?.at;
  }
  const replies = fake.sent(probe.chatId).filter((r) =>
    r.method === "sendMessage"
  );
  return replies[probe.answer.replyIndex]?.at;
}

/** How many probes have an answer, from global counts (cheap enough to poll). */
function answeredCount(fake: FakeBotApi, probes: readonly Probe[]): number {
  const replies = probes.filter((p) => "replyIndex" in p.answer).length;
  const messages = fake.sent().filter((r) => r.method === "sendMessage").length;
  return Math.min(fake.answers.length, probes.length - replies) +
    Math.min(messages, replies);
}

function measure(fake: FakeBotApi, probes: readonly Probe[]): InjectFigures {
  const latencies: number[] = [];
  const byStep = new Map<string, number[]>();
  let last = -Infinity;
  for (const probe of probes) {
    const at = answeredAt(fake, probe);
    if (at === undefined) continue;
    latencies.push(at - probe.injectedAt);
    const values = byStep.get(probe.step) ?? [];
    values.push(at - probe.injectedAt);
    byStep.set(probe.step, values);
    last = Math.max(last, at);
  }
  const first = probes[0]?.injectedAt ?? NaN;
  return {
    updates: probes.length,
    answered: latencies.length,
    updatesPerSecond: round(latencies.length / ((last - first) / 1000)),
    p50Ms: round(percentile(latencies, 50), 1),
    p99Ms: round(percentile(latencies, 99), 1),
    maxMs: round(Math.max(...latencies), 1),
    byStep: Object.fromEntries(
      [...byStep].map(([step, values]) => [step, {
        p50Ms: round(percentile(values, 50), 1),
        p99Ms: round(percentile(values, 99), 1),
      }]),
    ),
  };
}

function deliveries(
  fake: FakeBotApi,
  range: { firstTgId: number; count: number },
): DeliveryFigures {
  const sends = fake.requests.filter((r) => r.method === "sendMessage");
  const delivered = fake.sent().filter((r) => r.method === "sendMessage")
    .length;
  const spanMs = sends.length > 1 ? sends.at(-1)!.at - sends[0]!.at : NaN;
  let duplicates = 0;
  let losses = 0;
  for (let i = 0; i < range.count; i++) {
    const count = fake.deliveredCount(range.firstTgId + i);
    if (count === 0) losses++;
    if (count > 1) duplicates++;
  }
  return {
    delivered,
    messagesPerSecond: round(delivered / (spanMs / 1000), 1),
    tooManyRequests: fake.stats.tooManyRequests,
    duplicates,
    losses,
  };
}

/** Resolves after `ms` milliseconds. */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves once `condition()` holds, checking every 20 ms; rejects after the timeout. */
async function waitUntil(
  condition: () => boolean,
  { timeoutMs = 5_000 }: { timeoutMs?: number } = {},
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) {
      throw new Error(`Condition not met within ${timeoutMs} ms`);
    }
    await sleep(20);
  }
}
