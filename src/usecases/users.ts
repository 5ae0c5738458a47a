/**
 * Signing up: `/start`, the "send me invitations?" answer, and `/stop`. A latecomer, who
 * signs up (or comes back) after this week's invitation went out and before the meeting,
 * gets it at once.
 *
 * @module
 */
import { LANE, OWED } from "../core/owed.ts";
import type { Store } from "../db/store.ts";
import type { Profile, User } from "../db/users.ts";
import { upcomingWeek, type WeekConfig } from "./weeks.ts";

/** Creates or refreshes the user and makes them active; a registered one is invited. */
export function startUser(
  store: Store,
  { profile, schedule, now }: {
    profile: Profile;
    schedule: WeekConfig;
    now: Date;
  },
): User {
  return store.transaction(() => {
    const user = store.users.start(profile, now);
    if (user.is_registered) inviteLatecomer(store, { user, schedule, now });
    return user;
  });
}

/**
 * Sets whether the user wants invitations; false for an unknown user. Saying yes after
 * this week's invitation went out brings it at once.
 */
export function setRegistration(
  store: Store,
  { tgId, registered, schedule, now }: {
    tgId: number;
    registered: boolean;
    schedule: WeekConfig;
    now: Date;
  },
): boolean {
  return store.transaction(() => {
    const user = store.users.setRegistered({ tgId, registered }, now);
    if (user === undefined) return false;
    if (registered) inviteLatecomer(store, { user, schedule, now });
    return true;
  });
}

/**
 * Enqueues this week's invitation for `user` if it already went out to the others and
 * the meeting is ahead and not cancelled. The key is the broadcast's, so whoever had it
 * does not get it again.
 */
function inviteLatecomer(
  store: Store,
  { user, schedule, now }: { user: User; schedule: WeekConfig; now: Date },
): void {
  const week = upcomingWeek(store, { config: schedule, now });
  if (
    week.cancelled || store.jobRuns.get(week.id, "invitation") === undefined
  ) {
    return;
  }
  const batch = `${OWED.invitation}/${week.id}`;
  store.outbox.add({
    key: `${batch}/u${user.id}`,
    batch,
    kind: OWED.invitation,
    ref: week.id,
    chatId: user.tg_id,
    userId: user.id,
    lane: LANE.reply,
  }, now);
}
