/**
 * A line chart as inline SVG, drawn from numbers: one point (a `circle` with its value
 * in a `title`, shown on hover) for each known value, lines between neighbours that are
 * both known, a gap where a value is unknown. Horizontal grid lines at round values, a
 * few dates below. Colours come from the stylesheet by series key; the SVG scales to the
 * width of the page, so it reads on a phone as on a desktop.
 *
 * @module
 */
import { type Html, html } from "../html.ts";

/** One line of a chart. */
export interface Series {
  /** Its key: the CSS class `s-<key>` colours it. */
  key: string;
  /** Its name in the legend and in each point's title. */
  label: string;
  /** A value per label; `null` where it is unknown (no point). */
  values: readonly (number | null)[];
}

/** Width and height of the drawing, in its own units. */
const WIDTH = 480;
const HEIGHT = 240;
const PAD = { left: 34, right: 20, top: 12, bottom: 26 };
/** Dates written under the chart at most. */
const X_LABELS = 6;

/** A round step for about four grid lines up to `max`. */
function niceStep(max: number): number {
  const rough = Math.max(max, 1) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= rough)! * power;
  return step >= 1 ? step : 1;
}

function fmt(value: number): string {
  return Number.isInteger(value)
    ? String(value)
    : value.toFixed(1).replace(".", ",");
}

/** The y range: `range` if given, else 0 to a round value above the largest. */
function yRange(
  series: readonly Series[],
  range: { min: number; max: number; step: number } | undefined,
): { min: number; max: number; step: number } {
  if (range !== undefined) return range;
  const largest = Math.max(
    0,
    ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)),
  );
  const step = niceStep(largest);
  return {
    min: 0,
    max: Math.max(step, Math.ceil(largest / step) * step),
    step,
  };
}

/**
 * The chart of `series` over `labels` (one per x position, e.g. the meetings' dates),
 * under the accessible name `title`; `range` fixes the y axis (ratings: 1 to 5).
 */
export function lineChart(
  { title, labels, series, range }: {
    title: string;
    labels: readonly string[];
    series: readonly Series[];
    range?: { min: number; max: number; step: number };
  },
): Html {
  const y = yRange(series, range);
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const xOf = (i: number) =>
    PAD.left +
    (labels.length <= 1 ? innerW / 2 : (i * innerW) / (labels.length - 1));
  const yOf = (v: number) =>
    PAD.top + innerH - ((v - y.min) / (y.max - y.min)) * innerH;
  const r = (n: number) => Math.round(n * 10) / 10;

  const grid: Html[] = [];
  for (let v = y.min; v <= y.max + 1e-9; v += y.step) {
    const at = r(yOf(v));
    grid.push(
      html`
        <line class="grid" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${at}"
          y2="${at}" />
        <text class="axis" x="${PAD.left - 6}" y="${r(at + 4)}"
          text-anchor="end">${fmt(v)}</text>
      `,
    );
  }
  const every = Math.max(1, Math.ceil(labels.length / X_LABELS));
  const xLabels = labels.map((label, i) =>
    (labels.length - 1 - i) % every === 0
      ? html`
        <text class="axis" x="${r(xOf(i))}" y="${HEIGHT - 6}"
          text-anchor="middle">${label}</text>
      `
      : ""
  );
  const lines = series.map((s) => {
    let d = "";
    s.values.forEach((v, i) => {
      if (v === null) return;
      const joined = i > 0 && s.values[i - 1] !== null &&
        s.values[i - 1] !== undefined;
      d += `${joined ? "L" : "M"}${r(xOf(i))} ${r(yOf(v))}`;
    });
    return d === "" ? "" : html`
      <path class="line s-${s.key}" d="${d}" />
    `;
  });
  const dots = series.map((s) =>
    s.values.map((v, i) =>
      v === null ? "" : html`
        <circle class="dot s-${s.key}" data-series="${s.key}" cx="${r(xOf(i))}"
          cy="${r(yOf(v))}" r="3.5">
          <title>${labels[i]}: ${s.label} — ${fmt(v)}</title>
        </circle>
      `
    )
  );
  const legend = series.map((s) =>
    html`<li><span class="key s-${s.key}"></span>${s.label}</li>`
  );
  return html`
    <svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img"
      aria-label="${title}"
    ><title>${title}</title>${grid}${xLabels}${lines}${dots}</svg>
    <ul class="legend">${legend}</ul>
  `;
}
