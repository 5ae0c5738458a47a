/**
 * Everything the bot sends to many users: the weekly jobs (invitation, reminders, the
 * optional nudge), a cancellation notice, and admin announcements.
 *
 * `Deno.cron` only wakes the process; {@linkcode JobRunner.tick} decides, from the
 * injected clock and the job log in SQLite, what is due. The same tick runs at start, so
 * a job whose time passed while the bot was down still runs while it is useful (and is
 * recorded as skipped when it is not), and a job that finished never runs twice.
 * Broadcasts run one at a time and share one {@linkcode Pacer}.
 *
 * @module
 */
import { render } from "../config/texts.ts";
import type { JobName } from "../core/jobs.ts";
import { describeError, OperatorError } from "../core/errors.ts";
import type { Config } from "../config/schema.ts";
import type { User } from "../db/users.ts";
import type { Pacer } from "../delivery/pacer.ts";
import { type MeetingSlot, upcomingMeeting } from "../domain/meeting.ts";
import {
  answerKeyboard,
  invitation,
  meetingValues,
  type OutgoingMessage,
  reminder,
} from "../messages.ts";
import { isCancelled } from "../usecases/meetings.ts";
import { jobDecision, planWeek } from "../usecases/week.ts";
import {
  broadcast,
  type BroadcastSeams,
  type JobReport,
  reportToAdmins,
} from "./broadcast.ts";

export type { JobReport } from "./broadcast.ts";

/** What the jobs need; all of it injected. */
export interface JobDeps extends BroadcastSeams {
  config: Config;
  pacer: Pacer;
}

/** Runs the broadcasts one at a time, whoever asks. */
export interface JobRunner {
  /** Runs every due job of the upcoming meeting and resumes unfinished announcements. */
  tick(): Promise<void>;
  /** Runs one job for the upcoming meeting now, whether due or not (`main.ts send`). */
  runNow(job: JobName): Promise<JobReport>;
  /** Sends a draft or unfinished announcement to every subscriber. */
  announce(id: number): Promise<JobReport>;
  /** Tells those who said yes that the meeting is cancelled. */
  notifyCancelled(meeting: MeetingSlot): Promise<JobReport>;
}

/** A job was asked for a meeting an admin cancelled. */
export class MeetingCancelledError extends OperatorError {
  override name = "MeetingCancelledError";
}

/** Creates the runner; calls are queued so that two broadcasts never run at once. */
export function createJobRunner(deps: JobDeps): JobRunner {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const result = queue.then(fn);
    queue = result.catch(() => {});
    return result;
  };
  return {
    tick: () => serial(() => tick(deps)),
    runNow: (job) =>
      serial(() => runJob(job, upcomingMeeting(deps.config, deps.now()), deps)),
    announce: (id) => serial(() => announce(id, deps)),
    notifyCancelled: (meeting) => serial(() => notifyCancelled(meeting, deps)),
  };
}

async function tick(deps: JobDeps): Promise<void> {
  const { store, log } = deps;
  for (const announcement of store.announcements.unfinished()) {
    log.warn("announcement.resumed", { announcement: announcement.id });
    await guarded(() => announce(announcement.id, deps), deps);
  }
  const { meeting, jobs } = planWeek(store, {
    schedule: deps.config,
    now: deps.now(),
  });
  for (const plan of jobs) {
    // Read the clock for each job: the one before may have taken minutes.
    const now = deps.now();
    const decision = jobDecision(store, { plan, now });
    if (decision === "finished" || decision === "early") continue;
    if (decision === "late") {
      store.jobRuns.skip({ meetingId: meeting.id, job: plan.job }, {
        note: "missed: past its deadline",
        now,
      });
      log.warn("job.skipped", {
        job: plan.job,
        meeting: meeting.id,
        due: plan.due,
        deadline: plan.deadline,
        reason: "the bot was down when it was due and it is no longer useful",
      });
      continue;
    }
    if (now.getTime() - plan.due.getTime() > 60_000) {
      log.warn("job.catch_up", {
        job: plan.job,
        meeting: meeting.id,
        due: plan.due,
      });
    }
    await guarded(() => runJob(plan.job, meeting, deps), deps);
  }
}

/** Never lets an error reach Deno.cron: its retries would repeat the broadcast. */
async function guarded(fn: () => Promise<unknown>, deps: JobDeps) {
  try {
    await fn();
  } catch (error) {
    deps.log.error("job.error", { error: describeError(error) });
  }
}

/** Runs `job` for `meeting`: sends to everyone due it who has not got it yet. */
async function runJob(
  job: JobName,
  meeting: MeetingSlot,
  deps: JobDeps,
): Promise<JobReport> {
  const { store, config } = deps;
  store.meetings.ensure(meeting, deps.now());
  if (isCancelled(store, meeting.id)) {
    throw new MeetingCancelledError(
      `Meeting ${meeting.id} is cancelled: no ${job} is sent for it`,
    );
  }
  store.jobRuns.start({ meetingId: meeting.id, job: job }, deps.now());
  const { recipients, message } = jobContent(job, meeting, deps);
  const report = await broadcast({
    meetingId: meeting.id,
    job,
    recipients,
    message,
    disablePreview: job === "invitation" || job === "nudge",
  }, deps);
  if (!report.interrupted) {
    store.jobRuns.finish({ meetingId: meeting.id, job }, {
      counts: store.deliveries.counts(meeting.id, job),
      now: deps.now(),
    });
  }
  await reportToAdmins(
    render(config.texts.admin_report, {
      job,
      date: meeting.id,
      sent: report.sent,
      blocked: report.blocked,
      failed: report.failed,
      unknown: report.unknown,
    }),
    { ...deps, admins: config.admins },
  );
  return report;
}

function jobContent(
  job: JobName,
  meeting: MeetingSlot,
  { store, config }: JobDeps,
): { recipients: User[]; message: OutgoingMessage } {
  switch (job) {
    case "invitation":
      return {
        recipients: store.users.invitationRecipients(),
        message: invitation(config, meeting),
      };
    case "nudge":
      return {
        recipients: store.users.nudgeRecipients(meeting.id),
        message: {
          text: render(config.texts.nudge, meetingValues(config, meeting)),
          reply_markup: answerKeyboard(config, meeting),
        },
      };
    case "first_reminder":
    case "second_reminder":
      return {
        recipients: store.answers.attendees(meeting.id),
        message: reminder(config, { meeting, job }),
      };
  }
}

async function announce(id: number, deps: JobDeps): Promise<JobReport> {
  const { store } = deps;
  const announcement = store.announcements.get(id);
  if (announcement === undefined) throw new RangeError(`No announcement ${id}`);
  store.announcements.move(id, {
    from: "draft",
    to: "sending",
    now: deps.now(),
  });
  const report = await broadcast({
    meetingId: "announcements",
    job: `announcement-${id}`,
    recipients: store.users.invitationRecipients(),
    message: { text: announcement.text },
    disablePreview: false,
  }, deps);
  if (!report.interrupted) {
    store.announcements.move(id, {
      from: "sending",
      to: "sent",
      now: deps.now(),
    });
  }
  return report;
}

async function notifyCancelled(
  meeting: MeetingSlot,
  deps: JobDeps,
): Promise<JobReport> {
  const { store, config } = deps;
  return await broadcast({
    meetingId: meeting.id,
    job: "cancellation",
    recipients: store.answers.attendees(meeting.id),
    message: {
      text: render(
        config.texts.meeting_cancelled,
        meetingValues(config, meeting),
      ),
    },
    disablePreview: true,
  }, deps);
}
