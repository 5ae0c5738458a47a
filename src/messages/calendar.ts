/**
 * The calendar file of a meeting as an outbox row delivers it, to one person: only when
 * what their calendar should hold differs from what it was last sent
 * (`domain/calendar_entry.ts` decides; `store.calendars` remembers). The first file
 * after a "yes" that holds a seat puts the entry in; a "no" after it, or a seat given up
 * otherwise (a `/stop`, then a return when none is free), removes it for that person
 * (METHOD:CANCEL, the same UID); a seat again, or an admin's move, new link, cancel or
 * restore, sends the file again with a higher SEQUENCE. A place on the waitlist holds no
 * entry. Once it is delivered, the file is recorded as the person's latest, in the
 * transaction that settles the row.
 *
 * A person whose calendar app reads their subscription (usecases/feed.ts) gets no file
 * that would put a new entry in: the subscription shows every week already, under its
 * own UID, and a file would add the week a second time.
 *
 * The file is a function of the meeting's state and of the person's SEQUENCE: its
 * DTSTAMP is the meeting's last change, so a restart, a resend after an unknown outcome,
 * or the next recipient gets the same bytes for the same state. Each distinct file is
 * uploaded once, then sent by Telegram's `file_id`; the cache is keyed by the file
 * itself, so a new topic or any other change is a new upload, never a stale file.
 *
 * @module
 */
import type { Delivery } from "../core/owed.ts";
import type { Config } from "../config/schema.ts";
import type { TextKey } from "../config/texts.ts";
import { renderText } from "../config/language.ts";
import type { CalendarEntry } from "../db/calendars.ts";
import type { OutboxRow } from "../db/outbox.ts";
import { type FileReason, owedFile } from "../domain/calendar_entry.ts";
import { meetingIcs } from "../domain/ics.ts";
import type { Week } from "../usecases/weeks.ts";
import { meetingValues } from "./build.ts";
import { CAPTION_LIMIT, truncate } from "./limits.ts";

/** Files whose `file_id` is kept; older ones are uploaded again if ever needed. */
const CACHED_FILES = 32;

/** The caption of each file, by why it is owed. */
const CAPTIONS: Readonly<Record<FileReason, TextKey>> = {
  new: "calendar_caption",
  updated: "calendar_updated_caption",
  cancelled: "calendar_cancelled_caption",
  declined: "calendar_declined_caption",
};

/** What {@linkcode calendarFile} reads and writes. */
export interface CalendarDeps {
  /** The meeting's title, duration and zone, and the captions. */
  config: Config;
  /** The clock: a first file is not sent once the meeting has started. */
  now: () => Date;
  /** When the meeting last changed (`store.meetings.changedAt`); its DTSTAMP. */
  changedAt: (meetingId: string) => Date | undefined;
  /** This deployment's UID domain (`uidDomain` of the bot's username), for first files. */
  domain: string;
  /** Records a delivered file as the person's latest (`store.calendars.sent`). */
  record: (entry: Omit<CalendarEntry, "sentAt">, now: Date) => void;
}

/**
 * The `.ics` text of `meeting` as it stands, changed last at `stamp`; `file` gives one
 * person's SEQUENCE, whether it removes the entry, and the UID's domain (by default the
 * meeting's own SEQUENCE and status, under the legacy domain).
 */
export function meetingFile(
  config: Config,
  { meeting, stamp, file }: {
    meeting: Week;
    stamp: Date;
    file?: { sequence: number; holds: boolean; domain: string };
  },
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
    sequence: file?.sequence ?? meeting.sequence,
    cancelled: file === undefined ? meeting.cancelled : !file.holds,
  }, { stamp, organizer: config.meeting.title, domain: file?.domain });
}

/** Calendar files; each distinct file is uploaded once, then sent by Telegram's `file_id`. */
export function calendarFile(deps: CalendarDeps): {
  delivery(
    row: OutboxRow,
    state: {
      /** The config in the person's language, for the caption; default `deps.config`. */
      config?: Config;
      meeting: Week;
      userId: number;
      attending: boolean;
      /** A "yes" without a seat (waiting, or given up by a `/stop`). */
      seatless?: boolean;
      sent?: CalendarEntry;
      /** Their calendar app reads their feed (usecases/feed.ts `feedInUse`). */
      feedInUse?: boolean;
    },
  ): Delivery | null;
  delivered(result: unknown, delivery: Delivery): void;
} {
  const { config, now, changedAt } = deps;
  const uploaded = new Map<string, string>();
  return {
    delivery(row, {
      meeting,
      userId,
      attending,
      seatless,
      sent,
      feedInUse,
      config: spoken = config,
    }) {
      const owed = owedFile({ meeting, attending, sent }, now());
      if (owed === null) return null;
      // The feed already shows the week: a new entry would be a second one. An entry
      // this person holds from a file is still kept true by files.
      if (owed.reason === "new" && feedInUse) return null;
      const stamp = changedAt(meeting.id);
      if (stamp === undefined) return null; // never answered: nothing is owed
      const domain = sent?.uidDomain ?? deps.domain;
      // An entry taken out of the calendar of one who still says yes: no seat.
      const key = owed.reason === "declined" && seatless
        ? "calendar_seat_lost_caption"
        : CAPTIONS[owed.reason];
      const caption = truncate(
        renderText(spoken, key, meetingValues(spoken, meeting)),
        CAPTION_LIMIT,
      );
      const file = meetingFile(config, {
        meeting,
        stamp,
        file: { sequence: owed.sequence, holds: owed.holds, domain },
      });
      const entry = JSON.stringify(
        {
          meetingId: meeting.id,
          userId,
          uidDomain: domain,
          sequence: owed.sequence,
          meetingSequence: meeting.sequence,
          holds: owed.holds,
        } satisfies Omit<CalendarEntry, "sentAt">,
      );
      const cached = uploaded.get(file);
      if (cached !== undefined) {
        return {
          method: "sendDocument",
          params: { chat_id: row.chat_id, document: cached, caption },
          meta: { file, entry },
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
        meta: { file, entry },
      };
    },
    delivered(result, delivery) {
      const entry = delivery.meta?.entry;
      if (entry !== undefined) deps.record(JSON.parse(entry), now());
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
