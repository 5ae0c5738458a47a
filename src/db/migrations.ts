/**
 * The schema, as numbered migrations. The version lives in `PRAGMA user_version`.
 *
 * Version 1 is exactly the `users` table of the earlier Python bot, whose file has
 * `user_version = 0`: such a file is recognised by its table and adopted as version 1
 * (legacy.ts), so that every user is kept.
 *
 * @module
 */
import { DatabaseSync } from "node:sqlite";
import { adoptLegacy } from "./legacy.ts";
import { DatabaseError, transaction } from "./sqlite.ts";
import { FIRST_STEPS } from "./migrations_first.ts";

/**
 * Migrations by target version; each runs inside one transaction. Steps 1 to 9 are in
 * migrations_first.ts; a new step is appended here, at the end.
 */
export const MIGRATIONS: readonly string[] = [
  ...FIRST_STEPS,
  // 10: what each person's calendar was last sent for each meeting (an entry or its
  // removal, the UID's domain, the SEQUENCE, the meeting's sequence it showed), so that
  // a file goes only when what their calendar should hold changes. Files sent before
  // this step are taken as the meeting stands (an update still owed is still sent),
  // under the UID domain they were sent with.
  `CREATE TABLE calendar_entries (
    meeting_id TEXT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id),
    uid_domain TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    meeting_sequence INTEGER NOT NULL,
    holds INTEGER NOT NULL CHECK (holds IN (0, 1)),
    sent_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, user_id)
  );
  INSERT INTO calendar_entries (meeting_id, user_id, uid_domain, sequence,
      meeting_sequence, holds, sent_at)
    SELECT o.ref, o.user_id, 'meeting-bot', m.sequence,
      CASE WHEN EXISTS (SELECT 1 FROM outbox p WHERE p.kind = 'calendar'
        AND p.ref = o.ref AND p.user_id = o.user_id
        AND p.status IN ('pending', 'sending')) THEN -1 ELSE m.sequence END,
      m.status != 'cancelled', max(o.updated_at)
    FROM outbox o JOIN meetings m ON m.id = o.ref
    WHERE o.kind = 'calendar' AND o.status IN ('sent', 'unknown')
      AND o.user_id IS NOT NULL
    GROUP BY o.ref, o.user_id;`,
  // 11: what happened after the "yes" (one self-contained step). Secrets in URLs (join
  // links now; feeds and sign-in links later) are kept only as their SHA-256, never in
  // clear; `attendance` holds each person's first join-link click in a meeting's window;
  // `feedback` their rating and comment; `meetings.tracked` says that personal links went
  // out for the meeting, so that its attendance is known (else it is unknown, never 0).
  `CREATE TABLE web_tokens (
    hash BLOB PRIMARY KEY,
    purpose TEXT NOT NULL,
    user_id INTEGER REFERENCES users (id),
    ref TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    used_at TEXT,
    revoked_at TEXT
  ) WITHOUT ROWID;
  CREATE INDEX web_tokens_by_subject ON web_tokens (purpose, user_id, ref);
  CREATE INDEX web_tokens_by_age ON web_tokens (created_at);
  CREATE TABLE attendance (
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    joined_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, user_id)
  );
  CREATE TABLE feedback (
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    rated_at TEXT NOT NULL,
    comment TEXT,
    commented_at TEXT,
    PRIMARY KEY (meeting_id, user_id)
  );
  ALTER TABLE meetings ADD COLUMN tracked INTEGER NOT NULL DEFAULT 0;`,
  // 12: when each meeting's messages lost their answer buttons, once it was over; and,
  // on a message that shows a week's details, that the week changed while it was in
  // flight, so that it is edited once it lands (see db/week_edits.ts).
  `ALTER TABLE meetings ADD COLUMN ended_at TEXT;
  ALTER TABLE outbox ADD COLUMN edit_after INTEGER NOT NULL DEFAULT 0;`,
  // 13: calendar subscriptions (one self-contained step). Each person's feed as last
  // served: its ETag, since when it is so (Last-Modified), and when it was last fetched.
  // The feed's address is a token of web_tokens (purpose `feed`).
  `CREATE TABLE calendar_feeds (
    user_id INTEGER PRIMARY KEY REFERENCES users (id),
    etag TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    fetched_at TEXT NOT NULL
  );`,
  // 14: seats (one self-contained step; see usecases/seats.ts). A "yes" holds a seat or
  // waits on the waitlist (`seat`), in the order the bot committed the presses
  // (`queued`, one sequence over all answers, assigned inside the transaction that
  // records the press); `promoted_at` when a freed seat came to it from the waitlist. A
  // week's own capacity (`capacity_set` 1, `capacity` null: no limit that week) and how
  // many seats that week went to the waitlist. Every "yes" so far holds a seat: there
  // was no limit.
  `ALTER TABLE answers ADD COLUMN seat TEXT CHECK (seat IN ('seat', 'waitlist'));
  ALTER TABLE answers ADD COLUMN queued INTEGER;
  ALTER TABLE answers ADD COLUMN promoted_at TEXT;
  UPDATE answers SET seat = 'seat', queued = rowid WHERE answer = 'yes';
  CREATE UNIQUE INDEX answers_queued ON answers (queued);
  CREATE INDEX answers_seats ON answers (meeting_id, seat, queued);
  ALTER TABLE meetings ADD COLUMN capacity INTEGER CHECK (capacity >= 1);
  ALTER TABLE meetings ADD COLUMN capacity_set INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE meetings ADD COLUMN promotions INTEGER NOT NULL DEFAULT 0;`,
  // 15: each person's own settings (one self-contained step): their time zone (null:
  // the meeting's), the last week their pause skips (a week id; null: no pause), the
  // messages they turned off, and what /settings asked them to type (a zone, a date).
  `ALTER TABLE users ADD COLUMN timezone TEXT;
  ALTER TABLE users ADD COLUMN paused_through TEXT;
  CREATE INDEX users_paused ON users (paused_through)
    WHERE paused_through IS NOT NULL;
  CREATE TABLE muted_messages (
    user_id INTEGER NOT NULL REFERENCES users (id),
    message TEXT NOT NULL,
    muted_at TEXT NOT NULL,
    PRIMARY KEY (user_id, message)
  ) WITHOUT ROWID;
  CREATE TABLE settings_prompts (
    user_id INTEGER PRIMARY KEY REFERENCES users (id),
    asks TEXT NOT NULL CHECK (asks IN ('timezone', 'pause')),
    message_id INTEGER,
    asked_at TEXT NOT NULL
  );`,
  // 16: each person's language, a code of config.yaml's ("ru", "en"): from Telegram's
  // language_code at /start, or chosen with /language; NULL, the config's own language
  // (everyone who came before it was asked).
  `ALTER TABLE users ADD COLUMN language TEXT;`,
];

/** The schema version this program writes. */
export const SCHEMA_VERSION: number = MIGRATIONS.length;

/** The schema version of an open database. */
export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare("PRAGMA user_version").get() as {
    user_version: number;
  };
  return row.user_version;
}

/** Brings the schema of `db` up to {@linkcode SCHEMA_VERSION}, one transaction a step. */
export function migrate(db: DatabaseSync): void {
  let version = schemaVersion(db);
  if (version === 0 && adoptLegacy(db)) version = 1;
  if (version > SCHEMA_VERSION) {
    throw new DatabaseError(
      `Database schema version ${version} is newer than this program's ${SCHEMA_VERSION}: upgrade the program`,
    );
  }
  for (; version < SCHEMA_VERSION; version++) {
    const sql = MIGRATIONS[version]!;
    transaction(db, () => {
      db.exec(sql);
      db.exec(`PRAGMA user_version = ${version + 1}`);
    });
  }
}
