/**
 * The metrics the operator's alerts stand on, read from `/metrics` of the running bot
 * with its clock in the test's hands: each job's next time (late while it has not run),
 * the outbox's backlog, the deliveries by status, and whether the database takes writes.
 * The backup's record: backup_record_test.ts.
 */
import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { join } from "node:path";
import { startListener } from "../src/app/listener.ts";
import { runCommand } from "../src/commands/run.ts";
import { DEFAULT_DELIVERY } from "../src/config/schema.ts";
import { BOT_METRICS, createBotMetrics, MetricsError } from "../src/metrics.ts";
import { openDatabase } from "../src/db/database.ts";
import { WEEKS_AHEAD } from "../src/domain/meeting.ts";
import { Store } from "../src/db/store.ts";
import { silentLogger } from "../src/log.ts";
import { FakeBotApi } from "./fake_bot_api.ts";
import {
  ManualClock,
  SCHEDULE_WITH_NUDGE,
  tempDir,
  testConfig,
} from "./helpers.ts";
import { parseMetrics, sample } from "./support/prometheus.ts";

/** Monday 2026-11-23 09:30 Moscow: the invitation is due at 10:00 (07:00 UTC). */
const MONDAY_0930 = "2026-11-23T06:30:00Z";
const seconds = (iso: string) => Date.parse(iso) / 1000;

/** `run` on a fresh database in a temp folder, with `users` registered, its crons kept. */
async function startRun(
  options: { users?: number; clock: ManualClock },
) {
  const dir = await tempDir();
  const config = testConfig({
    database: join(dir.path, "bot.sqlite3"),
    http: { port: 0, hostname: "127.0.0.1" },
    schedule: SCHEDULE_WITH_NUDGE,
    delivery: {
      ...DEFAULT_DELIVERY,
      retry_initial_seconds: 0.05,
      retry_max_seconds: 0.2,
    },
  });
  const db = openDatabase(config.database);
  const seed = new Store(db);
  for (let id = 1; id <= (options.users ?? 0); id++) {
    seed.users.start({ tg_id: id, first_name: `U${id}` }, options.clock.now());
    seed.users.setRegistered(
      { tgId: id, registered: true },
      options.clock.now(),
    );
  }
  db.close();
  const fake = await FakeBotApi.start();
  const crons: (() => Promise<void>)[] = [];
  const bot = await runCommand(config, {
    env: { token: fake.token, apiRoot: fake.apiRoot },
    log: silentLogger,
    now: options.clock.now,
    print: () => {},
    cron: (_name, _schedule, handler) => crons.push(handler),
  });
  const metrics = async () =>
    parseMetrics(
      await (await fetch(`http://127.0.0.1:${bot.httpPort}/metrics`)).text(),
    );
  /**
   * Scrapes until `check` holds (the sender works on its own time); the manual clock
   * moves on by a second between scrapes, so that a retry planned after the test's
   * last move of the clock still falls due.
   */
  const scrapeUntil = async (check: (m: Map<string, number>) => boolean) => {
    for (let tries = 0;; tries++, options.clock.advance(1_000)) {
      const scraped = await metrics();
      if (check(scraped)) return scraped;
      if (tries >= 1_000) {
        assert.fail(
          `the metrics never got there: ${[...scraped]}; the outbox: ${
            JSON.stringify(outboxRows(config.database))
          }`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return {
    fake,
    crons,
    metrics,
    scrapeUntil,
    database: config.database,
    async [Symbol.asyncDispose]() {
      await bot.stop();
      await fake.close();
      await dir[Symbol.asyncDispose]();
    },
  };
}

Deno.test("meeting_bot_job_next_due_timestamp_seconds: each job's time; a job that did not run stays in the past; once it runs, next week's", async () => {
  const clock = new ManualClock(MONDAY_0930);
  await using run = await startRun({ clock });
  const due = async (job: string) =>
    (await run.metrics()).get(
      `meeting_bot_job_next_due_timestamp_seconds{weekly_job="${job}"}`,
    );
  assert.equal(await due("invitation"), seconds("2026-11-23T07:00:00Z"));
  assert.equal(await due("nudge"), seconds("2026-11-24T15:00:00Z"));
  assert.equal(await due("first_reminder"), seconds("2026-11-25T06:00:00Z"));
  assert.equal(await due("second_reminder"), seconds("2026-11-25T07:40:00Z"));

  clock.set("2026-11-23T07:20:00Z"); // 10:20, and the cron never fired
  assert.equal(await due("invitation"), seconds("2026-11-23T07:00:00Z"));

  await run.crons[0]!(); // it fires late: the invitation runs
  assert.equal(await due("invitation"), seconds("2026-11-30T07:00:00Z"));
  assert.equal(await due("first_reminder"), seconds("2026-11-25T06:00:00Z"));
});

Deno.test("meeting_bot_job_next_due_timestamp_seconds leaves no stale time when no week within reach has the job (all cancelled)", async () => {
  const clock = new ManualClock(MONDAY_0930);
  await using run = await startRun({ clock });
  const times = async () =>
    [...(await run.metrics()).keys()].filter((key) =>
      key.startsWith("meeting_bot_job_next_due_timestamp_seconds{")
    );
  assert.equal((await times()).length, 4);
  const db = openDatabase(run.database);
  try {
    const store = new Store(db);
    let at = Date.parse("2026-11-25T08:00:00Z");
    for (let week = 0; week <= WEEKS_AHEAD; week++, at += 7 * 86_400_000) {
      const id = new Date(at).toISOString().slice(0, 10);
      store.meetings.ensure({ id, startsAt: new Date(at) }, clock.now());
      store.meetings.setStatus({ id, status: "cancelled" }, clock.now());
    }
  } finally {
    db.close();
  }
  assert.deepEqual(await times(), []);
});

Deno.test("meeting_bot_outbox_pending and its oldest row's age while Telegram is unreachable; meeting_bot_deliveries_total by status once it is back", async () => {
  const clock = new ManualClock("2026-11-23T06:59:00Z");
  await using run = await startRun({ users: 3, clock });
  const before = await run.metrics();
  assert.equal(before.get("meeting_bot_outbox_pending"), 0);
  assert.equal(before.get("meeting_bot_outbox_oldest_pending_age_seconds"), 0);

  await run.fake.cutNetwork();
  clock.set("2026-11-23T07:00:00Z");
  await run.crons[0]!(); // the invitation to 3 subscribers, none can leave
  clock.advance(10 * 60_000);
  const cut = await run.metrics();
  assert.equal(cut.get("meeting_bot_outbox_pending"), 3);
  assert.equal(cut.get("meeting_bot_outbox_oldest_pending_age_seconds"), 600);
  assert.equal(cut.get('meeting_bot_deliveries_total{status="sent"}'), 0);

  run.fake.block(2);
  await run.fake.restoreNetwork();
  clock.advance(60_000); // past every retry's time
  const after = await run.scrapeUntil((m) =>
    m.get("meeting_bot_outbox_pending") === 0
  );
  assert.equal(after.get("meeting_bot_outbox_pending"), 0);
  assert.equal(after.get("meeting_bot_outbox_oldest_pending_age_seconds"), 0);
  assert.equal(after.get('meeting_bot_deliveries_total{status="sent"}'), 2);
  assert.equal(after.get('meeting_bot_deliveries_total{status="blocked"}'), 1);
  assert.equal(after.get('meeting_bot_deliveries_total{status="failed"}'), 0);
});

Deno.test("meeting_bot_database_writable: 1, then 0 from a failed write (read-only), 1 once a write goes through", async () => {
  await using dir = await tempDir();
  const config = testConfig({
    database: join(dir.path, "bot.sqlite3"),
    http: { port: 0, hostname: "127.0.0.1" },
  });
  const db = openDatabase(config.database);
  const store = new Store(db);
  const listener = startListener(config, {
    store,
    log: silentLogger,
    now: () => new Date(MONDAY_0930),
  })!;
  const writable = async () =>
    parseMetrics(
      await (await fetch(`http://127.0.0.1:${listener.http.port}/metrics`))
        .text(),
    ).get("meeting_bot_database_writable");
  try {
    assert.equal(await writable(), 1);
    db.exec("PRAGMA query_only = ON"); // as a file turned read-only
    await assert.rejects(
      store.write(() =>
        store.users.start({ tg_id: 1, first_name: "U" }, new Date(MONDAY_0930))
      ),
      /readonly/,
    );
    assert.equal(await writable(), 0);
    assert.equal(
      await writable(),
      0,
      "each scrape tries a write, still failing",
    );
    db.exec("PRAGMA query_only = OFF");
    assert.equal(await writable(), 1);
  } finally {
    await listener.http.shutdown();
    await store.settled();
    db.close();
  }
});

Deno.test("Metrics.clear() drops a gauge's series and keeps its HELP and TYPE", () => {
  const metrics = createBotMetrics();
  const labels = { weekly_job: "nudge" };
  metrics.set(BOT_METRICS.jobNextDue, 1_795_000_000, { labels });
  assert.equal(sample(metrics, BOT_METRICS.jobNextDue, labels), 1_795_000_000);
  metrics.clear(BOT_METRICS.jobNextDue);
  assert.equal(sample(metrics, BOT_METRICS.jobNextDue, labels), undefined);
  assert.match(
    metrics.render(),
    /# TYPE meeting_bot_job_next_due_timestamp_seconds gauge\n/,
  );
  assert.throws(() => metrics.clear(BOT_METRICS.updates), MetricsError);
});

/** The outbox as it stands, for a failure's message. */
function outboxRows(path: string): unknown[] {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    return db.prepare(
      "SELECT key, status, attempts, not_before, error, claimed_by FROM outbox",
    ).all();
  } finally {
    db.close();
  }
}
