/**
 * A week's meeting as participants meet it: the config's schedule, with what an admin
 * changed for that week (moved, cancelled, its own topic or link) from the database.
 * The config stays the default for every week; the changes live in `meetings`.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
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
  const row = store.meetings.get(slot.id);
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
 * The first meeting that starts after `now`, where it really starts: this week's may
 * have been moved past next week's scheduled start, or before `now`.
 */
export function upcomingWeek(
  store: Store,
  { config, now }: { config: WeekConfig; now: Date },
): Week {
  return weeksAround(store, { config, now })
    .filter((week) => week.startsAt > now)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0]!;
}

/** The next `count` weeks from the upcoming one, in order (for cancelling ahead). */
export function weeksAhead(
  store: Store,
  { config, now, count }: { config: WeekConfig; now: Date; count: number },
): Week[] {
  const weeks = [upcomingWeek(store, { config, now })];
  while (weeks.length < count) {
    const last = weeks.at(-1)!;
    const slot = upcomingMeeting(config, last.scheduledAt);
    weeks.push(weekOf(store, { config, slot }));
  }
  return weeks;
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

/** Last week's, this week's and next week's scheduled meetings, with their changes. */
function weeksAround(
  store: Store,
  { config, now }: { config: WeekConfig; now: Date },
): Week[] {
  return slotsAround(config, now).map((slot) =>
    weekOf(store, { config, slot })
  );
}
