/**
 * What admins and the operator read: subscriber and attendance statistics, this and the
 * coming weeks' changes, who is coming, who waits for a seat and who has not answered,
 * and the attendance export, each counting answers by the one rule of db/counted.ts.
 * Shared by the Telegram admin commands and the `stats` / `export` commands of the
 * program.
 *
 * @module
 */
import type { Config } from "./config/schema.ts";
import { renderText } from "./config/language.ts";
import type { AttendanceRow } from "./db/answers.ts";
import type { Store } from "./db/store.ts";
import type { User } from "./db/users.ts";
import { toCsv } from "./domain/csv.ts";
import { meetingValues, moveValues } from "./messages/build.ts";
import { capacityText } from "./messages/seat_messages.ts";
import { type SeatFigures, seatFigures } from "./usecases/seats.ts";
import { upcomingWeek, weeksAhead } from "./usecases/weeks.ts";
import { localDateTime, namesWithComing, weekLines } from "./history.ts";

export { displayName } from "./db/users.ts";

/** The tables a report reads. */
export type ReportSource = Store;

/** Weeks of history shown by `/stats`; weeks ahead whose changes it lists. */
const HISTORY_WEEKS = 8;
const WEEKS_AHEAD = 6;

/** The `/stats` text: subscribers, the upcoming meeting's answers, changes, the last weeks. */
export function statsReport(
  config: Config,
  { source, now }: { source: ReportSource; now: Date },
): string {
  const meeting = upcomingWeek(source, { config, now });
  const subscribers = source.users.counts();
  const answers = source.answers.counts(meeting.id);
  const history = weekLines(config, {
    source,
    before: now,
    count: HISTORY_WEEKS,
  });
  const stats = renderText(config, "admin_stats", {
    ...meetingValues(config, meeting),
    active: subscribers.active,
    registered: subscribers.registered,
    // Subscribed, but their pause skips the upcoming week (/settings).
    paused: source.settings.pausedCount(meeting.id),
    not_registered: subscribers.active - subscribers.registered,
    stopped: subscribers.stopped,
    yes: answers.yes,
    no: answers.no,
    none: answers.none,
    changes: scheduleChanges(config, { source, now }).join("\n") || "—",
    history: history.length > 0 ? history.join("\n") : "—",
  });
  const seats = seatFigures(source, { config, meetingId: meeting.id });
  if (!showsSeats(seats)) return stats;
  return `${stats}\n\n${
    renderText(config, "admin_stats_seats", {
      ...meetingValues(config, meeting),
      limit: capacityText(config, seats.capacity),
      seated: seats.seated,
      waitlist: seats.waitlist,
      promotions: seats.promotions,
    })
  }`;
}

/** Whether a meeting's seats are worth a line: a limit, someone waiting, or promoted. */
function showsSeats(seats: SeatFigures): boolean {
  return seats.capacity !== null || seats.waitlist > 0 || seats.promotions > 0;
}

/** One line per change an admin made to this or a coming week (for `/stats` and `check`). */
export function scheduleChanges(
  config: Config,
  { source, now }: { source: ReportSource; now: Date },
): string[] {
  const lines: string[] = [];
  for (
    const week of weeksAhead(source, { config, now, count: WEEKS_AHEAD })
  ) {
    // Each line names the week by its date in the schedule, as the admin knows it.
    const values = meetingValues(config, {
      ...week,
      startsAt: week.scheduledAt,
    });
    if (week.cancelled) {
      lines.push(renderText(config, "admin_change_cancelled", values));
      continue;
    }
    if (week.startsAt.getTime() !== week.scheduledAt.getTime()) {
      lines.push(renderText(
        config,
        "admin_change_moved",
        moveValues(config, {
          meeting: week,
          from: week.scheduledAt,
          to: week.startsAt,
          date: "old",
        }),
      ));
    }
    if (week.topic !== null) {
      lines.push(renderText(config, "admin_change_topic", values));
    }
    if (week.link !== config.meeting.link) {
      lines.push(renderText(config, "admin_change_link", values));
    }
  }
  return lines;
}

/** A placeholder of the three groups of `/who`: `{yes}`, `{no_names}`… */
const GROUPS = /\{(?:yes|no|none)(?:_names)?[}|]/;

/**
 * The `/who` text for the upcoming meeting: who is coming, who is not, and who has not
 * answered, each group with its count and names; answers counted as every report counts
 * them (db/counted.ts). With a limit of seats, the waitlist in its order and the seats.
 */
export function whoReport(
  config: Config,
  { source, now }: { source: ReportSource; now: Date },
): string {
  const meeting = upcomingWeek(source, { config, now });
  const values = meetingValues(config, meeting);
  const roster = source.answers.roster(meeting.id);
  const { yes, no, none, waitlist } = roster;
  // A config.yaml written before the three groups lists only those coming ({count},
  // {names}), and said "nobody yet" (admin_who_empty) when there were none.
  const nobodyComing = yes.length === 0 && !GROUPS.test(config.texts.admin_who);
  const people = yes.length + no.length + none.length + waitlist.length;
  if (people === 0 || nobodyComing) {
    return renderText(config, "admin_who_empty", values);
  }
  // Beside each name: how many of the last meetings they came to (history.ts).
  const coming = namesWithComing(config, { source, now });
  const names = (group: readonly User[]) =>
    group.length === 0
      ? config.texts.admin_who_empty_group
      : group.map(coming.name).join("\n");
  const who = renderText(config, "admin_who", {
    ...values,
    yes: yes.length,
    no: no.length,
    none: none.length,
    yes_names: names(yes),
    no_names: names(no),
    none_names: names(none),
    count: yes.length,
    names: names(yes),
  });
  const note = coming.note === "" ? [] : [coming.note];
  const seats = seatFigures(source, { config, meetingId: meeting.id });
  if (!showsSeats(seats)) return [who, ...note].join("\n\n");
  const waiting = waitlist.length === 0
    ? config.texts.admin_who_empty_group
    : waitlist.map((user, i) => `${i + 1}. ${coming.name(user)}`).join("\n");
  const parts = [
    who,
    renderText(config, "admin_who_waitlist", {
      waitlist: waitlist.length,
      waitlist_names: waiting,
    }),
  ];
  if (seats.capacity !== null) {
    parts.push(renderText(config, "admin_who_seats", {
      capacity: seats.capacity,
      seated: seats.seated,
      free: seats.free ?? 0,
      promotions: seats.promotions,
    }));
  }
  return [...parts, ...note].join("\n\n");
}

/** A meeting's status as of `now`: cancelled, held (it has started), or ahead. */
function meetingStatus(config: Config, row: AttendanceRow, now: Date): string {
  if (row.meeting_status === "cancelled") {
    return config.texts.export_meeting_cancelled;
  }
  return startOf(row) <= now
    ? config.texts.export_meeting_held
    : config.texts.export_meeting_planned;
}

function startOf(row: AttendanceRow): Date {
  return new Date(row.meeting_moved_to ?? row.meeting_starts_at);
}

/**
 * The attendance history as CSV (UTF-8 with BOM, so that a spreadsheet shows Cyrillic
 * names as they are): one row per person and meeting they answered, joined or rated,
 * times in the configured zone; after the answer, where it stood (a seat or the
 * waitlist, the place on it, whether the seat came from the waitlist), then whether they
 * came (yes, no, or unknown where joins were not counted) and their rating.
 */
export function attendanceCsv(
  config: Config,
  { rows, now }: { rows: readonly AttendanceRow[]; now: Date },
): string {
  const answers = {
    yes: config.texts.export_answer_yes,
    no: config.texts.export_answer_no,
  };
  const columns = (text: string) =>
    text.split("|").map((column) => column.trim());
  const seats = {
    seat: config.texts.export_seat_taken,
    waitlist: config.texts.export_seat_waitlist,
  };
  return toCsv([
    [
      ...columns(config.texts.export_columns),
      ...columns(config.texts.export_seat_columns),
      ...columns(config.texts.export_columns_after),
    ],
    ...rows.map((row) => [
      row.meeting_id,
      meetingStatus(config, row, now),
      localDateTime(startOf(row), config.timezone),
      row.meeting_topic,
      row.tg_id,
      row.first_name,
      row.last_name,
      row.username,
      row.answer === null ? null : answers[row.answer],
      row.answered_at === null
        ? null
        : localDateTime(new Date(row.answered_at), config.timezone),
      row.seat === null ? null : seats[row.seat],
      row.waitlist_place,
      row.promoted_at === null ? null : config.texts.export_promoted,
      config.texts[JOINED_TEXTS[joined(row)]],
      row.rating,
    ]),
  ]);
}

/**
 * The attendance history as records for `export` under `LOG_FORMAT=json`: the CSV's
 * columns with stable keys and machine values (`held`, `yes`, ISO instants).
 */
export function attendanceRecords(
  { rows, now }: { rows: readonly AttendanceRow[]; now: Date },
): Record<string, string | number | null>[] {
  return rows.map((row) => ({
    meeting: row.meeting_id,
    status: row.meeting_status === "cancelled"
      ? "cancelled"
      : startOf(row) <= now
      ? "held"
      : "planned",
    starts_at: startOf(row).toISOString(),
    topic: row.meeting_topic,
    tg_id: row.tg_id,
    first_name: row.first_name,
    last_name: row.last_name,
    username: row.username,
    answer: row.answer,
    answered_at: row.answered_at === null
      ? null
      : new Date(row.answered_at).toISOString(),
    seat: row.seat,
    waitlist_place: row.waitlist_place,
    promoted_at: row.promoted_at === null
      ? null
      : new Date(row.promoted_at).toISOString(),
    joined: joined(row),
    rating: row.rating,
  }));
}

/** The export's texts of whether someone came. */
const JOINED_TEXTS = {
  yes: "export_joined_yes",
  no: "export_joined_no",
  unknown: "export_joined_unknown",
} as const;

/** Whether the row's person came: unknown where joins were not counted. */
function joined(row: AttendanceRow): "yes" | "no" | "unknown" {
  if (!row.tracked) return "unknown";
  return row.joined_at === null ? "no" : "yes";
}
