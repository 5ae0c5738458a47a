/**
 * Seats: a meeting's capacity (`meeting.capacity`, or one week's own from `/capacity`),
 * who holds a seat, and a fair waitlist.
 *
 * A "yes" takes a free seat, or a place at the end of the waitlist when none is free, in
 * the order the presses were committed (db/seats.ts). A seat freed by a "no", a `/stop`
 * (or a chat Telegram says is gone) or a larger capacity goes at once to the first on
 * the waitlist: {@linkcode fillSeats} runs in the transaction of the change that freed it
 * and owes, in the same transaction, the message that says so (with the link once the
 * reminders went out), the calendar file and the edit of each of their messages with the
 * meeting's buttons (one per message, db/week_edits.ts), so that a crash can neither
 * give one seat to two people nor lose the promotion. A smaller capacity takes no seat
 * from anyone who has one: the next seats that free up are not given again until the
 * count is under it.
 *
 * @module
 */
import { keys, LANE, OWED } from "../core/owed.ts";
import type { Store } from "../db/store.ts";
import type { User } from "../db/users.ts";
import { slotsAround } from "../domain/meeting.ts";
import { oweCalendarFile } from "./calendar_files.ts";
import { type Week, weekById, type WeekConfig } from "./weeks.ts";

/** A meeting's seats as admins read them (`/stats`, `/who`, the host's report). */
export interface SeatFigures {
  /** The seats that week; `null`: no limit. */
  capacity: number | null;
  /** Those who hold a seat. */
  seated: number;
  /** Those waiting for one. */
  waitlist: number;
  /** Seats still free; `null` without a limit. */
  free: number | null;
  /** Seats that went to someone from the waitlist. */
  promotions: number;
}

/** The meeting's seats that week: its own (`/capacity`), else the config's; `null`: no limit. */
export function capacityOf(
  store: Store,
  { config, meetingId }: { config: WeekConfig; meetingId: string },
): number | null {
  const own = store.seats.ownCapacity(meetingId);
  return own.set ? own.capacity : config.meeting.capacity;
}

/** The seat figures of a meeting: what `/stats`, `/who` and the host's report show. */
export function seatFigures(
  store: Store,
  { config, meetingId }: { config: WeekConfig; meetingId: string },
): SeatFigures {
  const capacity = capacityOf(store, { config, meetingId });
  const { seated, waitlist } = store.seats.counts(meetingId);
  return {
    capacity,
    seated,
    waitlist,
    free: capacity === null ? null : Math.max(0, capacity - seated),
    promotions: store.seats.promotions(meetingId),
  };
}

/**
 * Where a "yes" pressed now goes: a seat while one is free, else the waitlist. Freed
 * seats go to those already waiting first (see {@linkcode fillSeats}), so nobody new
 * passes them.
 */
export function seatForYes(
  store: Store,
  { config, meeting, now }: { config: WeekConfig; meeting: Week; now: Date },
): "seat" | "waitlist" {
  fillSeats(store, { config, meeting, now });
  const { free } = seatFigures(store, { config, meetingId: meeting.id });
  return free === null || free > 0 ? "seat" : "waitlist";
}

/** The 1-based place on the waitlist of the user, if they are waiting. */
export function waitlistPlace(
  store: Store,
  { meetingId, userId }: { meetingId: string; userId: number },
): number | undefined {
  const held = store.seats.held(meetingId, userId);
  if (held?.seat !== "waitlist" || held.queued === null) return undefined;
  return store.seats.place(meetingId, held.queued);
}

/**
 * Gives every free seat of the meeting to the first on the waitlist, in order, while it
 * is ahead and not cancelled; each promotion owes its messages in this transaction.
 * Returns how many were promoted.
 */
export function fillSeats(
  store: Store,
  { config, meeting, now }: { config: WeekConfig; meeting: Week; now: Date },
): number {
  if (meeting.cancelled || now >= meeting.startsAt) return 0;
  const { free } = seatFigures(store, { config, meetingId: meeting.id });
  if (free === 0) return 0;
  const next = store.seats.waitlist(meeting.id, free ?? -1);
  for (const user of next) promote(store, { meeting, user, now });
  return next.length;
}

/** Gives the seat to `user`, first on the waitlist, with what it owes them. */
function promote(
  store: Store,
  { meeting, user, now }: { meeting: Week; user: User; now: Date },
): void {
  const queued = store.seats.held(meeting.id, user.id)?.queued ?? 0;
  store.seats.promote({ meetingId: meeting.id, userId: user.id }, now);
  const item = { ref: meeting.id, chatId: user.tg_id, userId: user.id };
  store.outbox.add({
    ...item,
    key: keys.seatGranted(meeting.id, user.id, queued),
    kind: OWED.seat_granted,
    lane: LANE.notice,
  }, now);
  oweCalendarFile(store, { meetingId: meeting.id, user, now });
  // The messages with this meeting's buttons (those they pressed, and the invitation
  // under a nudge they answered) said "waitlist": they say "coming" now, one edit each.
  store.outbox.renewWeekEdits(
    {
      meetingId: meeting.id,
      user: { id: user.id, chatId: user.tg_id },
      buttonsOnly: true,
    },
    { lane: LANE.reply, now },
  );
}

/** The reminders, latest first: a late seat gets the latest that went out. */
const REMINDERS = ["second_reminder", "first_reminder"] as const;

/**
 * What a seat taken by a "yes" owes besides the calendar file: the latest reminder (with
 * the link) if the reminders already went out.
 */
export function oweMissedReminder(
  store: Store,
  { meeting, user, now }: { meeting: Week; user: User; now: Date },
): void {
  const missed = REMINDERS.find((job) =>
    store.jobRuns.get(meeting.id, job) !== undefined
  );
  if (missed === undefined) return;
  // The same key as the broadcast's: whoever had it does not get it again.
  store.outbox.add({
    key: `${OWED[missed]}/${meeting.id}/u${user.id}`,
    batch: `${OWED[missed]}/${meeting.id}`,
    kind: OWED[missed],
    ref: meeting.id,
    chatId: user.tg_id,
    userId: user.id,
    lane: LANE.reply,
  }, now);
}

/**
 * Gives up the user's seat or place in every meeting ahead (they left: `/stop`, or
 * Telegram says the chat is gone), each freed seat going to the waitlist at once. Their
 * answers stay. Returns how many were promoted.
 */
export function releaseSeatsOf(
  store: Store,
  { config, userId, now }: { config: WeekConfig; userId: number; now: Date },
): number {
  let promoted = 0;
  for (const id of store.seats.heldFrom(userId, firstAround(config, now))) {
    const meeting = weekById(store, { config, id });
    if (meeting === undefined || meeting.startsAt <= now) continue;
    if (store.seats.release(id, userId) === "seat") {
      promoted += fillSeats(store, { config, meeting, now });
    }
  }
  return promoted;
}

/** A meeting ahead that one who came back had said yes to: is the seat theirs again? */
export interface Reclaimed {
  /** The meeting. */
  meeting: Week;
  /** True: the seat is theirs again; false: no seat was free (others wait for it). */
  seat: boolean;
  /** Whether the meeting has a limit that week (without one, the seat is always back). */
  limited: boolean;
}

/**
 * Gives a seat back to one who left and came back (`/start`), in every meeting ahead
 * that they had said yes to, while a seat is free and nobody waits for it; otherwise
 * their "yes" stays without a place and the button takes them to the end of the
 * waitlist. Then `before` owes what goes ahead (the welcome that says so), and what the
 * seats owe follows: a missed reminder for a seat back, and the calendar file either
 * way, so that an entry sent before they left is taken out of their calendar when the
 * seat went to someone else (or updated, if the meeting changed meanwhile). Returns
 * those meetings, in order.
 */
export function reclaimSeats(
  store: Store,
  { config, user, now, before }: {
    config: WeekConfig;
    user: User;
    now: Date;
    before?: (reclaimed: readonly Reclaimed[]) => void;
  },
): Reclaimed[] {
  const reclaimed: Reclaimed[] = [];
  for (const id of store.seats.lapsedFrom(user.id, firstAround(config, now))) {
    const meeting = weekById(store, { config, id });
    if (meeting === undefined || meeting.startsAt <= now) continue;
    const seat = seatForYes(store, { config, meeting, now }) === "seat";
    if (seat) {
      const ids = { meetingId: id, userId: user.id };
      store.answers.record({ ...ids, answer: "yes", seat: "seat" }, now);
    }
    const limited = capacityOf(store, { config, meetingId: id }) !== null;
    reclaimed.push({ meeting, seat, limited });
  }
  before?.(reclaimed);
  for (const { meeting, seat } of reclaimed) {
    if (seat) oweMissedReminder(store, { meeting, user, now });
    oweCalendarFile(store, { meetingId: meeting.id, user, now });
  }
  return reclaimed;
}

/**
 * Fills the free seats of every meeting ahead that has a waitlist: after a larger
 * `meeting.capacity` in the config, at start. Returns how many were promoted.
 */
export function fillAllSeats(
  store: Store,
  { config, now }: { config: WeekConfig; now: Date },
): number {
  let promoted = 0;
  for (const id of store.seats.waitingFrom(firstAround(config, now))) {
    const meeting = weekById(store, { config, id });
    if (meeting !== undefined) {
      promoted += fillSeats(store, { config, meeting, now });
    }
  }
  return promoted;
}

/**
 * Sets the week's own capacity (`null`: no limit that week) and gives the seats it adds
 * to the waitlist at once; a smaller one takes no seat away. Returns how many were
 * promoted.
 */
export function changeCapacity(
  store: Store,
  { config, week, capacity, now }: {
    config: WeekConfig;
    week: Week;
    capacity: number | null;
    now: Date;
  },
): number {
  return store.transaction(() => {
    store.meetings.ensure(week, now);
    store.seats.setCapacity(week.id, capacity);
    return fillSeats(store, { config, meeting: week, now });
  });
}

/** The first meeting id that may still be ahead at `now` (a moved one included). */
function firstAround(config: WeekConfig, now: Date): string {
  return slotsAround(config, now)[0]!.id;
}
