/**
 * Owing a person the calendar file of a meeting: one row per person and meeting
 * (`calendar/<meeting>/u<user>`), renewed whenever what their calendar should hold may
 * have changed (a seat taken or given up, by a press, a promotion or a return), written
 * in the transaction of that change. What the file says, or whether one goes at all, is
 * decided when it is sent (`messages/calendar.ts`, `domain/calendar_entry.ts`).
 *
 * @module
 */
import { keys, LANE, OWED } from "../core/owed.ts";
import type { Store } from "../db/store.ts";
import type { User } from "../db/users.ts";

/**
 * How long after a person's calendar file the next one waits: presses in between only
 * change what that next file says (or make it unneeded), so that "yes, no, yes…" sends
 * at most the first file at once and one more after the pause, not one per press.
 */
export const CALENDAR_PAUSE_MS = 60_000;

/**
 * Owes the person the calendar file of the meeting as their seat leaves it, on their
 * one calendar row, renewed: due now if nothing was sent to them and nothing is on its
 * way, else {@linkcode CALENDAR_PAUSE_MS} after their last file. What it holds is decided
 * when it is sent: nothing, if their calendar already holds what it should.
 */
export function oweCalendarFile(
  store: Store,
  { meetingId, user, now }: { meetingId: string; user: User; now: Date },
): void {
  const key = keys.calendar(meetingId, user.id);
  const last = store.calendars.get(meetingId, user.id)?.sentAt;
  const after = store.outbox.inFlight(key) ? now : last;
  const notBefore = after === undefined ? now : new Date(
    Math.max(now.getTime(), after.getTime() + CALENDAR_PAUSE_MS),
  );
  store.outbox.renew({
    key,
    kind: OWED.calendar,
    ref: meetingId,
    chatId: user.tg_id,
    userId: user.id,
    lane: LANE.reply,
    notBefore,
  }, now);
}
