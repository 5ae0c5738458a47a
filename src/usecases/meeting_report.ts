/**
 * The host's report on a meeting, once its feedback has closed: who said yes, who came,
 * who came without saying yes, who said yes and did not come, the average rating and
 * the comments, and for a meeting with a limit its seats (how many, how many got one
 * from the waitlist, how many were left waiting); one to each admin, once, through the
 * outbox. Where joins were not counted it says that who came is unknown, never that
 * nobody did. Its numbers are those of the history (db/history.ts, where a "yes" is a
 * seat held) and of the seats (seats.ts) at the moment it is owed.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import { renderText } from "../config/language.ts";
import { grammarOf } from "../domain/grammar.ts";
import { keys, LANE, OWED } from "../core/owed.ts";
import type { MeetingComment, MeetingSummary } from "../db/history.ts";
import type { Store } from "../db/store.ts";
import { displayName } from "../db/users.ts";
import type { CommentLine, Rated, ReportPayload } from "./jobs.ts";
import { type SeatFigures, seatFigures } from "./seats.ts";

/** The job's name in the job log. */
export const MEETING_REPORT = "meeting_report";

/** How much of a report the comments may fill; the rest is in `/history DATE`. */
const COMMENTS_MAX_LENGTH = 3_000;

/** An average rating as people write it in the config's language: `4,3`, `4.3`. */
export function formatAverage(
  config: Pick<Config, "language">,
  average: number,
): string {
  return grammarOf(config.language).decimal(average);
}

/** "в среднем 4,3 из 5 (7 оценок)" (`short`: "4,3 (7)"), or "нет". */
export function ratingText(
  config: Pick<Config, "texts" | "language">,
  summary: Pick<MeetingSummary, "ratings" | "average">,
  { short = false }: { short?: boolean } = {},
): string {
  if (summary.ratings === 0 || summary.average === null) {
    return config.texts.admin_rating_none;
  }
  return renderText(config, short ? "admin_rating_short" : "admin_rating", {
    average: formatAverage(config, summary.average),
    count: summary.ratings,
  });
}

/** A stored comment as a report lists it. */
export function commentLine(comment: MeetingComment): CommentLine {
  return {
    name: displayName(comment.user),
    rating: comment.rating,
    comment: comment.comment,
  };
}

/**
 * The comments as lines, "• Анна, оценка 4: …", at most about `max` characters of them
 * (then a line that says how many more of `total`); "—" when there are none.
 */
export function commentLines(
  config: Pick<Config, "texts" | "language">,
  { comments, total = comments.length, max = COMMENTS_MAX_LENGTH }: {
    comments: readonly CommentLine[];
    total?: number;
    max?: number;
  },
): string {
  if (total === 0) return config.texts.admin_comments_none;
  const lines: string[] = [];
  let length = 0;
  for (const comment of comments) {
    const line = renderText(config, "admin_comment_line", {
      name: comment.name,
      rating: comment.rating,
      comment: comment.comment,
    });
    if (lines.length > 0 && length + line.length > max) break;
    lines.push(line);
    length += line.length + 1;
  }
  if (lines.length < total) {
    lines.push(
      renderText(config, "admin_history_more", {
        count: total - lines.length,
      }),
    );
  }
  return lines.join("\n");
}

/** `{seat_figures}` of the report: the meeting's seats where it had a limit, else empty. */
export function reportSeatsLine(
  config: Pick<Config, "texts" | "language">,
  seats: SeatFigures | undefined,
): string {
  if (seats === undefined || seats.capacity === null) return "";
  return renderText(config, "admin_report_seats", {
    capacity: seats.capacity,
    seated: seats.seated,
    waitlist: seats.waitlist,
    promotions: seats.promotions,
  });
}

/**
 * The report's text key and values for `summary`, with the meeting's `seats` where it
 * had a limit; its date, ratings, comments and seats are written out in each admin's
 * language when it is sent.
 */
export function meetingReport(
  { summary, comments, seats }: {
    summary: MeetingSummary;
    comments: readonly MeetingComment[];
    seats?: SeatFigures;
  },
): ReportPayload {
  const rated: Rated = {
    ratings: summary.ratings,
    average: summary.average,
    comments: shownComments(comments),
    total: comments.length,
  };
  if (!summary.tracked) {
    return {
      text: "admin_meeting_report_unknown",
      meeting_id: summary.id,
      values: { yes: summary.yes },
      rated,
      seats,
    };
  }
  return {
    text: "admin_meeting_report",
    meeting_id: summary.id,
    values: {
      yes: summary.yes,
      joined: summary.joined,
      joined_without_yes: summary.joined_without_yes,
      no_show: summary.no_show,
    },
    rated,
    seats,
  };
}

/** The comments a report may show: those that fit in its share, at least one. */
function shownComments(comments: readonly MeetingComment[]): CommentLine[] {
  const shown: CommentLine[] = [];
  let length = 0;
  for (const comment of comments) {
    if (shown.length > 0 && length > COMMENTS_MAX_LENGTH) break;
    shown.push(commentLine(comment));
    length += comment.comment.length;
  }
  return shown;
}

/**
 * Owes each admin the report on `meetingId`, as its numbers stand at `now`, and records
 * the job done, in one transaction; again, nothing. Returns how many reports were owed.
 */
export function enqueueMeetingReport(
  store: Store,
  { config, meetingId, now }: { config: Config; meetingId: string; now: Date },
): number {
  return store.transaction(() => {
    if (store.jobRuns.get(meetingId, MEETING_REPORT) !== undefined) return 0;
    const summary = store.history.summary(meetingId);
    if (summary === undefined) return 0;
    store.jobRuns.start({ meetingId, job: MEETING_REPORT }, now);
    const payload = meetingReport({
      summary,
      comments: store.history.comments(meetingId),
      seats: seatFigures(store, { config, meetingId }),
    });
    let owed = 0;
    for (const admin of config.admins) {
      const added = store.outbox.add({
        key: keys.report(`${MEETING_REPORT}/${meetingId}`, admin),
        kind: OWED.report,
        ref: meetingId,
        chatId: admin,
        lane: LANE.notice,
        payload,
      }, now);
      if (added) owed++;
    }
    // Its messages are reports, counted as such: the job itself sends none.
    store.jobRuns.finish({ meetingId, job: MEETING_REPORT }, {
      counts: {
        pending: 0,
        sending: 0,
        sent: 0,
        blocked: 0,
        failed: 0,
        unknown: 0,
        dropped: 0,
      },
      now,
    });
    return owed;
  });
}
