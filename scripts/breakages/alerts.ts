/**
 * The operator's dashboard and alerts: the alerts fire when they must and never in a
 * normal week, they and the dashboard read only what a real scrape exports, the dashboard
 * imports anywhere, and the metrics they stand on (each job's next time, the outbox's
 * backlog, deliveries, database writes, the last backup) tell the truth.
 *
 * @module
 */
import type { Breakage } from "./types.ts";

/** Breakages of this area. */
export const BREAKAGES: Breakage[] = [
  {
    name:
      "alerts: a missed Monday invitation fires MeetingBotJobLate in 16 minutes",
    file: "deploy/prometheus/alerts.yml",
    edits: [[
      "expr: time() - meeting_bot_job_next_due_timestamp_seconds > 600",
      "expr: time() - meeting_bot_job_next_due_timestamp_seconds > 6000",
    ]],
    test: ["tests/alerts_test.ts", "promtool test rules"],
  },
  {
    name:
      "alerts: MeetingBotDeliveriesFailing needs 5 failed, not one in a quiet hour",
    file: "deploy/prometheus/alerts.yml",
    edits: [[
      "[1h])) >= 5",
      "[1h])) >= 0",
    ]],
    test: ["tests/alerts_test.ts", "promtool test rules"],
  },
  {
    name:
      "alerts: a normal week fires nothing at any half hour (a backup 23 h old is normal)",
    file: "deploy/prometheus/alerts.yml",
    edits: [["> 25 * 3600", "> 23 * 3600"]],
    test: ["tests/alerts_test.ts", "any half hour"],
  },
  {
    name:
      "alerts: each alert says what to run and where the README explains it",
    file: "deploy/prometheus/alerts.yml",
    edits: [[
      "README: Monitoring, MeetingBotOutboxBacklog.",
      "See the docs.",
    ]],
    test: ["tests/alerts_test.ts", "says what to run"],
  },
  {
    name: "alerts: CI installs promtool, so the rules' tests never go ignored",
    file: ".ci/run",
    edits: [["  missing+=(prometheus)\n", ""]],
    test: ["tests/alerts_test.ts", ".ci/run installs"],
  },
  {
    name:
      "names: a metric the alerts read, renamed in the bot, is caught against a real scrape",
    file: "src/metrics.ts",
    edits: [[
      'databaseWritable: "meeting_bot_database_writable"',
      'databaseWritable: "meeting_bot_database_ok"',
    ]],
    test: ["tests/scrape_test.ts", "every metric the alerts"],
  },
  {
    name:
      "names: a dashboard query of a metric the bot does not export is caught",
    file: "deploy/grafana/meeting-bot.json",
    edits: [[
      "meeting_bot_outbox_pending{",
      "meeting_bot_outbox_depth{",
    ]],
    test: ["tests/scrape_test.ts", "every metric the alerts"],
  },
  {
    name:
      "scrape: promtool's linter accepts /metrics (a counter ends in _total)",
    file: "src/metrics.ts",
    edits: [[
      'deliveries: "meeting_bot_deliveries_total"',
      'deliveries: "meeting_bot_deliveries"',
    ]],
    test: ["tests/scrape_test.ts", "promtool check metrics"],
  },
  {
    name: "dashboard: no data source UID of the author's Grafana written in",
    file: "deploy/grafana/meeting-bot.json",
    edits: [[
      '"id": 2,\n      "datasource": {\n        "type": "prometheus",\n        "uid": "${datasource}"',
      '"id": 2,\n      "datasource": {\n        "type": "prometheus",\n        "uid": "P1809F7CD0C75ACF3"',
    ]],
    test: ["tests/dashboard_test.ts", "asks for its Prometheus data source"],
  },
  {
    name: "dashboard: every query is PromQL that promtool parses",
    file: "deploy/grafana/meeting-bot.json",
    edits: [[
      "[$__rate_interval])) * 60",
      "[$__rate_interval]) * 60",
    ]],
    test: ["tests/dashboard_test.ts", "PromQL that promtool parses"],
  },
  {
    name: "job due: a job that has run is next due next week",
    file: "src/usecases/job_plans.ts",
    edits: [[
      "    if (due.has(plan.job) || plan.deadline <= since) continue;\n" +
      "    if (store.jobRuns.get(plan.meeting.id, plan.job) !== undefined) continue;\n",
      "    if (due.has(plan.job) || plan.deadline <= since) continue;\n",
    ]],
    test: ["tests/job_due_test.ts", "once it has run"],
  },
  {
    name:
      "job due: a missed job stays late until an hour after its deadline (the second reminder)",
    file: "src/usecases/job_plans.ts",
    edits: [[
      "const since = new Date(now.getTime() - LATE_KEPT_MS);",
      "const since = now;",
    ]],
    test: ["tests/job_due_test.ts", "until an hour after its deadline"],
  },
  {
    name: "job due: a job with no time ahead leaves no stale time in /metrics",
    file: "src/app/listener.ts",
    edits: [["  metrics.clear(BOT_METRICS.jobNextDue);\n", ""]],
    test: ["tests/ops_metrics_test.ts", "leaves no stale time"],
  },
  {
    name:
      "outbox: the oldest owed row's age grows while Telegram is unreachable",
    file: "src/app/listener.ts",
    edits: [[
      ": Math.max(0, now.getTime() - backlog.oldest.getTime()) / 1000,",
      ": 0,",
    ]],
    test: ["tests/ops_metrics_test.ts", "oldest row's age"],
  },
  {
    name: "deliveries: each settled row is counted under its own status",
    file: "src/app/delivery.ts",
    edits: [[
      "{ labels: { status: outcome } }",
      '{ labels: { status: "sent" } }',
    ]],
    test: ["tests/ops_metrics_test.ts", "deliveries_total by status"],
  },
  {
    name: "database: meeting_bot_database_writable is 0 while writes fail",
    file: "src/app/listener.ts",
    edits: [["database.ok ? 1 : 0", "1"]],
    test: ["tests/ops_metrics_test.ts", "meeting_bot_database_writable"],
  },
  {
    name: "backup: each backup is recorded in the database it copied",
    file: "src/commands/backup.ts",
    edits: [[
      "  record(config.database, { taken_at: takenAt.toISOString(), path, users });\n",
      "",
    ]],
    test: ["tests/backup_record_test.ts", "records each backup"],
  },
  {
    name:
      "backup: run's /metrics reads the last backup another process made, across restarts",
    file: "src/app/listener.ts",
    edits: [[
      "backup === undefined ? 0 : Date.parse(backup.taken_at) / 1000",
      "0",
    ]],
    test: ["tests/metrics_test.ts", "the last backup in run's /metrics"],
  },
];
