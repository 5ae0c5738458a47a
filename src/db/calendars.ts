/**
 * What each person's calendar was last sent for each meeting: the entry or its removal,
 * under which UID and SEQUENCE. Written in the transaction that settles the delivered
 * file, so that it says what reached the person, never what was only owed.
 *
 * @module
 */
import type { Statements } from "./sqlite.ts";

/** The last calendar file a person was sent for one meeting. */
export interface CalendarEntry {
  /** The meeting, `2026-11-25`. */
  meetingId: string;
  /** The person (`users.id`). */
  userId: number;
  /** The right-hand side of the UID it was sent under; kept for every later file. */
  uidDomain: string;
  /** The file's SEQUENCE: the next file for this person has a higher one. */
  sequence: number;
  /** The meeting's sequence (its time, link, status) that the file showed. */
  meetingSequence: number;
  /** True: it put the entry in their calendar; false: it removed it (METHOD:CANCEL). */
  holds: boolean;
  /** When it was sent. */
  sentAt: Date;
}

interface Row {
  meeting_id: string;
  user_id: number;
  uid_domain: string;
  sequence: number;
  meeting_sequence: number;
  holds: number;
  sent_at: string;
}

/** The `calendar_entries` table. */
export class Calendars {
  #s: Statements;

  /** Works through the store's statement cache, which every table shares. */
  constructor(statements: Statements) {
    this.#s = statements;
  }

  /** The last file the person was sent for the meeting, if any. */
  get(meetingId: string, userId: number): CalendarEntry | undefined {
    const row = this.#s.sql(
      `SELECT meeting_id, user_id, uid_domain, sequence, meeting_sequence, holds, sent_at
       FROM calendar_entries WHERE meeting_id = ? AND user_id = ?`,
    ).get(meetingId, userId) as Row | undefined;
    return row === undefined ? undefined : {
      meetingId: row.meeting_id,
      userId: Number(row.user_id),
      uidDomain: row.uid_domain,
      sequence: Number(row.sequence),
      meetingSequence: Number(row.meeting_sequence),
      holds: Number(row.holds) === 1,
      sentAt: new Date(row.sent_at),
    };
  }

  /** Records the file just delivered as the person's latest for its meeting. */
  sent(entry: Omit<CalendarEntry, "sentAt">, now: Date): void {
    this.#s.sql(
      `INSERT INTO calendar_entries (meeting_id, user_id, uid_domain, sequence,
         meeting_sequence, holds, sent_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (meeting_id, user_id) DO UPDATE SET uid_domain = excluded.uid_domain,
         sequence = excluded.sequence, meeting_sequence = excluded.meeting_sequence,
         holds = excluded.holds, sent_at = excluded.sent_at`,
    ).run(
      entry.meetingId,
      entry.userId,
      entry.uidDomain,
      entry.sequence,
      entry.meetingSequence,
      entry.holds ? 1 : 0,
      now.toISOString(),
    );
  }

  /**
   * Deletes the entries last sent before `before` of meetings that started before it:
   * no file is ever sent again for a meeting that is over, so nothing reads them.
   */
  prune(before: Date): number {
    const at = before.toISOString();
    return Number(
      this.#s.sql(
        `DELETE FROM calendar_entries WHERE sent_at < ? AND meeting_id IN
           (SELECT id FROM meetings WHERE starts_at < ?)`,
      ).run(at, at).changes,
    );
  }
}
