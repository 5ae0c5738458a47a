/**
 * Files and folders the program makes for the service keep the service's owner.
 *
 * Run as root (`sudo meeting-bot restore …`), a new file would belong to root, and the
 * service, running as its own user, could no longer open it ("unable to open database
 * file", exit 2, never restarted). So a new file or folder takes the owner of the folder
 * it is made in, and a file that replaces another (a restored database) takes that
 * file's owner and mode. Run as the owner itself, nothing changes. (SQLite does the same
 * for its own -wal and -shm files.)
 *
 * @module
 */
import { dirname, resolve } from "node:path";

/** Who owns a file and its permission bits, as {@linkcode ownerOf} read them. */
export interface Ownership {
  /** The user id, `null` where the system has none (Windows). */
  uid: number | null;
  /** The group id. */
  gid: number | null;
  /** The permission bits, e.g. `0o600`. */
  mode: number;
}

/** The owner and permission bits of `path`. */
export function ownerOf(path: string): Ownership {
  const info = Deno.statSync(path);
  return { uid: info.uid, gid: info.gid, mode: (info.mode ?? 0o600) & 0o777 };
}

/**
 * Gives `path` the owner of `like` (a path, or what {@linkcode ownerOf} read before it
 * was replaced) and, with `mode`, its permission bits too.
 */
export function ownLike(
  path: string,
  like: string | Ownership,
  { mode = false }: { mode?: boolean } = {},
): void {
  const want = typeof like === "string" ? ownerOf(like) : like;
  const got = ownerOf(path);
  if (
    want.uid !== null && want.gid !== null &&
    (got.uid !== want.uid || got.gid !== want.gid)
  ) {
    Deno.chownSync(path, want.uid, want.gid);
  }
  if (mode && got.mode !== want.mode) Deno.chmodSync(path, want.mode);
}

/**
 * Creates the folder `path` and any missing parents, 0700, each owned as the folder it
 * is made in; nothing changes for folders that exist.
 */
export function makeFolder(path: string): void {
  const missing: string[] = [];
  for (let at = resolve(path); !exists(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  Deno.mkdirSync(path, { recursive: true, mode: 0o700 });
  for (const folder of missing) {
    try {
      ownLike(folder, dirname(folder));
    } catch (error) {
      // A parent outside the places the program may read: its owner is not known.
      if (!(error instanceof Deno.errors.NotCapable)) throw error;
    }
  }
}

/** Whether `path` exists; a place the program may not look at counts as existing. */
function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    if (error instanceof Deno.errors.NotCapable) return true;
    throw error;
  }
}
