/**
 * The update queue of the fake Bot API: updates tests inject, long-polling
 * getUpdates confirmed by offset, and the webhook that makes getUpdates
 * answer 409 as Telegram does.
 *
 * @module
 */
import type { Update, WebhookInfo } from "grammy/types";
import type { ChatStore } from "./chats.ts";
import type { Faults } from "./faults.ts";
import { ApiFailure, ERRORS, type FakeStats, type Params } from "./types.ts";
import { type Pauses, toInteger, toText } from "./util.ts";

/** An update to inject; numbered by the queue if `update_id` is absent. */
export type NewUpdate = Omit<Update, "update_id"> & { update_id?: number };

/** What {@link UpdateQueue} works with. */
export interface UpdateQueueParts {
  store: ChatStore;
  faults: Faults;
  pauses: Pauses;
  stats: FakeStats;
  /** The id of the first update; 1 by default. */
  firstUpdateId?: number;
  /** Called after every injected update, for the fake's waiters. */
  onChange: () => void;
}

/** Injected updates not yet confirmed, served to getUpdates. */
export class UpdateQueue {
  #parts: UpdateQueueParts;
  #queue: Update[] = [];
  #head = 0;
  #nextUpdateId = 1;
  #pollers = new Set<() => void>();
  #webhookUrl = "";
  #polls = 0;
  #latestPoll = 0;
  /** As Telegram: a getUpdates ends the one already waiting with 409 (two instances). */
  competing = false;

  /** An empty queue. */
  constructor(parts: UpdateQueueParts) {
    this.#parts = parts;
    this.#nextUpdateId = parts.firstUpdateId ?? 1;
  }

  /** Number of queued updates not yet confirmed by a getUpdates offset. */
  get pending(): number {
    return this.#queue.length - this.#head;
  }

  /** The webhook URL set through setWebhook; "" if none. */
  get webhookUrl(): string {
    return this.#webhookUrl;
  }

  /** Queues an update and wakes pending long polls. */
  inject(update: NewUpdate): Update {
    const full: Update = {
      ...update,
      update_id: update.update_id ?? this.#nextUpdateId,
    };
    this.#nextUpdateId = Math.max(this.#nextUpdateId, full.update_id + 1);
    this.#parts.store.remember(full);
    this.#queue.push(full);
    this.wakePollers();
    this.#parts.onChange();
    return full;
  }

  /** Ends pending long polls now (they answer what is queued, or a 409). */
  wakePollers(): void {
    this.#parts.pauses.wake(this.#pollers);
  }

  /**
   * getUpdates: 409 while a webhook is set or another instance polls;
   * otherwise confirms updates below `offset`, waits up to `timeout` seconds
   * for one, and answers at most `limit` (1–100).
   */
  async getUpdates(params: Params): Promise<Update[]> {
    this.#checkConflict();
    const poll = ++this.#polls;
    if (this.competing) {
      this.#latestPoll = poll;
      this.wakePollers(); // the poll waiting, if any, was another instance's
    }
    const offset = toInteger(params.offset);
    if (offset !== undefined) this.confirm(offset);
    const limit = Math.min(Math.max(toInteger(params.limit) ?? 100, 1), 100);
    const timeout = Math.max(toInteger(params.timeout) ?? 0, 0);
    const { pauses } = this.#parts;
    if (this.pending === 0 && timeout > 0) {
      await pauses.pause(timeout * 1000, this.#pollers);
    }
    if (pauses.closed) return [];
    this.#checkConflict();
    if (this.competing && this.#latestPoll !== poll) {
      this.#parts.stats.conflicts++;
      throw new ApiFailure(409, ERRORS.otherInstance);
    }
    return this.#queue.slice(this.#head, this.#head + limit);
  }

  /** setWebhook: from now on getUpdates answers 409; ends pending polls. */
  setWebhook(params: Params): true {
    const url = toText(params.url) ?? "";
    if (url !== "" && !/^https?:\/\//.test(url)) {
      throw new ApiFailure(400, "Bad Request: bad webhook: invalid URL");
    }
    this.#webhookUrl = url;
    if (params.drop_pending_updates === true) this.confirm(this.#nextUpdateId);
    this.wakePollers();
    return true;
  }

  /** deleteWebhook: getUpdates works again; drops the queue if asked. */
  deleteWebhook(params: Params): true {
    this.#webhookUrl = "";
    if (params.drop_pending_updates === true) this.confirm(this.#nextUpdateId);
    return true;
  }

  /** getWebhookInfo. */
  webhookInfo(): WebhookInfo {
    return {
      url: this.#webhookUrl,
      has_custom_certificate: false,
      pending_update_count: this.pending,
    };
  }

  /** Drops queued updates whose id is below `offset`. */
  confirm(offset: number): void {
    while (
      this.#head < this.#queue.length &&
      this.#queue[this.#head]!.update_id < offset
    ) {
      this.#head++;
    }
    if (this.#head >= 1024 && this.#head * 2 >= this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
  }

  #checkConflict(): void {
    if (this.#webhookUrl !== "") {
      this.#parts.stats.conflicts++;
      throw new ApiFailure(409, ERRORS.webhookActive);
    }
    this.#parts.faults.checkOtherInstance();
  }
}
