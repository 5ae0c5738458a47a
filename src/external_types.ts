/**
 * The types of grammY, `@grammyjs/runner` and `yaml` that our exported signatures use,
 * re-exported so that `deno doc --lint` counts them as public (it does not yet treat
 * another package's types as public: denoland/deno#27364). Each is `@ignore`d: those
 * packages document their own types, and their declarations are not ours to lint.
 * Type-only: nothing here is loaded at run time.
 *
 * @module
 */

export type {
  /** @ignore */
  Api,
  /** @ignore */
  Bot,
  /** @ignore */
  BotConfig,
  /** @ignore */
  Composer,
  /** @ignore */
  Context,
  /** @ignore */
  InlineKeyboard,
  /** @ignore */
  MiddlewareFn,
  /** @ignore */
  Transformer,
} from "grammy";
export type {
  /** @ignore */
  BotCommand,
  /** @ignore */
  InlineKeyboardMarkup,
  /** @ignore */
  MessageEntity,
  /** @ignore */
  Update,
  /** @ignore */
  UserFromGetMe,
} from "grammy/types";
export type {
  /** @ignore */
  RunnerHandle,
} from "@grammyjs/runner";
export type {
  /** @ignore */
  LineCounter,
} from "yaml";
