/**
 * Telegram's size limits, and splitting a long text into messages that fit, at line
 * boundaries where it can, keeping formatting entities with their text.
 *
 * Lengths are in UTF-16 code units, as Telegram counts them (and as entity offsets are).
 *
 * @module
 */
import type { MessageEntity } from "grammy/types";

/** Longest message text. */
export const TEXT_LIMIT = 4096;
/** Longest caption of a document or photo. */
export const CAPTION_LIMIT = 1024;
/** Longest `callback_data` of a button, in UTF-8 bytes. */
export const CALLBACK_DATA_LIMIT = 64;

/** One message's worth of a longer text, with the entities that fall in it. */
export interface TextPart {
  /** At most the limit, trailing whitespace trimmed. */
  text: string;
  /** Those within the part, offsets from its start; left out when none. */
  entities?: MessageEntity[];
}

/**
 * Splits `text` into parts of at most `limit` code units: after the last line break that
 * fits, else after the last space, else at the limit (never inside a surrogate pair).
 * Entities are cut at part boundaries and shifted into each part.
 */
export function splitText(
  text: string,
  options: { limit?: number; entities?: readonly MessageEntity[] } = {},
): TextPart[] {
  const limit = options.limit ?? TEXT_LIMIT;
  const parts: TextPart[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + limit);
    if (end < text.length) {
      const window = text.slice(start, end);
      const newline = window.lastIndexOf("\n");
      const space = window.lastIndexOf(" ");
      if (newline > 0) end = start + newline + 1;
      else if (space > 0) end = start + space + 1;
      else if (isHighSurrogate(text.charCodeAt(end - 1))) end--;
    }
    const chunk = text.slice(start, end);
    const trimmed = chunk.replace(/\s+$/, "");
    const part: TextPart = { text: trimmed };
    if (options.entities !== undefined) {
      const entities = entitiesIn(options.entities, {
        start,
        end: start + trimmed.length,
      });
      if (entities.length > 0) part.entities = entities;
    }
    if (trimmed.trim() !== "") parts.push(part);
    start = end;
  }
  return parts.length > 0 ? parts : [{ text }];
}

/** Cuts `text` to at most `limit` code units, ending with "…" when it was cut. */
export function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit - 1;
  if (isHighSurrogate(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end) + "…";
}

/** The UTF-8 length of `text`, as Telegram measures `callback_data`. */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

function entitiesIn(
  entities: readonly MessageEntity[],
  { start, end }: { start: number; end: number },
): MessageEntity[] {
  const inside: MessageEntity[] = [];
  for (const entity of entities) {
    const from = Math.max(entity.offset, start);
    const to = Math.min(entity.offset + entity.length, end);
    if (to <= from) continue;
    inside.push({ ...entity, offset: from - start, length: to - from });
  }
  return inside;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * `header` above `body`, with the body's formatting moved along; the body alone when
 * there is no header or the two would not fit in `limit`.
 */
export function withHeader(
  header: string | undefined,
  body: { text: string; entities?: readonly MessageEntity[]; limit: number },
): { text: string; entities?: MessageEntity[] } {
  const entities = body.entities === undefined ? undefined : [...body.entities];
  if (!header) return { text: body.text, entities };
  const prefix = `${header}\n\n`;
  const text = prefix + body.text;
  if (text.length > body.limit) return { text: body.text, entities };
  return {
    text,
    entities: entities?.map((e) => ({
      ...e,
      offset: e.offset + prefix.length,
    })),
  };
}
