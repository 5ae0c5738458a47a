/**
 * The send-time recipient rules: who a row is still for and what it is about, read
 * when its turn comes rather than when it was owed. A participant who stopped, turned
 * the message off or paused its week (`/settings`), or a meeting that was cancelled or
 * began, makes the row no longer owed.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import type { OutboxRow } from "../db/outbox.ts";
import type { Store } from "../db/store.ts";
import type { User } from "../db/users.ts";
import { type Choice, wants } from "../domain/choices.ts";
import type { Zone } from "../domain/zones.ts";
import type { Links } from "../usecases/links.ts";
import { type Week, weekById } from "../usecases/weeks.ts";
import { userZone } from "./zone.ts";

/** What a renderer reads at send time: the config, the store and the clock. */
export interface SendTime {
  /** The texts, the schedule and the meeting as configured now. */
  config: Config;
  /** The database as it is now. */
  store: Store;
  /** The clock. */
  now: () => Date;
  /** The meeting link each person gets: their own under `http.public_url`. */
  links: Links;
}

/** The row's participant, if it is for one who is still active. */
export function activeParticipant(
  { store }: SendTime,
  row: OutboxRow,
): User | undefined {
  if (row.user_id === null) return undefined;
  const user = store.users.byTgId(row.chat_id);
  return user?.is_active ? user : undefined;
}

/** The week the row is about (its `ref`), with this week's changes. */
export function rowWeek(
  { config, store }: SendTime,
  row: OutboxRow,
): Week | undefined {
  return row.ref === null
    ? undefined
    : weekById(store, { config, id: row.ref });
}

/** The week the row is about, if its meeting is still ahead and not cancelled. */
export function liveWeek(at: SendTime, row: OutboxRow): Week | undefined {
  const meeting = rowWeek(at, row);
  if (meeting === undefined || meeting.cancelled) return undefined;
  return at.now() < meeting.startsAt ? meeting : undefined;
}

/**
 * Whether `user` still wants `message` about the week `weekId` as they chose it now
 * (`/settings`: the message not turned off, the week not paused); the audiences ask the
 * same when the rows are owed.
 */
export function stillWanted(
  { store }: SendTime,
  { user, message, weekId }: {
    user: Pick<User, "id">;
    message?: Choice;
    weekId?: string;
  },
): boolean {
  return wants(store.settings.choices(user.id), { message, weekId });
}

/**
 * `meeting` as `user` is shown it: in their own zone (zone.ts), with their own link
 * (links.ts) when one of `templates` shows `{link}` (or `always`), else the week's.
 */
export async function personalized<M extends Week>(
  { config, links }: SendTime,
  { user, meeting, templates = [], always = false }: {
    user: Pick<User, "id" | "timezone">;
    meeting: M;
    templates?: readonly string[];
    always?: boolean;
  },
): Promise<M & { zone: Zone }> {
  const shown = { ...meeting, zone: userZone(config, user) };
  if (!links.personal) return shown;
  if (!always && !templates.some((text) => text.includes("{link"))) {
    return shown;
  }
  return { ...shown, link: await links.forMeeting(user.id, meeting) };
}
