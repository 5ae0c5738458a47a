/**
 * Small helpers the parts of the fake Bot API share: public helpers for tests
 * (`user`, `scopeKey`, `inlineButtons`) and private ones for the fake.
 *
 * @module
 */
import type {
  BotCommandScope,
  Chat,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  User,
} from "grammy/types";
import type { FakeStats, FakeUser } from "./types.ts";

/** Builds a {@link FakeUser} with a default first name. */
export function user(id: number, overrides: Partial<FakeUser> = {}): FakeUser {
  return { id, first_name: `User ${id}`, ...overrides };
}

/** Canonical key of a command scope (keys sorted), as used by `FakeBotApi.commands`. */
export function scopeKey(
  scope: BotCommandScope | string = { type: "default" },
  languageCode?: string,
): string {
  const object: Record<string, unknown> = typeof scope === "string"
    ? JSON.parse(scope)
    : { ...scope };
  if (languageCode) object.language_code = languageCode;
  const entries = Object.entries(object).sort(([a], [b]) => a < b ? -1 : 1);
  return JSON.stringify(Object.fromEntries(entries));
}

/** All buttons of an inline keyboard, row by row; empty for other markup. */
export function inlineButtons(markup: unknown): InlineKeyboardButton[] {
  return isInlineKeyboard(markup) ? markup.inline_keyboard.flat() : [];
}

/** Whether `markup` is an inline keyboard. */
export function isInlineKeyboard(
  markup: unknown,
): markup is InlineKeyboardMarkup {
  return typeof markup === "object" && markup !== null &&
    Array.isArray((markup as InlineKeyboardMarkup).inline_keyboard);
}

/** An integer from a number or a string of digits, else `undefined`. */
export function toInteger(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}

/** A string parameter, else `undefined`. */
export function toText(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** Whether two values have the same JSON (absent counts as `null`). */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Key of a message in maps of the fake. */
export function messageKey(chatId: number, messageId: number): string {
  return `${chatId}:${messageId}`;
}

/** A fake user as a Bot API `User`. */
export function toUser(from: FakeUser): User {
  return { is_bot: false, ...from };
}

/** The private chat of a user with the bot. */
export function privateChat(from: FakeUser | User): Chat.PrivateChat {
  const chat: Chat.PrivateChat = {
    id: from.id,
    type: "private",
    first_name: from.first_name,
  };
  if (from.last_name !== undefined) chat.last_name = from.last_name;
  if (from.username !== undefined) chat.username = from.username;
  return chat;
}

/** Counters at zero. */
export function newStats(): FakeStats {
  return {
    tooManyRequests: 0,
    chatTooManyRequests: 0,
    tooManyRequestsByChat: new Map(),
    forbidden: 0,
    serverErrors: 0,
    updatesErrors: 0,
    conflicts: 0,
    expiredCallbackQueries: 0,
    dropped: 0,
    cuts: 0,
    connectionsCut: 0,
    answersLost: 0,
  };
}

/** Timed pauses that all end early when the fake closes. */
export class Pauses {
  #closed = false;
  #all = new Set<() => void>();

  /** Whether {@link wakeAll} ended everything for good. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Waits `ms`, or less if woken through `group` or on close. */
  pause(ms: number, group?: Set<() => void>): Promise<void> {
    if (this.#closed) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.#all.delete(wake);
        group?.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.#all.add(wake);
      group?.add(wake);
    });
  }

  /** Wakes every pause in `group` now. */
  wake(group: Set<() => void>): void {
    for (const wake of [...group]) wake();
  }

  /** Ends every pause, now and later. */
  close(): void {
    this.#closed = true;
    for (const wake of [...this.#all]) wake();
  }
}
