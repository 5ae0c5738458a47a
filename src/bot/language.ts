/**
 * Each update is answered in its person's language: the one they have (chosen with
 * `/language`, or taken from Telegram's `language_code` at `/start`), else, for someone
 * the bot does not know yet, the one their `language_code` gets. The middleware puts the
 * config in that language on the context (`ctx.config`); features render from it.
 *
 * @module
 */
import type { Context, MiddlewareFn } from "grammy";
import { firstContactLanguage, inLanguage } from "../config/language.ts";
import type { Config } from "../config/schema.ts";
import type { Store } from "../db/store.ts";

/** The context flavor: the config in the language of the update's person. */
export interface LanguageFlavor {
  /** The config with its texts (and zone label) in this person's language. */
  config: Config;
}

/** The context every feature gets. */
export type BotContext = Context & LanguageFlavor;

/**
 * The language code of the person `from`: theirs as stored (the config's own when they
 * have none), or, for someone unknown, what their `language_code` gets.
 */
export function personLanguage(
  { config, store }: { config: Config; store: Store },
  from: { id: number; language_code?: string } | undefined,
): string {
  if (from === undefined) return config.language;
  const user = store.users.byTgId(from.id);
  if (user !== undefined) return inLanguage(config, user.language).language;
  return firstContactLanguage(config, from.language_code);
}

/** The config in the language of `from` (see {@linkcode personLanguage}). */
export function personConfig(
  deps: { config: Config; store: Store },
  from: { id: number; language_code?: string } | undefined,
): Config {
  return inLanguage(deps.config, personLanguage(deps, from));
}

/** Puts the config in the update's person's language on the context. */
export function speakTheirLanguage(
  deps: { config: Config; store: Store },
): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    ctx.config = personConfig(deps, ctx.from);
    return next();
  };
}
