/**
 * The nudge to those who were invited and have not answered, sent now at an admin's
 * request (the button under `/who`) as well as by the weekly job. Both write the same
 * rows, keyed `nudge/<meeting>/u<user>`: whoever enqueues it first, each person gets the
 * nudge of a week once, also across a crash or a second press.
 *
 * @module
 */
import { batchOf, OWED } from "../core/owed.ts";
import { LANE } from "../core/owed.ts";
import type { Audience } from "../db/outbox.ts";
import type { Store } from "../db/store.ts";
import { answersOpen } from "../domain/meeting.ts";
import { jobAudience } from "./jobs.ts";
import type { Week } from "./weeks.ts";

/**
 * Who the nudge of a meeting goes to: invited, still registered, no answer, and neither
 * the nudge turned off nor the week paused (the weekly job's audience).
 */
function audience(meetingId: string): Audience {
  return jobAudience("nudge", meetingId);
}

/** Whether a nudge about `meeting` still makes sense: not cancelled, not begun. */
export function nudgeOpen(meeting: Week, now: Date): boolean {
  return !meeting.cancelled && answersOpen(meeting, now);
}

/** How many people a nudge about `meetingId` would reach now that have not had it. */
export function nudgeCount(store: Store, meetingId: string): number {
  return store.outbox.countAudience(audience(meetingId), {
    notIn: batchOf(OWED.nudge, meetingId),
  });
}

/** What a nudge sent now came to. */
export type NudgeOutcome =
  /** The meeting is cancelled or has begun: nothing is sent. */
  | { kind: "closed" }
  /** `added` people were owed the nudge (0: everyone it concerns had it). */
  | { kind: "sent"; added: number };

/**
 * Owes the nudge about `meeting` to everyone it concerns who has not had it this week,
 * in one transaction (the rows of the weekly job's batch, which the job then does not
 * repeat). Safe to call again: a second call adds only people new since.
 */
export function nudgeNow(
  store: Store,
  { meeting, now }: { meeting: Week; now: Date },
): NudgeOutcome {
  if (!nudgeOpen(meeting, now)) return { kind: "closed" };
  const added = store.transaction(() =>
    store.outbox.addBroadcast(audience(meeting.id), {
      kind: OWED.nudge,
      ref: meeting.id,
      lane: LANE.broadcast,
      now,
    })
  );
  return { kind: "sent", added };
}
