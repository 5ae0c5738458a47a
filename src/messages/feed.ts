/**
 * What a person's calendar subscription says: the weekly meeting as a series, each week
 * that differs from it (moved, cancelled, its own topic or link, or the person's own
 * join link, or no link: a week with a limit of seats in which the person holds none)
 * as its own entry, all in the words of `texts`. The texts are the config's
 * (the calendar's name, each meeting's title and text), passed in rather than read
 * here, so that a person's own language is one argument away.
 *
 * The series' UID is `weekly@<bot>.t.me`: this deployment's own, like the one-off
 * files' `meeting-<date>@<bot>.t.me`, and never equal to one of them, so that neither
 * ever replaces the other in a calendar that holds both.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import { render, type Texts } from "../config/texts.ts";
import { uidDomain } from "../domain/ics.ts";
import {
  seriesIcs,
  type SeriesText,
  type SeriesWeek,
} from "../domain/series.ts";
import type { FeedWeeks } from "../usecases/feed.ts";

/** Years ahead whose time zone transitions the feed spells out (its rules go on after). */
const ZONE_YEARS_AHEAD = 2;

/** The UID of the series of the bot `botUsername`. */
export function seriesUid(botUsername: string): string {
  return `weekly@${uidDomain(botUsername)}`;
}

/** What {@linkcode feedCalendar} makes a feed of. */
export interface FeedInput {
  /** The words of the feed: the config's texts (later, the person's language's). */
  texts: Pick<
    Texts,
    | "feed_name"
    | "feed_summary"
    | "feed_summary_topic"
    | "feed_description"
    | "feed_description_no_seat"
  >;
  /** The weeks it shows (usecases/feed.ts). */
  weeks: FeedWeeks;
  /**
   * The link each week shows this person, by the week's id: their own join link, or
   * `null` for none (a week with a limit of seats in which they hold none); a week not
   * in it shows its own link (usecases/feed.ts `feedLinks`).
   */
  links: ReadonlyMap<string, string | null>;
  /** The bot's username: the UID's domain, and where to answer. */
  bot: string;
  /** The instant it is made for: the zone's transitions are spelled out from it on. */
  now: Date;
}

/** The `.ics` text of one person's feed. */
export function feedCalendar(
  config: Pick<Config, "meeting" | "timezone">,
  input: FeedInput,
): string {
  const { texts, bot } = input;
  const title = config.meeting.title;
  const textOf = (
    { link, topic }: { link: string | null; topic: string | null },
  ): SeriesText => ({
    summary: topic === null
      ? render(texts.feed_summary, { title })
      : render(texts.feed_summary_topic, { title, topic }),
    ...(link === null
      ? { description: render(texts.feed_description_no_seat, { title, bot }) }
      : {
        description: render(texts.feed_description, { title, link, bot }),
        link,
      }),
  });
  // With a limit of seats in the config, the series shows no link: a week without a
  // seat held has none (those with a seat differ from the series).
  const seriesLink = config.meeting.capacity === null
    ? config.meeting.link
    : null;
  const weeks: SeriesWeek[] = [];
  for (const week of input.weeks.weeks) {
    const own = input.links.get(week.id);
    const link = own === undefined ? week.link : own;
    const differs = week.cancelled || link !== seriesLink ||
      week.startsAt.getTime() !== week.scheduledAt.getTime() ||
      week.topic !== null;
    if (!differs) continue;
    weeks.push({
      id: week.id,
      startsAt: week.startsAt,
      cancelled: week.cancelled,
      sequence: week.sequence,
      ...textOf({ link, topic: week.topic }),
    });
  }
  const ahead = new Date(input.now);
  ahead.setUTCFullYear(ahead.getUTCFullYear() + ZONE_YEARS_AHEAD);
  const last = weeks.at(-1)?.startsAt;
  return seriesIcs({
    uid: seriesUid(bot),
    name: render(texts.feed_name, { title }),
    timeZone: config.timezone,
    weekly: { weekday: config.meeting.weekday, time: config.meeting.time },
    first: input.weeks.first,
    durationMinutes: config.meeting.duration_minutes,
    text: textOf({ link: seriesLink, topic: null }),
    weeks,
    stamp: input.weeks.changedAt,
    until: last !== undefined && last > ahead ? last : ahead,
  });
}
