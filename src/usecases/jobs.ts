/**
 * A weekly job as a use case: enqueue its messages in one transaction with its start,
 * and close it, with a report to the admins, once every message is settled.
 *
 * @module
 */
import { OperatorError } from "../core/errors.ts";
import type { JobName } from "../core/jobs.ts";
import { batchOf, keys, LANE, OWED } from "../core/owed.ts";
import type { Config } from "../config/schema.ts";
import type { TextKey } from "../config/texts.ts";
import type { MessageEntity } from "grammy/types";
import type { Audience, BatchCounts } from "../db/outbox.ts";
import type { Store } from "../db/store.ts";
import type { MeetingSlot } from "../domain/meeting.ts";
import { isCancelled } from "./meetings.ts";
import type { SeatFigures } from "./seats.ts";

/** A job was asked for a meeting an admin cancelled. */
export class MeetingCancelledError extends OperatorError {
  /** Shows in logs and stack traces as `MeetingCancelledError: …`. */
  override name = "MeetingCancelledError";
}

/**
 * Who gets each job's message: those it is for who have not turned it off in
 * `/settings` nor paused its week (the same rule is checked again at send time).
 */
export function jobAudience(job: JobName, meetingId: string): Audience {
  const wants = { message: job, week: meetingId };
  switch (job) {
    case "invitation":
      return { to: "registered", wants };
    case "nudge":
      return { to: "unanswered", meetingId, wants };
    case "first_reminder":
    case "second_reminder":
      return { to: "attendees", meetingId, wants };
  }
}

/**
 * Starts `job` for `meeting`: records it as running and enqueues one message per
 * recipient, in one transaction; the last reminder also owes those still on the
 * waitlist the note that they did not get a seat this time (what becomes of their
 * answer: a pause does not hold it back). Running it again adds only recipients who
 * are new since (a latecomer), never a second message. Returns how many were added.
 */
export function enqueueJob(
  store: Store,
  { job, meeting, now }: { job: JobName; meeting: MeetingSlot; now: Date },
): number {
  return store.transaction(() => {
    store.meetings.ensure(meeting, now);
    if (isCancelled(store, meeting.id)) {
      throw new MeetingCancelledError(
        `Meeting ${meeting.id} is cancelled: no ${job} is sent for it`,
      );
    }
    store.jobRuns.start({ meetingId: meeting.id, job }, now);
    if (job === "second_reminder") {
      // The last word before the start: those still waiting learn they did not get in.
      store.outbox.addBroadcast({ to: "waitlisted", meetingId: meeting.id }, {
        kind: OWED.waitlist_note,
        ref: meeting.id,
        lane: LANE.broadcast,
        now,
      });
    }
    return store.outbox.addBroadcast(jobAudience(job, meeting.id), {
      kind: OWED[job],
      ref: meeting.id,
      lane: LANE.broadcast,
      now,
    });
  });
}

/** A comment as a report lists it: who wrote it, their rating, and what they wrote. */
export interface CommentLine {
  /** "Анна Иванова (@anna)". */
  name: string;
  /** Their rating, 1 to 5. */
  rating: number;
  /** The comment as they wrote it. */
  comment: string;
}

/** A meeting's ratings and comments, as a report writes them out when it is sent. */
export interface Rated {
  /** How many ratings. */
  ratings: number;
  /** Their average; `null` without any. */
  average: number | null;
  /** The first comments, as many as a report may show. */
  comments: readonly CommentLine[];
  /** How many comments there are in all; default `comments.length`. */
  total?: number;
}

/**
 * A report to an admin, rendered when it is sent: the text's key, its values (a value
 * that names a text, such as `job_invitation`, is replaced by that text), and the
 * meeting whose date it shows.
 */
export interface ReportPayload {
  /** The text to render, by its key in `texts`. */
  text: TextKey;
  /** The values of its placeholders, by name. */
  values: Record<string, string | number>;
  /** The meeting whose date the report shows, if any. */
  meeting_id?: string;
  /**
   * A meeting report's ratings and comments, written out (`{rating}`, `{comments}`) in
   * the admin's language when it is sent.
   */
  rated?: Rated;
  /** A meeting report's seats, where it had a limit (`{seat_figures}`), written out then. */
  seats?: SeatFigures;
}

/**
 * A text of the config owed to someone, written out when its row is sent, in their
 * language as it is then: `values` over the schedule's and, with `meeting_id`, that
 * meeting's (its date in every form…).
 */
export interface Said {
  /** The text, by its key in `texts`. */
  key: TextKey;
  /** The values of its placeholders that the row carries. */
  values?: Record<string, string | number>;
  /** The meeting whose values the text shows, if any. */
  meeting_id?: string;
  /** Paragraphs after it, each a text of its own (a welcome's seats). */
  more?: Said[];
}

/**
 * A text row's payload: a text of the config ({@linkcode Said}); or (rows owed before
 * texts were written out at send time) the text as written when it was owed.
 */
export type TextPayload =
  | Said
  | {
    /** The text, as written when it was owed. */
    text: string;
    /** Its formatting, as Telegram entities. */
    entities?: MessageEntity[];
  };

/** A job's outcome, as admins read it. */
export interface JobOutcome {
  /** The job that finished. */
  job: JobName;
  /** The meeting it ran for: its local date. */
  meetingId: string;
  /** Its messages by status: `sent`, `blocked`, `failed`… */
  counts: BatchCounts;
}

/**
 * Closes `job` of `meeting` if it is running and every message is settled: records its
 * counts and enqueues the report to each admin. Returns the outcome, or `undefined` when
 * there is nothing to close. Safe to call again.
 */
export function finishJob(
  store: Store,
  options: { config: Config; job: JobName; meetingId: string; now: Date },
): JobOutcome | undefined {
  const { config, job, meetingId, now } = options;
  const batch = batchOf(OWED[job], meetingId);
  return store.transaction(() => {
    if (store.jobRuns.get(meetingId, job)?.status !== "running") return;
    if (store.outbox.batchOpen(batch)) return;
    const counts = store.outbox.batchCounts(batch);
    store.jobRuns.finish({ meetingId, job }, { counts, now });
    const report: ReportPayload = {
      text: "admin_report",
      meeting_id: meetingId,
      values: {
        job: `job_${job}`,
        sent: counts.sent,
        blocked: counts.blocked,
        failed: counts.failed,
        unknown: counts.unknown,
      },
    };
    for (const admin of config.admins) {
      store.outbox.add({
        key: keys.report(batch, admin),
        kind: OWED.report,
        chatId: admin,
        lane: LANE.notice,
        payload: report,
      }, now);
    }
    return { job, meetingId, counts };
  });
}
