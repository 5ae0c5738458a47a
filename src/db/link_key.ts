/**
 * The key personal links are derived under (domain/tokens.ts): 32 random bytes in a file
 * beside the database, `link.key`, private (0600) and owned as the database's folder.
 * It is deliberately not in the database, so that a backup holds no usable link.
 *
 * The first process that needs it (`run` or `send`) makes it; two starting at once agree
 * on one, since the file appears whole or not at all. Lost, a new one is made: links
 * already sent keep working (the database knows their hashes), and later messages carry
 * new ones.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { dirname, join } from "node:path";
import { KEY_BYTES, newKey } from "../domain/tokens.ts";
import { ownLike } from "./owner.ts";
import { DatabaseError } from "./sqlite.ts";

/** The key file of the database at `database`: `link.key` in its folder. */
export function linkKeyPath(database: string): string {
  return join(dirname(database), "link.key");
}

/**
 * The key of the database at `database`, made on first use; an in-memory database gets
 * a key of its own that lasts as long as the process.
 */
export function loadLinkKey(database: string): Uint8Array {
  if (database === ":memory:") return newKey();
  const path = linkKeyPath(database);
  const kept = readKey(path);
  if (kept !== undefined) return kept;
  // Written whole under another name, then linked into place: the file appears complete
  // or not at all, and a process that lost the race reads the winner's key.
  const temp = `${path}.${crypto.randomUUID()}.tmp`;
  const key = newKey();
  try {
    Deno.writeTextFileSync(temp, Buffer.from(key).toString("base64url"), {
      mode: 0o600,
      createNew: true,
    });
    ownLike(temp, dirname(path));
    try {
      Deno.linkSync(temp, path);
    } catch (error) {
      if (!(error instanceof Deno.errors.AlreadyExists)) throw error;
    }
  } catch (cause) {
    throw new DatabaseError(
      `Cannot write the link key "${path}": ${
        cause instanceof Error ? cause.message : String(cause)
      }`,
      { cause },
    );
  } finally {
    try {
      Deno.removeSync(temp);
    } catch {
      // never written
    }
  }
  const made = readKey(path);
  if (made === undefined) {
    throw new DatabaseError(`The link key "${path}" is damaged: remove it`);
  }
  return made;
}

/** The key in `path`, if the file exists; a damaged one is an error. */
function readKey(path: string): Uint8Array | undefined {
  let text: string;
  try {
    text = Deno.readTextFileSync(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw new DatabaseError(`Cannot read the link key "${path}"`, {
      cause: error,
    });
  }
  const key = new Uint8Array(Buffer.from(text.trim(), "base64url"));
  if (key.length !== KEY_BYTES) {
    throw new DatabaseError(
      `The link key "${path}" is damaged: remove it, and a new one is made (links already sent keep working)`,
    );
  }
  return key;
}
