/**
 * Times in the reader's own zone: every time and date a person is shown (the messages
 * about a week, `/status`, `/help`, the notices, the calendar caption, the edits) is in
 * the zone they chose in `/settings`, named (`{tz}`: the meeting's label in the meeting's
 * zone, else the UTC offset, "UTC−10"), and on the day it is there: Wednesday 11:00 in
 * Moscow is Tuesday 22:00 in Honolulu. The meeting's own schedule, and what admins are
 * shown, stay in the meeting's zone.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import type { User } from "../db/users.ts";
import { DATE_FORMS } from "../domain/russian.ts";
import { grammarOf } from "../domain/grammar.ts";
import { renderText } from "../config/language.ts";
import { render } from "../config/texts.ts";
import type { Choice } from "../domain/choices.ts";
import { planJobs } from "../domain/meeting.ts";
import type { Week } from "../usecases/weeks.ts";
import {
  formatTime,
  isoLocalDate,
  localParts,
  nextOccurrence,
} from "../domain/time.ts";
import { readerZone, type Zone } from "../domain/zones.ts";
import {
  meetingValues,
  scheduleValues,
  type ShownMeeting,
  zoneLabel,
} from "./build.ts";

/** The zone `user` reads times in: their own, or the meeting's (no user, none chosen). */
export function userZone(
  config: Config,
  user: Pick<User, "timezone"> | undefined,
): Zone {
  return readerZone(config, user?.timezone ?? null);
}

/**
 * The values of the weekly schedule (see `scheduleValues`) as `zone` reads them: the
 * weekday and time of the next meeting after `now` there ("по вторникам в 22:00" for
 * Wednesdays 11:00 in Moscow, read in Honolulu), and the zone's name.
 */
export function zoneScheduleValues(
  config: Config,
  { now, zone }: { now: Date; zone: Zone },
): Record<string, string> {
  const values = scheduleValues(config, now);
  if (zone.timezone === config.timezone) return values;
  const next = nextOccurrence(config.meeting, {
    timeZone: config.timezone,
    after: now,
  });
  const { weekday } = localParts(next, zone.timezone);
  const grammar = grammarOf(config.language);
  values.weekday = grammar.weekday(weekday, "nom");
  values.weekday_every = grammar.every(weekday);
  for (const form of DATE_FORMS) {
    values[`weekday_${form}`] = grammar.weekday(weekday, form);
  }
  values.time = formatTime(next, zone.timezone);
  values.tz = zoneLabel(zone, next);
  return values;
}

/**
 * The day of `meeting` as seen at `now` in its reader's zone: `texts.when_today`
 * ("сегодня"), `when_tomorrow` ("завтра"), or `when_date` ("в среду, 9 декабря,"): a
 * reminder sent on Tuesday evening in Los Angeles is about tomorrow there.
 */
export function whenValue(
  config: Config,
  { meeting, now }: { meeting: ShownMeeting; now: Date },
): string {
  const zone = (meeting.zone ?? config).timezone;
  const day = isoLocalDate(meeting.startsAt, zone);
  const today = Temporal.PlainDate.from(isoLocalDate(now, zone));
  if (day === today.toString()) return config.texts.when_today;
  if (day === today.add({ days: 1 }).toString()) {
    return config.texts.when_tomorrow;
  }
  return render(config.texts.when_date, meetingValues(config, meeting), config);
}

/** The name of `choice` as texts list it, with its time in `zone` where it has one. */
export function choiceName(
  config: Config,
  { choice, zone, upcoming }: { choice: Choice; zone: Zone; upcoming: Week },
): string {
  const job = planJobs(config, upcoming).find((plan) => plan.job === choice);
  if (job === undefined) return renderText(config, `setting_${choice}`);
  const { weekday } = localParts(job.due, zone.timezone);
  const grammar = grammarOf(config.language);
  const values: Record<string, string> = {
    weekday: grammar.weekday(weekday, "nom"),
    time: formatTime(job.due, zone.timezone),
    tz: zoneLabel(zone, job.due),
  };
  for (const form of DATE_FORMS) {
    values[`weekday_${form}`] = grammar.weekday(weekday, form);
  }
  return renderText(config, `setting_${choice}`, values);
}
