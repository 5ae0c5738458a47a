/**
 * Failure injection of the fake Bot API: blocked and deactivated chats, 5xx
 * and dropped connections on sends, the global and per-chat flood limits,
 * failing getUpdates, another bot instance, and slow methods. The network cut
 * lives in proxy.ts.
 *
 * @module
 */
import {
  ApiFailure,
  type ChatRateLimit,
  ERRORS,
  type FailOptions,
  type FakeBotApiOptions,
  type FakeStats,
  type RateLimit,
  type SlowOptions,
  type UpdatesFailure,
} from "./types.ts";

/** What {@link Faults.beforeSend} returns for a call to end with a broken connection. */
export const DROP = Symbol("drop");

/** The methods that send a message: flood limits, `failNext` and `dropNext` apply to them. */
export const SEND_METHODS: ReadonlySet<string> = new Set([
  "sendMessage",
  "sendDocument",
  "sendPhoto",
  "copyMessage",
  "forwardMessage",
]);

interface Bucket {
  tokens: number;
  at: number;
}

interface Timed {
  ms: number;
  until: number;
}

/** The failures switched on for one fake, and the counters of those answered. */
export class Faults {
  /** Milliseconds between handling a call (any but `getUpdates`) and answering it. */
  latency: number;
  /** While true, getUpdates answers 409 "terminated by other getUpdates request". */
  otherInstance = false;
  #stats: FakeStats;
  #latencyByMethod = new Map<string, Timed>();
  #rateLimit?: RateLimit;
  #acceptedSends: number[] = [];
  #chatRateLimit?: ChatRateLimit;
  #buckets = new Map<number, Bucket>();
  #failures: Required<FailOptions>[] = [];
  #dropNext = 0;
  #blocked = new Set<number>();
  #deactivated = new Set<number>();
  #updatesFailure?: Required<FailOptions> & { left: number; until: number };

  /** Takes the fault options of `FakeBotApi.start` and counts into `stats`. */
  constructor(options: FakeBotApiOptions, stats: FakeStats) {
    this.#stats = stats;
    this.latency = options.latency ?? 0;
    this.#rateLimit = options.rateLimit;
    this.#chatRateLimit = options.chatRateLimit;
    for (const [method, ms] of Object.entries(options.latencyByMethod ?? {})) {
      this.slow(method, ms);
    }
  }

  /** The global flood limit on sends, if any. */
  get rateLimit(): RateLimit | undefined {
    return this.#rateLimit;
  }

  /** Sets or lifts the global flood limit; the window starts empty. */
  set rateLimit(limit: RateLimit | undefined) {
    this.#rateLimit = limit;
    this.#acceptedSends = [];
  }

  /** The per-chat flood limit on sends, if any. */
  get chatRateLimit(): ChatRateLimit | undefined {
    return this.#chatRateLimit;
  }

  /** Sets or lifts the per-chat flood limit; every bucket starts full. */
  set chatRateLimit(limit: ChatRateLimit | undefined) {
    this.#chatRateLimit = limit;
    this.#buckets.clear();
  }

  /** Makes calls to `chatId` fail with 403 "bot was blocked by the user". */
  block(chatId: number): void {
    this.#blocked.add(chatId);
  }

  /** Undoes {@link block}. */
  unblock(chatId: number): void {
    this.#blocked.delete(chatId);
  }

  /** Makes calls to `chatId` fail with 403 "user is deactivated". */
  deactivate(chatId: number): void {
    this.#deactivated.add(chatId);
  }

  /** Makes the next `n` sends fail with a 5xx (500 by default). */
  failNext(n: number, options: FailOptions = {}): void {
    const failure = withDescription(options);
    for (let i = 0; i < n; i++) this.#failures.push(failure);
  }

  /** Makes the next `n` sends end with a broken connection and no answer. */
  dropNext(n: number): void {
    this.#dropNext += n;
  }

  /** Makes getUpdates answer 5xx: the next `times` calls (1 by default) or, with `for`, every call for that long. */
  failUpdates(failure: UpdatesFailure = {}): void {
    this.#updatesFailure = {
      ...withDescription(failure),
      left: failure.times ?? (failure.for === undefined ? 1 : 0),
      until: failure.for === undefined ? 0 : performance.now() + failure.for,
    };
  }

  /** Adds `ms` of latency to the answers of `method` (0 removes it), for good or `for` ms. */
  slow(method: string, ms: number, options: SlowOptions = {}): void {
    if (ms <= 0) this.#latencyByMethod.delete(method);
    else {
      const until = options.for === undefined
        ? Infinity
        : performance.now() + options.for;
      this.#latencyByMethod.set(method, { ms, until });
    }
  }

  /** Milliseconds to wait before answering a call of `method`. */
  latencyFor(method: string): number {
    const base = method === "getUpdates" ? 0 : this.latency;
    const extra = this.#latencyByMethod.get(method);
    if (extra === undefined) return base;
    if (performance.now() < extra.until) return base + extra.ms;
    this.#latencyByMethod.delete(method);
    return base;
  }

  /**
   * Applies the send faults in Telegram's order of discovery: a dropped
   * connection, a 5xx, then the global and per-chat flood limits (429).
   */
  beforeSend(chatId: number | undefined): typeof DROP | undefined {
    if (this.#dropNext > 0) {
      this.#dropNext--;
      this.#stats.dropped++;
      return DROP;
    }
    const failure = this.#failures.shift();
    if (failure) {
      this.#stats.serverErrors++;
      throw new ApiFailure(failure.status, failure.description);
    }
    this.#takeSendSlot(chatId);
    return undefined;
  }

  /** Answers 403 for a blocked or deactivated chat. */
  checkChat(chatId: number): void {
    if (this.#blocked.has(chatId)) {
      this.#stats.forbidden++;
      throw new ApiFailure(403, "Forbidden: bot was blocked by the user");
    }
    if (this.#deactivated.has(chatId)) {
      this.#stats.forbidden++;
      throw new ApiFailure(403, "Forbidden: user is deactivated");
    }
  }

  /** Answers 5xx to getUpdates while {@link failUpdates} says so. */
  beforeGetUpdates(): void {
    const failure = this.#updatesFailure;
    if (!failure) return;
    if (failure.left > 0) failure.left--;
    else if (performance.now() >= failure.until) {
      this.#updatesFailure = undefined;
      return;
    }
    this.#stats.updatesErrors++;
    throw new ApiFailure(failure.status, failure.description);
  }

  /** Answers 409 while another instance polls. */
  checkOtherInstance(): void {
    if (!this.otherInstance) return;
    this.#stats.conflicts++;
    throw new ApiFailure(409, ERRORS.otherInstance);
  }

  /** Rejects with 429 unless both the global window and the chat's bucket have room, then takes both. */
  #takeSendSlot(chatId: number | undefined): void {
    const now = performance.now();
    const limit = this.#rateLimit;
    const window = this.#acceptedSends;
    if (limit) {
      while (window.length > 0 && window[0]! <= now - 1000) window.shift();
      if (window.length >= limit.perSecond) {
        this.#tooMany(chatId, limit.retryAfter ?? 1);
      }
    }
    const bucket = chatId === undefined ? undefined : this.#bucket(chatId, now);
    const chatLimit = this.#chatRateLimit;
    if (bucket && chatLimit && bucket.tokens < 1) {
      const perSecond = chatLimit.perSecond ?? 1;
      const refill = Math.ceil((1 - bucket.tokens) / perSecond);
      this.#stats.chatTooManyRequests++;
      this.#tooMany(chatId, chatLimit.retryAfter ?? Math.max(1, refill));
    }
    if (limit) window.push(now);
    if (bucket) bucket.tokens--;
  }

  /** The chat's bucket refilled up to now, or `undefined` without a per-chat limit. */
  #bucket(chatId: number, now: number): Bucket | undefined {
    const limit = this.#chatRateLimit;
    if (!limit) return undefined;
    const perSecond = limit.perSecond ?? 1;
    const burst = limit.burst ?? Math.max(1, Math.ceil(perSecond));
    let bucket = this.#buckets.get(chatId);
    if (!bucket) {
      bucket = { tokens: burst, at: now };
      this.#buckets.set(chatId, bucket);
    }
    const refilled = bucket.tokens + (now - bucket.at) / 1000 * perSecond;
    bucket.tokens = Math.min(burst, refilled);
    bucket.at = now;
    return bucket;
  }

  #tooMany(chatId: number | undefined, seconds: number): never {
    this.#stats.tooManyRequests++;
    if (chatId !== undefined) {
      const byChat = this.#stats.tooManyRequestsByChat;
      byChat.set(chatId, (byChat.get(chatId) ?? 0) + 1);
    }
    throw new ApiFailure(429, `Too Many Requests: retry after ${seconds}`, {
      retry_after: seconds,
    });
  }
}

const STATUS_TEXT: Record<number, string> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

function withDescription(options: FailOptions): Required<FailOptions> {
  const status = options.status ?? 500;
  return { status, description: options.description ?? STATUS_TEXT[status]! };
}
