/**
 * Signing up: `/start`, the "send me invitations?" answer, and `/stop`. A latecomer, who
 * signs up (or comes back) after a meeting's invitation went out and before the
 * meeting, gets it at once, unless they already had it (or the restore notice that
 * stood for it).
 *
 * @module
 */
import { LANE, OWED } from "../core/owed.ts";
import type { Store } from "../db/store.ts";
import type { Profile, User } from "../db/users.ts";
import { reclaimSeats, releaseSeatsOf } from "./seats.ts";
import { type WeekConfig, weeksAhead } from "./weeks.ts";

/**
 * Creates or refreshes the user and makes them active; a registered one is invited. One
 * who left and comes back gets back the seats still free (see `reclaimSeats`).
 */
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
    reclaimSeats(store, { config: schedule, user, now });
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
    reclaimSeats(store, { config: schedule, user, now });
    return true;
  });
}

/**
 * Unsubscribes the user (`/stop`, or Telegram says the chat is gone): nothing more is
 * sent until they come back, and in the same transaction their seat or place in every
 * meeting ahead is given up, each freed seat going to the first on the waitlist at once
 * (see seats.ts). False for an unknown user.
 */
export function stopUser(
  store: Store,
  { tgId, schedule, now }: { tgId: number; schedule: WeekConfig; now: Date },
): boolean {
  return store.transaction(() => {
    if (!store.users.deactivate(tgId, now)) return false;
    const user = store.users.byTgId(tgId)!;
    releaseSeatsOf(store, { config: schedule, userId: user.id, now });
    return true;
  });
}

/**
 * Enqueues, for `user`, the invitation of every meeting ahead whose invitation already
 * went out to the others, unless it is cancelled. Whoever had the invitation does not
 * get it again: the key is the broadcast's. Whoever had the restore notice instead (it
 * carried the answer buttons) does not get an invitation on top of it.
 */
function inviteLatecomer(
  store: Store,
  { user, schedule, now }: { user: User; schedule: WeekConfig; now: Date },
): void {
  for (const week of weeksAhead(store, { config: schedule, now })) {
    if (
      week.cancelled ||
      store.jobRuns.get(week.id, "invitation") === undefined ||
      hadRestoreNotice(store, { meetingId: week.id, userId: user.id })
    ) {
      continue;
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
}

/** Whether the user was sent the notice that a cancelled meeting takes place after all. */
function hadRestoreNotice(
  store: Store,
  { meetingId, userId }: { meetingId: string; userId: number },
): boolean {
  return store.outbox.countFor({
    kind: OWED.restored,
    ref: meetingId,
    userId,
  }) > 0;
}
