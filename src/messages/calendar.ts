/**
 * The calendar file of a meeting as an outbox row delivers it: the first after a "yes",
 * then an update with the same UID and a higher SEQUENCE when an admin moves, relinks,
 * cancels (METHOD:CANCEL) or restores the meeting.
 *
 * @module
 */
import type { Answer } from "../core/answers.ts";
import type { Config } from "../config/schema.ts";
import { render } from "../config/texts.ts";
import type { OutboxRow } from "../db/outbox.ts";
import { meetingIcs } from "../domain/ics.ts";
import type { Delivery } from "../core/owed.ts";
import type { Week } from "../usecases/weeks.ts";
import { meetingValues } from "./build.ts";
import { CAPTION_LIMIT, truncate } from "./limits.ts";

/** Calendar files; each version is uploaded once, then sent by Telegram's `file_id`. */
export function calendarFile(
  { config, now }: { config: Config; now: () => Date },
): {
  delivery(
    row: OutboxRow,
    state: { meeting: Week; answer?: Answer },
  ): Delivery | null;
  delivered(result: unknown, delivery: Delivery): void;
} {
  const files = new Map<string, string>();
  const version = (meeting: Week) => `${meeting.id}#${meeting.sequence}`;
  return {
    delivery(row, { meeting, answer }) {
      // The first file follows a "yes"; an update goes to those who still say yes.
      if (answer !== "yes") return null;
      const update = /\/s\d+\/u\d+$/.test(row.key);
      if (!update && (meeting.cancelled || now() >= meeting.startsAt)) {
        return null;
      }
      const key = meeting.cancelled
        ? "calendar_cancelled_caption"
        : update
        ? "calendar_updated_caption"
        : "calendar_caption";
      const caption = truncate(
        render(config.texts[key], meetingValues(config, meeting)),
        CAPTION_LIMIT,
      );
      const cached = files.get(version(meeting));
      if (cached !== undefined) {
        return {
          method: "sendDocument",
          params: { chat_id: row.chat_id, document: cached, caption },
        };
      }
      const ics = meetingIcs({
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
      }, { now: now() });
      return {
        method: "sendDocument",
        params: { chat_id: row.chat_id, document: "attach://file", caption },
        upload: {
          field: "file",
          filename: `meeting-${meeting.id}.ics`,
          bytes: new TextEncoder().encode(ics),
        },
        meta: { version: version(meeting) },
      };
    },
    delivered(result, delivery) {
      const document = (result as { document?: { file_id?: string } })
        ?.document;
      const version = delivery.meta?.version;
      if (document?.file_id && version) files.set(version, document.file_id);
    },
  };
}
