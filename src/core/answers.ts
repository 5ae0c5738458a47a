/**
 * What a participant says about one meeting.
 *
 * @module
 */

/** What a participant said about one meeting. */
export type Answer = "yes" | "no";
