/**
 * Worker entry: hosts the {@linkcode FakeApi} and the burst load on their own thread, so
 * that the fake's work is neither on a bot's CPU account nor on the driver's event loop,
 * as Telegram's servers would be another machine. Spoken to through `fake_side.ts`.
 */
/// <reference lib="deno.worker" />
import { FakeApi } from "./fake_api.ts";
import type { FakeCounts, WorkerRequest, WorkerResponse } from "./fake_side.ts";
import { round } from "./stats.ts";
import { runBurst } from "./workload.ts";

let fake: FakeApi | undefined;

async function handle(request: WorkerRequest): Promise<unknown> {
  if (request.op === "start") {
    fake = FakeApi.start({
      token: request.token,
      perSecond: request.perSecond,
    });
    return { apiRoot: fake.apiRoot };
  }
  if (fake === undefined) throw new Error("The fake is not started");
  switch (request.op) {
    case "idle":
      return await idle(fake, request.settleMs, request.timeoutMs);
    case "burst":
      return await runBurst(fake, request.plan);
    case "counts":
      return counts(fake);
    case "close":
      await fake.close();
      fake = undefined;
      return null;
  }
}

/**
 * Resolves once the bot has had a long poll waiting, with nothing queued, for `settleMs`
 * in a row; rejects after `timeoutMs`.
 */
async function idle(
  fake: FakeApi,
  settleMs: number,
  timeoutMs: number,
): Promise<null> {
  const deadline = performance.now() + timeoutMs;
  let since = NaN;
  while (performance.now() < deadline) {
    const polling = fake.parked > 0 && fake.pending === 0;
    if (!polling) since = NaN;
    else if (Number.isNaN(since)) since = performance.now();
    else if (performance.now() - since >= settleMs) return null;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const calls = JSON.stringify(Object.fromEntries(fake.calls));
  throw new Error(
    `The bot did not poll within ${timeoutMs} ms (calls ${calls})`,
  );
}

function counts(fake: FakeApi): FakeCounts {
  const { ok, tooManyRequests, firstAt, lastAt, chats } = fake.sends;
  let duplicates = 0;
  for (const count of chats.values()) if (count > 1) duplicates++;
  return {
    calls: Object.fromEntries(fake.calls),
    unknown: Object.fromEntries(fake.unknown),
    sends: ok,
    sendsPerSecond: ok > 1
      ? round((ok - 1) / ((lastAt - firstAt) / 1000), 2)
      : NaN,
    tooManyRequests,
    chats: chats.size,
    duplicates,
  };
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { id } = event.data;
  let response: WorkerResponse;
  try {
    response = { id, ok: true, value: await handle(event.data) };
  } catch (error) {
    response = { id, ok: false, error: String(error) };
  }
  self.postMessage(response);
};
