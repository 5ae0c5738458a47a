/**
 * Secrets in URLs, kept only as their SHA-256 (domain/tokens.ts): each row says what a
 * token opens and for whom, and whether it was revoked, used or expires. A token is
 * found by its hash alone.
 *
 * @module
 */
import { sameHash } from "../domain/tokens.ts";
import type { Statements } from "./sqlite.ts";

/** What a token opens, as stored. */
export interface TokenRecord {
  /** `join`, later `feed`, `panel`. */
  purpose: string;
  /** The person it belongs to (`users.id`), if any. */
  user_id: number | null;
  /** What it is about, e.g. a meeting's id. */
  ref: string | null;
  /** When it was made, an ISO instant. */
  created_at: string;
  /** After this instant it opens nothing; `null`: never expires. */
  expires_at: string | null;
  /** When a one-time token was used; `null` until then. */
  used_at: string | null;
  /** When it was revoked; `null` while it is valid. */
  revoked_at: string | null;
}

/** Which tokens: a purpose, and optionally one person and one subject. */
export interface TokenScope {
  /** `join`, later `feed`, `panel`. */
  purpose: string;
  /** Only this person's (`users.id`). */
  userId?: number;
  /** Only those about this, e.g. a meeting's id. */
  ref?: string;
}

/** The `web_tokens` table. */
export class WebTokens {
  #s: Statements;

  /** Works through the store's statement cache, which every table shares. */
  constructor(statements: Statements) {
    this.#s = statements;
  }

  /** Keeps a token's hash with what it opens; false when it was kept already. */
  add(
    record: {
      hash: Uint8Array;
      purpose: string;
      userId: number | null;
      ref: string | null;
      expiresAt?: Date;
    },
    now: Date,
  ): boolean {
    return this.#s.sql(
      `INSERT INTO web_tokens (hash, purpose, user_id, ref, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING`,
    ).run(
      record.hash,
      record.purpose,
      record.userId,
      record.ref,
      now.toISOString(),
      record.expiresAt?.toISOString() ?? null,
    ).changes > 0;
  }

  /** The token whose SHA-256 is `hash`, if one is kept (compared in constant time). */
  find(hash: Uint8Array): TokenRecord | undefined {
    const row = this.#s.sql(
      `SELECT hash, purpose, user_id, ref, created_at, expires_at, used_at, revoked_at
       FROM web_tokens WHERE hash = ?`,
    ).get(hash) as (TokenRecord & { hash: Uint8Array }) | undefined;
    if (row === undefined || !sameHash(new Uint8Array(row.hash), hash)) {
      return undefined;
    }
    const { hash: _, ...record } = row;
    return {
      ...record,
      user_id: record.user_id === null ? null : Number(record.user_id),
    };
  }

  /** How many tokens of one subject were revoked: the generation of its next one. */
  revoked({ purpose, userId, ref }: Required<TokenScope>): number {
    const row = this.#s.sql(
      `SELECT count(*) AS n FROM web_tokens WHERE purpose = ? AND user_id = ?
         AND ref = ? AND revoked_at IS NOT NULL`,
    ).get(purpose, userId, ref) as { n: number };
    return Number(row.n);
  }

  /** Revokes every valid token in `scope`; returns how many. */
  revoke(scope: TokenScope, now: Date): number {
    return Number(
      this.#s.sql(
        `UPDATE web_tokens SET revoked_at = ?4 WHERE purpose = ?1
           AND (?2 IS NULL OR user_id = ?2) AND (?3 IS NULL OR ref = ?3)
           AND revoked_at IS NULL`,
      ).run(
        scope.purpose,
        scope.userId ?? null,
        scope.ref ?? null,
        now.toISOString(),
      ).changes,
    );
  }

  /** Marks a one-time token used; false when it was used already. */
  use(hash: Uint8Array, now: Date): boolean {
    return this.#s.sql(
      "UPDATE web_tokens SET used_at = ? WHERE hash = ? AND used_at IS NULL",
    ).run(now.toISOString(), hash).changes > 0;
  }

  /**
   * Forgets tokens made before `before`: their links open nothing from then on. Those
   * of the purposes in `keep` stay, revoked ones too: they count the generations.
   */
  prune(before: Date, keep: readonly string[] = []): number {
    return Number(
      this.#s.sql(
        `DELETE FROM web_tokens WHERE created_at < ?
           AND purpose NOT IN (SELECT value FROM json_each(?))`,
      ).run(before.toISOString(), JSON.stringify(keep)).changes,
    );
  }
}
