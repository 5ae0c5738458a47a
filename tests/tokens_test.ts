/**
 * Secrets in URLs: a token says nothing of whom or what it is for, the database keeps
 * only its SHA-256, a revoked one opens nothing, and the key personal links are derived
 * under lives beside the database, private, never in it.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { linkKeyPath, loadLinkKey } from "../src/db/link_key.ts";
import {
  deriveToken,
  hashToken,
  isTokenShape,
  newKey,
  sameHash,
  tokenPrefix,
} from "../src/domain/tokens.ts";
import { personalLink } from "../src/usecases/links.ts";
import { resolveToken, revokeTokens } from "../src/usecases/tokens.ts";
import { openDatabase } from "../src/db/database.ts";
import { Store } from "../src/db/store.ts";
import { tempDir } from "./helpers.ts";
import { JOIN_LINK, PUBLIC_URL } from "./support/web.ts";

const MEETING = "2026-11-25";
const NEXT = "2026-12-02";
const KEY = newKey();
const NOW = new Date("2026-11-23T07:30:00Z");

/** A store with one participant, and their link for `meeting`. */
function withLink(store: Store, meeting = MEETING): string {
  const user = store.users.start({ tg_id: 1, first_name: "Анна" }, NOW);
  return store.transaction(() =>
    personalLink(store, {
      publicUrl: PUBLIC_URL,
      key: KEY,
      userId: user.id,
      meeting: { id: meeting, startsAt: new Date(`${meeting}T08:00:00Z`) },
      now: NOW,
    })
  );
}

Deno.test("a token is 192 bits of base64url, the same for the same person and meeting, and names neither", () => {
  const key = newKey();
  const subject = { purpose: "join", userId: 42, ref: MEETING, generation: 0 };
  const token = deriveToken(key, subject);
  assert.ok(isTokenShape(token));
  assert.equal(token.length, 32, "24 bytes: 192 bits");
  assert.equal(deriveToken(key, subject), token, "the same each time");
  assert.notEqual(deriveToken(key, { ...subject, userId: 43 }), token);
  assert.notEqual(deriveToken(key, { ...subject, ref: NEXT }), token);
  assert.notEqual(deriveToken(key, { ...subject, generation: 1 }), token);
  assert.notEqual(deriveToken(newKey(), subject), token, "another key");
  assert.doesNotMatch(token, /42|2026|11-25/);
  assert.ok(sameHash(hashToken(token), hashToken(token)));
  assert.ok(!sameHash(hashToken(token), hashToken(`${token.slice(1)}A`)));
  assert.equal(tokenPrefix(token), `${token.slice(0, 4)}…`);
});

Deno.test("the database keeps a link's SHA-256 only; a revoked link opens nothing and the next is another", () => {
  const db = openDatabase(":memory:");
  try {
    const store = new Store(db);
    const link = withLink(store);
    const token = JOIN_LINK.exec(link)![1]!;
    const rows = db.prepare("SELECT * FROM web_tokens").all();
    const dump = JSON.stringify(
      rows,
      (_k, v) => v instanceof Uint8Array ? Array.from(v) : v,
    );
    assert.ok(!dump.includes(token), "no token in clear");
    assert.ok(
      rows.some((row) =>
        sameHash(new Uint8Array(row.hash as Uint8Array), hashToken(token))
      ),
      "its SHA-256",
    );
    assert.ok(resolveToken(store, { token, purpose: "join", now: NOW }));
    assert.equal(
      resolveToken(store, { token, purpose: "feed", now: NOW }),
      undefined,
    );
    store.transaction(() =>
      revokeTokens(store, { scope: { purpose: "join" }, now: NOW })
    );
    assert.equal(
      resolveToken(store, { token, purpose: "join", now: NOW }),
      undefined,
    );
    const next = withLink(store);
    assert.notEqual(next, link, "a new link after the revocation");
    assert.ok(resolveToken(store, {
      token: JOIN_LINK.exec(next)![1]!,
      purpose: "join",
      now: NOW,
    }));
    assert.notEqual(
      withLink(store, NEXT),
      next,
      "another meeting, another link",
    );
  } finally {
    db.close();
  }
});

Deno.test("the link key lives beside the database, private, the same on every load, never in it", async () => {
  await using dir = await tempDir();
  const database = join(dir.path, "data", "bot.sqlite3");
  await Deno.mkdir(join(dir.path, "data"));
  const [a, b] = await Promise.all([
    Promise.resolve().then(() => loadLinkKey(database)),
    Promise.resolve().then(() => loadLinkKey(database)),
  ]);
  assert.deepEqual(a, b);
  assert.deepEqual(loadLinkKey(database), a, "kept");
  const info = await Deno.stat(linkKeyPath(database));
  assert.equal(info.mode! & 0o777, 0o600);
  assert.deepEqual(
    [...Deno.readDirSync(join(dir.path, "data"))].map((e) => e.name),
    ["link.key"],
    "no temporary file left",
  );
  await Deno.writeTextFile(linkKeyPath(database), "short");
  assert.throws(() => loadLinkKey(database), /link key .* is damaged/);
});
