/**
 * Editing the message a button belongs to, where Telegram allows it.
 *
 * @module
 */
import { type Context, GrammyError } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import { describeError } from "../core/errors.ts";
import type { Logger } from "../log.ts";

/**
 * Replaces the text (and buttons) of the message whose button was pressed. A message that
 * is unchanged or can no longer be edited is left as it is: the press was still recorded.
 */
export async function editOrIgnore(
  ctx: Context,
  edit: {
    text: string;
    replyMarkup?: InlineKeyboardMarkup;
    log: Logger;
    /** No link preview (a text with a private address Telegram must not fetch). */
    noPreview?: boolean;
  },
): Promise<void> {
  try {
    await ctx.editMessageText(edit.text, {
      reply_markup: edit.replyMarkup,
      ...(edit.noPreview
        ? { link_preview_options: { is_disabled: true } }
        : {}),
    });
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 400) {
      edit.log.debug("message.not_edited", { error: describeError(error) });
      return;
    }
    throw error;
  }
}

/**
 * Answers a callback query if Telegram still takes the answer. Best effort: a query
 * older than about 10 s is refused, and what the press causes never depends on this.
 * With `alert`, the text is a box the person closes rather than a passing note.
 */
export async function answerQuery(
  ctx: Context,
  answer: { text?: string; alert?: boolean; log: Logger },
): Promise<void> {
  try {
    await ctx.answerCallbackQuery(
      answer.text === undefined ? undefined : {
        text: answer.text,
        ...(answer.alert ? { show_alert: true } : {}),
      },
    );
  } catch (error) {
    answer.log.debug("callback.not_answered", { error: describeError(error) });
  }
}
