/**
 * How admin features answer: texts of any length, and the confirm buttons of an action.
 *
 * @module
 */
import { InlineKeyboard } from "grammy";
import type { BotContext } from "../../language.ts";
import type { MessageEntity } from "grammy/types";
import type { Config } from "../../../config/schema.ts";
import { splitText } from "../../../messages/limits.ts";

/** Replies with a text of any length, split at line breaks under Telegram's limit. */
export async function replyLong(
  ctx: BotContext,
  text: string,
  options: { entities?: MessageEntity[]; keyboard?: InlineKeyboard } = {},
): Promise<void> {
  const parts = splitText(text, { entities: options.entities });
  for (const [index, part] of parts.entries()) {
    const last = index === parts.length - 1;
    await ctx.reply(part.text, {
      entities: part.entities,
      reply_markup: last ? options.keyboard : undefined,
      link_preview_options: { is_disabled: true },
    });
  }
}

/** Confirm / abort buttons of a draft action: `act:<id>:yes` and `act:<id>:no`. */
export function confirmKeyboard(
  config: Pick<Config, "texts">,
  draftId: number,
): InlineKeyboard {
  return new InlineKeyboard()
    .text(config.texts.button_confirm, `act:${draftId}:yes`)
    .text(config.texts.button_abort, `act:${draftId}:no`);
}
