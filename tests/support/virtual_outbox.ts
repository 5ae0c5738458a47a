/**
 * A sender on virtual time, for tests of its decisions: an in-memory store, a
 * {@linkcode ScriptedApi} that answers as the test says, and a clock and sleep that move
 * only when the test steps them, so every wait and retry instant is exact.
 *
 * @module
 */
import { LANE, OWED, type OwedKind } from "../../src/core/owed.ts";
import { openDatabase } from "../../src/db/database.ts";
import type { OutboxRow } from "../../src/db/outbox.ts";
import { Store } from "../../src/db/store.ts";
import { Pacer } from "../../src/delivery/pacer.ts";
import {
  type Render,
  type RetryPolicy,
  Sender,
} from "../../src/delivery/sender.ts";
import { createLogger } from "../../src/log.ts";
import {
  type Script,
  ScriptedApi,
  type ScriptedApiOptions,
} from "./scripted_api.ts";
import { VirtualTime } from "./virtual_time.ts";

/** Renders an edit kind as an edit of the payload's message, anything else as a text. */
export const scriptRender: Render = (row) => {
  const payload = JSON.parse(row.payload ?? "{}");
  if (row.kind === OWED.answer_edit || row.kind === OWED.cancel_edit) {
    return {
      method: "editMessageText",
      params: {
        chat_id: row.chat_id,
        message_id: payload.message_id ?? 1,
        text: payload.text ?? "Изменено",
      },
    };
  }
  if (row.kind === OWED.calendar) {
    return {
      method: "sendDocument",
      params: { chat_id: row.chat_id, document: "file-id" },
    };
  }
  return {
    method: "sendMessage",
    params: { chat_id: row.chat_id, text: payload.text ?? row.key },
  };
};

/** Options of {@linkcode virtualOutbox}. */
export interface VirtualOutboxOptions {
  /** Answers each call; every call succeeds by default. */
  script?: Script;
  api?: ScriptedApiOptions;
  /** The pacer's rate; 1,000 a second by default. */
  perSecond?: number;
  retry?: RetryPolicy;
  concurrency?: number;
  render?: Render;
  /** Where virtual time starts. */
  start?: string;
}

/** A row to add: its key, and anything else that differs from a text to chat 1. */
export interface RowSpec {
  key: string;
  kind?: OwedKind;
  chatId?: number;
  lane?: OutboxRow["lane"];
  batch?: string;
  payload?: unknown;
}

/** The virtual world: call `sender()` for a sender (again for a new "process"). */
export interface VirtualOutbox extends AsyncDisposable {
  time: VirtualTime;
  api: ScriptedApi;
  store: Store;
  logs: string[];
  sender(options?: { id?: string; leaseMs?: number }): Sender;
  /** Adds a row, owed now (a text to chat 1 in the reply lane unless said). */
  add(spec: RowSpec): void;
  /** The row with this key. */
  row(key: string): OutboxRow;
  /** The status of the row with this key. */
  status(key: string): string;
}

/** A store, a scripted Bot API and virtual time, with no row yet. */
export function virtualOutbox(
  options: VirtualOutboxOptions = {},
): VirtualOutbox {
  const time = new VirtualTime(options.start ?? "2026-11-23T07:00:00Z");
  const api = new ScriptedApi(time, options.script, options.api);
  const db = openDatabase(":memory:");
  const store = new Store(db);
  const logs: string[] = [];
  const log = createLogger({
    level: "debug",
    write: (line) => logs.push(line),
    now: time.now,
  });
  const senders: Sender[] = [];
  const row = (key: string) => {
    const found = store.outbox.byKey(key);
    if (found === undefined) throw new Error(`No row "${key}"`);
    return found;
  };
  return {
    time,
    api,
    store,
    logs,
    sender({ id, leaseMs } = {}) {
      const sender = new Sender({
        outbox: store.outbox,
        api,
        render: options.render ?? scriptRender,
        pacer: new Pacer(options.perSecond ?? 1000, {
          now: time.ms,
          sleep: time.sleep,
        }),
        log,
        now: time.now,
        sleep: time.sleep,
        write: (fn) => store.write(fn),
        retry: options.retry ??
          { initialMs: 2_000, maxMs: 300_000, giveUpMs: 48 * 3_600_000 },
        concurrency: options.concurrency,
        leaseMs,
        id,
      });
      senders.push(sender);
      return sender;
    },
    add(spec) {
      store.outbox.add({
        kind: OWED.text,
        chatId: 1,
        lane: LANE.reply,
        ...spec,
      }, time.now());
    },
    row,
    status: (key) => row(key).status,
    async [Symbol.asyncDispose]() {
      const stopping = Promise.all(senders.map((sender) => sender.stop()));
      let stopped = false;
      void stopping.then(() => stopped = true);
      await time.runUntil(() => stopped);
      await store.settled();
      db.close();
    },
  };
}
