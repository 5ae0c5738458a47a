/**
 * The last word: an unknown command, any other message, and a button the bot does not
 * know all get a short polite reply and change nothing.
 *
 * @module
 */
import { Composer } from "grammy";
import type { BotContext } from "../language.ts";
import type { FeatureDeps } from "../context.ts";
import { answerQuery } from "../edit.ts";

/** The fallback feature; register it after every other. */
export function fallbackFeature(deps: FeatureDeps): Composer<BotContext> {
  const { log } = deps;
  const feature = new Composer<BotContext>();
  feature.on("callback_query", async (ctx) => {
    const { config } = ctx;
    log.warn("button.unknown", {
      user: ctx.from.id,
      data: ctx.callbackQuery.data,
    });
    await answerQuery(ctx, { text: config.texts.bad_button, log });
  });
  feature.chatType("private").on("message", async (ctx) => {
    const { config } = ctx;
    const isCommand = ctx.message.text?.startsWith("/") ?? false;
    await ctx.reply(
      isCommand ? config.texts.unknown_command : config.texts.unknown_message,
    );
  });
  return feature;
}
