/**
 * A sender on its own, for tests of delivery: an in-memory store with registered
 * users, a batch enqueued for them, and a fake Bot API to deliver to.
 *
 * @module
 */
import { openDatabase } from "../../src/db/database.ts";
import { LANE, OWED } from "../../src/core/owed.ts";
import { Store } from "../../src/db/store.ts";
import { Pacer } from "../../src/delivery/pacer.ts";
import {
  type Render,
  type RetryPolicy,
  Sender,
} from "../../src/delivery/sender.ts";
import { TelegramClient } from "../../src/delivery/telegram.ts";
import { createLogger } from "../../src/log.ts";
import { FakeBotApi, type FakeBotApiOptions } from "../fake_bot_api.ts";

/** The batch every fixture enqueues. */
export const BATCH = "invitation/2026-11-25";

/** Renders every row as a plain invitation text (edits as an edit of message 1). */
export const plainRender: Render = (row) =>
  row.kind === OWED.answer_edit || row.kind === OWED.cancel_edit
    ? {
      method: "editMessageText",
      params: { chat_id: row.chat_id, message_id: 1, text: "Изменено" },
    }
    : {
      method: "sendMessage",
      params: { chat_id: row.chat_id, text: "Приглашение" },
    };

/** Options of {@linkcode outboxFixture}. */
export interface OutboxFixtureOptions {
  users?: number;
  fake?: FakeBotApiOptions;
  perSecond?: number;
  retry?: RetryPolicy;
  render?: Render;
  concurrency?: number;
  timeoutMs?: number;
}

/** A fixture: call `sender()` for a sender (a second call gives a new "process"). */
export interface OutboxFixture extends AsyncDisposable {
  fake: FakeBotApi;
  store: Store;
  logs: string[];
  sender(options?: { id?: string }): Sender;
  /** The batch's rows by status. */
  counts(): Record<string, number>;
}

/** Seeds `users` registered users and enqueues one invitation each. */
export async function outboxFixture(
  options: OutboxFixtureOptions = {},
): Promise<OutboxFixture> {
  const fake = await FakeBotApi.start(options.fake);
  const db = openDatabase(":memory:");
  const store = new Store(db);
  const now = () => new Date();
  const count = options.users ?? 10;
  store.transaction(() => {
    for (let id = 1; id <= count; id++) {
      store.users.start({ tg_id: id, first_name: `U${id}` }, now());
      store.users.setRegistered({ tgId: id, registered: true }, now());
    }
    store.outbox.addBroadcast({ to: "registered" }, {
      kind: "invitation",
      ref: "2026-11-25",
      lane: LANE.broadcast,
      now: now(),
    });
  });
  const logs: string[] = [];
  const log = createLogger({
    level: "debug",
    write: (line) => logs.push(line),
  });
  const senders: Sender[] = [];
  return {
    fake,
    store,
    logs,
    sender({ id } = {}) {
      const sender = new Sender({
        outbox: store.outbox,
        api: new TelegramClient(fake.token, {
          apiRoot: fake.apiRoot,
          timeoutMs: options.timeoutMs ?? 2_000,
        }),
        render: options.render ?? plainRender,
        pacer: new Pacer(options.perSecond ?? 1000),
        log,
        now,
        write: (fn) => store.write(fn),
        onUnreachable: (row) => store.users.deactivate(row.chat_id, now()),
        retry: options.retry ?? { initialMs: 10, maxMs: 50, giveUpMs: 60_000 },
        concurrency: options.concurrency,
        id,
      });
      senders.push(sender);
      return sender;
    },
    counts() {
      return Object.fromEntries(
        Object.entries(store.outbox.batchCounts(BATCH)).filter(([, n]) =>
          n > 0
        ),
      );
    },
    async [Symbol.asyncDispose]() {
      for (const sender of senders) await sender.stop();
      await store.settled();
      await fake.close();
      db.close();
    },
  };
}
