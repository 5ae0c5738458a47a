/**
 * The bot's own Bot API calls (replies, edits, answers to presses) on kept-alive
 * `node:http` connections: answers, Telegram's errors and broken connections keep the
 * shape grammY and `autoRetry` expect, and a request is never sent twice by the client.
 */
import assert from "node:assert/strict";
import { Api, GrammyError, HttpError, InputFile } from "grammy";
import { jsonTransport } from "../src/bot/transport.ts";
import { FakeBotApi } from "./fake_bot_api.ts";

const CHAT = 77;

async function withApi(
  options: { timeoutMs?: number } = {},
  test: (fake: FakeBotApi, api: Api) => Promise<void>,
) {
  await using fake = await FakeBotApi.start();
  const transport = jsonTransport({
    apiRoot: fake.apiRoot,
    token: fake.token,
    ...options,
  });
  const api = new Api(fake.token, { apiRoot: fake.apiRoot });
  api.config.use(transport.transformer);
  try {
    await test(fake, api);
  } finally {
    transport.close();
  }
}

const sends = (fake: FakeBotApi) =>
  fake.requests.filter((r) => r.method === "sendMessage").length;

Deno.test("a call is one JSON request, and its result comes back", async () => {
  await withApi({}, async (fake, api) => {
    const sent = await api.sendMessage(CHAT, "Привет", {
      reply_markup: { inline_keyboard: [[{ text: "Да", callback_data: "y" }]] },
    });
    assert.equal(sent.text, "Привет");
    const [request] = fake.requests.filter((r) => r.method === "sendMessage");
    assert.equal(request?.params.chat_id, CHAT);
    assert.deepEqual(request?.params.reply_markup, {
      inline_keyboard: [[{ text: "Да", callback_data: "y" }]],
    });
  });
});

Deno.test("Telegram's refusal is a GrammyError with its code", async () => {
  await withApi({}, async (fake, api) => {
    fake.failNext(1, { status: 502 });
    const error = await api.sendMessage(CHAT, "x").catch((e) => e);
    assert.ok(error instanceof GrammyError);
    assert.equal(error.error_code, 502);
  });
});

Deno.test("a dropped connection is an HttpError, and the request is not sent again", async () => {
  await withApi({}, async (fake, api) => {
    fake.dropNext(1);
    const error = await api.sendMessage(CHAT, "x").catch((e) => e);
    assert.ok(error instanceof HttpError, String(error));
    assert.equal(sends(fake), 1, "the client never repeats a request itself");
    await api.sendMessage(CHAT, "y"); // the next call gets a new connection
    assert.equal(sends(fake), 2);
  });
});

Deno.test("no answer within the timeout is an HttpError", async () => {
  await withApi({ timeoutMs: 200 }, async (fake, api) => {
    fake.slow("sendMessage", 5_000);
    const error = await api.sendMessage(CHAT, "x").catch((e) => e);
    assert.ok(error instanceof HttpError, String(error));
    // It gave up because of the timeout: the answer would have come, after 5 s.
    assert.match(String(error.error), /no answer within 200 ms/);
    fake.slow("sendMessage", 0);
  });
});

Deno.test("a gateway's error page is a refusal with the HTTP status", async () => {
  const controller = new AbortController();
  const server = Deno.serve(
    {
      port: 0,
      hostname: "127.0.0.1",
      signal: controller.signal,
      onListen() {},
    },
    () => new Response("<html>Bad Gateway</html>", { status: 502 }),
  );
  const apiRoot = `http://127.0.0.1:${server.addr.port}`;
  const transport = jsonTransport({ apiRoot, token: "1:x" });
  const api = new Api("1:x", { apiRoot });
  api.config.use(transport.transformer);
  try {
    const error = await api.sendMessage(CHAT, "x").catch((e) => e);
    assert.ok(error instanceof GrammyError, String(error));
    assert.equal(error.error_code, 502);
  } finally {
    transport.close();
    controller.abort();
    await server.finished;
  }
});

Deno.test("a call with a file is left to grammY's own client", async () => {
  const transport = jsonTransport({
    apiRoot: "http://127.0.0.1:9",
    token: "1",
  });
  const seen: string[] = [];
  const prev = (method: string) => {
    seen.push(method);
    return Promise.resolve({ ok: true as const, result: true });
  };
  try {
    await transport.transformer(prev as never, "sendDocument", {
      chat_id: CHAT,
      document: new InputFile(new Uint8Array([1]), "a.ics"),
    });
    assert.deepEqual(seen, ["sendDocument"]);
  } finally {
    transport.close();
  }
});
