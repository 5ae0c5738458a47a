/**
 * Which calendar file a person is owed for one meeting, from what their calendar should
 * hold now and what it was last sent: a file only when the two differ. Pure.
 *
 * A person's calendar should hold the entry while they say yes and the meeting is not
 * cancelled. The first file puts it there (SEQUENCE the meeting's); every later one
 * (the meeting moved, relinked, cancelled or restored; the person said no, then yes
 * again) has a SEQUENCE above the last one that person was sent, and at least the
 * meeting's, so that a calendar always takes it over the entry it has: a "no" after a
 * "yes" removes the entry for that person alone (METHOD:CANCEL, the same UID), and a
 * "yes" again puts it back.
 *
 * @module
 */

/** What a person's calendar was last sent for one meeting. */
export interface SentFile {
  /** The SEQUENCE it had. */
  sequence: number;
  /** The meeting's sequence (its time, link, status) that it showed. */
  meetingSequence: number;
  /** True: it put the entry in; false: it removed it. */
  holds: boolean;
}

/** The meeting as the calendar sees it. */
export interface CalendarMeeting {
  /** Bumped by every change calendars must learn (time, link, cancel, restore). */
  sequence: number;
  /** Cancelled by an admin. */
  cancelled: boolean;
  /** When it starts: a first entry is not sent after. */
  startsAt: Date;
}

/**
 * Why a file is owed, which picks its caption: `new` puts the entry in a calendar that
 * has none, `updated` changes the entry it has, `cancelled` removes a cancelled
 * meeting, `declined` removes it for a person who said no.
 */
export type FileReason = "new" | "updated" | "cancelled" | "declined";

/** The file a person is owed. */
export interface OwedFile {
  /** True: the entry (METHOD:PUBLISH); false: its removal (METHOD:CANCEL). */
  holds: boolean;
  /** Its SEQUENCE. */
  sequence: number;
  /** Why it is owed. */
  reason: FileReason;
}

/**
 * The file the person is owed now, or `null` when their calendar already holds what it
 * should (or never held anything and should not): `attending` is whether they say yes,
 * `sent` the last file they were sent, if any.
 */
export function owedFile(
  { meeting, attending, sent }: {
    meeting: CalendarMeeting;
    attending: boolean;
    sent: SentFile | undefined;
  },
  now: Date,
): OwedFile | null {
  const holds = attending && !meeting.cancelled;
  if (sent === undefined) {
    if (!holds || now >= meeting.startsAt) return null;
    return { holds, sequence: meeting.sequence, reason: "new" };
  }
  if (holds === sent.holds) {
    if (!holds || sent.meetingSequence === meeting.sequence) return null;
  }
  const sequence = Math.max(sent.sequence + 1, meeting.sequence);
  if (holds) return { holds, sequence, reason: sent.holds ? "updated" : "new" };
  return {
    holds,
    sequence,
    reason: meeting.cancelled ? "cancelled" : "declined",
  };
}
