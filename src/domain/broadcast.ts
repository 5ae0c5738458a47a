/**
 * Telegram's broadcast limits and the price of going past them: about 30 messages a
 * second for free, up to 1,000 a second with `allow_paid_broadcast` for 0.1 Telegram
 * Stars a message, paid from the bot's balance; and how long an admin's announcement or
 * follow-up may be.
 *
 * @module
 */

/** Messages a second Telegram lets a bot send for free, across all chats. */
export const FREE_MESSAGES_PER_SECOND = 30;

/** Telegram's fee for one message sent with `allow_paid_broadcast`, in Stars. */
export const STARS_PER_PAID_MESSAGE = 0.1;

/** The most a paid broadcast of `messages` messages costs, in whole Stars. */
export function paidBroadcastStars(messages: number): number {
  return Math.ceil(messages * STARS_PER_PAID_MESSAGE - 1e-9);
}

/**
 * The longest text of an announcement or follow-up, in UTF-16 code units as Telegram
 * counts them: one message (Telegram's 4,096). A longer one is refused, not split, so
 * that everyone reads it in one piece.
 */
export const BROADCAST_MAX_LENGTH = 4096;

/** Whether `text` fits in one announcement; `length` as Telegram counts it. */
export function broadcastLength(
  text: string,
): { length: number; fits: boolean } {
  const length = text.length;
  return { length, fits: length <= BROADCAST_MAX_LENGTH };
}
