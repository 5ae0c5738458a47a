/**
 * A calendar subscription's text (RFC 5545): the weekly meeting as one recurring event,
 * and its weeks that differ from the schedule. Pure, and a function of what it is given
 * alone, so that the same state gives the same bytes (the feed's ETag is their hash).
 *
 * - The series: one VEVENT with `RRULE:FREQ=WEEKLY`, its DTSTART the configured wall
 *   time on the first date the feed shows, with the zone's TZID; the VTIMEZONE comes
 *   from the zone's real transitions (vtimezone.ts). A wall time in a spring-forward gap
 *   means the instant after the gap and one repeated in autumn the earlier one, by RFC
 *   5545 as by the bot's own weeks (domain/time.ts).
 * - A cancelled week: an EXDATE of its scheduled start.
 * - A week moved, or with its own topic or link (a person's own join link too): an
 *   overriding VEVENT with the same UID and `RECURRENCE-ID` its scheduled start.
 *
 * Without METHOD: it is a published calendar, not a scheduling message (RFC 5546), so
 * it names no ORGANIZER. `REFRESH-INTERVAL` and `X-PUBLISHED-TTL` ask clients that honour
 * them to fetch it hourly.
 *
 * @module
 */
import type { WeeklyTime } from "../core/week.ts";
import {
  CRLF,
  escapeText,
  foldLine,
  IcsError,
  uriValue,
  utcDateTime,
} from "./ics.ts";
import { localParts, localToInstant } from "./time.ts";
import { localDateTime, vtimezone } from "./vtimezone.ts";

/** What an occurrence says: its title, its text and its link. */
export interface SeriesText {
  /** SUMMARY. */
  summary: string;
  /** DESCRIPTION. */
  description: string;
  /**
   * URL and LOCATION: where one joins; absent where this person is not to have it (a
   * week with a limit of seats in which they hold none).
   */
  link?: string;
}

/** One week that differs from the series. */
export interface SeriesWeek extends SeriesText {
  /** The local date the schedule puts it on, `2026-11-25`: its RECURRENCE-ID. */
  id: string;
  /** Where it really starts. */
  startsAt: Date;
  /** Cancelled: an EXDATE, nothing more. */
  cancelled: boolean;
  /** Its SEQUENCE: bumped by every change of its time, link or status. */
  sequence: number;
}

/** The series and its differing weeks. */
export interface Series {
  /** The one UID of the series and of every overriding VEVENT. */
  uid: string;
  /** The calendar's name in the client (`X-WR-CALNAME`, `NAME`). */
  name: string;
  /** The IANA zone of the schedule. */
  timeZone: string;
  /** When the meeting is each week, in `timeZone`. */
  weekly: WeeklyTime;
  /** The local date of the first occurrence shown, `2026-09-02`: the DTSTART. */
  first: string;
  /** The meeting's length. */
  durationMinutes: number;
  /** What every week says unless it differs. */
  text: SeriesText;
  /** The weeks that differ; those before `first` are left out. */
  weeks: readonly SeriesWeek[];
  /** DTSTAMP of every component: the instant of the last change shown. */
  stamp: Date;
  /** The last instant the VTIMEZONE must be right for (its rules go on after). */
  until: Date;
}

const MINUTE_MS = 60_000;
const BYDAY = {
  monday: "MO",
  tuesday: "TU",
  wednesday: "WE",
  thursday: "TH",
  friday: "FR",
  saturday: "SA",
  sunday: "SU",
} as const;

/** The VCALENDAR of `series`, folded, with CRLF line ends. */
export function seriesIcs(series: Series): string {
  if (
    !Number.isFinite(series.durationMinutes) || series.durationMinutes <= 0
  ) {
    throw new IcsError(
      `Invalid meeting duration "${series.durationMinutes}": expected a positive number of minutes`,
    );
  }
  const { timeZone } = series;
  const tzid = `;TZID=${timeZone}`;
  const firstStart = scheduledWall(series, series.first);
  const firstInstant = localToInstant({
    date: Temporal.PlainDate.from(series.first),
    time: series.weekly.time,
  }, timeZone);
  const firstEnd = Temporal.PlainDateTime.from(
    `${series.first}T${pad(series.weekly.time.hour)}:${
      pad(series.weekly.time.minute)
    }`,
  ).add({ minutes: series.durationMinutes });
  const stamp = `DTSTAMP:${utcDateTime(series.stamp, "DTSTAMP")}`;
  const given = series.weeks.filter((week) => week.id >= series.first);
  const ids = new Set(given.map((week) => week.id));
  const shown = [
    ...given,
    ...edgeWeeks(series).filter((week) => !ids.has(week.id)),
  ].sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//meeting-bot//RU",
    "CALSCALE:GREGORIAN",
    `X-WR-CALNAME:${escapeText(series.name)}`,
    `NAME:${escapeText(series.name)}`,
    `X-WR-TIMEZONE:${timeZone}`,
    "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    "X-PUBLISHED-TTL:PT1H",
    ...vtimezone(timeZone, { from: firstInstant, until: series.until }),
    "BEGIN:VEVENT",
    `UID:${escapeText(series.uid)}`,
    stamp,
    `DTSTART${tzid}:${firstStart}`,
    `DTEND${tzid}:${localDateTime(firstEnd)}`,
    `RRULE:FREQ=WEEKLY;BYDAY=${BYDAY[series.weekly.weekday]}`,
    ...shown.filter((week) => week.cancelled).map((week) =>
      `EXDATE${tzid}:${scheduledWall(series, week.id)}`
    ),
    "SEQUENCE:0",
    ...textLines(series.text),
    "END:VEVENT",
  ];
  for (const week of shown) {
    if (week.cancelled) continue;
    const end = new Date(
      week.startsAt.getTime() + series.durationMinutes * MINUTE_MS,
    );
    lines.push(
      "BEGIN:VEVENT",
      `UID:${escapeText(series.uid)}`,
      stamp,
      `RECURRENCE-ID${tzid}:${scheduledWall(series, week.id)}`,
      `DTSTART${dateTime(week.startsAt, timeZone)}`,
      `DTEND${dateTime(end, timeZone)}`,
      `SEQUENCE:${Math.max(0, Math.trunc(week.sequence))}`,
      ...textLines(week),
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** The scheduled wall time of the week on local date `id`, as a local DATE-TIME. */
function scheduledWall(series: Series, id: string): string {
  const { year, month, day } = Temporal.PlainDate.from(id);
  const { hour, minute } = series.weekly.time;
  return localDateTime({ year, month, day, hour, minute, second: 0 });
}

/**
 * `;TZID=<zone>:<local>` when the zone's wall clock names `instant` and nothing else,
 * else `:<UTC>Z`, which names it whatever a client makes of a skipped or repeated wall
 * time (clients differ there: ical.js takes the offset after a gap and the second of
 * two, RFC 5545 and the bot the offset before and the first).
 */
function dateTime(instant: Date, timeZone: string): string {
  const wall = localParts(instant, timeZone);
  const { earlier, later } = readings(
    Temporal.PlainDateTime.from({ ...wall, second: 0 }),
    timeZone,
  );
  if (earlier === instant.getTime() && later === instant.getTime()) {
    return `;TZID=${timeZone}:${localDateTime({ ...wall, second: 0 })}`;
  }
  return `:${utcDateTime(instant, "DTSTART")}`;
}

/** The two instants a wall time may mean in `timeZone`: equal unless skipped or repeated. */
function readings(
  wall: Temporal.PlainDateTime,
  timeZone: string,
): { earlier: number; later: number } {
  return {
    earlier: wall.toZonedDateTime(timeZone, { disambiguation: "earlier" })
      .epochMilliseconds,
    later: wall.toZonedDateTime(timeZone, { disambiguation: "later" })
      .epochMilliseconds,
  };
}

/**
 * The weeks up to `series.until` whose scheduled wall time the zone skips or repeats,
 * as overrides at the instant the bot means (domain/time.ts): clients read such a wall
 * time differently, an override in UTC they all read alike.
 */
function edgeWeeks(series: Series): SeriesWeek[] {
  const { timeZone, weekly } = series;
  const edges: SeriesWeek[] = [];
  for (
    let date = Temporal.PlainDate.from(series.first);;
    date = date.add({ weeks: 1 })
  ) {
    const { earlier, later } = readings(
      date.toPlainDateTime({
        hour: weekly.time.hour,
        minute: weekly.time.minute,
      }),
      timeZone,
    );
    if (earlier > series.until.getTime()) return edges;
    if (earlier === later) continue;
    edges.push({
      id: date.toString(),
      startsAt: localToInstant({ date, time: weekly.time }, timeZone),
      cancelled: false,
      sequence: 0,
      ...series.text,
    });
  }
}

function textLines(text: SeriesText): string[] {
  const lines = [
    `SUMMARY:${escapeText(text.summary)}`,
    `DESCRIPTION:${escapeText(text.description)}`,
  ];
  if (text.link === undefined) return lines;
  return [
    ...lines,
    `LOCATION:${escapeText(text.link)}`,
    `URL:${uriValue(text.link)}`,
  ];
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
