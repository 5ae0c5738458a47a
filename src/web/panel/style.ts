/**
 * The panel's one stylesheet, served by the bot at `/panel/style.css` (the pages' policy
 * allows styles from the bot itself and nowhere else, and no inline style). Readable on a
 * phone: below 48rem a wide table turns into one card per row, each value under its
 * column's name, so that no page scrolls sideways, and the charts' labels grow.
 *
 * @module
 */

/** Colours of the charts' series, by series key. */
const SERIES: Record<string, string> = {
  subscribers: "#8a94a6",
  yes: "#1f5fa8",
  joined: "#2e8b57",
  rating: "#d9822b",
};

const series = Object.entries(SERIES).map(([key, colour]) =>
  `.line.s-${key}{stroke:${colour}}.dot.s-${key},.key.s-${key}{fill:${colour};` +
  `background:${colour}}`
).join("");

/** The stylesheet. */
export const PANEL_STYLE: string = [
  "*{box-sizing:border-box}",
  "body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,",
  "sans-serif;color:#1b1b1b;background:#f4f6f8}",
  "header{background:#1f3a5f;color:#fff;padding:.75rem 1rem}",
  "header p{margin:0 auto .4rem;max-width:54rem;font-weight:600}",
  "nav{display:flex;flex-wrap:wrap;gap:.2rem 1rem;margin:auto;max-width:54rem}",
  "nav a{color:#dbe6f4;text-decoration:none;border-bottom:2px solid transparent}",
  "nav a[aria-current=page]{color:#fff;border-bottom-color:#fff}",
  "main{max-width:56rem;margin:0 auto;padding:1rem}",
  "h1{font-size:1.35rem;margin:.25rem 0 1rem}",
  "h2{font-size:1.1rem;margin:0 0 .5rem}",
  "section{background:#fff;border:1px solid #e1e5ea;border-radius:.5rem;",
  "padding:1rem;margin:0 0 1rem}",
  "table{width:100%;border-collapse:collapse;font-size:.95rem}",
  "th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #eceef2;",
  "vertical-align:top}",
  "th{font-weight:600;color:#4a525c;font-size:.85rem}",
  ".n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}",
  "a{color:#1f5fa8}",
  ".note{color:#5b6470;font-size:.9rem;margin:.5rem 0 0}",
  "ul.names{margin:.25rem 0 0;padding-left:1.25rem}",
  "details ul.names{columns:14rem;column-gap:2rem}",
  "summary{cursor:pointer;font-weight:600;font-size:1.1rem}",
  "details.runs summary{font-weight:400;font-size:1rem;padding:.2rem 0}",
  "details.runs[open]{margin-bottom:.75rem}",
  "dl{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem;margin:0}",
  "dt{color:#5b6470}dd{margin:0;overflow-wrap:anywhere}",
  ".groups{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));",
  "gap:1rem}",
  "svg.chart{width:100%;max-width:44rem;height:auto;display:block}",
  ".grid{stroke:#e1e5ea;stroke-width:1}",
  ".axis{fill:#5b6470;font-size:12px}",
  ".line{fill:none;stroke-width:2.5;stroke-linejoin:round;stroke-linecap:round}",
  ".dot{stroke:#fff;stroke-width:1.5}",
  ".legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;",
  "padding:0;margin:.5rem 0 0}",
  ".key{display:inline-block;width:.9rem;height:.9rem;border-radius:.2rem;",
  "margin-right:.35rem;vertical-align:-.1rem}",
  series,
  "blockquote{margin:.25rem 0 .75rem;padding:.25rem .75rem;",
  "border-left:3px solid #c9d3e0;white-space:pre-wrap;overflow-wrap:anywhere}",
  ".who{color:#5b6470;font-size:.9rem;margin:.75rem 0 0}",
  "@media (max-width:48rem){",
  "main{padding:.75rem}",
  ".axis{font-size:16px}",
  "table{font-size:.85rem}th{font-size:.72rem}th,td{padding:.3rem .2rem}",
  "table.cards thead{display:none}",
  "table.cards tr{display:block;border-bottom:1px solid #e1e5ea;padding:.4rem 0}",
  "table.cards td{display:flex;justify-content:space-between;gap:1rem;border:0;",
  "padding:.1rem 0;text-align:right;white-space:normal}",
  "table.cards td::before{content:attr(data-label);color:#5b6470;text-align:left}",
  "dl{grid-template-columns:1fr;gap:0}dd{margin:0 0 .5rem}",
  "}",
].join("");
