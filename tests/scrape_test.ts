/**
 * What deploy/ builds on /metrics fits a real scrape: the bot run as the operator runs it
 * (`main.ts run` under the compile task's flags, against the fake Bot API, after a `send`
 * and a `backup`). promtool's linter accepts the scrape, and every metric the alerts,
 * their unit tests and the dashboard read is one the scrape exports.
 */
import assert from "node:assert/strict";
import { parse } from "yaml";
import { queries, readDashboard } from "./support/dashboard.ts";
import { metricNames } from "./support/promql.ts";
import { NO_PROMTOOL, PROMTOOL, promtool } from "./support/promtool.ts";
import { exportedNames, scrapeRunningBot } from "./support/scrape.ts";

/** Series Prometheus makes itself for each target, which the alerts may read. */
const PROMETHEUS_OWN = new Set(["up"]);

const PROMETHEUS = new URL("../deploy/prometheus/", import.meta.url);

let scraped: Promise<string> | undefined;
/** One scrape for the whole file: the first test that asks runs the bot. */
function scrape(): Promise<string> {
  return scraped ??= scrapeRunningBot();
}

/** Every PromQL expression deploy/ holds, with where it is. */
async function expressions(): Promise<{ where: string; expr: string }[]> {
  const alerts = parse(
    await Deno.readTextFile(new URL("alerts.yml", PROMETHEUS)),
  ) as { groups: { rules: { alert: string; expr: string }[] }[] };
  const tests = parse(
    await Deno.readTextFile(new URL("alerts_test.yml", PROMETHEUS)),
  ) as { tests: { name: string; input_series: { series: string }[] }[] };
  const dashboard = await readDashboard();
  return [
    ...alerts.groups.flatMap((g) => g.rules).map((rule) => ({
      where: `alerts.yml ${rule.alert}`,
      expr: rule.expr,
    })),
    ...tests.tests.flatMap((test) =>
      test.input_series.map((input) => ({
        where: `alerts_test.yml "${test.name}"`,
        expr: input.series,
      }))
    ),
    ...queries(dashboard).map((query) => ({
      where: `dashboard "${query.title}"`,
      expr: query.expr,
    })),
    ...dashboard.templating.list.filter((v) => v.type === "query").map((v) => ({
      where: `dashboard variable ${v.name}`,
      // label_values(metric, label) is Grafana's, not PromQL: the metric is what counts.
      expr: String((v.query as { query: string }).query)
        .replace(/^label_values\((\w+),\s*\w+\)$/, "$1"),
    })),
  ];
}

Deno.test("metricNames() finds the metrics of a PromQL expression, not its functions, labels, keywords or durations", () => {
  assert.deepEqual(
    metricNames(
      `sum by (instance, status) (increase(a_total{status=~"failed|unknown"}[1h]))
       / on (instance) group_left sum without (job) (rate(b_total[$__rate_interval]))
       > 0.05 and on (status) c offset 1h unless d{x="y z"} > bool 1e3`,
    ),
    ["a_total", "b_total", "c", "d"],
  );
  assert.deepEqual(
    metricNames("time() - x_timestamp_seconds > 25 * 3600 or absent(up)"),
    ["x_timestamp_seconds", "up"],
  );
  assert.deepEqual(metricNames('up{job="meeting-bot"} == 0'), ["up"]);
  assert.deepEqual(metricNames("clamp_min(vector(0), 1)"), []);
});

Deno.test({
  name:
    `promtool check metrics accepts a real scrape of the running bot${NO_PROMTOOL}`,
  ignore: PROMTOOL === undefined,
  async fn() {
    const { code, output } = await promtool(["check", "metrics"], {
      stdin: await scrape(),
    });
    assert.equal(code, 0, output);
    assert.equal(output.trim(), "", "no lint findings");
  },
});

Deno.test("every metric the alerts, their unit tests and the dashboard read is one a real scrape of the running bot exports", async () => {
  const exported = exportedNames(await scrape());
  assert.ok(exported.has("meeting_bot_deliveries_total"), "a real scrape");
  const read = new Set<string>();
  for (const { where, expr } of await expressions()) {
    const names = metricNames(expr);
    assert.ok(names.length > 0, `${where} reads a metric: ${expr}`);
    for (const name of names) {
      assert.ok(
        exported.has(name) || PROMETHEUS_OWN.has(name),
        `${where} reads "${name}", which the bot does not export`,
      );
      read.add(name);
    }
  }
  // And every metric the alerts are about is read somewhere.
  for (
    const name of [
      "meeting_bot_job_next_due_timestamp_seconds",
      "meeting_bot_database_writable",
      "meeting_bot_last_backup_timestamp_seconds",
      "meeting_bot_outbox_oldest_pending_age_seconds",
    ]
  ) {
    assert.ok(read.has(name), name);
  }
});
