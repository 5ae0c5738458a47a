/**
 * Secrets in URLs (a personal join link now; a calendar feed and a sign-in link later):
 * how one is made, what it looks like, and the only form in which it is stored. Pure,
 * apart from the random bytes of {@linkcode newKey} and {@linkcode randomToken}.
 *
 * A token is 192 bits as 32 characters of base64url, and says nothing of whom or what it
 * is for. The database keeps only its SHA-256 and finds it by that; a log shows at most
 * its first characters ({@linkcode tokenPrefix}).
 *
 * A token that a person must get again and again (their join link, in every reminder and
 * in `/status`) is derived: HMAC-SHA-256 under a random 256-bit key that is never in the
 * database, of its purpose, person, subject and generation. So the same person gets the
 * same link for the same meeting each time, while a copy of the database (a backup) holds
 * no usable link. Revoking one raises its generation: the next one is another. A token
 * shown once (a sign-in link) is simply random ({@linkcode randomToken}).
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** Bytes of a token: 192 bits, at least the 128 a secret in a URL must have. */
export const TOKEN_BYTES = 24;
/** Bytes of the key tokens are derived under. */
export const KEY_BYTES = 32;
/** What a token looks like: exactly 32 characters of base64url. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;
/** Characters of a token a log may show. */
const PREFIX_CHARS = 4;

/** What a derived token stands for; the same subject gives the same token. */
export interface TokenSubject {
  /** What it opens: `join` (a meeting's link); later `feed`, `panel`. */
  purpose: string;
  /** The person it belongs to (`users.id`). */
  userId: number;
  /** What it is about, e.g. the meeting's id; `""` for none. */
  ref: string;
  /** Raised by each revocation, so that the next token is another one. */
  generation: number;
}

/** A new random key to derive tokens under. */
export function newKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(KEY_BYTES));
}

/** The token of `subject` under `key`: always the same for the same subject and key. */
export function deriveToken(key: Uint8Array, subject: TokenSubject): string {
  const message = [
    subject.purpose,
    subject.userId,
    subject.ref,
    subject.generation,
  ].join("\n");
  return createHmac("sha256", key).update(message).digest()
    .subarray(0, TOKEN_BYTES).toString("base64url");
}

/** A token of random bytes, for a secret shown once (a sign-in link). */
export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(TOKEN_BYTES));
  return Buffer.from(bytes).toString("base64url");
}

/** Whether `text` has the shape of a token; anything else is not looked up at all. */
export function isTokenShape(text: string): boolean {
  return TOKEN_SHAPE.test(text);
}

/** The SHA-256 of a token: the only form the database keeps, and looks it up by. */
export function hashToken(token: string): Uint8Array {
  return new Uint8Array(createHash("sha256").update(token, "utf8").digest());
}

/** Whether two hashes are equal, in time that does not depend on where they differ. */
export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What a log may show of a token (or of a path that holds one): `AbCd…`. */
export function tokenPrefix(token: string): string {
  return token.length <= PREFIX_CHARS
    ? token
    : `${token.slice(0, PREFIX_CHARS)}…`;
}
