/**
 * The meetings' history as admins and the operator read it: `/history` (a line per past
 * meeting), `/history DATE` (one in full: who came, who came without saying yes, who said
 * yes and did not come, the seats where there was a limit, the ratings and the comments),
 * the last weeks of `/stats`, how often each person came for `/who`, and the comments
 * export. Numbers come from db/history.ts; where who came is unknown, every text says
 * so, never 0.
 *
 * @module
 */
import type { Config } from "./config/schema.ts";
import { renderText } from "./config/language.ts";
import type { MeetingSummary } from "./db/history.ts";
import type { Store } from "./db/store.ts";
import { displayName, type User } from "./db/users.ts";
import { toCsv } from "./domain/csv.ts";
import { isoLocalDate, localParts, parseWallTime } from "./domain/time.ts";
import { meetingValues } from "./messages/build.ts";
import {
  commentLine,
  commentLines,
  ratingText,
  reportSeatsLine,
} from "./usecases/meeting_report.ts";
import { seatFigures } from "./usecases/seats.ts";
import { type Week, weekById } from "./usecases/weeks.ts";

/** Past meetings `/history` lists; older ones are counted, and are in the export. */
const LISTED = 52;
/** Held meetings `/who` counts each person's coming over. */
export const CAME_OVER = 8;

/** The week of a summary as the schedule and its changes make it. */
export function weekOf(
  config: Config,
  store: Store,
  summary: MeetingSummary,
): Week {
  return weekById(store, { config, id: summary.id }) ?? {
    id: summary.id,
    startsAt: new Date(summary.moved_to ?? summary.starts_at),
    scheduledAt: new Date(summary.starts_at),
    topic: summary.topic,
    link: config.meeting.link,
    cancelled: summary.status === "cancelled",
    sequence: 0,
  };
}

/** How many came, or that it is unknown (nobody came to a cancelled meeting). */
export function joinedText(config: Config, summary: MeetingSummary): string {
  if (summary.status === "cancelled") return "0";
  return summary.tracked
    ? String(summary.joined)
    : config.texts.admin_joined_unknown;
}

/** A meeting's status in the history: cancelled, held, or still ahead. */
export function statusText(config: Config, week: Week, now: Date): string {
  if (week.cancelled) return config.texts.export_meeting_cancelled;
  return week.startsAt <= now
    ? config.texts.export_meeting_held
    : config.texts.export_meeting_planned;
}

/** The line of one past meeting: date, topic, status, yes, joined, rating. */
function historyLine(
  config: Config,
  { store, summary, now }: { store: Store; summary: MeetingSummary; now: Date },
): string {
  const week = weekOf(config, store, summary);
  return renderText(config, "admin_history_line", {
    ...meetingValues(config, week),
    topic_part: week.topic
      ? renderText(config, "admin_history_topic", { topic: week.topic })
      : "",
    status: statusText(config, week, now),
    yes: summary.yes,
    joined: joinedText(config, summary),
    rating: ratingText(config, summary, { short: true }),
  });
}

/** `/history`: the past meetings, newest first, a line each. */
export function historyReport(
  config: Config,
  { source, now }: { source: Store; now: Date },
): string {
  const past = source.history.past(now, LISTED + 1);
  if (past.length === 0) return config.texts.admin_history_empty;
  const lines = past.slice(0, LISTED).map((summary) =>
    historyLine(config, { store: source, summary, now })
  );
  if (past.length > LISTED) {
    const all = source.history.past(now, Number.MAX_SAFE_INTEGER).length;
    lines.push(
      renderText(config, "admin_history_more", { count: all - LISTED }),
    );
  }
  return renderText(config, "admin_history", { lines: lines.join("\n") });
}

/** The meeting on the local date `text` ("25.11", "2026-11-25"), or why there is none. */
export function findMeeting(
  config: Config,
  { source, text, now }: { source: Store; text: string; now: Date },
): { summary: MeetingSummary } | { problem: string } {
  const when = parseWallTime(`${text} 12:00`, {
    timeZone: config.timezone,
    around: now,
  });
  if (when === undefined) {
    return {
      problem: renderText(config, "admin_history_bad_date", { text }),
    };
  }
  const day = isoLocalDate(when, config.timezone);
  const found = source.history.summary(day) ??
    source.history.past(now, CAME_OVER * 8).find((s) =>
      isoLocalDate(new Date(s.moved_to ?? s.starts_at), config.timezone) ===
        day
    );
  if (found === undefined) {
    const p = localParts(when, config.timezone);
    return {
      problem: renderText(config, "admin_history_not_found", {
        day: meetingValues(config, {
          id: day,
          startsAt: new Date(Date.UTC(p.year, p.month - 1, p.day, 12)),
        }).day,
      }),
    };
  }
  return { summary: found };
}

/** `/history DATE`: one meeting in full. */
export function meetingHistory(
  config: Config,
  { source, summary, now }: {
    source: Store;
    summary: MeetingSummary;
    now: Date;
  },
): string {
  const week = weekOf(config, source, summary);
  const people = source.history.people(summary.id);
  const names = (group: readonly User[]) =>
    group.length === 0
      ? config.texts.admin_who_empty_group
      : group.map(displayName).join("\n");
  const values = {
    ...meetingValues(config, week),
    status: statusText(config, week, now),
    yes: summary.yes,
    no: summary.no,
    rating: ratingText(config, summary),
    comments: commentLines(config, {
      comments: source.history.comments(summary.id).map(commentLine),
    }),
    seat_figures: reportSeatsLine(
      config,
      seatFigures(source, { config, meetingId: summary.id }),
    ),
  };
  if (!summary.tracked) {
    return renderText(config, "admin_history_meeting_unknown", {
      ...values,
      yes_names: names([...people.came, ...people.absent]),
    });
  }
  return renderText(config, "admin_history_meeting", {
    ...values,
    joined: summary.joined,
    joined_without_yes: summary.joined_without_yes,
    no_show: summary.no_show,
    came_names: names(people.came),
    unannounced_names: names(people.unannounced),
    absent_names: names(people.absent),
  });
}

/** The lines of the last weeks in `/stats`: yes, joined, rating, a line each. */
export function weekLines(
  config: Config,
  { source, before, count }: { source: Store; before: Date; count: number },
): string[] {
  return source.history.past(before, count).map((summary) => {
    const week = weekOf(config, source, summary);
    return renderText(config, "admin_stats_week", {
      ...meetingValues(config, week),
      yes: summary.yes,
      no: summary.no,
      joined: joinedText(config, summary),
      rating: ratingText(config, summary, { short: true }),
      status: week.cancelled ? config.texts.admin_stats_cancelled : "",
    });
  });
}

/**
 * Names for `/who`, each with how many of the last {@linkcode CAME_OVER} held meetings
 * the person came to; the note that explains the number, or "" before any meeting.
 */
export function namesWithComing(
  config: Config,
  { source, now }: { source: Store; now: Date },
): { name: (user: User) => string; note: string } {
  const { meetings, byUser } = source.history.cameTo(now, CAME_OVER);
  if (meetings === 0) return { name: displayName, note: "" };
  return {
    name: (user) =>
      renderText(config, "admin_who_name", {
        name: displayName(user),
        came: byUser.get(user.id) ?? 0,
        of: meetings,
      }),
    note: renderText(config, "admin_who_came_note", { of: meetings }),
  };
}

/**
 * The comments as CSV (UTF-8 with BOM): a row per comment with its meeting, who wrote it,
 * their rating and the comment exactly as they wrote it, nothing else.
 */
export function commentsCsv(
  config: Config,
  { source }: { source: Store },
): { csv: string; count: number } {
  const comments = source.history.comments();
  const csv = toCsv([
    config.texts.export_comment_columns.split("|").map((c) => c.trim()),
    ...comments.map((c) => [
      c.meeting_id,
      c.user.tg_id,
      c.user.first_name,
      c.user.last_name,
      c.user.username,
      c.rating,
      c.comment,
      localDateTime(new Date(c.commented_at), config.timezone),
    ]),
  ]);
  return { csv, count: comments.length };
}

/** The comments as records for `export comments` under `LOG_FORMAT=json`. */
export function commentRecords(
  { source }: { source: Store },
): Record<string, string | number | null>[] {
  return source.history.comments().map((c) => ({
    meeting: c.meeting_id,
    tg_id: c.user.tg_id,
    first_name: c.user.first_name,
    last_name: c.user.last_name,
    username: c.user.username,
    rating: c.rating,
    comment: c.comment,
    commented_at: new Date(c.commented_at).toISOString(),
  }));
}

/** "2026-11-25 11:00" in `timeZone`. */
export function localDateTime(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${
    pad(p.minute)
  }`;
}
