/**
 * What admins send to many: announcements to every subscriber, and follow-ups after a
 * meeting (the recording, the slides) to those who came or to everyone. Drafted with a
 * preview, confirmed with a button, broadcast through the outbox.
 *
 * @module
 */
import type { MessageEntity } from "grammy/types";
import type { Statements } from "./sqlite.ts";

/** Who an announcement goes to. */
export type AnnouncementAudience = "registered" | "attendees";

/** An admin's announcement or follow-up. */
export interface Announcement {
  /** Row id; its broadcast is the batch `announcement/<id>`. */
  id: number;
  /** `followup` after a meeting (to those who came, or all), else `announcement`. */
  kind: "announcement" | "followup";
  /** The admin's text (for a copy, the post's text or caption), without formatting. */
  text: string;
  /** Telegram's formatting of `text` (bold, links…), as the admin wrote it. */
  entities: MessageEntity[] | undefined;
  /** A post to copy instead of `text` (a follow-up made by replying to a post). */
  copy: { chatId: number; messageId: number } | undefined;
  /** The meeting a follow-up is about. */
  meeting_id: string | null;
  /** Who it goes to, set when it is sent; `registered` until then. */
  audience: AnnouncementAudience;
  /** The Telegram id of the admin who drafted it. */
  created_by: number;
  /** `draft` until confirmed, `sending` while its broadcast runs, then `sent`; or `cancelled`. */
  status: "draft" | "sending" | "sent" | "cancelled";
}

/** A new draft. */
export interface NewAnnouncement {
  /** Default `announcement`. */
  kind?: Announcement["kind"];
  /** The admin's text (for a copy, the post's text or caption), without formatting. */
  text: string;
  /** Its formatting, as Telegram gave it; none or empty is stored as none. */
  entities?: readonly MessageEntity[];
  /** A post to copy instead of `text` (a follow-up made by replying to a post). */
  copy?: { chatId: number; messageId: number };
  /** The meeting a follow-up is about. */
  meetingId?: string;
  /** The Telegram id of the admin drafting it. */
  createdBy: number;
}

function toAnnouncement(row: Record<string, unknown>): Announcement {
  return {
    id: Number(row.id),
    kind: row.kind as Announcement["kind"],
    text: String(row.text),
    entities: typeof row.entities === "string"
      ? JSON.parse(row.entities)
      : undefined,
    copy: row.copy_chat_id === null || row.copy_chat_id === undefined
      ? undefined
      : {
        chatId: Number(row.copy_chat_id),
        messageId: Number(row.copy_message_id),
      },
    meeting_id: (row.meeting_id as string | null) ?? null,
    audience: row.audience as AnnouncementAudience,
    created_by: Number(row.created_by),
    status: row.status as Announcement["status"],
  };
}

/** The `announcements` table. */
export class Announcements {
  #s: Statements;

  /** Works through the store's statement cache, which every table shares. */
  constructor(statements: Statements) {
    this.#s = statements;
  }

  /** Saves an admin's announcement or follow-up as a draft; returns its id. */
  create(draft: NewAnnouncement, now: Date): number {
    const at = now.toISOString();
    const result = this.#s.sql(
      `INSERT INTO announcements (kind, text, entities, copy_chat_id, copy_message_id,
         meeting_id, created_by, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?)`,
    ).run(
      draft.kind ?? "announcement",
      draft.text,
      draft.entities === undefined || draft.entities.length === 0
        ? null
        : JSON.stringify(draft.entities),
      draft.copy?.chatId ?? null,
      draft.copy?.messageId ?? null,
      draft.meetingId ?? null,
      draft.createdBy,
      at,
      at,
    );
    return Number(result.lastInsertRowid);
  }

  /** One announcement, if it exists. */
  get(id: number): Announcement | undefined {
    const row = this.#s.sql("SELECT * FROM announcements WHERE id = ?").get(id);
    return row === undefined ? undefined : toAnnouncement(row);
  }

  /**
   * Moves an announcement from one status to the next (and, when sending, sets who it
   * goes to); false if it was not in `from`.
   */
  move(
    id: number,
    change: {
      from: Announcement["status"];
      to: Announcement["status"];
      audience?: AnnouncementAudience;
      now: Date;
    },
  ): boolean {
    const result = this.#s.sql(
      `UPDATE announcements SET status = ?, audience = coalesce(?, audience),
         updated_at = ? WHERE id = ? AND status = ?`,
    ).run(
      change.to,
      change.audience ?? null,
      change.now.toISOString(),
      id,
      change.from,
    );
    return result.changes > 0;
  }

  /** Announcements whose broadcast started but did not finish (the process stopped). */
  unfinished(): Announcement[] {
    return this.#s.sql(
      "SELECT * FROM announcements WHERE status = 'sending' ORDER BY id",
    ).all().map(toAnnouncement);
  }
}
