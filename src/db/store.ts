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
import { Answers } from "./answers.ts";
import { Deliveries } from "./deliveries.ts";
import { JobRuns } from "./job_runs.ts";
import { Meetings } from "./meetings.ts";
import { type Database, Statements, transaction } from "./sqlite.ts";
import { HandledUpdates } from "./updates.ts";
import { Users } from "./users.ts";

/** Typed access to the bot's tables. */
export class Store {
  /** Participants. */
  readonly users: Users;
  /** Meetings, a row a week. */
  readonly meetings: Meetings;
  /** Answers per meeting and user. */
  readonly answers: Answers;
  /** The delivery log of broadcasts. */
  readonly deliveries: Deliveries;
  /** The weekly jobs' log. */
  readonly jobRuns: JobRuns;
  /** Handled update ids. */
  readonly updates: HandledUpdates;
  /** Admin announcements. */
  readonly announcements: Announcements;
  #db: Database;
  #statements: Statements;

  constructor(db: Database) {
    this.#db = db;
    const statements = this.#statements = new Statements(db);
    this.users = new Users(statements);
    this.meetings = new Meetings(statements);
    this.answers = new Answers(statements);
    this.deliveries = new Deliveries(statements);
    this.jobRuns = new JobRuns(statements);
    this.updates = new HandledUpdates(statements);
    this.announcements = new Announcements(statements);
  }

  /** Runs `fn` in one transaction: all of its writes happen, or none. */
  transaction<T>(fn: () => T): T {
    return transaction(this.#db, fn);
  }

  /** Throws if the database cannot answer a query (for the health check). */
  ping(): void {
    this.#statements.sql("SELECT count(*) FROM users").get();
  }
}
