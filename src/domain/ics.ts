/**
 * An iCalendar (RFC 5545) file for one meeting, so that members can add it to their
 * calendar. Pure, and a function of the meeting's state alone: DTSTAMP is the instant of
 * the meeting's last change, not the instant the file is made, so the same state always
 * gives the same bytes (a restart, a resend, a second recipient).
 *
 * The ORGANIZER, which RFC 5546 requires of PUBLISH and CANCEL alike, is the bot: its
 * name is the meeting's title, and its address `mailto:noreply@meeting-bot.invalid`,
 * since the bot has no mailbox (`.invalid`, RFC 2606, is never delivered to, so no
 * calendar sends it replies).
 *
 * The UID is `meeting-<id>@<domain>`, the domain being the bot's own (`meeting_bot.t.me`,
 * see {@linkcode uidDomain}), so that two bots' meetings of the same day never collide
 * in one calendar, and the same bot gives the same UID across restarts.
 *
 * Times are written in UTC (`20261125T080000Z`), which every client converts to its own
 * zone, so no VTIMEZONE is needed. Lines end with CRLF and are folded at 75 octets of
 * UTF-8 without splitting a character.
 *
 * @module
 */

/** What {@linkcode meetingIcs} needs to know about one meeting. */
export interface IcsMeeting {
  /** Stable id of the occurrence, e.g. `2026-11-25`; makes the UID. */
  id: string;
  /** When it starts: DTSTART, in UTC. */
  startsAt: Date;
  /** Its length, for DTEND; must be positive. */
  durationMinutes: number;
  /** The entry's SUMMARY: the meeting's title. */
  title: string;
  /** The meeting link; written as URL, LOCATION and DESCRIPTION. */
  link: string;
  /** IANA zone of the meeting; informative only, since times are written in UTC. */
  timeZone: string;
  /** Version of the entry: a calendar replaces the one it has by a higher one. */
  sequence?: number;
  /** A cancelled meeting: the file asks calendars to remove the entry. */
  cancelled?: boolean;
}

/** Options of {@linkcode meetingIcs}. */
export interface MeetingIcsOptions {
  /** The instant of the meeting's last change; becomes DTSTAMP. */
  stamp: Date;
  /** The ORGANIZER's name (its CN); default the meeting's title. */
  organizer?: string;
  /** Right-hand side of the UID (see {@linkcode uidDomain}); default `meeting-bot`. */
  domain?: string;
}

/** The ORGANIZER's address: the bot has no mailbox, and `.invalid` says so. */
export const ORGANIZER_ADDRESS = "mailto:noreply@meeting-bot.invalid";

/** An invalid meeting for {@linkcode meetingIcs}, or calendar text that cannot be read. */
export class IcsError extends Error {
  /** Shows in logs and stack traces as `IcsError: …`. */
  override name = "IcsError";
}

/**
 * The UID domain of files sent before UIDs named the bot, and of a bot whose username is
 * not known: entries already in calendars keep it.
 */
export const LEGACY_UID_DOMAIN = "meeting-bot";

/**
 * The right-hand side of this deployment's UIDs: the bot's username, lower-cased, under
 * `t.me` (`meeting_bot.t.me`), which no other bot has; {@linkcode LEGACY_UID_DOMAIN}
 * when the username is not known.
 */
export function uidDomain(botUsername: string | undefined): string {
  return botUsername ? `${botUsername.toLowerCase()}.t.me` : LEGACY_UID_DOMAIN;
}

/** The line end of iCalendar text. */
export const CRLF = "\r\n";
const MAX_LINE_OCTETS = 75;
const MINUTE_MS = 60_000;

/**
 * A VCALENDAR with one VEVENT for `meeting`, with CRLF line ends and folded lines. The
 * UID is the meeting's id, so a later file with a higher SEQUENCE (or the same SEQUENCE
 * and a later DTSTAMP) updates the same entry; METHOD:CANCEL and STATUS:CANCELLED
 * remove it. The same arguments always give the same text.
 */
export function meetingIcs(
  meeting: IcsMeeting,
  options: MeetingIcsOptions,
): string {
  if (
    !Number.isFinite(meeting.durationMinutes) || meeting.durationMinutes <= 0
  ) {
    throw new IcsError(
      `Invalid meeting duration "${meeting.durationMinutes}": expected a positive number of minutes`,
    );
  }
  const end = new Date(
    meeting.startsAt.getTime() + meeting.durationMinutes * MINUTE_MS,
  );
  const domain = options.domain ?? LEGACY_UID_DOMAIN;
  const link = uriValue(meeting.link);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//meeting-bot//RU",
    "CALSCALE:GREGORIAN",
    meeting.cancelled ? "METHOD:CANCEL" : "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${escapeText(`meeting-${meeting.id}@${domain}`)}`,
    `SEQUENCE:${Math.max(0, Math.trunc(meeting.sequence ?? 0))}`,
    `STATUS:${meeting.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    `DTSTAMP:${utcDateTime(options.stamp, "DTSTAMP")}`,
    `ORGANIZER;CN=${
      paramValue(options.organizer ?? meeting.title)
    }:${ORGANIZER_ADDRESS}`,
    `DTSTART:${utcDateTime(meeting.startsAt, "DTSTART")}`,
    `DTEND:${utcDateTime(end, "DTEND")}`,
    `SUMMARY:${escapeText(meeting.title)}`,
    `DESCRIPTION:${escapeText(meeting.link)}`,
    `LOCATION:${escapeText(meeting.link)}`,
    `URL:${link}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks; drops other controls. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    // deno-lint-ignore no-control-regex
    .replace(/[\x00-\x08\x0A-\x1F\x7F]/g, "");
}

/** A parameter value, quoted; it cannot hold a double quote or a control character. */
function paramValue(value: string): string {
  // deno-lint-ignore no-control-regex
  return `"${value.replace(/["\x00-\x1F\x7F]/g, "")}"`;
}

/** A URI value as is, minus any control characters, which could break the line. */
export function uriValue(value: string): string {
  // deno-lint-ignore no-control-regex
  return value.replace(/[\x00-\x1F\x7F]/g, "");
}

/** `YYYYMMDDTHHMMSSZ` in UTC, seconds truncated; `property` names it in the error. */
export function utcDateTime(instant: Date, property: string): string {
  const time = instant.getTime();
  const year = instant.getUTCFullYear();
  if (Number.isNaN(time) || year < 0 || year > 9999) {
    throw new IcsError(
      `Invalid ${property} "${
        String(instant)
      }": expected a date in years 0–9999`,
    );
  }
  // toISOString() is `YYYY-MM-DDTHH:MM:SS.sssZ` for years 0–9999.
  return instant.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
}

/**
 * Folds one content line so that no physical line exceeds 75 octets of UTF-8, counting the
 * leading space of continuation lines; splits only between code points.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}
