/**
 * A person's choices of what the bot sends them: each message they may turn off, and a
 * pause that skips whole weeks and ends by itself. Pure: the store keeps the choices
 * (db/settings.ts), the use cases apply them (usecases/settings.ts), and the audiences
 * and the renderers ask the same questions here.
 *
 * A pause is kept as the last week it skips, by that week's id (its scheduled local date
 * in the meeting's zone, `2026-12-16`): a week is paused while its id is not after it.
 * Ids sort as dates, so SQL compares them as text; a move of a week keeps its id, and so
 * whether it is paused.
 *
 * @module
 */
import type { CalendarDate } from "./time.ts";

/** The messages a person may turn off in `/settings`, in the order they come in a week. */
export const CHOICES = [
  "invitation",
  "nudge",
  "first_reminder",
  "second_reminder",
  "feedback",
  "followups",
] as const;

/** One message a person may turn off. */
export type Choice = typeof CHOICES[number];

/** Whether `name` is one of {@linkcode CHOICES} (button data is checked with it). */
export function isChoice(name: string): name is Choice {
  return (CHOICES as readonly string[]).includes(name);
}

/** A person's choices as stored: the messages turned off, and the last week paused. */
export interface Choices {
  /** The messages they turned off. */
  muted: ReadonlySet<string>;
  /** The id of the last week the pause skips; `null`: no pause. */
  paused_through: string | null;
}

/** Whether `choices` pause the week `weekId`. */
export function pausedFor(
  choices: Pick<Choices, "paused_through">,
  weekId: string,
): boolean {
  return choices.paused_through !== null && weekId <= choices.paused_through;
}

/**
 * Whether a person with `choices` is sent `message` about the week `weekId`: the message
 * is on (when one is named) and the week is not paused (when one is named).
 */
export function wants(
  choices: Choices,
  { message, weekId }: { message?: Choice; weekId?: string },
): boolean {
  if (message !== undefined && choices.muted.has(message)) return false;
  return weekId === undefined || !pausedFor(choices, weekId);
}

/** The pauses offered as buttons, in weeks. */
export const PAUSE_WEEKS: readonly number[] = [1, 2, 4];

/** A pause lasts until at most this many years ahead. */
export const PAUSE_MAX_YEARS = 1;

/** Why a pause until a date is refused. */
export type PauseRefusal =
  /** The date has passed (in the person's zone). */
  | "past"
  /** The date is more than {@linkcode PAUSE_MAX_YEARS} ahead. */
  | "too_far";

/**
 * Whether a pause whose last day is `last` may be set on `today` (both local dates in
 * the person's zone): not before today, at most {@linkcode PAUSE_MAX_YEARS} ahead.
 */
export function checkPauseDate(
  last: CalendarDate,
  today: CalendarDate,
): PauseRefusal | undefined {
  const date = Temporal.PlainDate.from(last);
  const from = Temporal.PlainDate.from(today);
  if (Temporal.PlainDate.compare(date, from) < 0) return "past";
  const limit = from.add({ years: PAUSE_MAX_YEARS });
  return Temporal.PlainDate.compare(date, limit) > 0 ? "too_far" : undefined;
}

/**
 * A date a person typed as the last day of a pause: `31.12`, `31.12.2026`, `31.12.26`,
 * `2026-12-31`. A date without a year is the next one from `today` on (this year's, or
 * next year's once it has passed). `undefined` for anything else or an impossible date.
 */
export function parsePauseDate(
  text: string,
  today: CalendarDate,
): CalendarDate | undefined {
  const trimmed = text.trim().replace(/\.$/, "");
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  let parts: [number, number, number | undefined] | undefined;
  if (match !== null) parts = [+match[3]!, +match[2]!, +match[1]!];
  match ??= /^(\d{1,2})[./](\d{1,2})(?:[./](\d{2}|\d{4}))?$/.exec(trimmed);
  if (parts === undefined && match !== null) {
    const year = match[3] === undefined
      ? undefined
      : match[3].length === 2
      ? 2000 + Number(match[3])
      : Number(match[3]);
    parts = [+match[1]!, +match[2]!, year];
  }
  if (parts === undefined) return undefined;
  const [day, month, year] = parts;
  const at = (y: number): CalendarDate | undefined => {
    try {
      Temporal.PlainDate.from({ year: y, month, day }, { overflow: "reject" });
      return { year: y, month, day };
    } catch {
      return undefined;
    }
  };
  if (year !== undefined) return at(year);
  const date = at(today.year);
  if (date !== undefined && checkPauseDate(date, today) !== "past") return date;
  return at(today.year + 1) ?? date;
}
