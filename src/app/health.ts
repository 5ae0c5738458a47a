/**
 * The health report of `GET /healthz`: database reachable, polling alive, this week's jobs.
 *
 * @module
 */
import { describeError } from "../core/errors.ts";
import type { Config } from "../config/schema.ts";
import type { Store } from "../db/store.ts";
import { scheduledJobs, upcomingMeeting } from "../domain/meeting.ts";
import type { HealthCheck, HealthReport } from "../http.ts";

/** The health report at `now`; `polling` says whether long polling runs. */
export function healthReport(
  config: Config,
  deps: { store: Store; polling: () => boolean; now: Date },
): HealthReport {
  const { store, now } = deps;
  let database: HealthCheck;
  try {
    store.ping();
    database = { ok: true };
  } catch (error) {
    database = { ok: false, detail: describeError(error) };
  }
  const alive = deps.polling();
  const meeting = upcomingMeeting(config, now);
  const lastJobs = Object.fromEntries(
    scheduledJobs(config).map((job) => {
      const run = store.jobRuns.get(meeting.id, job);
      return [
        job,
        run === undefined ? null : {
          status: run.status,
          finished_at: run.finished_at,
          sent: run.sent,
          blocked: run.blocked,
          failed: run.failed,
        },
      ];
    }),
  );
  return {
    ok: database.ok && alive,
    checks: {
      database,
      polling: alive ? { ok: true } : { ok: false, detail: "polling stopped" },
    },
    lastJobs: { meeting: meeting.id, ...lastJobs },
  };
}
