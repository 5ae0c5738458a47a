/**
 * What a week is: which meeting is upcoming, when each job of that meeting is due, and
 * until when it is still worth running. Plain functions of the config and an instant.
 */
import { type AfterJob, JOB_NAMES, type JobName } from "../core/jobs.ts";
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

/**
 * Weeks ahead within which an admin may cancel or move a meeting: `/skip` offers this
 * many meetings, and a meeting is moved at most this many weeks past its own date.
 */
export const WEEKS_AHEAD = 6;

/** Per schedule: the slots around the last `now` asked, and the span they hold for. */
const around = new WeakMap<
  Schedule,
  { from: number; until: number; slots: readonly MeetingSlot[] }
>();

/**
 * The scheduled meetings that may still be ahead at `now`, in order: from
 * {@linkcode WEEKS_AHEAD} weeks before the upcoming one (a meeting moved at most that far
 * past its date may not have started yet) to as many weeks after it (those `/skip`
 * offers). The answer holds from last week's start until the upcoming one starts, so it
 * is kept per schedule for that span: every update asks, and the time zone arithmetic
 * costs tens of µs a slot.
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
  const before: MeetingSlot[] = [];
  for (let i = 0, at = next.startsAt; i < WEEKS_AHEAD; i++) {
    at = previousOccurrence(config.meeting, { timeZone, before: at });
    before.unshift(slotAt(config, at));
  }
  const after: MeetingSlot[] = [];
  for (let i = 0, at = next.startsAt; i < WEEKS_AHEAD; i++) {
    at = nextOccurrence(config.meeting, { timeZone, after: at });
    after.push(slotAt(config, at));
  }
  const slots = Object.freeze([...before, next, ...after]);
  around.set(config, {
    from: before.at(-1)!.startsAt.getTime(),
    until: next.startsAt.getTime(),
    slots,
  });
  return slots;
}

/**
 * The latest instant a meeting scheduled at `slot` may be moved to (exclusive): the
 * scheduled start {@linkcode WEEKS_AHEAD} weeks after it, the first week `/skip` would
 * not offer.
 */
export function moveLimit(config: Schedule, slot: MeetingSlot): Date {
  let at = slot.scheduledAt ?? slot.startsAt;
  for (let i = 0; i < WEEKS_AHEAD; i++) {
    at = nextOccurrence(config.meeting, {
      timeZone: config.timezone,
      after: at,
    });
  }
  return at;
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

/** Jobs that move with the meeting when an admin moves it. */
const MOVES_WITH_MEETING: readonly JobName[] = [
  "first_reminder",
  "second_reminder",
  "nudge",
];

/**
 * The jobs of `meeting`, in the order they fall due. Each job is due at the last
 * occurrence of its weekday and time before the scheduled start. When an admin moved
 * the meeting, the reminders and the nudge move by as much; the invitation keeps its
 * day, unless the meeting moved earlier: then it comes as long before the new start as
 * it would have before the old one (at once, if that time has passed). A job stays
 * useful until its deadline: the first reminder until the second reminder is due, every
 * other job until the meeting starts. The nudge is planned only when `schedule.nudge`
 * is set. Each meeting has its own plan, whatever its neighbours do.
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
    const moved = new Date(at.getTime() + shift);
    if (MOVES_WITH_MEETING.includes(job)) return moved;
    return shift < 0 ? moved : at;
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

/** When a job after a meeting is due, and the instant after which it is useless. */
export interface AfterPlan {
  /** `feedback` or `meeting_report`. */
  job: AfterJob;
  /** The meeting it is about. */
  meeting: MeetingSlot;
  /** When it is due: from the meeting's end (see {@linkcode planAfter}). */
  due: Date;
  /** After this it is skipped. */
  deadline: Date;
}

/** What the jobs after a meeting are planned from. */
export interface AfterSchedule {
  /** The meeting's length. */
  meeting: { duration_minutes: number };
  /** Whether the question is asked, how long after the end, and for how long it is open. */
  feedback: { enabled: boolean; delay_minutes: number; open_hours: number };
}

/** How long after it is due the host's report is still sent (the bot was down). */
const REPORT_KEPT_MS = 7 * 86_400_000;

/** The instant the feedback on `meeting` closes: ratings are taken until then. */
export function feedbackCloses(
  config: AfterSchedule,
  meeting: Pick<MeetingSlot, "startsAt">,
): Date {
  const { duration_minutes } = config.meeting;
  const { delay_minutes, open_hours } = config.feedback;
  return new Date(
    meeting.startsAt.getTime() +
      (duration_minutes + delay_minutes + open_hours * 60) * 60_000,
  );
}

/**
 * The jobs after `meeting`: the question `feedback.delay_minutes` after its end (when
 * `feedback.enabled`), useful until the feedback closes; then the host's report, when it
 * closes (without the question, when the question would have been asked), still sent
 * up to a week late.
 */
export function planAfter(
  config: AfterSchedule,
  meeting: MeetingSlot,
): AfterPlan[] {
  const asked = new Date(
    meeting.startsAt.getTime() +
      (config.meeting.duration_minutes + config.feedback.delay_minutes) *
        60_000,
  );
  const closes = feedbackCloses(config, meeting);
  const report = config.feedback.enabled ? closes : asked;
  const plans: AfterPlan[] = [];
  if (config.feedback.enabled) {
    plans.push({ job: "feedback", meeting, due: asked, deadline: closes });
  }
  plans.push({
    job: "meeting_report",
    meeting,
    due: report,
    deadline: new Date(report.getTime() + REPORT_KEPT_MS),
  });
  return plans;
}

/** Whether a planned job is not yet due, due now, or past its deadline at `now`. */
export function jobTiming(
  plan: Pick<JobPlan, "due" | "deadline">,
  now: Date,
): JobTiming {
  if (now < plan.due) return "early";
  return now < plan.deadline ? "due" : "late";
}

/** When the meeting ends: its start and `durationMinutes` after it. */
export function meetingEnd(
  meeting: MeetingSlot,
  durationMinutes: number,
): Date {
  return new Date(meeting.startsAt.getTime() + durationMinutes * 60_000);
}

/** Whether answers for the meeting can still be given or changed at `now`. */
export function answersOpen(meeting: MeetingSlot, now: Date): boolean {
  return now < meeting.startsAt;
}
