/**
 * What admins send to many: an announcement to every subscriber, or a follow-up after a
 * meeting to those who said yes or to everyone. Drafted with a preview, confirmed (or
 * dropped) with a button, broadcast through the outbox, reported to its author.
 *
 * @module
 */
import { batchOf, keys, LANE, OWED } from "../core/owed.ts";
import type {
  AnnouncementAudience,
  NewAnnouncement,
} from "../db/announcements.ts";
import type { Audience } from "../db/outbox.ts";
import type { Store } from "../db/store.ts";
import type { ReportPayload } from "./jobs.ts";

/**
 * Who an announcement goes to: every subscriber; a follow-up about a meeting, to those
 * who said yes or to every subscriber, less whoever turned follow-ups off or paused that
 * week (`/settings`).
 */
function recipients(
  { to, meetingId }: { to: AnnouncementAudience; meetingId: string | null },
): Audience {
  if (meetingId === null) return { to: "registered" };
  const wants = { message: "followups" as const, week: meetingId };
  return to === "attendees"
    ? { to: "attendees", meetingId, wants }
    : { to: "registered", wants };
}

/** Saves a draft; returns its id and how many it would reach now, by audience. */
export function draftAnnouncement(
  store: Store,
  draft: NewAnnouncement & { now: Date },
): { id: number; recipients: number; attendees: number } {
  const id = store.announcements.create(draft, draft.now);
  const meetingId = draft.meetingId ?? null;
  return {
    id,
    recipients: store.outbox.countAudience(
      recipients({ to: "registered", meetingId }),
    ),
    attendees: meetingId === null
      ? 0
      : store.outbox.countAudience(recipients({ to: "attendees", meetingId })),
  };
}

/** What pressing a draft's button did. */
export type ConfirmOutcome =
  | { kind: "not-a-draft" }
  | { kind: "cancelled" }
  | { kind: "sending"; recipients: number };

/**
 * Sends (to `audience`) or drops a draft: in one transaction it leaves the draft state
 * and, when sent, one message per recipient is enqueued. A second press finds no draft.
 */
export function confirmAnnouncement(
  store: Store,
  { id, send, audience = "registered", now }: {
    id: number;
    send: boolean;
    audience?: AnnouncementAudience;
    now: Date;
  },
): ConfirmOutcome {
  return store.transaction(() => {
    const draft = store.announcements.get(id);
    const moved = store.announcements.move(id, {
      from: "draft",
      to: send ? "sending" : "cancelled",
      audience,
      now,
    });
    if (!moved || draft === undefined) return { kind: "not-a-draft" };
    if (!send) return { kind: "cancelled" };
    const added = store.outbox.addBroadcast(
      recipients({ to: audience, meetingId: draft.meeting_id }),
      { kind: OWED.announcement, ref: String(id), lane: LANE.broadcast, now },
    );
    return { kind: "sending", recipients: added };
  });
}

/**
 * Marks a sending announcement sent once every message is settled, and enqueues the
 * report to its author. Safe to call again; false when there was nothing to close.
 */
export function finishAnnouncement(
  store: Store,
  { id, now }: { id: number; now: Date },
): boolean {
  const batch = batchOf(OWED.announcement, String(id));
  return store.transaction(() => {
    const announcement = store.announcements.get(id);
    if (announcement?.status !== "sending") return false;
    if (store.outbox.batchOpen(batch)) return false;
    store.announcements.move(id, { from: "sending", to: "sent", now });
    const counts = store.outbox.batchCounts(batch);
    const report: ReportPayload = {
      text: announcement.kind === "followup"
        ? "admin_followup_done"
        : "admin_announce_done",
      values: {
        sent: counts.sent,
        blocked: counts.blocked,
        failed: counts.failed,
        unknown: counts.unknown,
        dropped: counts.dropped,
      },
    };
    store.outbox.add({
      key: keys.report(batch, announcement.created_by),
      kind: OWED.report,
      chatId: announcement.created_by,
      lane: LANE.notice,
      payload: report,
    }, now);
    return true;
  });
}
