/**
 * Admin actions waiting for a confirmation (cancel a week, move it, give it a new link):
 * the confirm button names the draft, and a second press finds it closed.
 *
 * @module
 */
import type { Statements } from "./sqlite.ts";

/** A proposed action. */
export interface Draft<T = unknown> {
  /** Row id; the confirm buttons carry it. */
  id: number;
  /** The action: `skip`, `move` or `link`. */
  kind: string;
  /** The action as proposed, read back from JSON. */
  payload: T;
  /** The Telegram id of the admin who proposed it. */
  created_by: number;
  /** `draft` until confirmed (`done`), or turned down, expired or refused (`cancelled`). */
  status: "draft" | "done" | "cancelled";
  /** When it was proposed, an ISO instant: drafts expire. */
  created_at: string;
}

/** The `drafts` table. */
export class Drafts {
  #s: Statements;

  /** Works through the store's statement cache, which every table shares. */
  constructor(statements: Statements) {
    this.#s = statements;
  }

  /** Saves a proposed action; returns its id. */
  create(
    { kind, payload, createdBy }: {
      kind: string;
      payload: unknown;
      createdBy: number;
    },
    now: Date,
  ): number {
    const at = now.toISOString();
    return Number(
      this.#s.sql(
        `INSERT INTO drafts (kind, payload, created_by, status, created_at, updated_at)
         VALUES (?, ?, ?, 'draft', ?, ?)`,
      ).run(kind, JSON.stringify(payload), createdBy, at, at).lastInsertRowid,
    );
  }

  /** The draft with this id, whatever its status. */
  get<T>(id: number): Draft<T> | undefined {
    const row = this.#s.sql(
      `SELECT id, kind, payload, created_by, status, created_at FROM drafts
       WHERE id = ?`,
    ).get(id) as (Omit<Draft<T>, "payload"> & { payload: string }) | undefined;
    return row === undefined ? undefined : {
      ...row,
      id: Number(row.id),
      created_by: Number(row.created_by),
      payload: JSON.parse(row.payload),
    };
  }

  /** Closes a draft as done or cancelled; false if it was no longer a draft. */
  close(
    id: number,
    { status, now }: { status: "done" | "cancelled"; now: Date },
  ): boolean {
    return this.#s.sql(
      `UPDATE drafts SET status = ?, updated_at = ? WHERE id = ? AND status = 'draft'`,
    ).run(status, now.toISOString(), id).changes > 0;
  }

  /** Deletes drafts made before `before`, confirmed or not. */
  prune(before: Date): number {
    return Number(
      this.#s.sql("DELETE FROM drafts WHERE created_at < ?")
        .run(before.toISOString()).changes,
    );
  }
}
