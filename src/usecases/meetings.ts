/**
 * An admin's changes to one week's meeting, each with what it owes people, written in
 * the same transaction: cancel (everyone concerned is told, calendars drop the entry),
 * restore (the invitation comes again), move and new link (those concerned are told,
 * calendars update the same entry), topic. Every change also owes each message already
 * sent that shows the week (invitations, nudges, restore notices, reminders, and the
 * answers shown in them) the edit that shows it as it is then (db/week_edits.ts).
 *
 * @module
 */
import { LANE, OWED } from "../core/owed.ts";
import type { Audience } from "../db/outbox.ts";
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

/**
 * Who is told of each change of the week `meetingId` (the admin's confirmation counts
 * them): of a cancel or a restore, everyone it concerns; of a move, those who know of
 * the meeting; of a new link, those who said yes. Of those who have not answered, only
 * whoever gets that week's invitation (invitations on, the week not paused: `/settings`);
 * a new link, not to one who paused the week: the link is for those who come.
 */
export function toldOf(
  change: "cancel" | "restore" | "move" | "link",
  meetingId: string,
): Audience {
  const invitable = { message: "invitation" as const, week: meetingId };
  switch (change) {
    case "cancel":
    case "restore":
      return { to: "concerned", meetingId, wants: invitable };
    case "move":
      return { to: "invited", meetingId, wants: invitable };
    case "link":
      return { to: "attendees", meetingId, wants: { week: meetingId } };
  }
}

/** The edits of every message already sent about the week; how many messages. */
function editMessages(store: Store, meetingId: string, now: Date): number {
  return store.outbox.renewWeekEdits({ meetingId }, {
    lane: LANE.notice,
    now,
  });
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
 * Cancels `week`: everyone it concerns is told (who answered, paused or not; who gets
 * its invitation: see `invitable`), with the admin's `reason` if one was given, every message about it is edited to say it is
 * cancelled (without answer buttons), and those who said yes get the calendar file that
 * removes it.
 */
export function cancelMeeting(
  store: Store,
  { week, now, reason }: { week: Week; now: Date; reason?: string },
): ChangeOutcome {
  return store.transaction(() => {
    store.meetings.ensure(week, now);
    if (!store.meetings.setStatus({ id: week.id, status: "cancelled" }, now)) {
      return { changed: false, notified: 0 };
    }
    const r = round(store, week.id);
    const notified = store.outbox.addBroadcast(
      toldOf("cancel", week.id),
      {
        kind: OWED.cancellation,
        ref: week.id,
        round: r,
        lane: LANE.notice,
        now,
        payload: reason === undefined ? undefined : { reason },
      },
    );
    editMessages(store, week.id, now);
    updateCalendars(store, week.id, now);
    return { changed: true, notified };
  });
}

/**
 * Puts a cancelled meeting back: everyone it concerns (they were all told it was
 * cancelled) is told it takes place, with the answer buttons and the answer they had
 * given, which serves as this week's invitation (a later one would come twice). The
 * messages edited to say it was cancelled show it again as it is. Those who said yes
 * get the calendar file back.
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
      toldOf("restore", week.id),
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
    editMessages(store, week.id, now);
    return { changed: true, notified };
  });
}

/**
 * Moves `week` to `to`: its reminders and the answer cut-off move with it; those who
 * answered or were invited are told (with the admin's `reason`, if given; who has not
 * been invited yet reads the new time in the invitation), every message about it is
 * edited to show the new time, and those who said yes get the updated calendar file.
 */
export function moveMeeting(
  store: Store,
  { week, to, now, reason }: {
    week: Week;
    to: Date;
    now: Date;
    reason?: string;
  },
): ChangeOutcome {
  return store.transaction(() => {
    store.meetings.ensure(week, now);
    if (to.getTime() === week.startsAt.getTime()) {
      return { changed: false, notified: 0 };
    }
    const movedTo = to.getTime() === week.scheduledAt.getTime() ? null : to;
    store.meetings.change(week.id, { movedTo }, now);
    const notified = store.outbox.addBroadcast(
      toldOf("move", week.id),
      {
        kind: OWED.moved,
        ref: week.id,
        round: round(store, week.id),
        lane: LANE.notice,
        now,
        payload: { from: week.startsAt.toISOString(), reason },
      },
    );
    editMessages(store, week.id, now);
    updateCalendars(store, week.id, now);
    return { changed: true, notified };
  });
}

/**
 * Gives `week` its own link: those who said yes get it (unless they paused the week),
 * with the updated calendar file,
 * and the messages already sent show it (the reminders carry the link).
 */
export function changeLink(
  store: Store,
  { week, link, now }: { week: Week; link: string; now: Date },
): ChangeOutcome {
  return store.transaction(() => {
    store.meetings.ensure(week, now);
    if (link === week.link) return { changed: false, notified: 0 };
    store.meetings.change(week.id, { link }, now);
    const notified = store.outbox.addBroadcast(
      toldOf("link", week.id),
      {
        kind: OWED.link_changed,
        ref: week.id,
        round: round(store, week.id),
        lane: LANE.notice,
        now,
      },
    );
    editMessages(store, week.id, now);
    updateCalendars(store, week.id, now);
    return { changed: true, notified };
  });
}

/**
 * Sets (or with `null` clears) `week`'s topic, shown in what is sent from now on and,
 * by an edit (which notifies nobody), in every message about it already sent. Returns
 * how many messages are edited (0 when the topic is the one it has).
 */
export function setTopic(
  store: Store,
  { week, topic, now }: { week: Week; topic: string | null; now: Date },
): number {
  return store.transaction(() => {
    store.meetings.ensure(week, now);
    if (topic === week.topic) return 0;
    store.meetings.change(week.id, { topic }, now);
    return editMessages(store, week.id, now);
  });
}
