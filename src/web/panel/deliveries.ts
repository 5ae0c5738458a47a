/**
 * The deliveries page: each run of a weekly job (and of the jobs after a meeting) and
 * each announcement or follow-up, with how its messages ended: sent, blocked, failed,
 * unknown (db/panel.ts). The jobs are folded by meeting, the newest open, each fold's
 * heading the meeting's sums, so that half a year stays one screen until opened.
 *
 * @module
 */
import type { Config } from "../../config/schema.ts";
import { render, type TextKey } from "../../config/texts.ts";
import type { DeliveryCounts, JobDelivery } from "../../db/panel.ts";
import type { Store } from "../../db/store.ts";
import { meetingValues } from "../../messages/build.ts";
import { weekById } from "../../usecases/weeks.ts";
import { type Html, html } from "../html.ts";
import {
  type Cell,
  columns,
  type PanelPlace,
  panelResponse,
  shortDateTime,
  table,
} from "./layout.ts";

/** The text of each job's name; another job shows its own name. */
const JOB_TEXTS: Record<string, TextKey> = {
  invitation: "panel_job_invitation",
  first_reminder: "panel_job_first_reminder",
  second_reminder: "panel_job_second_reminder",
  nudge: "panel_job_nudge",
  feedback: "panel_job_feedback",
  meeting_report: "panel_job_meeting_report",
};

const STATUS_TEXTS: Record<string, TextKey> = {
  running: "panel_run_running",
  sending: "panel_run_running",
  done: "panel_run_done",
  sent: "panel_run_done",
  skipped: "panel_run_skipped",
};

/** A broadcast's text as the table shows it: its first words. */
const PREVIEW_CHARS = 60;

/** The first {@linkcode PREVIEW_CHARS} characters of `text` (never half an emoji). */
function preview(text: string): string {
  const chars = [...text];
  return chars.length > PREVIEW_CHARS
    ? `${chars.slice(0, PREVIEW_CHARS).join("")}…`
    : text;
}

function countCells(counts: DeliveryCounts): Cell[] {
  return [counts.sent, counts.blocked, counts.failed, counts.unknown].map((
    value,
  ) => ({ value, number: true }));
}

/** The job runs grouped by meeting, newest meeting first, in the order they ran. */
function byMeeting(jobs: readonly JobDelivery[]): Map<string, JobDelivery[]> {
  const groups = new Map<string, JobDelivery[]>();
  for (const run of jobs) {
    groups.set(run.meeting_id, [...groups.get(run.meeting_id) ?? [], run]);
  }
  return groups;
}

function total(runs: readonly DeliveryCounts[]): DeliveryCounts {
  return runs.reduce((sum, run) => ({
    sent: sum.sent + run.sent,
    blocked: sum.blocked + run.blocked,
    failed: sum.failed + run.failed,
    unknown: sum.unknown + run.unknown,
  }), { sent: 0, blocked: 0, failed: 0, unknown: 0 });
}

/**
 * The weekly jobs, a fold per meeting (the newest open) whose heading sums its runs,
 * and in it a row per run.
 */
function jobsSection(
  config: Config,
  { store, now, place }: { store: Store; now: Date; place: PanelPlace },
): Html {
  const t = config.texts;
  const groups = [...byMeeting(store.panel.jobs())];
  if (groups.length === 0) {
    return html`<p class="note">${t.panel_deliveries_empty}</p>`;
  }
  const names = columns(config, "panel_jobs_columns");
  return html`${
    groups.map(([id, runs], index) => {
      const week = weekById(store, { config, id });
      const values = week === undefined
        ? { day: id }
        : meetingValues(config, week);
      const rows = runs.map((run) => [
        { value: label(config, { map: JOB_TEXTS, key: run.job }) },
        { value: label(config, { map: STATUS_TEXTS, key: run.status }) },
        ...countCells(run),
      ]);
      return html`<details class="runs" id="m${id}" ${
        index === 0 ? "open" : ""
      }>
        <summary>${
        render(t.panel_jobs_meeting, { ...values, ...total(runs) })
      }</summary>
        ${table(names, { rows })}
        ${
        week !== undefined && week.startsAt <= now
          ? html`<p><a href="${place.base}/panel/history/${id}">${t.panel_meeting_link}</a></p>`
          : ""
      }
      </details>`;
    })
  }`;
}

/** The name of `key` by the texts of `map`; an unknown one as it is. */
function label(
  config: Config,
  { map, key }: { map: Record<string, TextKey>; key: string },
): string {
  return map[key] === undefined ? key : config.texts[map[key]];
}

/** The deliveries page. */
export function deliveriesPage(
  config: Config,
  { store, now, place }: { store: Store; now: Date; place: PanelPlace },
): Response {
  const t = config.texts;
  const broadcasts = store.panel.broadcasts();
  const broadcastRows = broadcasts.map((b) => [
    { value: shortDateTime(config, new Date(b.created_at)) },
    { value: html`${t[`panel_broadcast_${b.kind}`]}: ${preview(b.text)}` },
    { value: label(config, { map: STATUS_TEXTS, key: b.status }) },
    ...countCells(b),
  ]);
  return panelResponse(config, {
    place,
    current: "deliveries",
    heading: t.panel_nav_deliveries,
    body: html`
      <section id="jobs"><h2>${t.panel_jobs_heading}</h2>${jobsSection(config, {
        store,
        now,
        place,
      })}</section>
      <section
        id="broadcasts"><h2>${t
          .panel_broadcasts_heading}</h2>${broadcastRows.length === 0
          ? html`<p class="note">${t.panel_deliveries_empty}</p>`
          : table(columns(config, "panel_broadcasts_columns"), {
            rows: broadcastRows,
          })}<p class="note">${render(t.panel_deliveries_note, {
            keep_days: config.delivery.keep_days,
          })}</p></section>
    `,
  });
}
