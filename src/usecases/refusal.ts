/**
 * Why an admin's proposed change to one week is refused (proposals.ts checks it when it
 * is proposed and again when it is confirmed), with what the answer names.
 *
 * @module
 */
import type { Week } from "./weeks.ts";

/** Why a change is refused, with what the answer names. */
export type Refusal =
  /** The meeting has started (or is over): too late to change it. */
  | { reason: "started"; week: Week }
  /** It is cancelled: restore it before moving it or changing its link. */
  | { reason: "cancelled"; week: Week }
  /** A skip of a meeting already cancelled. */
  | { reason: "already_skipped"; week: Week }
  /** A restore of a meeting that is not cancelled. */
  | { reason: "not_skipped"; week: Week }
  /** It was changed after the question: the admin decided about something else. */
  | { reason: "changed"; week: Week }
  /** The confirmation came after `DRAFT_LIFETIME_MINUTES` (proposals.ts). */
  | { reason: "expired" }
  /** Not among the weeks `/skip` offers. */
  | { reason: "not_offered"; last: Week }
  /** A move to a time that has passed. */
  | { reason: "past"; to: Date }
  /** A move to the time the meeting already has. */
  | { reason: "same_time"; week: Week }
  /** A move beyond the weeks `/skip` offers (`limit` excluded). */
  | { reason: "too_far"; limit: Date }
  /** A move that would overlap `other` (each lasts `meeting.duration_minutes`). */
  | { reason: "collides"; other: Week }
  /** A new link that is the one it has. */
  | { reason: "same_link"; week: Week }
  /** New seats that are the ones it has (`null`: no limit). */
  | { reason: "same_capacity"; week: Week; capacity: number | null }
  /** Its seats changed after the question: they are `capacity` now. */
  | { reason: "capacity_changed"; week: Week; capacity: number | null };
