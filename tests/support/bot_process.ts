/**
 * The bot as a real process, for tests that cut the network, kill it or lock its
 * database: a working folder with a config, users seeded in its database, and
 * `main.ts run` under the shipped permissions, with its clock set by libfaketime.
 *
 * @module
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../../src/db/database.ts";
import type { Database } from "../../src/db/sqlite.ts";
import { Store } from "../../src/db/store.ts";
import type { TempDir } from "../helpers.ts";
import { makeWorkdir, spawnMain } from "../process.ts";

/** libfaketime from Debian's `faketime` package; `.ci/run` installs it. */
export const LIBFAKETIME: string | undefined = [
  "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
  "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
  "/usr/lib/faketime/libfaketime.so.1",
].find((path) => existsSync(path));

const SHIPPED = await Deno.readTextFile(
  new URL("../../config.yaml", import.meta.url),
);

/** Settings for tests: fast retries and polling, no flood limit unless given. */
export const FAST_SETTINGS = `
delivery:
  retry_initial_seconds: 0.2
  retry_max_seconds: 1
  give_up_after_hours: 48
  request_timeout_seconds: 5
polling:
  retry_max_seconds: 1
  unhealthy_after_seconds: 2
  delete_webhook: false
flood: { burst: 100000, per_minute: 100000 }
`;

/** A port nothing listens on (just now). */
export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

/** A config edit that turns on `/healthz` and `/metrics` at 127.0.0.1:`port`. */
export function withHealthOn(port: number): (text: string) => string {
  return (text) =>
    text.replace(
      /^# http: .*$/m,
      `http: { port: ${port}, hostname: 127.0.0.1 }`,
    );
}

/** The shipped config with `settings` in place of its delivery, flood and polling sections. */
export function configWith(
  settings: string,
  edit: (text: string) => string = (text) => text,
): string {
  const cut = SHIPPED
    .replace(/^delivery:\n(?: .*\n)+/m, "")
    .replace(/^polling:\n(?: .*\n)+/m, "")
    .replace(/^flood: .*\n/m, "");
  return edit(cut.replace(/^texts:/m, `${settings}\ntexts:`));
}

/**
 * {@linkcode configWith} {@linkcode FAST_SETTINGS}, broadcasting 100 messages a second
 * (the process tests' fake takes them all), with `admin` as its one admin when given;
 * `edit` changes the rest.
 */
export function fastConfig(
  { admin, edit = (text) => text }: {
    admin?: number;
    edit?: (text: string) => string;
  } = {},
): string {
  return configWith(FAST_SETTINGS, (text) => {
    const fast = text.replace(
      /messages_per_second: \d+/,
      "messages_per_second: 100",
    );
    return edit(
      admin === undefined
        ? fast
        : fast.replace(/^admins: \[\]/m, `admins: [${admin}]`),
    );
  });
}

/** A working folder with `config.yaml` and registered users in `data/bot.sqlite3`. */
export async function botFolder(
  options: {
    config?: string;
    users?: number;
    /** Also answered yes for this meeting. */
    yesFor?: string;
  } = {},
): Promise<TempDir & { database: string }> {
  const dir = await makeWorkdir(options.config ?? configWith(FAST_SETTINGS));
  const database = join(dir.path, "data", "bot.sqlite3");
  const db = openDatabase(database);
  const store = new Store(db);
  const at = new Date("2026-11-20T00:00:00Z");
  store.transaction(() => {
    for (let id = 1; id <= (options.users ?? 0); id++) {
      const user = store.users.start({ tg_id: id, first_name: `U${id}` }, at);
      store.users.setRegistered({ tgId: id, registered: true }, at);
      if (options.yesFor !== undefined) {
        store.meetings.ensure({
          id: options.yesFor,
          startsAt: new Date(`${options.yesFor}T08:00:00Z`),
        }, at);
        store.answers.record({
          meetingId: options.yesFor,
          userId: user.id,
          answer: "yes",
        }, at);
      }
    }
  });
  db.close();
  return Object.assign(dir, { database });
}

/** Reads the bot's database while (or after) it runs. */
export function inDatabase<T>(
  path: string,
  fn: (store: Store, db: Database) => T,
): T {
  const db = openDatabase(path);
  try {
    return fn(new Store(db), db);
  } finally {
    db.close();
  }
}

/** How many outbox rows of `kind` the database at `path` holds with an unknown outcome. */
export function unknownRows(path: string, kind: string): number {
  return inDatabase(path, (_store, db) =>
    Number(
      (db.prepare(
        "SELECT count(*) AS n FROM outbox WHERE kind = ? AND status = 'unknown'",
      ).get(kind) as { n: number }).n,
    ));
}

/** Starts `main.ts run` in `dir`; `at` sets its clock (libfaketime), which then runs. */
export function spawnRun(
  dir: string,
  env: Record<string, string>,
  at?: string,
): Promise<Deno.ChildProcess> {
  const clock: Record<string, string> = at === undefined ? {} : {
    LD_PRELOAD: LIBFAKETIME!,
    FAKETIME: `@${at}`,
    TZ: "UTC",
  };
  return spawnMain(["run"], { cwd: dir, env: { ...env, ...clock } });
}

/** Collects a process's output as it comes, so a test can wait for a log line. */
export function collect(
  stream: ReadableStream<Uint8Array>,
): { text: () => string } {
  let text = "";
  (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of stream) text += decoder.decode(chunk);
  })().catch(() => {});
  return { text: () => text };
}

/** Resolves when `check` returns true, looking every `everyMs`; rejects after `timeout`. */
export async function until(
  check: () => boolean,
  { timeout = 30_000, everyMs = 200, what = "the condition" } = {},
): Promise<void> {
  const end = performance.now() + timeout;
  while (!check()) {
    if (performance.now() > end) {
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * The process's exit status; kills it (SIGKILL) and fails when it is still running after
 * `ms`, so that a test of an exit never hangs.
 */
export async function exited(
  child: Deno.ChildProcess,
  ms = 30_000,
): Promise<Deno.CommandStatus> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`still running after ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([child.status, late]);
  } finally {
    clearTimeout(timer);
  }
}
