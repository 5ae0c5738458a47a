/**
 * Cancelling and restoring a week's meeting, and the one rule that follows from it:
 * a cancelled meeting takes no answers and gets no jobs.
 *
 * @module
 */
import { OWED } from "../core/owed.ts";
import { LANE } from "../db/outbox.ts";
import type { Store } from "../db/store.ts";
import type { MeetingSlot } from "../domain/meeting.ts";

/** Whether the meeting was cancelled by an admin: it then takes no answers and gets no jobs. */
export function isCancelled(store: Store, meetingId: string): boolean {
  return store.meetings.get(meetingId)?.status === "cancelled";
}

/** What {@linkcode cancelMeeting} did. */
export interface CancelOutcome {
  /** False when the meeting was already cancelled. */
  cancelled: boolean;
  /** Those who had said yes: they are told. */
  attendees: number;
}

/**
 * Cancels the meeting of `slot` (recording it if it is new) and, in the same
 * transaction, enqueues the notice to everyone who said yes.
 */
export function cancelMeeting(
  store: Store,
  { slot, now }: { slot: MeetingSlot; now: Date },
): CancelOutcome {
  return store.transaction(() => {
    store.meetings.ensure(slot, now);
    const cancelled = store.meetings.setStatus(
      { id: slot.id, status: "cancelled" },
      now,
    );
    if (!cancelled) return { cancelled, attendees: 0 };
    const attendees = store.outbox.addBroadcast(
      { to: "attendees", meetingId: slot.id },
      { kind: OWED.cancellation, ref: slot.id, lane: LANE.notice, now },
    );
    return { cancelled, attendees };
  });
}

/** Puts a cancelled meeting back in the schedule; false if it was not cancelled. */
export function restoreMeeting(
  store: Store,
  { slot, now }: { slot: MeetingSlot; now: Date },
): boolean {
  return store.transaction(() => {
    store.meetings.ensure(slot, now);
    return store.meetings.setStatus({ id: slot.id, status: "scheduled" }, now);
  });
}
