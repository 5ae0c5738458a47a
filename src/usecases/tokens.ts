/**
 * Secrets in URLs as use cases: give a person their token for something (derived, so
 * the same one each time: domain/tokens.ts), make a one-time one, find what a token
 * presented in a URL opens, and revoke. The public side (src/web/) and the messages
 * that carry links use only these.
 *
 * @module
 */
import type { TokenRecord, TokenScope } from "../db/tokens.ts";
import type { Store } from "../db/store.ts";
import {
  deriveToken,
  hashToken,
  isTokenShape,
  randomToken,
} from "../domain/tokens.ts";

/** What a token is given for: its purpose, its person and what it is about. */
export interface TokenFor {
  /** `join`, later `feed`, `panel`. */
  purpose: string;
  /** The person it belongs to (`users.id`). */
  userId: number;
  /** What it is about, e.g. a meeting's id; `""` for none. */
  ref: string;
}

/**
 * The person's token for `subject`, derived under `key` and kept (as its hash) if it
 * was not: the same token each time, until it is revoked. Call inside a write.
 */
export function issueToken(
  store: Store,
  { key, subject, now }: { key: Uint8Array; subject: TokenFor; now: Date },
): string {
  const generation = store.tokens.revoked({
    purpose: subject.purpose,
    userId: subject.userId,
    ref: subject.ref,
  });
  const token = deriveToken(key, { ...subject, generation });
  store.tokens.add({
    hash: hashToken(token),
    purpose: subject.purpose,
    userId: subject.userId,
    ref: subject.ref,
  }, now);
  return token;
}

/** A new random token for `subject`, valid until `expiresAt`: shown once, used once. */
export function mintToken(
  store: Store,
  { subject, expiresAt, now }: {
    subject: Omit<TokenFor, "userId"> & { userId: number | null };
    expiresAt: Date;
    now: Date;
  },
): string {
  const token = randomToken();
  store.tokens.add({
    hash: hashToken(token),
    purpose: subject.purpose,
    userId: subject.userId,
    ref: subject.ref,
    expiresAt,
  }, now);
  return token;
}

/**
 * What `token` opens for `purpose` at `now`, or `undefined`: malformed, unknown, of
 * another purpose, revoked or expired all look the same to the caller.
 */
export function resolveToken(
  store: Store,
  { token, purpose, now }: { token: string; purpose: string; now: Date },
): TokenRecord | undefined {
  if (!isTokenShape(token)) return undefined;
  const record = store.tokens.find(hashToken(token));
  if (record === undefined || record.purpose !== purpose) return undefined;
  if (record.revoked_at !== null) return undefined;
  if (record.expires_at !== null && new Date(record.expires_at) <= now) {
    return undefined;
  }
  return record;
}

/** Revokes the tokens in `scope` (their next ones are others); returns how many. */
export function revokeTokens(
  store: Store,
  { scope, now }: { scope: TokenScope; now: Date },
): number {
  return store.tokens.revoke(scope, now);
}
