/**
 * The first nine steps of the schema (db/migrations.ts numbers them 1 to 9 and appends
 * the later ones): the earlier bot's `users` table, the meetings and answers, the
 * outbox, the admins' changes of a week, the relay's limits, the backups and the
 * relays' threads. Never edited: a step, once released, stays as it is.
 *
 * @module
 */

/** Steps 1 to 9, by target version; each runs inside one transaction. */
export const FIRST_STEPS: readonly string[] = [
  // 1: the earlier bot's schema, unchanged.
  `CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tg_id INTEGER UNIQUE NOT NULL,
    first_name TEXT,
    last_name TEXT,
    username TEXT,
    is_active BOOLEAN DEFAULT TRUE,
    is_registered BOOLEAN DEFAULT FALSE,
    last_response TEXT CHECK (last_response IN ('yes', 'no') OR last_response IS NULL),
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
  );`,
  // 2: meetings, answers per meeting, the delivery log, job runs, handled updates.
  `CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    starts_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE answers (
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    answer TEXT NOT NULL CHECK (answer IN ('yes', 'no')),
    answered_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, user_id)
  );
  CREATE INDEX answers_by_meeting ON answers (meeting_id, answer);
  CREATE TABLE deliveries (
    meeting_id TEXT NOT NULL,
    job TEXT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id),
    status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'blocked', 'failed')),
    message_id INTEGER,
    error TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, job, user_id)
  );
  CREATE TABLE job_runs (
    meeting_id TEXT NOT NULL,
    job TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running', 'done', 'skipped')),
    started_at TEXT NOT NULL,
    finished_at TEXT,
    sent INTEGER NOT NULL DEFAULT 0,
    blocked INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    note TEXT,
    PRIMARY KEY (meeting_id, job)
  );
  CREATE INDEX users_recipients ON users (is_active, is_registered);
  CREATE TABLE processed_updates (
    update_id INTEGER PRIMARY KEY,
    handled_at TEXT NOT NULL
  );
  CREATE INDEX processed_updates_by_time ON processed_updates (handled_at);`,
  // 3: admin announcements, broadcast like the weekly jobs.
  `CREATE TABLE announcements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    text TEXT NOT NULL,
    created_by INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft'
      CHECK (status IN ('draft', 'sending', 'sent', 'cancelled')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );`,
  // 4: one durable outbox for everything the bot owes a person, and an inbox of the
  // updates received and not yet handled (polling confirms them to Telegram before
  // they are handled, so they must outlive a crash). The delivery log of
  // version 2 moves into it: what was delivered stays delivered, a claim left by a
  // stopped process stays unknown (never sent twice), a failure is retried.
  `CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,
    batch TEXT,
    kind TEXT NOT NULL,
    ref TEXT,
    chat_id INTEGER NOT NULL,
    user_id INTEGER REFERENCES users (id),
    payload TEXT,
    lane INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN
      ('pending', 'sending', 'sent', 'blocked', 'failed', 'unknown', 'dropped')),
    attempts INTEGER NOT NULL DEFAULT 0,
    not_before TEXT NOT NULL,
    idempotent INTEGER NOT NULL DEFAULT 0,
    redo INTEGER NOT NULL DEFAULT 0,
    claimed_by TEXT,
    message_id INTEGER,
    error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX outbox_pending ON outbox (lane, id) WHERE status = 'pending';
  CREATE INDEX outbox_wake ON outbox (not_before) WHERE status = 'pending';
  CREATE INDEX outbox_sending ON outbox (updated_at) WHERE status = 'sending';
  CREATE INDEX outbox_batch ON outbox (batch, status);
  CREATE INDEX outbox_ref ON outbox (ref, kind, status);
  CREATE INDEX outbox_age ON outbox (created_at);
  INSERT INTO outbox (key, batch, kind, ref, chat_id, user_id, lane, status, attempts,
      not_before, message_id, error, created_at, updated_at)
    SELECT batch || '/u' || user_id, batch, kind, ref, chat_id, user_id, lane, status,
      attempts, updated_at, message_id, error, updated_at, updated_at
    FROM (SELECT
      CASE WHEN d.job LIKE 'announcement-%' THEN 'announcement/' || substr(d.job, 14)
        ELSE d.job || '/' || d.meeting_id END AS batch,
      CASE WHEN d.job LIKE 'announcement-%' THEN 'announcement' ELSE d.job END AS kind,
      CASE WHEN d.job LIKE 'announcement-%' THEN substr(d.job, 14)
        ELSE d.meeting_id END AS ref,
      u.tg_id AS chat_id, d.user_id AS user_id,
      CASE WHEN d.job = 'cancellation' THEN 1 ELSE 2 END AS lane,
      CASE d.status WHEN 'sending' THEN 'unknown' WHEN 'failed' THEN 'pending'
        ELSE d.status END AS status,
      d.attempts AS attempts, d.message_id AS message_id, d.error AS error,
      d.updated_at AS updated_at
    FROM deliveries d JOIN users u ON u.id = d.user_id);
  DROP TABLE deliveries;
  CREATE TABLE inbox (
    update_id INTEGER PRIMARY KEY,
    payload TEXT NOT NULL,
    received_at TEXT NOT NULL
  );
  ALTER TABLE job_runs ADD COLUMN unknown INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE announcements ADD COLUMN entities TEXT;`,
  // 5: this week's meeting changed by an admin (moved, its own topic or link; the
  // sequence numbers calendar updates), follow-ups beside announcements, admin actions
  // waiting for a confirmation, and who a message relayed to an admin came from.
  `ALTER TABLE meetings ADD COLUMN moved_to TEXT;
  ALTER TABLE meetings ADD COLUMN topic TEXT;
  ALTER TABLE meetings ADD COLUMN link TEXT;
  ALTER TABLE meetings ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE announcements ADD COLUMN kind TEXT NOT NULL DEFAULT 'announcement'
    CHECK (kind IN ('announcement', 'followup'));
  ALTER TABLE announcements ADD COLUMN audience TEXT NOT NULL DEFAULT 'registered'
    CHECK (audience IN ('registered', 'attendees'));
  ALTER TABLE announcements ADD COLUMN meeting_id TEXT;
  ALTER TABLE announcements ADD COLUMN copy_chat_id INTEGER;
  ALTER TABLE announcements ADD COLUMN copy_message_id INTEGER;
  CREATE TABLE drafts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_by INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'done', 'cancelled')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE relays (
    admin_chat_id INTEGER NOT NULL,
    admin_message_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (admin_chat_id, admin_message_id)
  );`,
  // 6: what each participant had passed on to the admins in the last hour (`passed` 1)
  // and when they were told they are over the limit (`passed` 0), so that the limit
  // holds across a restart.
  `CREATE TABLE relay_log (
    user_id INTEGER NOT NULL REFERENCES users (id),
    at TEXT NOT NULL,
    passed INTEGER NOT NULL CHECK (passed IN (0, 1))
  );
  CREATE INDEX relay_log_by_user ON relay_log (user_id, at);`,
  // 7: when each participant last left (/stop, or Telegram said the chat is gone), so
  // that an answer counts for the meetings that began while they were subscribed and no
  // other (see counted.ts). Those who left before it was kept left when their row last
  // changed: the stop, or a press after it, which then does not count.
  `ALTER TABLE users ADD COLUMN stopped_at TEXT;
  UPDATE users SET stopped_at = strftime('%Y-%m-%dT%H:%M:%fZ', updated_at)
    WHERE is_active = 0;`,
  // 8: each backup the backup command made and checked, so that /metrics can say how old
  // the last one is whichever process made it (the daily timer's), across restarts.
  `CREATE TABLE backups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    taken_at TEXT NOT NULL,
    path TEXT NOT NULL,
    users INTEGER NOT NULL
  );`,
  // 9: the participant's own message behind a relayed one, so that an admin's reply is
  // threaded to the participant's question (null for relays made before this step).
  `ALTER TABLE relays ADD COLUMN user_message_id INTEGER;`,
];
