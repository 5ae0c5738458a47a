/**
 * Telegram's size limits on what a bot sends: text, captions and inline
 * button data, with the errors Telegram answers.
 *
 * @module
 */
import { ApiFailure, ERRORS } from "./types.ts";
import { inlineButtons, toText } from "./util.ts";

/** Most UTF-16 code units of a message text, counted after trimming. */
export const MAX_TEXT_LENGTH = 4096;
/** Most UTF-16 code units of a media caption, counted after trimming. */
export const MAX_CAPTION_LENGTH = 1024;
/** Most UTF-8 bytes of an inline button's `callback_data` (and at least 1). */
export const MAX_CALLBACK_DATA_BYTES = 64;

const encoder = new TextEncoder();

/** The `text` parameter if it is a valid message text; else 400 "message text is empty" or "message is too long". */
export function checkText(value: unknown): string {
  const text = toText(value) ?? "";
  const trimmed = text.trim();
  if (trimmed === "") throw new ApiFailure(400, ERRORS.textEmpty);
  if (trimmed.length > MAX_TEXT_LENGTH) {
    throw new ApiFailure(400, ERRORS.textTooLong);
  }
  return text;
}

/** The `caption` parameter if any; 400 "message caption is too long" beyond the limit. */
export function checkCaption(value: unknown): string | undefined {
  const caption = toText(value);
  if (caption !== undefined && caption.trim().length > MAX_CAPTION_LENGTH) {
    throw new ApiFailure(400, ERRORS.captionTooLong);
  }
  return caption;
}

/** 400 "BUTTON_DATA_INVALID" if an inline button's `callback_data` is empty or over 64 bytes. */
export function checkMarkup(markup: unknown): void {
  for (const button of inlineButtons(markup)) {
    if (!("callback_data" in button)) continue;
    const bytes = encoder.encode(String(button.callback_data)).length;
    if (bytes === 0 || bytes > MAX_CALLBACK_DATA_BYTES) {
      throw new ApiFailure(400, ERRORS.buttonData);
    }
  }
}
