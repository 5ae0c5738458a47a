/**
 * What admins and the operator read: subscriber and attendance statistics, the list of
 * who is coming, and the attendance export. Shared by the Telegram admin commands and
 * the `stats` / `export` commands of the program.
 */
import type { Config } from "./config.ts";
import type { AttendanceRow, Store, User } from "./db/store.ts";
import { toCsv } from "./domain/csv.ts";
import { upcomingMeeting } from "./domain/meeting.ts";
import { localParts } from "./domain/time.ts";
import { text } from "./messages.ts";

/** Weeks of history shown by `/stats`. */
const HISTORY_WEEKS = 4;

/** The `/stats` text: subscribers, the upcoming meeting's answers, the last weeks. */
export function statsReport(config: Config, store: Store, now: Date): string {
  const meeting = upcomingMeeting(config, now);
  const subscribers = store.subscriberCounts();
  const answers = store.answerCounts(meeting.id);
  const history = store.meetingHistory(meeting.id, HISTORY_WEEKS).map((week) =>
    text(config, "admin_stats_week", {
      date: week.id,
      yes: week.yes,
      no: week.no,
      status: week.status === "cancelled" ? " (отменена)" : "",
    })
  );
  return text(config, "admin_stats", {
    active: subscribers.active,
    registered: subscribers.registered,
    date: meeting.id,
    yes: answers.yes,
    no: answers.no,
    none: answers.none,
    history: history.length > 0 ? history.join("\n") : "—",
  });
}

/** The `/who` text: the names of those who said yes for the upcoming meeting. */
export function whoReport(config: Config, store: Store, now: Date): string {
  const meeting = upcomingMeeting(config, now);
  const attendees = store.attendees(meeting.id);
  if (attendees.length === 0) {
    return text(config, "admin_who_empty", { date: meeting.id });
  }
  return text(config, "admin_who", {
    date: meeting.id,
    count: attendees.length,
    names: attendees.map(displayName).join("\n"),
  });
}

/** "Анна Иванова (@anna)", or the Telegram id when the profile has no name. */
function displayName(
  user: Pick<User, "first_name" | "last_name" | "username" | "tg_id">,
): string {
  const name = [user.first_name, user.last_name].filter(Boolean).join(" ") ||
    `id ${user.tg_id}`;
  return user.username ? `${name} (@${user.username})` : name;
}

const ANSWERS = { yes: "да", no: "нет" } as const;

/** A meeting's status as of `now`: cancelled, held (it has started), or ahead. */
function meetingStatus(row: AttendanceRow, now: Date): string {
  if (row.meeting_status === "cancelled") return "отменена";
  return new Date(row.meeting_starts_at) <= now ? "проведена" : "запланирована";
}

/**
 * The attendance history as CSV (UTF-8 with BOM, so that a spreadsheet shows Cyrillic
 * names as they are): one row per answer, times in the configured zone.
 */
export function attendanceCsv(
  config: Config,
  { rows, now }: { rows: readonly AttendanceRow[]; now: Date },
): string {
  return toCsv([
    [
      "Дата встречи",
      "Статус встречи",
      "Telegram ID",
      "Имя",
      "Фамилия",
      "Username",
      "Ответ",
      "Время ответа",
    ],
    ...rows.map((row) => [
      row.meeting_id,
      meetingStatus(row, now),
      row.tg_id,
      row.first_name,
      row.last_name,
      row.username,
      ANSWERS[row.answer],
      localDateTime(new Date(row.answered_at), config.timezone),
    ]),
  ]);
}

function localDateTime(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${
    pad(p.minute)
  }`;
}
