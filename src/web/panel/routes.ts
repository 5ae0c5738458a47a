/**
 * The host's panel on the public listener, read-only (every route a `GET`), for the
 * admins of the config of the moment: the sign-in link, the stylesheet, and behind a
 * session every page under `/panel` (the next meeting, the trends, the history and each
 * past meeting, the deliveries, the attendance CSV of `/export`). Without a valid
 * session any path under `/panel` gets the page that says how to get a link (401), so
 * that nothing tells which pages exist. Only with `http.public_url`.
 *
 * @module
 */
import type { Config } from "../../config/schema.ts";
import { attendanceCsv } from "../../reports.ts";
import { notFound } from "../pages.ts";
import type { Route, WebDeps } from "../routes.ts";
import { deliveriesPage } from "./deliveries.ts";
import { historyPage, meetingPage } from "./history.ts";
import { basePath, type PanelPlace } from "./layout.ts";
import { nextPage } from "./next.ts";
import { requestAdmin, signInNeeded, signInRoute } from "./session.ts";
import { PANEL_STYLE } from "./style.ts";
import { trendsPage } from "./trends.ts";

/** A past meeting's page: `/panel/history/2026-11-25`. */
const MEETING_PAGE = /^\/history\/(\d{4}-\d{2}-\d{2})$/;

/** The attendance export, as `/export` sends it. */
function csvResponse(config: Config, deps: WebDeps): Response {
  const csv = attendanceCsv(config, {
    rows: deps.store.answers.attendance(),
    now: deps.now(),
  });
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="attendance.csv"',
    },
  });
}

/** The page at `sub` (the path after `/panel`) for a signed-in admin. */
function page(
  deps: WebDeps,
  { sub, place }: { sub: string; place: PanelPlace },
): Response {
  const { config, store } = deps;
  const view = { store, now: deps.now(), place };
  switch (sub) {
    case "":
    case "/":
      return nextPage(config, view);
    case "/trends":
      return trendsPage(config, view);
    case "/history":
      return historyPage(config, view);
    case "/deliveries":
      return deliveriesPage(config, view);
    case "/export.csv":
      return csvResponse(config, deps);
  }
  const meeting = MEETING_PAGE.exec(sub);
  if (meeting !== null) {
    return meetingPage(config, { ...view, id: meeting[1]! });
  }
  return notFound(config);
}

/** The panel's routes; none without `http.public_url`. */
export function panelRoutes(deps: WebDeps): Route[] {
  const settings = deps.config.http?.public;
  if (settings === undefined) return [];
  const place = { base: basePath(settings.url) };
  const secure = new URL(settings.url).protocol === "https:";
  return [
    signInRoute(deps, { place, secure }),
    {
      path: /^\/panel\/style\.css$/,
      handle: () =>
        new Response(PANEL_STYLE, {
          headers: { "content-type": "text/css; charset=utf-8" },
        }),
    },
    {
      path: /^\/panel(\/.*)?$/,
      handle(request, match) {
        const admin = requestAdmin(deps, request);
        if (admin === undefined) return signInNeeded(deps, { place });
        return page(deps, { sub: match[1] ?? "", place });
      },
    },
  ];
}
