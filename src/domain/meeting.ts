/**
 * What a week is: which meeting is upcoming, when each job of that meeting is due, and
 * until when it is still worth running. Plain functions of the config and an instant.
 */
import { JOB_NAMES, type JobName } from "../core/jobs.ts";
import type { WeeklyTime } from "../core/week.ts";
import { isoLocalDate, nextOccurrence, previousOccurrence } from "./time.ts";

/** The weekly schedule: when the meeting is, and when each job runs (`null`: off). */
export interface Schedule {
  /** IANA time zone of every weekday and time. */
  timezone: string;
  /** When the meeting starts each week. */
  meeting: WeeklyTime;
  /** When each job runs, in the same zone; `null` for a job that is off. */
  schedule: Readonly<Record<JobName, WeeklyTime | null>>;
}

/** The jobs this schedule runs, in `JOB_NAMES` order (the nudge only when scheduled). */
export function scheduledJobs(config: Pick<Schedule, "schedule">): JobName[] {
  return JOB_NAMES.filter((job) => config.schedule[job] !== null);
}

/** The time of a scheduled job; throws for a job that is off. */
export function jobTime(
  config: Pick<Schedule, "schedule">,
  job: JobName,
): WeeklyTime {
  const time = config.schedule[job];
  if (time === null) throw new RangeError(`Job "${job}" is not scheduled`);
  return time;
}

/** One occurrence of the weekly meeting; `id` is its local date, `2026-11-25`. */
export interface MeetingSlot {
  /** Its local date: the meeting's id in the database and in button data. */
  id: string;
  /** When it starts: the scheduled time, or where an admin moved it. */
  startsAt: Date;
  /** When the schedule puts it, if it was moved; else `startsAt`. */
  scheduledAt?: Date;
}

/** When one job of one meeting is due, and the instant after which it is useless. */
export interface JobPlan {
  /** The job, e.g. `invitation`. */
  job: JobName;
  /** The meeting it is about. */
  meeting: MeetingSlot;
  /** Its weekday and time before the meeting; see {@linkcode planJobs} for a moved one. */
  due: Date;
  /** After this it is skipped: the second reminder's due time for the first, else the start. */
  deadline: Date;
}

/** Where a job stands at an instant. */
export type JobTiming = "early" | "due" | "late";

/** The first meeting that starts strictly after `now`: the one answers and jobs are about. */
export function upcomingMeeting(
  config: Schedule,
  now: Date,
): MeetingSlot {
  return slotAt(
    config,
    nextOccurrence(config.meeting, { timeZone: config.timezone, after: now }),
  );
}

/** Per schedule: the slots around the last `now` asked, and the span they hold for. */
const around = new WeakMap<
  Schedule,
  { from: number; until: number; slots: readonly MeetingSlot[] }
>();

/**
 * Last week's, the upcoming and next week's scheduled meetings around `now`. The answer
 * holds from last week's start until the upcoming one starts, so it is kept per schedule
 * for that span: every update asks, and the time zone arithmetic costs tens of µs.
 */
export function slotsAround(
  config: Schedule,
  now: Date,
): readonly MeetingSlot[] {
  const at = now.getTime();
  const kept = around.get(config);
  if (kept !== undefined && kept.from <= at && at < kept.until) {
    return kept.slots;
  }
  const timeZone = config.timezone;
  const next = upcomingMeeting(config, now);
  const before = previousOccurrence(config.meeting, {
    timeZone,
    before: next.startsAt,
  });
  const after = nextOccurrence(config.meeting, {
    timeZone,
    after: next.startsAt,
  });
  const slots = Object.freeze([
    slotAt(config, before),
    next,
    slotAt(config, after),
  ]);
  around.set(config, {
    from: before.getTime(),
    until: next.startsAt.getTime(),
    slots,
  });
  return slots;
}

/** The meeting slot that starts at `startsAt`. */
function slotAt(config: Schedule, startsAt: Date): MeetingSlot {
  return { id: isoLocalDate(startsAt, config.timezone), startsAt };
}

/** Parses a meeting id from button data and checks that a meeting really starts then. */
export function meetingById(
  config: Schedule,
  id: string,
): MeetingSlot | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(id);
  if (match === null) return undefined;
  // Midnight UTC of the day before the id's date comes before any meeting on that local
  // date in every zone (offsets are within ±14 h) and after the week before's.
  const probe = new Date(
    Date.UTC(+match[1]!, +match[2]! - 1, +match[3]! - 1, 0, 0),
  );
  if (Number.isNaN(probe.getTime())) return undefined;
  const slot = slotAt(
    config,
    nextOccurrence(config.meeting, { timeZone: config.timezone, after: probe }),
  );
  return slot.id === id ? slot : undefined;
}

/** Jobs that move with the meeting when an admin moves it; the invitation keeps its day. */
const MOVES_WITH_MEETING: readonly JobName[] = [
  "first_reminder",
  "second_reminder",
  "nudge",
];

/**
 * The jobs of `meeting`, in schedule order. Each job is due at the last occurrence of its
 * weekday and time before the scheduled start; when an admin moved the meeting, the
 * reminders and the nudge move by as much (the invitation stays). A job stays useful
 * until its deadline: the first reminder until the second reminder is due, every other
 * job until the meeting starts. The nudge is planned only when `schedule.nudge` is set.
 */
export function planJobs(
  config: Schedule,
  meeting: MeetingSlot,
): JobPlan[] {
  const scheduled = meeting.scheduledAt ?? meeting.startsAt;
  const shift = meeting.startsAt.getTime() - scheduled.getTime();
  const due = (job: JobName) => {
    const at = previousOccurrence(jobTime(config, job), {
      timeZone: config.timezone,
      before: scheduled,
    });
    return MOVES_WITH_MEETING.includes(job)
      ? new Date(at.getTime() + shift)
      : at;
  };
  const secondDue = due("second_reminder");
  const plans = scheduledJobs(config).map((job): JobPlan => {
    const jobDue = due(job);
    const deadline = job === "first_reminder" && secondDue > jobDue
      ? secondDue
      : meeting.startsAt;
    return { job, meeting, due: jobDue, deadline };
  });
  return plans.sort((a, b) => a.due.getTime() - b.due.getTime());
}

/** Whether a planned job is not yet due, due now, or past its deadline at `now`. */
export function jobTiming(plan: JobPlan, now: Date): JobTiming {
  if (now < plan.due) return "early";
  return now < plan.deadline ? "due" : "late";
}

/** Whether answers for the meeting can still be given or changed at `now`. */
export function answersOpen(meeting: MeetingSlot, now: Date): boolean {
  return now < meeting.startsAt;
}
