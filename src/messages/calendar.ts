/**
 * The calendar file of a meeting as an outbox row delivers it: the first after a "yes",
 * then an update with the same UID and a higher SEQUENCE when an admin moves, relinks,
 * cancels (METHOD:CANCEL) or restores the meeting.
 *
 * The file is a function of the meeting's state: its DTSTAMP is the meeting's last
 * change, so a restart, a resend after an unknown outcome, or the next recipient gets
 * the same bytes for the same state. Each distinct file is uploaded once, then sent by
 * Telegram's `file_id`; the cache is keyed by the file itself, so a new topic or any
 * other change is a new upload, never a stale file.
 *
 * @module
 */
import type { Delivery } from "../core/owed.ts";
import type { Config } from "../config/schema.ts";
import { render } from "../config/texts.ts";
import type { OutboxRow } from "../db/outbox.ts";
import { meetingIcs } from "../domain/ics.ts";
import type { Week } from "../usecases/weeks.ts";
import { meetingValues } from "./build.ts";
import { CAPTION_LIMIT, truncate } from "./limits.ts";

/** Files whose `file_id` is kept; older ones are uploaded again if ever needed. */
const CACHED_FILES = 32;

/** What {@linkcode calendarFile} reads. */
export interface CalendarDeps {
  /** The meeting's title, duration and zone, and the captions. */
  config: Config;
  /** The clock: a first file is not sent once the meeting has started. */
  now: () => Date;
  /** When the meeting last changed (`store.meetings.changedAt`); its DTSTAMP. */
  changedAt: (meetingId: string) => Date | undefined;
}

/** The `.ics` text of `meeting` as it stands, changed last at `stamp`. */
export function meetingFile(
  config: Config,
  { meeting, stamp }: { meeting: Week; stamp: Date },
): string {
  return meetingIcs({
    id: meeting.id,
    startsAt: meeting.startsAt,
    durationMinutes: config.meeting.duration_minutes,
    title: meeting.topic
      ? `${config.meeting.title}: ${meeting.topic}`
      : config.meeting.title,
    link: meeting.link,
    timeZone: config.timezone,
    sequence: meeting.sequence,
    cancelled: meeting.cancelled,
  }, { stamp, organizer: config.meeting.title });
}

/** Calendar files; each distinct file is uploaded once, then sent by Telegram's `file_id`. */
export function calendarFile({ config, now, changedAt }: CalendarDeps): {
  delivery(
    row: OutboxRow,
    state: { meeting: Week; attending: boolean },
  ): Delivery | null;
  delivered(result: unknown, delivery: Delivery): void;
} {
  const uploaded = new Map<string, string>();
  return {
    delivery(row, { meeting, attending }) {
      // The first file follows a seat; an update goes to those who still hold one.
      if (!attending) return null;
      const update = /\/s\d+\/u\d+$/.test(row.key);
      if (!update && (meeting.cancelled || now() >= meeting.startsAt)) {
        return null;
      }
      const stamp = changedAt(meeting.id);
      if (stamp === undefined) return null; // never answered: nothing is owed
      const key = meeting.cancelled
        ? "calendar_cancelled_caption"
        : update
        ? "calendar_updated_caption"
        : "calendar_caption";
      const caption = truncate(
        render(config.texts[key], meetingValues(config, meeting)),
        CAPTION_LIMIT,
      );
      const file = meetingFile(config, { meeting, stamp });
      const cached = uploaded.get(file);
      if (cached !== undefined) {
        return {
          method: "sendDocument",
          params: { chat_id: row.chat_id, document: cached, caption },
        };
      }
      return {
        method: "sendDocument",
        params: { chat_id: row.chat_id, document: "attach://file", caption },
        upload: {
          field: "file",
          filename: `meeting-${meeting.id}.ics`,
          bytes: new TextEncoder().encode(file),
        },
        meta: { file },
      };
    },
    delivered(result, delivery) {
      const document = (result as { document?: { file_id?: string } })
        ?.document;
      const file = delivery.meta?.file;
      if (document?.file_id === undefined || file === undefined) return;
      uploaded.delete(file);
      uploaded.set(file, document.file_id);
      for (const old of uploaded.keys()) {
        if (uploaded.size <= CACHED_FILES) break;
        uploaded.delete(old);
      }
    },
  };
}
