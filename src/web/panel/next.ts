/**
 * The panel's first page: the next meeting as it really is (date, time, topic, link,
 * status: as planned, moved, cancelled), and who is coming, who is not and who has not
 * answered, with names, counted as every report counts them (db/counted.ts). With a
 * limit of seats, "coming" are those who hold one; the seats taken of the limit, and
 * the waitlist in its order (usecases/seats.ts), are shown too.
 *
 * @module
 */
import type { Config } from "../../config/schema.ts";
import { render } from "../../config/texts.ts";
import type { Store } from "../../db/store.ts";
import { displayName, type User } from "../../db/users.ts";
import { meetingValues, moveValues } from "../../messages/build.ts";
import { seatFigures } from "../../usecases/seats.ts";
import { upcomingWeek, type Week } from "../../usecases/weeks.ts";
import { type Html, html } from "../html.ts";
import { columns, type PanelPlace, panelResponse } from "./layout.ts";

/** Whether `link` may be an `href`: only a web address. */
function webLink(link: string): boolean {
  return /^https?:\/\//i.test(link);
}

/** The meeting's status: as planned, moved (from when), or cancelled. */
export function weekStatus(config: Config, week: Week): string {
  if (week.cancelled) return config.texts.panel_status_cancelled;
  if (week.startsAt.getTime() !== week.scheduledAt.getTime()) {
    return render(
      config.texts.panel_status_moved,
      moveValues(config, {
        meeting: week,
        from: week.scheduledAt,
        to: week.startsAt,
      }),
    );
  }
  return config.texts.panel_status_planned;
}

/** A list of names, or "nobody". */
function names(config: Config, people: readonly User[]): Html {
  return people.length === 0
    ? html`<p class="note">${config.texts.panel_nobody}</p>`
    : html`<ul class="names">${
      people.map((user) => html`<li>${displayName(user)}</li>`)
    }</ul>`;
}

/** The waitlist under its heading, in its order: first first. */
function waitlistGroup(
  config: Config,
  { heading, people }: { heading: string; people: readonly User[] },
): Html {
  return html`<div id="waitlist"><h2>${heading}</h2>${
    people.length === 0
      ? html`<p class="note">${config.texts.panel_nobody}</p>`
      : html`<ol class="names">${
        people.map((user) => html`<li>${displayName(user)}</li>`)
      }</ol>`
  }</div>`;
}

/**
 * A group of people under its heading, `id` naming it for tests and links; `folded`:
 * behind its heading until opened (a `<details>`, no script), for a long list.
 */
export function namesGroup(
  config: Config,
  { id, heading, people, folded = false }: {
    id: string;
    heading: string;
    people: User[];
    folded?: boolean;
  },
): Html {
  return folded
    ? html`<details id="${id}"><summary>${heading}</summary>${
      names(config, people)
    }</details>`
    : html`<div id="${id}"><h2>${heading}</h2>${names(config, people)}</div>`;
}

/** The next-meeting page. */
export function nextPage(
  config: Config,
  { store, now, place }: { store: Store; now: Date; place: PanelPlace },
): Response {
  const week = upcomingWeek(store, { config, now });
  const values = meetingValues(config, week);
  const roster = store.answers.roster(week.id);
  const [date, time, topic, link, status] = columns(
    config,
    "panel_next_fields",
  );
  const t = config.texts;
  const fields: [string | undefined, unknown][] = [
    [date, values.date],
    [time, render(t.panel_time, values)],
    [topic, week.topic ?? t.panel_no_topic],
    [
      link,
      webLink(values.link)
        ? html`<a href="${values.link}" rel="noreferrer">${values.link}</a>`
        : values.link,
    ],
    [status, weekStatus(config, week)],
  ];
  const { capacity, seated, free, promotions } = seatFigures(store, {
    config,
    meetingId: week.id,
  });
  if (capacity !== null) {
    fields.push([
      t.panel_seats_name,
      render(t.panel_seats, { capacity, seated, free: free ?? 0, promotions }),
    ]);
  }
  const waitlist = capacity !== null || roster.waitlist.length > 0
    ? waitlistGroup(config, {
      heading: render(t.panel_group_waitlist, {
        count: roster.waitlist.length,
      }),
      people: roster.waitlist,
    })
    : "";
  const group = (id: string, heading: string, people: User[]) =>
    namesGroup(config, {
      id,
      heading: render(heading, { count: people.length }),
      people,
      folded: id === "none",
    });
  return panelResponse(config, {
    place,
    current: "next",
    heading: t.panel_nav_next,
    body: html`
      <section>
        <dl>${fields.map(([name, value]) =>
          html`
            <dt>${name}</dt>
            <dd>${value}</dd>
          `
        )}</dl>
      </section>
      <section class="groups">
        ${group("yes", t.panel_group_yes, roster.yes)}
        ${group("no", t.panel_group_no, roster.no)}
      </section>
      ${waitlist === "" ? "" : html`<section>${waitlist}</section>`}
      <section>${group("none", t.panel_group_none, roster.none)}</section>
    `,
  });
}
