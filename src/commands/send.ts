/**
 * `send JOB`: runs one weekly job now for the upcoming meeting; idempotent per user.
 *
 * @module
 */
import { UsageError } from "../core/errors.ts";
import { isJobName, JOB_NAMES } from "../core/jobs.ts";
import type { Config } from "../config/schema.ts";
import { createBroadcastApi } from "../bot/bot.ts";
import { jobDeps } from "../app/compose.ts";
import {
  createJobRunner,
  type JobReport,
  MeetingCancelledError,
} from "../jobs/runner.ts";
import { type AppDeps, type Env, openStore, requireToken } from "./common.ts";

/** `send JOB`: runs one job for the upcoming meeting now; idempotent per user. */
export async function sendCommand(
  config: Config,
  options: AppDeps & { job: string; env: Env },
): Promise<JobReport> {
  const { job, env, ...deps } = options;
  if (!isJobName(job)) {
    throw new UsageError(
      `Unknown job "${job}": expected one of ${JOB_NAMES.join(", ")}`,
    );
  }
  const { db, store } = openStore(config);
  try {
    const api = createBroadcastApi(requireToken(env), env.apiRoot);
    const runner = createJobRunner(jobDeps(config, {
      api,
      store,
      log: deps.log,
      now: deps.now,
      retryDelaysMs: deps.retryDelaysMs,
    }));
    let report: JobReport;
    try {
      report = await runner.runNow(job);
    } catch (error) {
      if (error instanceof MeetingCancelledError) {
        throw new UsageError(`${error.message}; /unskip restores it`);
      }
      throw error;
    }
    deps.print(
      `${job} for ${report.meetingId}: sent ${report.sent}, blocked ${report.blocked}, ` +
        `failed ${report.failed}, already had it ${report.skipped}`,
    );
    return report;
  } finally {
    db.close();
  }
}
