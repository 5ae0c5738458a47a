/**
 * The health report of `GET /healthz`: database reachable, polling alive, this week's jobs.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import type { Store } from "../db/store.ts";
import { scheduledJobs, upcomingMeeting } from "../domain/meeting.ts";
import type { HealthCheck, HealthReport } from "../http.ts";

/** The health report at `now`; `polling` says how long polling does. */
export function healthReport(
  config: Config,
  deps: { store: Store; polling: () => HealthCheck; now: Date },
): HealthReport {
  const { store, now } = deps;
  const database: HealthCheck = store.health();
  const polling = deps.polling();
  if (!database.ok) {
    return { ok: false, checks: { database, polling } };
  }
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
    ok: polling.ok,
    checks: { database, polling },
    lastJobs: { meeting: meeting.id, ...lastJobs },
  };
}
