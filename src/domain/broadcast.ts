/**
 * Telegram's broadcast limits and the price of going past them: about 30 messages a
 * second for free, up to 1,000 a second with `allow_paid_broadcast` for 0.1 Telegram
 * Stars a message, paid from the bot's balance.
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
