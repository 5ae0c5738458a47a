/**
 * Who may see the host's panel, as use cases over the secrets of tokens.ts: `/panel`
 * makes a sign-in token (random, valid {@linkcode SIGN_IN_MINUTES} minutes, one use);
 * opening it makes a session token (random, {@linkcode SESSION_HOURS} hours) that the
 * browser keeps in a cookie. Both are kept only as their SHA-256, and both belong to an
 * admin's Telegram id (`ref`), which must be under `admins` in the config of the moment:
 * an admin taken out of the config has no panel from their next request on.
 *
 * @module
 */
import type { Store } from "../db/store.ts";
import { hashToken } from "../domain/tokens.ts";
import { mintToken, resolveToken } from "./tokens.ts";

/** How long a sign-in link works. */
export const SIGN_IN_MINUTES = 10;
/** How long a session lasts. */
export const SESSION_HOURS = 12;
/** The purpose of a sign-in token. */
export const SIGN_IN = "panel_sign_in";
/** The purpose of a session token. */
export const SESSION = "panel_session";

/** A new sign-in token for admin `adminId`: valid {@linkcode SIGN_IN_MINUTES}, once. */
export function issueSignIn(
  store: Store,
  { adminId, now }: { adminId: number; now: Date },
): string {
  return mintToken(store, {
    subject: { purpose: SIGN_IN, userId: null, ref: String(adminId) },
    expiresAt: new Date(now.getTime() + SIGN_IN_MINUTES * 60_000),
    now,
  });
}

/** A session made by a sign-in. */
export interface Session {
  /** The token the browser keeps in its cookie. */
  token: string;
  /** The admin's Telegram id. */
  adminId: number;
  /** When it ends. */
  expiresAt: Date;
}

/**
 * Opens sign-in `token` at `now`: a new session, or `undefined` when the token is
 * unknown, expired, used already, or its admin is no longer among `admins`. Marks the
 * token used in the same write, so that a second opening finds it used. Call inside a
 * write.
 */
export function signIn(
  store: Store,
  { token, admins, now }: {
    token: string;
    admins: readonly number[];
    now: Date;
  },
): Session | undefined {
  const record = resolveToken(store, { token, purpose: SIGN_IN, now });
  if (record === undefined) return undefined;
  const adminId = Number(record.ref);
  if (!admins.includes(adminId)) return undefined;
  // Used at most once: of two openings, only the write that marks it used goes on.
  if (!store.tokens.use(hashToken(token), now)) return undefined;
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  const session = mintToken(store, {
    subject: { purpose: SESSION, userId: null, ref: String(adminId) },
    expiresAt,
    now,
  });
  return { token: session, adminId, expiresAt };
}

/**
 * The admin whose session `token` is at `now`, or `undefined`: unknown, expired,
 * revoked, or an admin no longer among `admins`.
 */
export function sessionAdmin(
  store: Store,
  { token, admins, now }: {
    token: string;
    admins: readonly number[];
    now: Date;
  },
): number | undefined {
  const record = resolveToken(store, { token, purpose: SESSION, now });
  if (record === undefined) return undefined;
  const adminId = Number(record.ref);
  return admins.includes(adminId) ? adminId : undefined;
}
