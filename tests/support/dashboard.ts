/**
 * Reads the Grafana dashboard of deploy/grafana/: its panels' queries, and each with the
 * dashboard's variables replaced, so that Prometheus's own parser can read it.
 *
 * @module
 */

/** The dashboard file. */
export const DASHBOARD = new URL(
  "../../deploy/grafana/meeting-bot.json",
  import.meta.url,
);

/** A Grafana data source reference. */
export interface DataSourceRef {
  type?: string;
  uid?: string;
}

/** One panel, as far as the tests read it. */
export interface Panel {
  type: string;
  title: string;
  datasource?: DataSourceRef;
  targets?: { expr: string; refId: string; datasource?: DataSourceRef }[];
  panels?: Panel[];
}

/** The dashboard, as far as the tests read it. */
export interface Dashboard {
  id: unknown;
  uid: string;
  title: string;
  panels: Panel[];
  templating: {
    list: {
      name: string;
      type: string;
      query: unknown;
      datasource?: DataSourceRef;
    }[];
  };
}

/** The dashboard as the file has it. */
export async function readDashboard(): Promise<Dashboard> {
  return JSON.parse(await Deno.readTextFile(DASHBOARD));
}

/** Every panel, rows' own included. */
export function allPanels(dashboard: Dashboard): Panel[] {
  return dashboard.panels.flatMap((panel) => [panel, ...(panel.panels ?? [])]);
}

/** Every query of every panel, with its panel's title. */
export function queries(
  dashboard: Dashboard,
): { title: string; expr: string }[] {
  return allPanels(dashboard).flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({
      title: panel.title,
      expr: target.expr,
    }))
  );
}

/** `expr` as Prometheus gets it: Grafana's variables replaced by example values. */
export function withVariables(expr: string): string {
  return expr
    .replaceAll("$__rate_interval", "1m")
    .replaceAll("$__range", "7d")
    .replaceAll("$instance", "127.0.0.1:9090");
}
