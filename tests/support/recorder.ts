/**
 * A bot without any network: `createBot` as shipped, its Bot API calls caught by a
 * recording transformer that answers each one itself. For unit tests of one feature:
 * feed an update with `handle`, then read `calls`. Tests of delivery, retries and
 * faults use the fake Bot API server instead.
 */
import "../../src/preload.ts";
import type { Update } from "grammy/types";
import { createBot } from "../../src/bot/bot.ts";
import type { Config } from "../../src/config/schema.ts";
import { openDatabase } from "../../src/db/database.ts";
import { Store } from "../../src/db/store.ts";
import { createLogger } from "../../src/log.ts";
import { BOT_INFO } from "../fake_bot_api.ts";

/** One Bot API call the bot made. */
export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
}

/** A bot whose calls are recorded, over an in-memory store. */
export interface RecordingBot extends Disposable {
  store: Store;
  /** Every call so far, in order. */
  calls: RecordedCall[];
  /** How many times the sender was woken (something was owed). */
  kicks: number;
  /** Handles one update as the runner would. */
  handle: (update: Omit<Update, "update_id">) => Promise<void>;
  /** The calls of `method`, in order. */
  sent: (method: string) => Record<string, unknown>[];
}

let nextUpdateId = 1;
/** The last message id of each chat: Telegram numbers messages per chat. */
const lastMessageId = new Map<number, number>();

function newMessageId(chatId: number): number {
  const id = (lastMessageId.get(chatId) ?? 0) + 1;
  lastMessageId.set(chatId, id);
  return id;
}

/** A message update from `from` in their private chat. */
export function textUpdate(
  from: { id: number; first_name: string },
  text: string,
): Omit<Update, "update_id"> {
  const entities = text.startsWith("/")
    ? [{
      type: "bot_command" as const,
      offset: 0,
      length: text.split(" ")[0]!.length,
    }]
    : undefined;
  return {
    message: {
      message_id: newMessageId(from.id),
      date: 1_790_000_000,
      chat: { id: from.id, type: "private", first_name: from.first_name },
      from: { ...from, is_bot: false },
      text,
      entities,
    },
  };
}

/** A button press by `from` under a message the bot sent. */
export function pressUpdate(
  from: { id: number; first_name: string },
  data: string,
): Omit<Update, "update_id"> {
  return {
    callback_query: {
      id: `q${nextUpdateId}`,
      chat_instance: "ci",
      from: { ...from, is_bot: false },
      data,
      message: {
        message_id: newMessageId(from.id),
        date: 1_790_000_000,
        chat: { id: from.id, type: "private", first_name: from.first_name },
        from: {
          id: BOT_INFO.id,
          is_bot: true,
          first_name: BOT_INFO.first_name,
        },
        text: "…",
      },
    },
  };
}

/** Creates the shipped bot over `config` with a fixed clock and a recording transformer. */
export function recordingBot(
  config: Config,
  { now = () => new Date("2026-11-23T06:00:00Z") }: { now?: () => Date } = {},
): RecordingBot {
  const db = openDatabase(":memory:");
  const store = new Store(db);
  const calls: RecordedCall[] = [];
  const recorder: RecordingBot = {
    store,
    calls,
    kicks: 0,
    async handle(update) {
      await bot.handleUpdate(
        { update_id: nextUpdateId++, ...update } as Update,
      );
    },
    sent: (method) =>
      calls.filter((call) => call.method === method).map((call) =>
        call.payload
      ),
    [Symbol.dispose]: () => db.close(),
  };
  const bot = createBot(config, {
    token: "0:recording",
    botInfo: BOT_INFO,
    store,
    log: createLogger({ level: "error", write: () => {} }),
    now,
    kick: () => recorder.kicks++,
    tick: () => Promise.resolve(),
  });
  bot.api.config.use((_prev, method, payload) => {
    calls.push({ method, payload: payload as Record<string, unknown> });
    const result = method === "sendMessage"
      ? {
        message_id: newMessageId((payload as { chat_id: number }).chat_id),
        date: 1_790_000_000,
        chat: { id: (payload as { chat_id: number }).chat_id, type: "private" },
        text: (payload as { text: string }).text,
      }
      : true;
    // deno-lint-ignore no-explicit-any
    return Promise.resolve({ ok: true, result } as any);
  });
  return recorder;
}
