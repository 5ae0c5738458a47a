/**
 * An admin's changes to one week's meeting, each with what it owes people, written in
 * the same transaction: cancel (everyone concerned is told, every message with answer
 * buttons loses them, calendars drop the entry), restore (the invitation comes again),
 * move and new link (those concerned are told, calendars update the same entry), topic.
 *
 * @module
 */
import { LANE, OWED } from "../core/owed.ts";
import type { Store } from "../db/store.ts";
import type { Week } from "./weeks.ts";

/** Whether the meeting was cancelled by an admin: it then takes no answers and gets no jobs. */
export function isCancelled(store: Store, meetingId: string): boolean {
  return store.meetings.get(meetingId)?.status === "cancelled";
}

/** What a change did: false when there was nothing to change. */
export interface ChangeOutcome {
  /** False when it already was so; then nobody is told. */
  changed: boolean;
  /** People told about it. */
  notified: number;
}

/** The round of a change: calendars and notices of each change are owed once. */
function round(store: Store, meetingId: string): string {
  return `s${store.meetings.get(meetingId)!.sequence}`;
}

/** Updated calendar files for those who said yes (same UID, higher SEQUENCE). */
function updateCalendars(store: Store, meetingId: string, now: Date): void {
  store.outbox.addBroadcast({ to: "attendees", meetingId }, {
    kind: OWED.calendar,
    ref: meetingId,
    round: round(store, meetingId),
    lane: LANE.notice,
    now,
  });
}

/**
 * Cancels `week`: everyone it concerns is told (registered or answered), every message
 * still showing its answer buttons is edited to say it is cancelled, and those who said
 * yes get the calendar file that removes it.
 */
export function cancelMeeting(
  store: Store,
  { week, now }: { week: Week; now: Date },
): ChangeOutcome {
  return store.transaction(() => {
    store.meetings.ensure(week, now);
    if (!store.meetings.setStatus({ id: week.id, status: "cancelled" }, now)) {
      return { changed: false, notified: 0 };
    }
    const r = round(store, week.id);
    const notified = store.outbox.addBroadcast(
      { to: "concerned", meetingId: week.id },
      {
        kind: OWED.cancellation,
        ref: week.id,
        round: r,
        lane: LANE.notice,
        now,
      },
    );
    store.outbox.addButtonEdits({
      meetingId: week.id,
      kind: OWED.cancel_edit,
      round: r,
      now,
    });
    updateCalendars(store, week.id, now);
    return { changed: true, notified };
  });
}

/**
 * Puts a cancelled meeting back: everyone it concerns (they were all told it was
 * cancelled) is told it takes place, with the answer buttons, which serves as this
 * week's invitation (the old buttons were taken away; a later one would come twice).
 * Those who said yes get the calendar file back.
 */
export function restoreMeeting(
  store: Store,
  { week, now }: { week: Week; now: Date },
): ChangeOutcome {
  return store.transaction(() => {
    store.meetings.ensure(week, now);
    if (!store.meetings.setStatus({ id: week.id, status: "scheduled" }, now)) {
      return { changed: false, notified: 0 };
    }
    const notified = store.outbox.addBroadcast(
      { to: "concerned", meetingId: week.id },
      {
        kind: OWED.restored,
        ref: week.id,
        round: round(store, week.id),
        lane: LANE.notice,
        now,
      },
    );
    store.jobRuns.skip({ meetingId: week.id, job: "invitation" }, {
      note: "the restore notice was the invitation",
      now,
    });
    updateCalendars(store, week.id, now);
    return { changed: true, notified };
  });
}

/**
 * Moves `week` to `to`: its reminders and the answer cut-off move with it; those who
 * answered are told, and those who said yes get the updated calendar file.
 */
export function moveMeeting(
  store: Store,
  { week, to, now }: { week: Week; to: Date; now: Date },
): ChangeOutcome {
  return store.transaction(() => {
    store.meetings.ensure(week, now);
    if (to.getTime() === week.startsAt.getTime()) {
      return { changed: false, notified: 0 };
    }
    const movedTo = to.getTime() === week.scheduledAt.getTime() ? null : to;
    store.meetings.change(week.id, { movedTo }, now);
    const notified = store.outbox.addBroadcast(
      { to: "answered", meetingId: week.id },
      {
        kind: OWED.moved,
        ref: week.id,
        round: round(store, week.id),
        lane: LANE.notice,
        now,
        payload: { from: week.startsAt.toISOString() },
      },
    );
    updateCalendars(store, week.id, now);
    return { changed: true, notified };
  });
}

/** Gives `week` its own link: those who said yes get it, with the updated calendar file. */
export function changeLink(
  store: Store,
  { week, link, now }: { week: Week; link: string; now: Date },
): ChangeOutcome {
  return store.transaction(() => {
    store.meetings.ensure(week, now);
    if (link === week.link) return { changed: false, notified: 0 };
    store.meetings.change(week.id, { link }, now);
    const notified = store.outbox.addBroadcast(
      { to: "attendees", meetingId: week.id },
      {
        kind: OWED.link_changed,
        ref: week.id,
        round: round(store, week.id),
        lane: LANE.notice,
        now,
      },
    );
    updateCalendars(store, week.id, now);
    return { changed: true, notified };
  });
}

/** Sets (or with `null` clears) `week`'s topic, shown in what is sent from now on. */
export function setTopic(
  store: Store,
  { week, topic, now }: { week: Week; topic: string | null; now: Date },
): void {
  store.transaction(() => {
    store.meetings.ensure(week, now);
    store.meetings.change(week.id, { topic }, now);
  });
}
