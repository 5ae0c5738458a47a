/**
 * `/language`: the person picks the language the bot writes to them in, with one button
 * per language the config has (each named in its own words), or names it
 * (`/language en`). The choice is stored at once; every message owed to them from then
 * on, also one already queued, is rendered in it, and their chat's command menu follows.
 * A language the config does not have, or a forged button, changes nothing: a short
 * answer says so.
 *
 * @module
 */
import { Composer, InlineKeyboard } from "grammy";
import { inLanguage, languageCodes } from "../../config/language.ts";
import { renderText } from "../../config/language.ts";
import type { FeatureDeps } from "../context.ts";
import { answerQuery, editOrIgnore } from "../edit.ts";
import type { BotContext } from "../language.ts";
import { setChatMenu } from "../menus.ts";

/** Button data of a language: `lang:<code>`. */
export function languageData(code: string): string {
  return `lang:${code}`;
}

/** The language feature. */
export function languageFeature(deps: FeatureDeps): Composer<BotContext> {
  const { config, store, log, now } = deps;
  const feature = new Composer<BotContext>();

  /** Stores `code` as the person's language, if the config has it; whether it did. */
  async function choose(ctx: BotContext, code: string): Promise<boolean> {
    if (!languageCodes(config).includes(code)) return false;
    const from = ctx.from!;
    await store.write(() =>
      store.users.setLanguage({
        tg_id: from.id,
        first_name: from.first_name,
        last_name: from.last_name,
        username: from.username,
        language: code,
      }, now())
    );
    ctx.config = inLanguage(config, code);
    log.info("user.language", { user: from.id, language: code });
    await setChatMenu(ctx.api, { config: ctx.config, chatId: from.id, log });
    return true;
  }

  feature.command("language", async (ctx) => {
    const asked = ctx.match.trim().toLowerCase();
    if (asked === "") {
      const keyboard = new InlineKeyboard();
      for (const code of languageCodes(config)) {
        keyboard.text(
          inLanguage(config, code).texts.language_name,
          languageData(code),
        );
      }
      await ctx.reply(ctx.config.texts.language_choose, {
        reply_markup: keyboard,
      });
      return;
    }
    if (!await choose(ctx, asked)) {
      await ctx.reply(
        renderText(ctx.config, "language_unknown", {
          text: asked.slice(0, 20),
        }),
      );
      return;
    }
    await ctx.reply(ctx.config.texts.language_set);
  });

  feature.callbackQuery(/^lang:(.*)$/, async (ctx) => {
    const code = ctx.match[1]!;
    if (!await choose(ctx, code)) {
      log.warn("user.language_refused", { user: ctx.from.id });
      await answerQuery(ctx, { text: ctx.config.texts.bad_button, log });
      return;
    }
    await editOrIgnore(ctx, { text: ctx.config.texts.language_set, log });
    await answerQuery(ctx, { log });
  });

  return feature;
}
