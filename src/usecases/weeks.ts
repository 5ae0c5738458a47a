/**
 * A week's meeting as participants meet it: the config's schedule, with what an admin
 * changed for that week (moved, cancelled, its own topic or link) from the database.
 * The config stays the default for every week; the changes live in `meetings`.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import type { Meeting } from "../db/meetings.ts";
import type { Store } from "../db/store.ts";
import {
  meetingById,
  type MeetingSlot,
  slotsAround,
  upcomingMeeting,
} from "../domain/meeting.ts";
import { isoLocalDate, previousOccurrence } from "../domain/time.ts";

/** One week's meeting, with this week's changes applied. */
export interface Week extends MeetingSlot {
  /** When the schedule puts it. */
  scheduledAt: Date;
  /** This week's topic, if an admin set one. */
  topic: string | null;
  /** The link: this week's, or the config's. */
  link: string;
  /** Cancelled by an admin: it takes no answers and gets no jobs. */
  cancelled: boolean;
  /** Bumped by each change calendars must learn (the .ics SEQUENCE). */
  sequence: number;
}

/** What the weeks are read from. */
export type WeekConfig = Pick<Config, "timezone" | "meeting" | "schedule">;

/** The week of a scheduled slot, with its changes. */
export function weekOf(
  store: Store,
  { config, slot }: { config: WeekConfig; slot: MeetingSlot },
): Week {
  return withChanges(config, { slot, row: store.meetings.get(slot.id) });
}

/** The week of `slot` with the changes of its row, if it has one. */
function withChanges(
  config: WeekConfig,
  { slot, row }: { slot: MeetingSlot; row: Meeting | undefined },
): Week {
  const scheduledAt = slot.scheduledAt ?? slot.startsAt;
  return {
    id: slot.id,
    scheduledAt,
    startsAt: row?.moved_to ? new Date(row.moved_to) : scheduledAt,
    topic: row?.topic ?? null,
    link: row?.link ?? config.meeting.link,
    cancelled: row?.status === "cancelled",
    sequence: row?.sequence ?? 0,
  };
}

/** The week whose scheduled date is `id` (`2026-11-25`), if a meeting is scheduled then. */
export function weekById(
  store: Store,
  { config, id }: { config: WeekConfig; id: string },
): Week | undefined {
  const slot = meetingById(config, id);
  return slot === undefined ? undefined : weekOf(store, { config, slot });
}

/**
 * The meetings that have not started by `now`, cancelled ones included, in the order
 * they start (the first `count`, if given): each where it really is (a meeting moved
 * past next week's comes after it). They are the weeks of `slotsAround`, whose span
 * covers every meeting an admin may have moved.
 */
export function weeksAhead(
  store: Store,
  { config, now, count }: { config: WeekConfig; now: Date; count?: number },
): Week[] {
  const weeks = weeksAround(store, { config, now })
    .filter((week) => week.startsAt > now)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  if (weeks.length > 0) return weeks.slice(0, count);
  // Unreachable while moves stay within the span; kept so that the answer is total.
  const after = weeksAround(store, { config, now }).at(-1)!.scheduledAt;
  return [weekOf(store, { config, slot: upcomingMeeting(config, after) })];
}

/** The first meeting that starts after `now`, where it really starts (see `weeksAhead`). */
export function upcomingWeek(
  store: Store,
  { config, now }: { config: WeekConfig; now: Date },
): Week {
  return weeksAhead(store, { config, now })[0]!;
}

/**
 * Whether a meeting scheduled at `id` lies beyond the weeks around `now` (see
 * `slotsAround`): no button the bot sent names one, and nothing is recorded for it.
 */
export function beyondWeeksAround(
  config: WeekConfig,
  { id, now }: { id: string; now: Date },
): boolean {
  const slots = slotsAround(config, now);
  return id < slots[0]!.id || id > slots.at(-1)!.id;
}

/** Weeks back that a follow-up may be about. */
const HELD_LOOKBACK_WEEKS = 8;

/** The last meeting that has started by `now` and was not cancelled (for a follow-up). */
export function lastHeldWeek(
  store: Store,
  { config, now }: { config: WeekConfig; now: Date },
): Week | undefined {
  const held = weeksAround(store, { config, now })
    .filter((week) => week.startsAt <= now && !week.cancelled)
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime())[0];
  if (held !== undefined) return held;
  let at = upcomingMeeting(config, now).startsAt;
  for (let i = 0; i < HELD_LOOKBACK_WEEKS; i++) {
    at = previousOccurrence(config.meeting, {
      timeZone: config.timezone,
      before: at,
    });
    const week = weekOf(store, {
      config,
      slot: { id: isoLocalDate(at, config.timezone), startsAt: at },
    });
    if (week.startsAt <= now && !week.cancelled) return week;
  }
  return undefined;
}

/**
 * The meetings of the last weeks that began by `now`, were not cancelled and that the
 * bot knew of (it has a row for each: an invitation, an answer, a change), oldest first:
 * those whose jobs after the meeting may still be due.
 */
export function heldWeeks(
  store: Store,
  { config, now }: { config: WeekConfig; now: Date },
): Week[] {
  const slots = slotsAround(config, now);
  const rows = new Map(
    store.meetings.between(slots[0]!.id, slots.at(-1)!.id).map((
      row,
    ) => [row.id, row]),
  );
  return slots.filter((slot) => rows.has(slot.id))
    .map((slot) => withChanges(config, { slot, row: rows.get(slot.id) }))
    .filter((week) => week.startsAt <= now && !week.cancelled)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/**
 * The scheduled meetings of `slotsAround` (from six weeks before the upcoming one to six
 * after), with their changes (one query), in the order they are scheduled.
 */
export function weeksAround(
  store: Store,
  { config, now }: { config: WeekConfig; now: Date },
): Week[] {
  const slots = slotsAround(config, now);
  const rows = new Map(
    store.meetings.between(slots[0]!.id, slots.at(-1)!.id).map((
      row,
    ) => [row.id, row]),
  );
  return slots.map((slot) =>
    withChanges(config, { slot, row: rows.get(slot.id) })
  );
}
