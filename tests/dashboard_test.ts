/**
 * The Grafana dashboard of deploy/grafana/ imports into any Grafana: it asks for its
 * Prometheus data source (a variable, no UID written in), and every query is PromQL that
 * Prometheus's own parser accepts (promtool, when installed). That it reads only what the
 * bot exports is shown against a real scrape in scrape_test.ts.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { stringify } from "yaml";
import { tempDir } from "./helpers.ts";
import {
  allPanels,
  queries,
  readDashboard,
  withVariables,
} from "./support/dashboard.ts";
import { NO_PROMTOOL, PROMTOOL, promtool } from "./support/promtool.ts";

Deno.test("the dashboard asks for its Prometheus data source: a variable, no data source UID, no database id", async () => {
  const dashboard = await readDashboard();
  assert.equal(dashboard.id, null);
  assert.equal(dashboard.uid, "meeting-bot");
  const variable = dashboard.templating.list.find((v) =>
    v.type === "datasource"
  );
  assert.ok(variable, "a data source variable");
  assert.equal(variable.query, "prometheus");
  const source = { type: "prometheus", uid: `\${${variable.name}}` };
  for (const v of dashboard.templating.list.filter((v) => v !== variable)) {
    assert.deepEqual(v.datasource, source, `variable ${v.name}`);
  }
  const panels = allPanels(dashboard).filter((p) => p.type !== "row");
  assert.ok(panels.length >= 10);
  for (const panel of panels) {
    assert.deepEqual(panel.datasource, source, panel.title);
    assert.ok((panel.targets ?? []).length > 0, `${panel.title}: a query`);
    for (const target of panel.targets!) {
      assert.deepEqual(target.datasource, source, panel.title);
    }
  }
  // Nothing else names a data source: no UID of the author's Grafana slipped in.
  const text = JSON.stringify(dashboard);
  assert.deepEqual(
    [...new Set(text.match(/"uid":"[^"]*"/g))].sort(),
    ['"uid":"${datasource}"', '"uid":"meeting-bot"'],
  );
});

Deno.test("the dashboard shows polling, deliveries, 429s, the outbox, the jobs against their schedule and the backup", async () => {
  const exprs = queries(await readDashboard()).map((q) => q.expr).join("\n");
  for (
    const metric of [
      "meeting_bot_seconds_since_last_poll",
      "meeting_bot_deliveries_total",
      "meeting_bot_too_many_requests_total",
      "meeting_bot_outbox_pending",
      "meeting_bot_outbox_oldest_pending_age_seconds",
      "meeting_bot_last_job_timestamp_seconds",
      "meeting_bot_job_next_due_timestamp_seconds",
      "meeting_bot_last_backup_timestamp_seconds",
      "meeting_bot_updates_total",
    ]
  ) {
    assert.ok(exprs.includes(metric), metric);
  }
});

Deno.test({
  name:
    `every query of the dashboard is PromQL that promtool parses${NO_PROMTOOL}`,
  ignore: PROMTOOL === undefined,
  async fn() {
    const all = queries(await readDashboard());
    await using dir = await tempDir();
    const file = join(dir.path, "dashboard_rules.yml");
    await Deno.writeTextFile(
      file,
      stringify({
        groups: [{
          name: "dashboard",
          rules: all.map((query, i) => ({
            record: `dashboard:query_${i}`,
            expr: withVariables(query.expr),
          })),
        }],
      }),
    );
    const { code, output } = await promtool(["check", "rules", file]);
    assert.equal(code, 0, output);
    assert.match(output, new RegExp(`${all.length} rules found`));
  },
});
