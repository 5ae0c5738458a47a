/**
 * A click on a personal join link: where it leads, and whether it tells that the person
 * came. The link leads to the meeting's link as it is at the moment of the click (a new
 * link set after the reminder included); a cancelled or finished meeting leads nowhere.
 * The first click from {@linkcode JOIN_WINDOW_MS} before the start until the end records
 * that the person joined; later ones change nothing.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import type { Store } from "../db/store.ts";
import type { User } from "../db/users.ts";
import { JOIN } from "./links.ts";
import { resolveToken } from "./tokens.ts";
import { type Week, weekById } from "./weeks.ts";

/** How long before the start a click counts as joining. */
export const JOIN_WINDOW_MS = 30 * 60_000;

/** What a click came to. */
export type JoinOutcome =
  /** Not a link the bot gave (or one revoked): nothing is said about it. */
  | { kind: "unknown" }
  /** An admin cancelled the meeting. */
  | { kind: "cancelled"; user: User; meeting: Week }
  /** The meeting is over. */
  | { kind: "finished"; user: User; meeting: Week }
  /**
   * On to the meeting's link; `joined`: `first` recorded now, `again` recorded before,
   * `outside` the window (too early), `not_counted` (the request may not record one).
   */
  | {
    kind: "redirect";
    user: User;
    meeting: Week;
    link: string;
    joined: "first" | "again" | "outside" | "not_counted";
  };

/** When `meeting` ends: its start (where it really is) plus the configured length. */
export function meetingEnd(
  config: Pick<Config, "meeting">,
  meeting: Pick<Week, "startsAt">,
): Date {
  return new Date(
    meeting.startsAt.getTime() + config.meeting.duration_minutes * 60_000,
  );
}

/**
 * Follows the join link `token` at `now`. `count`: whether this request may record a
 * join (false for a HEAD or a link preview's fetch). Call inside a write.
 */
export function followJoinLink(
  store: Store,
  { config, token, now, count }: {
    config: Config;
    token: string;
    now: Date;
    count: boolean;
  },
): JoinOutcome {
  const record = resolveToken(store, { token, purpose: JOIN, now });
  if (record === undefined) return { kind: "unknown" };
  if (record.user_id === null || record.ref === null) {
    return { kind: "unknown" };
  }
  const user = store.users.byId(record.user_id);
  const meeting = weekById(store, { config, id: record.ref });
  if (user === undefined || meeting === undefined) return { kind: "unknown" };
  if (meeting.cancelled) return { kind: "cancelled", user, meeting };
  if (now >= meetingEnd(config, meeting)) {
    return { kind: "finished", user, meeting };
  }
  const redirect = { kind: "redirect" as const, user, meeting };
  const link = meeting.link;
  if (now.getTime() < meeting.startsAt.getTime() - JOIN_WINDOW_MS) {
    return { ...redirect, link, joined: "outside" };
  }
  if (!count) return { ...redirect, link, joined: "not_counted" };
  const first = store.attendance.join(
    { meetingId: meeting.id, userId: user.id },
    now,
  );
  return { ...redirect, link, joined: first ? "first" : "again" };
}
