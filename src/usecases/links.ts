/**
 * The meeting link as a person gets it. With `http.public_url` it is their own,
 * `<public_url>/j/<token>`: one per person and meeting (the same in every message), which
 * the public side (src/web/) turns into the meeting's link as it is when they click, and
 * which tells that they came. Without it, it is the meeting's link itself, and who came
 * is unknown.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import type { Store } from "../db/store.ts";
import type { MeetingSlot } from "../domain/meeting.ts";
import { issueToken } from "./tokens.ts";

/** The purpose of join tokens. */
export const JOIN = "join";

/** The path of a join link under the public address. */
export function joinPath(token: string): string {
  return `/j/${token}`;
}

/** A meeting as links need it: its id, its start as scheduled, and its link. */
export type LinkedMeeting = MeetingSlot & { link: string };

/** Gives people their meeting links. */
export interface Links {
  /** Whether links are personal (`http.public_url` is set): who came is then known. */
  readonly personal: boolean;
  /**
   * The link `userId` gets for `meeting`; a personal one is kept (as its hash) before
   * it resolves, so that it works the moment it is sent.
   */
  forMeeting(userId: number, meeting: LinkedMeeting): Promise<string>;
}

/**
 * The personal link of `userId` for `meeting` under `publicUrl`, kept if new, and the
 * meeting marked as one whose joins are counted. Call inside a write.
 */
export function personalLink(
  store: Store,
  { publicUrl, key, userId, meeting, now }: {
    publicUrl: string;
    key: Uint8Array;
    userId: number;
    meeting: MeetingSlot;
    now: Date;
  },
): string {
  store.meetings.ensure({
    id: meeting.id,
    startsAt: meeting.scheduledAt ?? meeting.startsAt,
  }, now);
  store.attendance.track(meeting.id);
  const token = issueToken(store, {
    key,
    subject: { purpose: JOIN, userId, ref: meeting.id },
    now,
  });
  return `${publicUrl}${joinPath(token)}`;
}

/** The links of `config`: personal under `http.public_url`, else the meeting's own. */
export function createLinks(
  { config, store, key, now }: {
    config: Pick<Config, "http">;
    store: Store;
    /** The key tokens are derived under (db/link_key.ts). */
    key: Uint8Array;
    now: () => Date;
  },
): Links {
  const publicUrl = config.http?.public?.url;
  if (publicUrl === undefined) {
    return {
      personal: false,
      forMeeting: (_userId, meeting) => Promise.resolve(meeting.link),
    };
  }
  return {
    personal: true,
    forMeeting: (userId, meeting) =>
      store.write(() =>
        personalLink(store, { publicUrl, key, userId, meeting, now: now() })
      ),
  };
}
