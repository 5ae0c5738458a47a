/**
 * The values that name a date, a time, a zone and a length of time in texts, in the
 * config's language and the reader's zone: `{date}` and its forms, `{day}`,
 * `{weekday}`…, `{time}`, `{tz}`, `{duration}`. Pure.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import { grammarOf, type LocalDate } from "../domain/grammar.ts";
import { DATE_FORMS } from "../domain/russian.ts";
import { formatTime, localParts, utcOffsetLabel } from "../domain/time.ts";
import type { Zone } from "../domain/zones.ts";

/** How texts name the zone at `instant`: its label (the config's "мск"), or "UTC+3". */
export function zoneLabel(config: Zone, instant: Date): string {
  return config.timezone_label ?? utcOffsetLabel(instant, config.timezone);
}

/**
 * Every form of a local date under `prefix` (see `datePlaceholders`), in the config's
 * language: `{date}` "среда, 9 декабря", `{date_acc}` "среду, 9 декабря", `{date_on}`
 * "в среду, 9 декабря" ("on Wednesday, 9 December"), `{date_from}` "со среды,
 * 9 декабря"…, `{day}` "9 декабря", `{weekday}` "среда" and its forms.
 */
export function dayValues(
  config: Pick<Config, "language">,
  { date, prefix = "" }: { date: LocalDate; prefix?: string },
): Record<string, string> {
  const grammar = grammarOf(config.language);
  const values: Record<string, string> = {
    [`${prefix}date`]: grammar.date(date, "nom"),
    [`${prefix}day`]: grammar.day(date),
    [`${prefix}weekday`]: grammar.weekday(date.weekday, "nom"),
  };
  for (const form of DATE_FORMS) {
    values[`${prefix}date_${form}`] = grammar.date(date, form);
    values[`${prefix}weekday_${form}`] = grammar.weekday(date.weekday, form);
  }
  return values;
}

/** {@linkcode dayValues} of `instant`'s local date, and `{time}` "11:00", under `prefix`. */
export function dateValues(
  config: Pick<Config, "timezone" | "language">,
  { at, prefix = "" }: { at: Date; prefix?: string },
): Record<string, string> {
  return {
    ...dayValues(config, { date: localParts(at, config.timezone), prefix }),
    [`${prefix}time`]: formatTime(at, config.timezone),
  };
}

/** Where and how dates are read: `zone`'s time zone, `config`'s language. */
export function inZone(
  config: Pick<Config, "language">,
  zone: Pick<Zone, "timezone">,
): Pick<Config, "timezone" | "language"> {
  return { timezone: zone.timezone, language: config.language };
}

/** `{duration}` "1 час 30 минут" and `{duration_acc}` "1 час 21 минуту", in the config's language. */
export function durationValues(
  config: Pick<Config, "language" | "meeting">,
): { duration: string; duration_acc: string } {
  const grammar = grammarOf(config.language);
  const minutes = config.meeting.duration_minutes;
  return {
    duration: grammar.duration(minutes, "nom"),
    duration_acc: grammar.duration(minutes, "acc"),
  };
}
