/**
 * What tests set and read on the fake Bot API besides its HTTP side: the
 * faults and limits switched on, and what the bot did (sends, edits, answers,
 * commands). `FakeBotApi` extends this class.
 *
 * @module
 */
import type { BotCommand, BotCommandScope, Message } from "grammy/types";
import { ChatStore } from "./chats.ts";
import { Faults } from "./faults.ts";
import type {
  CallbackAnswer,
  ChatRateLimit,
  FailOptions,
  FakeBotApiOptions,
  FakeStats,
  RateLimit,
  RecordedRequest,
  SentRecord,
  SlowOptions,
  UpdatesFailure,
} from "./types.ts";
import { UpdateQueue } from "./updates.ts";
import { newStats, Pauses, scopeKey } from "./util.ts";
import { Waiters } from "./waiters.ts";

/** The parts of one fake, shared by {@link FakeControls} and the HTTP side. */
export interface FakeParts {
  stats: FakeStats;
  pauses: Pauses;
  waiters: Waiters;
  faults: Faults;
  store: ChatStore;
  queue: UpdateQueue;
  /** Every call received, in order of arrival. */
  requests: RecordedRequest[];
}

/** Builds the parts of a fake from the options of `FakeBotApi.start`. */
export function createParts(options: FakeBotApiOptions): FakeParts {
  const stats = newStats();
  const pauses = new Pauses();
  const requests: RecordedRequest[] = [];
  const waiters = new Waiters(() => describeLast(requests));
  const faults = new Faults(options, stats);
  const store = new ChatStore({
    now: options.now ?? (() => new Date()),
    stats,
    callbackQueryTtlMs: options.callbackQueryTtlMs ?? 10_000,
    idsAfter: options.idsAfter ?? 0,
  });
  const queue = new UpdateQueue({
    store,
    faults,
    pauses,
    stats,
    firstUpdateId: (options.idsAfter ?? 0) + 1,
    onChange: () => waiters.notify(),
  });
  return { stats, pauses, waiters, faults, store, queue, requests };
}

/** Faults, limits and records of a fake; see the module doc. */
export class FakeControls {
  /** Failures answered so far. */
  readonly stats: FakeStats;
  #parts: FakeParts;

  /** Wraps the parts made by {@link createParts}. */
  constructor(parts: FakeParts) {
    this.#parts = parts;
    this.stats = parts.stats;
  }

  /**
   * Milliseconds between handling a call (any but `getUpdates`) and answering
   * it: as on Telegram, a call whose client dies meanwhile has taken effect.
   */
  get latency(): number {
    return this.#parts.faults.latency;
  }

  /** Sets the latency of every call but `getUpdates`. */
  set latency(ms: number) {
    this.#parts.faults.latency = ms;
  }

  /** Milliseconds a callback query stays answerable after injection (10 000 by default). */
  get callbackQueryTtlMs(): number {
    return this.#parts.store.callbackQueryTtlMs;
  }

  /** Changes the TTL, for queries injected before too. */
  set callbackQueryTtlMs(ms: number) {
    this.#parts.store.callbackQueryTtlMs = ms;
  }

  /** The global flood limit on sends, if any. */
  get rateLimit(): RateLimit | undefined {
    return this.#parts.faults.rateLimit;
  }

  /** Sets or (with `undefined`) lifts the global flood limit; the window starts empty. */
  set rateLimit(limit: RateLimit | undefined) {
    this.#parts.faults.rateLimit = limit;
  }

  /** The per-chat flood limit on sends, if any. */
  get chatRateLimit(): ChatRateLimit | undefined {
    return this.#parts.faults.chatRateLimit;
  }

  /** Sets or (with `undefined`) lifts the per-chat flood limit; every chat starts with a full burst. */
  set chatRateLimit(limit: ChatRateLimit | undefined) {
    this.#parts.faults.chatRateLimit = limit;
  }

  // --- Webhook

  /** Sets a webhook as the Bot API's setWebhook does ("" deletes it): getUpdates answers 409 while one is set. */
  setWebhook(url: string): void {
    this.#parts.queue.setWebhook({ url });
  }

  /** The webhook URL set, "" if none. */
  get webhookUrl(): string {
    return this.#parts.queue.webhookUrl;
  }

  // --- Failure injection

  /** Makes calls to `chatId` fail with 403 "bot was blocked by the user". */
  block(chatId: number): void {
    this.#parts.faults.block(chatId);
  }

  /** Undoes {@link block}. */
  unblock(chatId: number): void {
    this.#parts.faults.unblock(chatId);
  }

  /** Makes calls to `chatId` fail with 403 "user is deactivated". */
  deactivate(chatId: number): void {
    this.#parts.faults.deactivate(chatId);
  }

  /** Makes the next `n` sends (sendMessage, sendDocument, sendPhoto, copyMessage, forwardMessage) fail with a 5xx (500 by default). */
  failNext(n: number, options: FailOptions = {}): void {
    this.#parts.faults.failNext(n, options);
  }

  /** Makes the next `n` sends end with a broken connection and no answer (the send does not take effect). */
  dropNext(n: number): void {
    this.#parts.faults.dropNext(n);
  }

  /** Makes getUpdates answer 5xx: the next `times` calls (1 by default) or every call `for` ms. */
  failUpdates(failure: UpdatesFailure = {}): void {
    this.#parts.faults.failUpdates(failure);
  }

  /** Delays answers of `method` (getUpdates too) by `ms` more (0 removes it), for good or `for` ms. */
  slow(method: string, ms: number, options: SlowOptions = {}): void {
    this.#parts.faults.slow(method, ms, options);
  }

  /** While on, getUpdates (pending ones too) answers 409 "terminated by other getUpdates request". */
  simulateOtherInstance(on: boolean): void {
    this.#parts.faults.otherInstance = on;
    if (on) this.#parts.queue.wakePollers();
  }

  /**
   * While on, a getUpdates ends the one already waiting with 409 "terminated by other
   * getUpdates request", as Telegram does when two instances poll with one token.
   */
  competeForUpdates(on: boolean): void {
    this.#parts.queue.competing = on;
  }

  // --- Queries

  /** Every successful send, edit and delete, in order. */
  get log(): readonly SentRecord[] {
    return this.#parts.store.log;
  }

  /** Successful sends, for one chat or all. */
  sent(chatId?: number): readonly SentRecord[] {
    return this.#parts.store.sentTo(chatId);
  }

  /** Texts (or captions) sent to `chatId`, as sent. */
  messagesTo(chatId: number): string[] {
    return this.sent(chatId).map((r) => r.text ?? r.caption ?? "");
  }

  /** How many sends to `chatId` succeeded. */
  deliveredCount(chatId: number): number {
    return this.sent(chatId).length;
  }

  /** Successful editMessageText/editMessageReplyMarkup calls, for one chat or all. */
  edits(chatId?: number): readonly SentRecord[] {
    return this.#parts.store.editsOf(chatId);
  }

  /** The current state of a message the bot sent (after edits), unless deleted. */
  message(chatId: number, messageId: number): Message | undefined {
    return this.#parts.store.message(chatId, messageId);
  }

  /**
   * A user deletes their message `messageId` in their chat with the bot (for both
   * sides, as in a private chat): a reply to it then needs `allow_sending_without_reply`.
   */
  deleteUserMessage(chatId: number, messageId: number): boolean {
    return this.#parts.store.deleteIncoming(chatId, messageId);
  }

  /** Successful answerCallbackQuery calls, in order. */
  get answers(): readonly CallbackAnswer[] {
    return this.#parts.store.answers;
  }

  /** The answer to one callback query, if the bot gave one. */
  answerFor(callbackQueryId: string): CallbackAnswer | undefined {
    return this.#parts.store.answerFor(callbackQueryId);
  }

  /** Commands set for a scope (object or JSON string; default scope if omitted). */
  commands(
    scope?: BotCommandScope | string,
    languageCode?: string,
  ): BotCommand[] {
    return this.#parts.store.commands.get(scopeKey(scope, languageCode)) ?? [];
  }
}

function describeLast(requests: RecordedRequest[]): string {
  const last = requests.slice(-10);
  if (last.length === 0) return "none";
  return last.map((r) => `${r.method} ${r.status ?? "pending"}`).join(", ");
}
