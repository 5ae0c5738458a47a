/**
 * A VTIMEZONE (RFC 5545 §3.6.5) for an IANA time zone, made from the zone's real
 * transitions (the time zone database Temporal carries) over the years a calendar
 * covers, never from a block written by hand: a zone that changes its rules, or has
 * none, gets what it really does. Pure.
 *
 * Each transition is an onset: its local time as the clock showed it just before
 * (TZOFFSETFROM), and the offset after (TZOFFSETTO). Transitions that repeat a yearly
 * rule ("the last Sunday of March at 02:00", "the second Sunday of March") on
 * consecutive years become one observance with an RRULE; one that still holds at the
 * end of the covered years is left open, as the time zone database itself projects
 * the current rules, so that a client reading only this VTIMEZONE stays right beyond
 * them. Anything else is written as the single onset it was. The observance in effect
 * when the covered span starts is always included.
 *
 * @module
 */
import type { LocalTime } from "../core/week.ts";
import type { CalendarDate } from "./time.ts";

/** The span of instants a VTIMEZONE must be right for. */
export interface ZoneSpan {
  /** The first instant the calendar shows. */
  from: Date;
  /** The last one; the transitions of its whole year are included. */
  until: Date;
}

/** One change of the zone's offset. */
interface Transition {
  /** When it happens. */
  at: number;
  /** Milliseconds east of UTC before it, and after. */
  from: number;
  to: number;
  /** The wall clock just before it, in the old offset. */
  local: Wall;
  /** DAYLIGHT: a step forward that is taken back within a year. */
  daylight: boolean;
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday, 1 (Monday) to 7. */
  weekday: number;
  daysInMonth: number;
}

/** A run of transitions that follow one yearly rule on consecutive years. */
interface Run {
  members: Transition[];
  /** The BYDAY positions every member fits: 1–5 (the nth weekday), -1 (the last). */
  positions: Set<number>;
}

const DAY_MS = 86_400_000;
const WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

/**
 * The lines of the VTIMEZONE of `timeZone` for `span` (unfolded, without line ends):
 * every onset from the one in effect at `span.from` to the end of `span.until`'s year.
 * A zone that never changed its offset gets one STANDARD observance.
 */
export function vtimezone(timeZone: string, span: ZoneSpan): string[] {
  const transitions = transitionsOf(timeZone, span);
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`];
  if (transitions.length === 0) {
    const offset = offsetAt(timeZone, span.from.getTime());
    lines.push(
      "BEGIN:STANDARD",
      "DTSTART:19700101T000000",
      `TZOFFSETFROM:${formatOffset(offset)}`,
      `TZOFFSETTO:${formatOffset(offset)}`,
      "END:STANDARD",
    );
  }
  const lastYear = new Date(span.until).getUTCFullYear();
  for (const run of runsOf(transitions)) {
    lines.push(...observance(run, lastYear));
  }
  lines.push("END:VTIMEZONE");
  return lines;
}

/** `20260329T020000`: a wall clock as an iCalendar local DATE-TIME. */
export function localDateTime(
  wall: CalendarDate & LocalTime & { second?: number },
): string {
  const pad = (n: number, size = 2) => String(n).padStart(size, "0");
  return `${pad(wall.year, 4)}${pad(wall.month)}${pad(wall.day)}T` +
    `${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second ?? 0)}`;
}

/** The zone's offsets changes from the one in effect at `from` to the end of `until`'s year. */
function transitionsOf(timeZone: string, span: ZoneSpan): Transition[] {
  const end = Date.UTC(new Date(span.until).getUTCFullYear() + 1, 0, 1);
  const start = Temporal.Instant.fromEpochMilliseconds(span.from.getTime())
    .toZonedDateTimeISO(timeZone);
  const changes: Temporal.ZonedDateTime[] = [];
  const first = start.getTimeZoneTransition("previous");
  if (first !== null) changes.push(first);
  // One beyond the end too: whether the last step forward is taken back decides its kind.
  for (let at = first ?? start; at.epochMilliseconds < end;) {
    const next = at.getTimeZoneTransition("next");
    if (next === null) break;
    changes.push(next);
    at = next;
  }
  const all = changes.map((change) => {
    const to = change.offsetNanoseconds / 1e6;
    const from = change.subtract({ nanoseconds: 1 }).offsetNanoseconds / 1e6;
    return { at: change.epochMilliseconds, from, to };
  });
  return all.filter((t) => t.at < end).map((t, i) => {
    const after = all[i + 1];
    return {
      ...t,
      local: wallOf(t.at + t.from),
      daylight: t.to > t.from && after !== undefined && after.to <= t.from &&
        after.at - t.at < 366 * DAY_MS,
    };
  });
}

function offsetAt(timeZone: string, at: number): number {
  return Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(timeZone)
    .offsetNanoseconds / 1e6;
}

/** The wall clock of epoch milliseconds already shifted by an offset. */
function wallOf(shifted: number): Wall {
  const d = new Date(shifted);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  return {
    year,
    month,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: ((d.getUTCDay() + 6) % 7) + 1,
    daysInMonth: new Date(Date.UTC(year, month, 0)).getUTCDate(),
  };
}

/** The BYDAY positions a wall date has in its month: its nth, and -1 if it is the last. */
function positionsOf(wall: Wall): Set<number> {
  const positions = new Set([Math.ceil(wall.day / 7)]);
  if (wall.day + 7 > wall.daysInMonth) positions.add(-1);
  return positions;
}

/** What must be equal for two transitions to be one rule's, apart from the year. */
function ruleKey(t: Transition): string {
  const { month, weekday, hour, minute, second } = t.local;
  return [t.daylight, t.from, t.to, month, weekday, hour, minute, second]
    .join("/");
}

/** Transitions grouped into runs of one yearly rule on consecutive years, by onset. */
function runsOf(transitions: readonly Transition[]): Run[] {
  const runs: Run[] = [];
  const open = new Map<string, Run>();
  for (const t of transitions) {
    const key = ruleKey(t);
    const run = open.get(key);
    const last = run?.members.at(-1);
    const shared = run === undefined
      ? new Set<number>()
      : new Set([...run.positions].filter((p) => positionsOf(t.local).has(p)));
    if (
      run !== undefined && last!.local.year + 1 === t.local.year &&
      shared.size > 0
    ) {
      run.members.push(t);
      run.positions = shared;
      continue;
    }
    const started: Run = { members: [t], positions: positionsOf(t.local) };
    runs.push(started);
    open.set(key, started);
  }
  return runs.sort((a, b) => a.members[0]!.at - b.members[0]!.at);
}

/** The STANDARD or DAYLIGHT observance of one run. */
function observance(run: Run, lastYear: number): string[] {
  const first = run.members[0]!;
  const last = run.members.at(-1)!;
  const kind = first.daylight ? "DAYLIGHT" : "STANDARD";
  const lines = [
    `BEGIN:${kind}`,
    `DTSTART:${localDateTime(first.local)}`,
    `TZOFFSETFROM:${formatOffset(first.from)}`,
    `TZOFFSETTO:${formatOffset(first.to)}`,
  ];
  if (run.members.length > 1) {
    // "The last Sunday" where it fits every year, else "the nth".
    const position = run.positions.has(-1) ? -1 : Math.min(...run.positions);
    const until = last.local.year >= lastYear
      ? ""
      : `;UNTIL=${utcStamp(last.at)}`;
    lines.push(
      `RRULE:FREQ=YEARLY;BYMONTH=${first.local.month};BYDAY=${position}${
        WEEKDAY_CODES[first.local.weekday - 1]
      }${until}`,
    );
  }
  lines.push(`END:${kind}`);
  return lines;
}

/** `+0200`, `-0330`, or with seconds `+005328` where the offset has them. */
function formatOffset(ms: number): string {
  const sign = ms < 0 ? "-" : "+";
  const total = Math.round(Math.abs(ms) / 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  const hours = pad(Math.floor(total / 3600));
  const minutes = pad(Math.floor(total / 60) % 60);
  const seconds = total % 60;
  return `${sign}${hours}${minutes}${seconds === 0 ? "" : pad(seconds)}`;
}

/** `20261025T010000Z`. */
function utcStamp(at: number): string {
  return new Date(at).toISOString().replace(/[-:]/g, "").replace(
    /\.\d{3}Z$/,
    "Z",
  );
}
