/** Worker entry: hosts the fake Bot API of {@linkcode startFakeSide} on its own thread. */
/// <reference lib="deno.worker" />
import "../src/preload.ts";
import { FakeBotApi } from "../tests/fake_bot_api.ts";
import {
  type FakeSide,
  localFakeSide,
  type WorkerRequest,
  type WorkerResponse,
} from "./fake_side.ts";

let side: FakeSide | undefined;

async function handle(request: WorkerRequest): Promise<unknown> {
  if (request.op === "start") {
    side = localFakeSide(
      await FakeBotApi.start({ rateLimit: request.rateLimit }),
    );
    return { apiRoot: side.apiRoot, token: side.token };
  }
  if (side === undefined) throw new Error("The fake is not started");
  switch (request.op) {
    case "polled":
      return await side.polled();
    case "injectAndMeasure":
      return await side.injectAndMeasure(request.plan);
    case "deliveries":
      return await side.deliveries(request.range);
    case "close":
      await side[Symbol.asyncDispose]();
      side = undefined;
      return null;
  }
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
