/**
 * The weekly jobs: what the bot sends on its own, each at its own time of the week.
 *
 * @module
 */

/** The weekly jobs the bot runs, each at its own time under `schedule:`. */
export const JOB_NAMES = [
  "invitation",
  "first_reminder",
  "second_reminder",
  "nudge",
] as const;

/** The name of one weekly job. */
export type JobName = typeof JOB_NAMES[number];

/** Jobs that `schedule:` must name; the others are off unless named. */
export const REQUIRED_JOBS: readonly JobName[] = [
  "invitation",
  "first_reminder",
  "second_reminder",
];

/** Whether `name` is one of {@linkcode JOB_NAMES}. */
export function isJobName(name: string): name is JobName {
  return (JOB_NAMES as readonly string[]).includes(name);
}

/**
 * The jobs after each meeting, planned from its end rather than at a time of the week:
 * the question to those who came, and the host's report once the answers are in.
 */
export const AFTER_JOBS = ["feedback", "meeting_report"] as const;

/** The name of one job after a meeting. */
export type AfterJob = typeof AFTER_JOBS[number];
