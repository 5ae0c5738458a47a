/**
 * The trends page: the meetings of the last 26 weeks as two charts, subscribers, yes and
 * joined on one, the average rating on the other, and the same numbers in a table.
 * Subscribers of a meeting are those its invitation went to; a number that is not known
 * (a cancelled meeting, no invitation sent, joins not counted, no rating) is a gap in the
 * chart and a dash in the table, never a 0.
 *
 * @module
 */
import type { Config } from "../../config/schema.ts";
import { render } from "../../config/texts.ts";
import type { MeetingSummary } from "../../db/history.ts";
import type { Store } from "../../db/store.ts";
import { weekOf } from "../../history.ts";
import { formatAverage } from "../../usecases/meeting_report.ts";
import { html } from "../html.ts";
import { lineChart } from "./chart.ts";
import {
  type Cell,
  columns,
  type PanelPlace,
  panelResponse,
  shortDate,
  table,
} from "./layout.ts";

/** Weeks the trends look back over. */
export const TREND_WEEKS = 26;

/** One meeting's numbers on the trends page; `null`: not known. */
export interface TrendPoint {
  /** The meeting's id, its local date. */
  id: string;
  /** Where it really began. */
  startsAt: Date;
  /** How many its invitation went to. */
  subscribers: number | null;
  /** Who said yes. */
  yes: number | null;
  /** Who joined. */
  joined: number | null;
  /** The average rating. */
  rating: number | null;
}

/** The meetings that began in the {@linkcode TREND_WEEKS} weeks up to `now`, oldest first. */
export function trendPoints(
  config: Config,
  { store, now }: { store: Store; now: Date },
): TrendPoint[] {
  const since = now.getTime() - TREND_WEEKS * 7 * 86_400_000;
  const invited = store.panel.invited();
  return store.history.past(now, TREND_WEEKS)
    .map((summary) => ({ summary, week: weekOf(config, store, summary) }))
    .filter(({ week }) => week.startsAt.getTime() > since)
    .reverse()
    .map(({ summary, week }) =>
      point(summary, {
        startsAt: week.startsAt,
        invited: invited.get(summary.id),
      })
    );
}

function point(
  summary: MeetingSummary,
  { startsAt, invited }: { startsAt: Date; invited: number | undefined },
): TrendPoint {
  const held = summary.status !== "cancelled";
  return {
    id: summary.id,
    startsAt,
    subscribers: invited ?? null,
    yes: held ? summary.yes : null,
    joined: held && summary.tracked ? summary.joined : null,
    rating: summary.ratings > 0 ? summary.average : null,
  };
}

/** The trends page. */
export function trendsPage(
  config: Config,
  { store, now, place }: { store: Store; now: Date; place: PanelPlace },
): Response {
  const heading = config.texts.panel_nav_trends;
  const points = trendPoints(config, { store, now });
  if (points.length === 0) {
    return panelResponse(config, {
      place,
      current: "trends",
      heading,
      body: html`
        <section>
          <p>${config.texts.panel_chart_empty}</p>
        </section>
      `,
    });
  }
  const t = config.texts;
  const labels = points.map((p) => shortDate(config, p.startsAt));
  const people = lineChart({
    title: t.panel_chart_people,
    labels,
    series: [
      {
        key: "subscribers",
        label: t.panel_series_subscribers,
        values: points.map((p) => p.subscribers),
      },
      {
        key: "yes",
        label: t.panel_series_yes,
        values: points.map((p) => p.yes),
      },
      {
        key: "joined",
        label: t.panel_series_joined,
        values: points.map((p) => p.joined),
      },
    ],
  });
  const rating = lineChart({
    title: t.panel_chart_rating,
    labels,
    series: [{
      key: "rating",
      label: t.panel_series_rating,
      values: points.map((p) => p.rating),
    }],
    range: { min: 1, max: 5, step: 1 },
  });
  const missing = t.panel_missing;
  const number = (value: number | null): Cell => ({
    value: value ?? missing,
    number: true,
  });
  const rows = points.toReversed().map((p, i) => [
    {
      value: html`<a href="${place.base}/panel/history/${p.id}">${
        labels[points.length - 1 - i]
      }</a>`,
    },
    number(p.subscribers),
    number(p.yes),
    number(p.joined),
    {
      value: p.rating === null ? missing : formatAverage(p.rating),
      number: true,
    },
  ]);
  return panelResponse(config, {
    place,
    current: "trends",
    heading,
    body: html`<section id="people"><h2>${t.panel_chart_people}</h2>${people}
<p class="note">${
      render(t.panel_chart_span, { count: points.length })
    }</p></section>
<section id="rating"><h2>${t.panel_chart_rating}</h2>${rating}</section>
<section>${
      table(columns(config, "panel_trends_columns"), { rows, cards: false })
    }
<p class="note">${t.panel_trends_note}</p></section>`,
  });
}
