/**
 * Signing up: `/start`, the "send me invitations?" answer, and `/stop`. A latecomer, who
 * signs up (or comes back) after a meeting's invitation went out and before the
 * meeting, gets it at once, unless they already had it (or the restore notice that
 * stood for it). Someone who already asked for invitations is not asked again: their
 * `/start` is welcomed, and the welcome goes before the invitation it brings.
 *
 * @module
 */
import { LANE, OWED } from "../core/owed.ts";
import type { Store } from "../db/store.ts";
import type { Profile, User } from "../db/users.ts";
import { wants } from "../domain/choices.ts";
import { reclaimSeats, releaseSeatsOf } from "./seats.ts";
import { type WeekConfig, weeksAhead } from "./weeks.ts";
import type { TextPayload } from "./jobs.ts";

/**
 * Who sent `/start`: `ask`, someone new or who declined invitations, is asked whether to
 * send them; `back`, someone who had asked for them and left (`/stop`, or the chat was
 * gone), gets them again; `subscribed`, someone who gets them, is told so.
 */
export type StartKind = "ask" | "back" | "subscribed";

/** What `/start` came to. */
export interface StartOutcome {
  /** The user as now stored: active. */
  user: User;
  /** Whether they are asked, welcomed back or told they are subscribed. */
  kind: StartKind;
}

/** The text that welcomes each kind of person who asked for invitations before. */
const WELCOME_TEXTS = {
  back: "start_welcome_back",
  subscribed: "start_subscribed",
} as const;

/**
 * Creates or refreshes the user and makes them active. Someone who asked for
 * invitations before is welcomed (the text for their kind, with `welcome.name`, written
 * in their language when it is sent; owed under `welcome.key`, e.g. the update's id,
 * so that a handled-again update owes it once), then invited to the meetings ahead
 * whose invitation they missed, in that order. One who left and comes back gets back
 * the seats still free (see `reclaimSeats`); the welcome says, for each meeting with a
 * limit they had said yes to, whether the seat is theirs again, and what the seats owe
 * follows it.
 */
export function startUser(
  store: Store,
  { profile, schedule, now, welcome }: {
    profile: Profile;
    schedule: WeekConfig;
    now: Date;
    welcome: { key: string; name: string };
  },
): StartOutcome {
  return store.transaction(() => {
    const before = store.users.byTgId(profile.tg_id);
    const user = store.users.start(profile, now);
    const kind = !user.is_registered
      ? "ask"
      : before?.is_active
      ? "subscribed"
      : "back";
    reclaimSeats(store, {
      config: schedule,
      user,
      now,
      before: (reclaimed) => {
        if (kind === "ask") return;
        store.outbox.add({
          key: `${OWED.text}/${welcome.key}`,
          kind: OWED.text,
          chatId: user.tg_id,
          userId: user.id,
          lane: LANE.reply,
          payload: {
            key: WELCOME_TEXTS[kind],
            values: { name: welcome.name },
            more: reclaimed.filter((r) => r.limited).map((r) => ({
              key: r.seat ? "start_seat_back" : "start_seat_gone",
              meeting_id: r.meeting.id,
            })),
          } satisfies TextPayload,
        }, now);
        inviteLatecomer(store, { user, schedule, now });
      },
    });
    return { user, kind };
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
 * went out to the others, unless it is cancelled, or they turned invitations off or
 * paused its week (`/settings`). Whoever had the invitation does not get it again: the
 * key is the broadcast's. Whoever had the restore notice instead (it carried the answer
 * buttons) does not get an invitation on top of it. Also for one who turns invitations
 * on again, or ends a pause: an invitation dropped unsent then is owed again.
 */
export function inviteLatecomer(
  store: Store,
  { user, schedule, now }: { user: User; schedule: WeekConfig; now: Date },
): void {
  const choices = store.settings.choices(user.id);
  for (const week of weeksAhead(store, { config: schedule, now })) {
    if (
      week.cancelled ||
      store.jobRuns.get(week.id, "invitation") === undefined ||
      !wants(choices, { message: "invitation", weekId: week.id }) ||
      hadRestoreNotice(store, { meetingId: week.id, userId: user.id })
    ) {
      continue;
    }
    const batch = `${OWED.invitation}/${week.id}`;
    const item = {
      key: `${batch}/u${user.id}`,
      batch,
      kind: OWED.invitation,
      ref: week.id,
      chatId: user.tg_id,
      userId: user.id,
      lane: LANE.reply,
    };
    // One dropped unsent (they had paused, turned it off or stopped) is owed again.
    if (store.outbox.byKey(item.key)?.status === "dropped") {
      store.outbox.renew(item, now);
    } else {
      store.outbox.add(item, now);
    }
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
