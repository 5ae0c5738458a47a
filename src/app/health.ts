/**
 * The health report of `GET /healthz`: database reachable, polling alive, the jobs of the
 * upcoming meeting (where it really is).
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import type { Store } from "../db/store.ts";
import { scheduledJobs } from "../domain/meeting.ts";
import { upcomingWeek } from "../usecases/weeks.ts";
import type { HealthCheck, HealthReport } from "../http.ts";

/**
 * The health report at `now`; `polling` says how long polling does. The database is
 * unhealthy from a failed write until a write succeeds again (it tries one itself).
 */
export async function healthReport(
  config: Config,
  deps: { store: Store; polling: () => HealthCheck; now: Date },
): Promise<HealthReport> {
  const { store, now } = deps;
  const database: HealthCheck = await store.checkWrites();
  const polling = deps.polling();
  if (!database.ok) {
    return { ok: false, checks: { database, polling } };
  }
  // Where it really is: an admin may have moved a meeting past the next one's start.
  const meeting = upcomingWeek(store, { config, now });
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
