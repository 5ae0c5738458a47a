/**
 * `GET /j/<token>`: a personal join link. On to the meeting's link as it is now (302),
 * recording the first click in the meeting's window as the person's join; a page saying
 * so for a cancelled or finished meeting; 404, with nothing more, for anything else.
 * A `HEAD`, or a link preview's fetch (Telegram's, a messenger's), is led on but never
 * counts as joining.
 *
 * @module
 */
import { tokenPrefix } from "../domain/tokens.ts";
import { followJoinLink } from "../usecases/joins.ts";
import { userZone } from "../messages/zone.ts";
import { meetingPage, notFound, redirect, visitorConfig } from "./pages.ts";
import { inLanguage } from "../config/language.ts";
import type { Route, WebDeps } from "./routes.ts";

/** User agents of link previews and crawlers: they fetch a link nobody clicked. */
const PREVIEW_AGENTS =
  /bot\b|bot\/|crawler|spider|preview|facebookexternalhit|whatsapp|vkshare|skypeuripreview/i;

/** Whether a request may count as the person joining: a GET by a person's browser. */
export function countsAsClick(request: Request): boolean {
  if (request.method !== "GET") return false;
  const agent = request.headers.get("user-agent") ?? "";
  return !PREVIEW_AGENTS.test(agent);
}

/** The join route. */
export function joinRoute(deps: WebDeps): Route {
  const { config, store, log, now } = deps;
  return {
    path: /^\/j\/([^/]*)$/,
    async handle(request, match) {
      const token = match[1]!;
      const outcome = await store.write(() =>
        followJoinLink(store, {
          config,
          token,
          now: now(),
          count: countsAsClick(request),
        })
      );
      if (outcome.kind === "unknown") {
        return notFound(visitorConfig(config, request));
      }
      // The page is the person's: in their language, its date in their own zone.
      const spoken = inLanguage(config, outcome.user.language);
      const meeting = {
        ...outcome.meeting,
        zone: userZone(spoken, outcome.user),
      };
      const fields = {
        token: tokenPrefix(token),
        user: outcome.user.tg_id,
        meeting: outcome.meeting.id,
      };
      if (outcome.kind === "cancelled") {
        log.info("join.cancelled", fields);
        return meetingPage(spoken, { key: "web_meeting_cancelled", meeting });
      }
      if (outcome.kind === "finished") {
        log.info("join.finished", fields);
        return meetingPage(spoken, { key: "web_meeting_finished", meeting });
      }
      log.info("join.redirected", { ...fields, joined: outcome.joined });
      return redirect(outcome.link);
    },
  };
}
