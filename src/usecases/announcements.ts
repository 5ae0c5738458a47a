/**
 * An admin's announcement: drafted with a preview, confirmed (or cancelled) with a
 * button, broadcast through the outbox, and reported to its author when delivered.
 *
 * @module
 */
import type { MessageEntity } from "grammy/types";
import { batchOf, keys, OWED } from "../core/owed.ts";
import type { Config } from "../config/schema.ts";
import { render } from "../config/texts.ts";
import { LANE } from "../db/outbox.ts";
import type { Store } from "../db/store.ts";

/** Saves a draft; returns its id and how many it would reach now. */
export function draftAnnouncement(
  store: Store,
  draft: {
    text: string;
    entities?: readonly MessageEntity[];
    createdBy: number;
    now: Date;
  },
): { id: number; recipients: number } {
  const id = store.announcements.create(draft, draft.now);
  return { id, recipients: store.users.counts().registered };
}

/** What pressing a draft's button did. */
export type ConfirmOutcome =
  | { kind: "not-a-draft" }
  | { kind: "cancelled" }
  | { kind: "sending"; recipients: number };

/**
 * Sends (or cancels) a draft: in one transaction, it leaves the draft state and, when
 * sent, one message per subscriber is enqueued. A second press finds no draft.
 */
export function confirmAnnouncement(
  store: Store,
  { id, send, now }: { id: number; send: boolean; now: Date },
): ConfirmOutcome {
  return store.transaction(() => {
    const moved = store.announcements.move(id, {
      from: "draft",
      to: send ? "sending" : "cancelled",
      now,
    });
    if (!moved) return { kind: "not-a-draft" };
    if (!send) return { kind: "cancelled" };
    const recipients = store.outbox.addBroadcast({ to: "registered" }, {
      kind: OWED.announcement,
      ref: String(id),
      lane: LANE.broadcast,
      now,
    });
    return { kind: "sending", recipients };
  });
}

/**
 * Marks a sending announcement sent once every message is settled, and enqueues the
 * report to its author. Safe to call again; false when there was nothing to close.
 */
export function finishAnnouncement(
  store: Store,
  { config, id, now }: { config: Config; id: number; now: Date },
): boolean {
  const batch = batchOf(OWED.announcement, String(id));
  return store.transaction(() => {
    const announcement = store.announcements.get(id);
    if (announcement?.status !== "sending") return false;
    if (store.outbox.batchOpen(batch)) return false;
    store.announcements.move(id, { from: "sending", to: "sent", now });
    const counts = store.outbox.batchCounts(batch);
    store.outbox.add({
      key: keys.report(batch, announcement.created_by),
      kind: OWED.text,
      chatId: announcement.created_by,
      lane: LANE.notice,
      payload: {
        text: render(config.texts.admin_announce_done, {
          sent: counts.sent,
          blocked: counts.blocked,
          failed: counts.failed,
        }),
      },
    }, now);
    return true;
  });
}
