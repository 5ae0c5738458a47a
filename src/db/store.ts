/**
 * The store: one small repository per table group over one database, and the few
 * things that concern the database as a whole.
 *
 * Timestamps come from the caller (the injected clock) as ISO strings, never from
 * SQLite's own clock, so that tests control time end to end.
 *
 * @module
 */
import { Announcements } from "./announcements.ts";
import { Attendance } from "./attendance.ts";
import { Backups } from "./backups.ts";
import { Calendars } from "./calendars.ts";
import { Drafts } from "./drafts.ts";
import { Feeds } from "./feeds.ts";
import { Answers } from "./answers.ts";
import { History } from "./history.ts";
import { JobRuns } from "./job_runs.ts";
import { Meetings } from "./meetings.ts";
import { Outbox } from "./outbox.ts";
import { PanelReads } from "./panel.ts";
import { Relays } from "./relays.ts";
import { Seats } from "./seats.ts";
import { Settings } from "./settings.ts";
import { type Database, Statements, transaction } from "./sqlite.ts";
import { WebTokens } from "./tokens.ts";
import { HandledUpdates } from "./updates.ts";
import { Users } from "./users.ts";
import { Writer, type WriterHealth, type WriterOptions } from "./writer.ts";

/** Typed access to the bot's tables. */
export class Store {
  /** Participants. */
  readonly users: Users;
  /** Meetings, a row a week. */
  readonly meetings: Meetings;
  /** Answers per meeting and user. */
  readonly answers: Answers;
  /** Everything the bot owes a person, until it is delivered. */
  readonly outbox: Outbox;
  /** The weekly jobs' log. */
  readonly jobRuns: JobRuns;
  /** Handled update ids. */
  readonly updates: HandledUpdates;
  /** Admin announcements and follow-ups. */
  readonly announcements: Announcements;
  /** Where messages passed on to admins came from. */
  readonly relays: Relays;
  /** Admin actions waiting for a confirmation. */
  readonly drafts: Drafts;
  /** The backups `backup` made. */
  readonly backups: Backups;
  /** Who holds a seat, who waits, and each week's capacity. */
  readonly seats: Seats;
  /** What each person's calendar was last sent for each meeting. */
  readonly calendars: Calendars;
  /** Who joined each meeting, and their ratings and comments. */
  readonly attendance: Attendance;
  /** Secrets in URLs, by their hash. */
  readonly tokens: WebTokens;
  /** The meetings' history as numbers. */
  readonly history: History;
  /** What the host's panel reads beyond the history. */
  readonly panel: PanelReads;
  /** Each person's calendar feed as last served. */
  readonly feeds: Feeds;
  /** Each person's own settings: zone, messages turned off, pause. */
  readonly settings: Settings;
  #db: Database;
  #statements: Statements;
  #writer: Writer;

  /** Over an open, migrated database; `options.writer` tunes the group commit. */
  constructor(db: Database, options: { writer?: WriterOptions } = {}) {
    this.#db = db;
    this.#writer = new Writer(db, options.writer);
    const statements = this.#statements = new Statements(db);
    this.users = new Users(statements);
    this.meetings = new Meetings(statements);
    this.answers = new Answers(statements);
    this.outbox = new Outbox(statements);
    this.jobRuns = new JobRuns(statements);
    this.updates = new HandledUpdates(statements);
    this.announcements = new Announcements(statements);
    this.relays = new Relays(statements);
    this.drafts = new Drafts(statements);
    this.backups = new Backups(statements);
    this.seats = new Seats(statements);
    this.calendars = new Calendars(statements);
    this.attendance = new Attendance(statements);
    this.tokens = new WebTokens(statements);
    this.history = new History(statements);
    this.panel = new PanelReads(statements);
    this.feeds = new Feeds(statements);
    this.settings = new Settings(statements);
  }

  /** Runs `fn` in one transaction: all of its writes happen, or none. */
  transaction<T>(fn: () => T): T {
    return transaction(this.#db, fn);
  }

  /**
   * Runs `fn` in the transaction of the next group commit and resolves once it is
   * committed: the writes of one event-loop turn cost one commit, and a lock held by
   * another process makes them wait without blocking the loop. See `writer.ts`.
   */
  write<T>(fn: () => T): Promise<T> {
    return this.#writer.write(fn);
  }

  /** Resolves once every write asked for so far is committed or has failed. */
  settled(): Promise<void> {
    return this.#writer.settled();
  }

  /** Throws if the database cannot answer a query (for the health check). */
  ping(): void {
    this.#statements.sql("SELECT count(*) FROM users").get();
  }

  /**
   * Whether writes go through now: after a failed write (a full disk, a read-only file)
   * it tries one that changes a row and takes it back, committed, so that health turns
   * good once space is freed even when nothing else writes; then {@linkcode health}.
   */
  async checkWrites(): Promise<WriterHealth> {
    if (this.#writer.failing) {
      await this.write(() => {
        this.#statements.sql(
          "INSERT OR REPLACE INTO processed_updates (update_id, handled_at) VALUES (-1, '')",
        ).run();
        this.#statements.sql(
          "DELETE FROM processed_updates WHERE update_id = -1",
        ).run();
      }).catch(() => {});
    }
    return this.health();
  }

  /** Whether reads and writes go through, and why not: locked, read-only, corrupt. */
  health(): WriterHealth {
    try {
      this.ping();
    } catch (error) {
      return {
        ok: false,
        detail: error instanceof Error ? error.message : String(error),
      };
    }
    return this.#writer.health();
  }
}
