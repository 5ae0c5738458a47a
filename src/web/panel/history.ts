/**
 * The history pages: every past meeting in a table with its numbers (newest first), and
 * one page per meeting with who came, who came without saying yes, who said yes and did
 * not come, the ratings and every comment in full. Where who came is unknown, the page
 * says so, never 0.
 *
 * @module
 */
import type { Config } from "../../config/schema.ts";
import { render } from "../../config/texts.ts";
import type { Store } from "../../db/store.ts";
import { displayName } from "../../db/users.ts";
import { joinedText, statusText, weekOf } from "../../history.ts";
import { meetingValues } from "../../messages/build.ts";
import { ratingText } from "../../usecases/meeting_report.ts";
import { html } from "../html.ts";
import { notFound } from "../pages.ts";
import {
  columns,
  fullDate,
  type PanelPlace,
  panelResponse,
  table,
} from "./layout.ts";
import { namesGroup } from "./next.ts";

/** Every past meeting, newest first. */
export function historyPage(
  config: Config,
  { store, now, place }: { store: Store; now: Date; place: PanelPlace },
): Response {
  const past = store.history.past(now, Number.MAX_SAFE_INTEGER);
  const heading = config.texts.panel_nav_history;
  if (past.length === 0) {
    return panelResponse(config, {
      place,
      current: "history",
      heading,
      body: html`
        <section>
          <p>${config.texts.admin_history_empty}</p>
        </section>
      `,
    });
  }
  const rows = past.map((summary) => {
    const week = weekOf(config, store, summary);
    return [
      {
        value: html`<a href="${place.base}/panel/history/${summary.id}">${
          fullDate(config, week.startsAt)
        }</a>`,
      },
      { value: week.topic ?? "" },
      { value: statusText(config, week, now) },
      { value: summary.yes, number: true },
      { value: joinedText(config, summary), number: true },
      { value: ratingText(config, summary, { short: true }), number: true },
    ];
  });
  return panelResponse(config, {
    place,
    current: "history",
    heading,
    body: html`<section>${
      table(columns(config, "panel_history_columns"), { rows })
    }</section>`,
  });
}

/** One past meeting in full; 404 for a day without one, or one still ahead. */
export function meetingPage(
  config: Config,
  { store, now, place, id }: {
    store: Store;
    now: Date;
    place: PanelPlace;
    id: string;
  },
): Response {
  const summary = store.history.summary(id);
  if (summary === undefined) return notFound(config);
  const week = weekOf(config, store, summary);
  if (week.startsAt > now) return notFound(config);
  const t = config.texts;
  const values = meetingValues(config, week);
  const people = store.history.people(id);
  const comments = store.history.comments(id);
  const known = (n: number) => summary.tracked ? n : t.panel_meeting_unknown;
  const names = columns(config, "panel_meeting_fields");
  const numbers = [
    render(t.panel_time, values),
    week.topic ?? t.panel_no_topic,
    statusText(config, week, now),
    summary.yes,
    summary.no,
    joinedText(config, summary),
    known(summary.joined_without_yes),
    known(summary.no_show),
    ratingText(config, summary),
  ];
  const groups = summary.tracked
    ? [
      { id: "came", heading: t.panel_meeting_came, people: people.came },
      {
        id: "unannounced",
        heading: t.panel_meeting_unannounced,
        people: people.unannounced,
      },
      { id: "absent", heading: t.panel_meeting_absent, people: people.absent },
    ]
    : [{
      id: "yes",
      heading: t.panel_meeting_yes,
      people: [...people.came, ...people.absent],
    }];
  return panelResponse(config, {
    place,
    current: "history",
    heading: render(t.panel_meeting_heading, values),
    body: html`
      <p><a href="${place.base}/panel/history">${t.panel_back}</a></p>
      <section>
        <dl>${numbers.map((value, i) =>
          html`
            <dt>${names[i] ?? ""}</dt>
            <dd id="f${i}">${value}</dd>
          `
        )}</dl>
      </section>
      <section class="groups">${groups.map((group) =>
        namesGroup(config, group)
      )}</section>
      <section id="comments"><h2>${t
        .panel_meeting_comments}</h2>${comments.length === 0
        ? html`<p class="note">${t.admin_comments_none}</p>`
        : comments.map((c) =>
          html`
            <p class="who">${render(t.panel_comment, {
              name: displayName(c.user),
              rating: c.rating,
            })}</p>
            <blockquote>${c.comment}</blockquote>
          `
        )}</section>
    `,
  });
}
