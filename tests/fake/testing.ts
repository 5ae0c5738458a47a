/** Fixtures shared by the tests of the fake Bot API. */
import { Api, Bot, InlineKeyboard } from "grammy";
import { denoFetch, type FakeBotApi, user } from "../fake_bot_api.ts";

/** A user with a username. */
export const ALICE = user(1001, { first_name: "Alice", username: "alice" });
/** A user with a first name only. */
export const BOB = user(1002, { first_name: "Bob" });

/** grammY client options for one fake. */
export type ClientFor = (fake: FakeBotApi) => {
  apiRoot: string;
  fetch?: typeof denoFetch;
};

/** The two ways a grammY npm build can reach the fake from Deno. */
export const CLIENTS: { name: string; client: ClientFor }[] = [
  {
    name: "node-fetch",
    client: (fake) => ({ apiRoot: fake.apiRoot }),
  },
  {
    name: "denoFetch",
    client: (fake) => ({ apiRoot: fake.apiRoot, fetch: denoFetch }),
  },
];

/** A grammY `Api` on the fake through Deno's fetch, as the bot uses it. */
export function apiFor(fake: FakeBotApi): Api {
  return new Api(fake.token, { apiRoot: fake.apiRoot, fetch: denoFetch });
}

/** A bot that replies to /start with one button and answers every button press. */
export function demoBot(
  fake: FakeBotApi,
  client: ClientFor = CLIENTS[0]!.client,
): Bot {
  const bot = new Bot(fake.token, { client: client(fake) });
  bot.command(
    "start",
    (ctx) =>
      ctx.reply("hi", { reply_markup: new InlineKeyboard().text("A", "a") }),
  );
  bot.on(
    "callback_query:data",
    (ctx) => ctx.answerCallbackQuery({ text: "ok" }),
  );
  bot.catch((error) => {
    throw error;
  });
  return bot;
}

/** The error a promise rejects with. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected the promise to reject");
}

/** Resolves after `ms` milliseconds. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
