/**
 * What counts as an answer, in one place: every report (`/stats` and its history, `/who`)
 * and the attendance export count an answer by this rule and no other.
 *
 * An answer counts while its author is subscribed; once they left (`/stop`, or Telegram
 * said the chat is gone), it still counts for a meeting that began before they left,
 * and no longer for one ahead: they get no reminder and no link for it. The answer
 * buttons take no answer from someone who left (`recordAnswer`).
 *
 * @module
 */

/**
 * The rule as an SQL condition over `users u` and `meetings m` (the answer's author and
 * its meeting): subscribed now, or the meeting (where an admin moved it) began before
 * they left.
 */
export const COUNTED_ANSWER =
  "(u.is_active = 1 OR coalesce(m.moved_to, m.starts_at) <= u.stopped_at)";
