/**
 * A person's own settings as use cases: their time zone, the messages they turn off or
 * on, and a pause of whole weeks that keeps the subscription and ends by itself, with one
 * message the week it ends. Turning invitations back on, or ending a pause early, brings
 * this week's invitation at once if it already went out (as to a latecomer).
 *
 * A pause is kept as the last week it skips (domain/choices.ts): "N weeks" skips the
 * upcoming meeting and the N − 1 after it; "until a date" skips every week whose meeting
 * is scheduled on or before that date in the person's zone. When the last skipped week's
 * meeting is over (cancelled or not), each person whose pause it ended is owed the note,
 * once, through the outbox.
 *
 * @module
 */
import { LANE, OWED } from "../core/owed.ts";
import type { Config } from "../config/schema.ts";
import type { Store } from "../db/store.ts";
import type { User } from "../db/users.ts";
import {
  checkPauseDate,
  type Choice,
  type PauseRefusal,
} from "../domain/choices.ts";
import { meetingEnd } from "../domain/meeting.ts";
import {
  type CalendarDate,
  isoLocalDate,
  localParts,
  localToInstant,
  nextOccurrence,
  previousOccurrence,
} from "../domain/time.ts";
import { inviteLatecomer } from "./users.ts";
import { upcomingWeek, type WeekConfig, weeksAround } from "./weeks.ts";

/** What the settings read: the weeks, the meeting's zone, the meeting's length. */
export type SettingsConfig = WeekConfig & Pick<Config, "timezone">;

/**
 * Sets the zone `user` reads times in; the meeting's own zone is kept as none (it then
 * follows the config). False when it was so already.
 */
export function setZone(
  store: Store,
  { user, timezone, config, now }: {
    user: User;
    timezone: string;
    config: SettingsConfig;
    now: Date;
  },
): boolean {
  const zone = timezone === config.timezone ? null : timezone;
  return store.settings.setZone({ userId: user.id, timezone: zone }, now);
}

/**
 * Turns `message` on or off for `user`; turning invitations back on brings the
 * invitation of a meeting ahead that already went out. False when it was so already.
 */
export function setMessage(
  store: Store,
  { user, message, on, config, now }: {
    user: User;
    message: Choice;
    on: boolean;
    config: SettingsConfig;
    now: Date;
  },
): boolean {
  return store.transaction(() => {
    const changed = store.settings.setMuted(
      { userId: user.id, message, muted: !on },
      now,
    );
    if (changed && on && message === "invitation") {
      inviteLatecomer(store, { user, schedule: config, now });
    }
    return changed;
  });
}

/** The id of the week `weeks` weeks on from the upcoming meeting (1: that meeting). */
function weeksOn(
  store: Store,
  { config, now, weeks }: { config: SettingsConfig; now: Date; weeks: number },
): string {
  let at = upcomingWeek(store, { config, now }).scheduledAt;
  for (let i = 1; i < weeks; i++) {
    at = nextOccurrence(config.meeting, {
      timeZone: config.timezone,
      after: at,
    });
  }
  return isoLocalDate(at, config.timezone);
}

/** What a pause came to: the last week it skips, or why it was refused. */
export type PauseOutcome =
  | { kind: "paused"; through: string }
  | { kind: "refused"; reason: PauseRefusal | "no_meeting" };

/** Pauses `user` for the upcoming meeting and the `weeks` − 1 after it. */
export function pauseForWeeks(
  store: Store,
  { user, weeks, config, now }: {
    user: User;
    weeks: number;
    config: SettingsConfig;
    now: Date;
  },
): PauseOutcome {
  const through = weeksOn(store, { config, now, weeks });
  store.settings.setPause({ userId: user.id, through }, now);
  return { kind: "paused", through };
}

/**
 * Pauses `user` for every week whose meeting is scheduled on or before `last` (a local
 * date in `timezone`, their zone): refused for a date that has passed there, one more
 * than a year ahead, or one before the upcoming meeting (nothing to skip). Nothing is
 * changed when refused.
 */
export function pauseUntil(
  store: Store,
  { user, last, timezone, config, now }: {
    user: User;
    last: CalendarDate;
    timezone: string;
    config: SettingsConfig;
    now: Date;
  },
): PauseOutcome {
  const refusal = checkPauseDate(last, localParts(now, timezone));
  if (refusal !== undefined) return { kind: "refused", reason: refusal };
  const dayAfter = Temporal.PlainDate.from(last).add({ days: 1 });
  const end = localToInstant(
    { date: dayAfter, time: { hour: 0, minute: 0 } },
    timezone,
  );
  const through = isoLocalDate(
    previousOccurrence(config.meeting, {
      timeZone: config.timezone,
      before: end,
    }),
    config.timezone,
  );
  if (through < upcomingWeek(store, { config, now }).id) {
    return { kind: "refused", reason: "no_meeting" };
  }
  store.settings.setPause({ userId: user.id, through }, now);
  return { kind: "paused", through };
}

/**
 * Ends `user`'s pause now, without the note (they ended it themselves): the invitation
 * of a meeting ahead that went out comes at once. False when there was none.
 */
export function endPause(
  store: Store,
  { user, config, now }: { user: User; config: SettingsConfig; now: Date },
): boolean {
  return store.transaction(() => {
    if (!store.settings.setPause({ userId: user.id, through: null }, now)) {
      return false;
    }
    const fresh = store.users.byId(user.id)!;
    inviteLatecomer(store, { user: fresh, schedule: config, now });
    return true;
  });
}

/** How long after the last skipped meeting's end the note still goes out (downtime). */
const NOTE_KEPT_MS = 7 * 86_400_000;

/** The weeks around `now`, cancelled ones too, each with the end of its meeting. */
function weekEnds(
  store: Store,
  { config, now }: { config: SettingsConfig; now: Date },
): { id: string; end: Date }[] {
  return weeksAround(store, { config, now }).map((week) => ({
    id: week.id,
    end: meetingEnd(week, config.meeting.duration_minutes),
  }));
}

/**
 * Owes each active person whose pause ended with a week whose meeting is now over (in
 * the last week) the note that it ended, once (keyed by the week and the person), in
 * one transaction. Returns how many notes were new; safe to call again.
 */
export function endPauses(
  store: Store,
  { config, now }: { config: SettingsConfig; now: Date },
): number {
  let added = 0;
  for (const { id, end } of weekEnds(store, { config, now })) {
    if (end > now || now.getTime() - end.getTime() > NOTE_KEPT_MS) continue;
    added += store.outbox.addBroadcast({ to: "pause_ended", meetingId: id }, {
      kind: OWED.pause_ended,
      ref: id,
      lane: LANE.notice,
      now,
    });
  }
  return added;
}

/** When the next pause of an active person ends after `now` (for a wake-up), if one does. */
export function nextPauseEnd(
  store: Store,
  { config, now }: { config: SettingsConfig; now: Date },
): Date | undefined {
  const weeks = weekEnds(store, { config, now });
  const ends = new Set(store.settings.pauseEnds(weeks[0]!.id));
  return weeks.find(({ id, end }) => ends.has(id) && end > now)?.end;
}
