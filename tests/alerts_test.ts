/**
 * The Prometheus alerts of deploy/prometheus/: promtool (Debian's `prometheus` package;
 * `.ci/run` installs it) checks the rules and runs their unit tests, and a normal week is
 * swept hour by hour; the files themselves say, for each alert, how long it waits, how
 * grave it is, what to do, and which test fires it.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";
import { tempDir } from "./helpers.ts";
import { NO_PROMTOOL, PROMTOOL, promtool } from "./support/promtool.ts";

const PROMETHEUS = fileURLToPath(
  new URL("../deploy/prometheus/", import.meta.url),
);
const ALERTS = join(PROMETHEUS, "alerts.yml");
const ALERTS_TEST = join(PROMETHEUS, "alerts_test.yml");
const NORMAL_WEEK = "a normal week";

interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

interface AlertTest {
  alertname: string;
  eval_time: string;
  exp_alerts?: unknown[];
}

interface TestGroup {
  name: string;
  interval: string;
  input_series: { series: string; values: string }[];
  alert_rule_test: AlertTest[];
}

/** The alerting rules of alerts.yml. */
async function alertRules(): Promise<Rule[]> {
  const file = parse(await Deno.readTextFile(ALERTS)) as {
    groups: { rules: Rule[] }[];
  };
  return file.groups.flatMap((group) => group.rules);
}

/** The test groups of alerts_test.yml. */
async function alertTests(): Promise<TestGroup[]> {
  return (parse(await Deno.readTextFile(ALERTS_TEST)) as { tests: TestGroup[] })
    .tests;
}

Deno.test({
  name: `promtool check rules accepts alerts.yml${NO_PROMTOOL}`,
  ignore: PROMTOOL === undefined,
  async fn() {
    const { code, output } = await promtool(["check", "rules", ALERTS]);
    assert.equal(code, 0, output);
    assert.match(output, new RegExp(`${(await alertRules()).length} rules`));
  },
});

Deno.test({
  name:
    `promtool test rules: each alert fires when it must, saying what to do, and a normal week fires none${NO_PROMTOOL}`,
  ignore: PROMTOOL === undefined,
  async fn() {
    const { code, output } = await promtool(["test", "rules", ALERTS_TEST], {
      cwd: PROMETHEUS,
    });
    assert.equal(code, 0, output);
    assert.match(output, /SUCCESS/);
  },
});

Deno.test({
  name:
    `no alert fires at any half hour of the normal week of alerts_test.yml${NO_PROMTOOL}`,
  ignore: PROMTOOL === undefined,
  async fn() {
    const week = (await alertTests()).find((group) =>
      group.name === NORMAL_WEEK
    );
    assert.ok(week, `a test group named "${NORMAL_WEEK}"`);
    const alerts = (await alertRules()).map((rule) => rule.alert);
    const sweep: AlertTest[] = [];
    for (let minutes = 0; minutes <= 7 * 24 * 60; minutes += 30) {
      for (const alertname of alerts) {
        sweep.push({ alertname, eval_time: `${minutes}m` });
      }
    }
    await using dir = await tempDir();
    await Deno.copyFile(ALERTS, join(dir.path, "alerts.yml"));
    await Deno.writeTextFile(
      join(dir.path, "sweep_test.yml"),
      stringify({
        rule_files: ["alerts.yml"],
        evaluation_interval: "1m",
        tests: [{ ...week, alert_rule_test: sweep }],
      }),
    );
    const { code, output } = await promtool(
      ["test", "rules", "sweep_test.yml"],
      { cwd: dir.path },
    );
    assert.equal(code, 0, output);
  },
});

Deno.test("each alert waits (for:), is critical or a warning, says what to run and where the README explains it", async () => {
  const rules = await alertRules();
  assert.ok(rules.length >= 8, "the issue's conditions, one alert each");
  for (const rule of rules) {
    assert.match(rule.alert, /^MeetingBot[A-Z]\w+$/);
    assert.match(rule.for ?? "", /^\d+[smh]$/, `${rule.alert}: for:`);
    assert.ok(
      ["critical", "warning"].includes(rule.labels?.severity ?? ""),
      `${rule.alert}: severity`,
    );
    const { summary = "", description = "" } = rule.annotations ?? {};
    assert.ok(summary.length > 0, `${rule.alert}: summary`);
    assert.match(
      description,
      /`[^`]*meeting-bot[^`]*`/,
      `${rule.alert}: a command`,
    );
    assert.ok(
      description.includes(`README: Monitoring, ${rule.alert}.`),
      `${rule.alert}: the README section`,
    );
  }
  const readme = await Deno.readTextFile(
    new URL("../README.md", import.meta.url),
  );
  const section = readme.slice(readme.indexOf("### Monitoring"));
  for (const rule of rules) {
    assert.ok(section.includes(`**${rule.alert}**`), `README on ${rule.alert}`);
  }
});

Deno.test("each alert has a unit test that fires it, and is checked quiet in the normal week", async () => {
  const tests = await alertTests();
  const week = tests.find((group) => group.name === NORMAL_WEEK)!;
  for (const { alert } of await alertRules()) {
    const fired = tests.flatMap((group) => group.alert_rule_test)
      .filter((test) =>
        test.alertname === alert && (test.exp_alerts?.length ?? 0) > 0
      );
    assert.ok(fired.length > 0, `a test where ${alert} fires`);
    assert.ok(
      week.alert_rule_test.some((test) =>
        test.alertname === alert && (test.exp_alerts ?? []).length === 0
      ),
      `${alert} quiet in the normal week`,
    );
  }
});

Deno.test(".ci/run installs Debian's prometheus (promtool) where it is missing, so CI never skips these tests", async () => {
  const ci = await Deno.readTextFile(new URL("../.ci/run", import.meta.url));
  assert.match(
    ci,
    /if ! command -v promtool >\/dev\/null 2>&1; then\n\s+missing\+=\(prometheus\)\nfi/,
  );
  assert.match(ci, /apt-get install .*"\$package"/);
});
