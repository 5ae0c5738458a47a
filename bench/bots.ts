/**
 * The processes the bench measures, started as they ship: our bot as `deno run` of
 * `main.ts` under the permission flags of the `compile` task (never `-A`), the peer as
 * `node main.mjs`, and a bare Deno runtime for reference. Only process-level interfaces
 * are used: the environment, `config.yaml` in a fresh working folder, the SQLite file.
 */
import { DatabaseSync } from "node:sqlite";
import { join } from "node:path";

/** This repository (this file is in `bench/`): the default product folder. */
export const REPO = new URL("..", import.meta.url).pathname;

/** A started process, with the tail of its output for error messages. */
export interface BotProcess extends AsyncDisposable {
  pid: number;
  status: Promise<Deno.CommandStatus>;
  /** The last few KB the process wrote to stdout and stderr. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited within 10 s. */
  stop(): Promise<Deno.CommandStatus>;
}

/** Where a bot talks to the fake. */
export interface BotEnv {
  token: string;
  apiRoot: string;
}

/** The permission (and unstable) flags of `deno task compile`, read from deno.json. */
export async function productFlags(product: string): Promise<string[]> {
  const denoJson = JSON.parse(
    await Deno.readTextFile(join(product, "deno.json")),
  );
  const task: string = denoJson.tasks.compile;
  const flags = task.split(/\s+/).filter((arg) =>
    /^--(allow|deny|unstable)-/.test(arg)
  );
  if (flags.some((flag) => flag === "--allow-all" || flag === "-A")) {
    throw new Error(
      "The compile task grants --allow-all; refusing to bench that",
    );
  }
  return flags;
}

/** A new temp folder holding the product's config.yaml, `edit`ed if given. */
export async function ourWorkdir(
  product: string,
  edit: (text: string) => string = (text) => text,
): Promise<string> {
  const text = edit(await Deno.readTextFile(join(product, "config.yaml")));
  const dir = await Deno.makeTempDir({ prefix: "meeting-bot-bench-" });
  await Deno.writeTextFile(join(dir, "config.yaml"), text);
  return dir;
}

/** Where and how to start our bot: `product` holds main.ts, deno.json, config.yaml. */
export interface OursOptions {
  product: string;
  cwd: string;
  env?: BotEnv;
}

/** Starts `main.ts ARGS` of the product in `cwd`, as the shipped binary would run. */
export async function spawnOurs(
  args: string[],
  options: OursOptions,
): Promise<BotProcess> {
  const command = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--quiet",
      "--frozen",
      `--config=${join(options.product, "deno.json")}`,
      ...await productFlags(options.product),
      // e.g. BENCH_DENO_FLAGS=--v8-flags=--prof to profile our bot under the bench
      ...(Deno.env.get("BENCH_DENO_FLAGS")?.split(" ").filter(Boolean) ?? []),
      join(options.product, "main.ts"),
      ...args,
    ],
    cwd: options.cwd,
    env: { ...runtimeEnv(), ...botEnv(options.env) },
    clearEnv: true,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  });
  return track(command.spawn());
}

/** Runs `main.ts ARGS` to the end; throws with its output unless it exits 0. */
export async function runOurs(
  args: string[],
  options: OursOptions,
): Promise<void> {
  await using bot = await spawnOurs(args, options);
  const status = await bot.status;
  if (!status.success) {
    throw new Error(
      `main.ts ${args.join(" ")} failed (${status.code}): ${bot.output()}`,
    );
  }
}

/** A temp folder holding the peer's own config.yaml (its database lands beside it). */
export async function peerWorkdir(peerDir: string): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "telegraf-peer-bench-" });
  await Deno.copyFile(join(peerDir, "config.yaml"), join(dir, "config.yaml"));
  return dir;
}

/** Starts `node main.mjs run` of the installed peer, with CONFIG in `cwd`. */
export function spawnPeer(
  peerDir: string,
  options: { cwd: string; env: BotEnv },
): BotProcess {
  const command = new Deno.Command("node", {
    args: [join(peerDir, "main.mjs"), "run"],
    cwd: options.cwd,
    env: {
      ...runtimeEnv(),
      ...botEnv(options.env),
      CONFIG: join(options.cwd, "config.yaml"),
    },
    clearEnv: true,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  });
  return track(command.spawn());
}

/** Starts a bare Deno runtime: `deno run` of a script that only waits. */
export async function spawnBareDeno(): Promise<BotProcess> {
  const dir = await Deno.makeTempDir({ prefix: "deno-bare-bench-" });
  const script = join(dir, "wait.js");
  await Deno.writeTextFile(script, "setInterval(() => {}, 1 << 30);\n");
  const command = new Deno.Command(Deno.execPath(), {
    args: ["run", "--quiet", script],
    cwd: dir,
    env: runtimeEnv(),
    clearEnv: true,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  });
  const bare = track(command.spawn());
  return {
    ...bare,
    async [Symbol.asyncDispose]() {
      await bare[Symbol.asyncDispose]();
      await Deno.remove(dir, { recursive: true });
    },
  };
}

/**
 * Copies the peer to `cache` and runs `npm ci` there, unless an install of the same
 * package-lock.json with a built better-sqlite3 is already in place.
 */
export async function preparePeer(
  source: string,
  cache: string,
): Promise<string> {
  await Deno.mkdir(cache, { recursive: true });
  const lock = "package-lock.json";
  const sameLock =
    await readOr(join(source, lock)) === await readOr(join(cache, lock));
  for (const file of ["main.mjs", "config.yaml", "package.json", lock]) {
    await Deno.remove(join(cache, file)).catch(() => {});
    await Deno.writeFile(
      join(cache, file),
      await Deno.readFile(join(source, file)),
    );
  }
  const addon = "node_modules/better-sqlite3/build/Release/better_sqlite3.node";
  const built = await Deno.stat(join(cache, addon)).then(
    () => true,
    () => false,
  );
  if (sameLock && built) return cache;
  const npm = await new Deno.Command("npm", {
    args: ["ci", "--no-audit", "--no-fund"],
    cwd: cache,
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!npm.success) {
    throw new Error(
      `npm ci in ${cache} failed: ${new TextDecoder().decode(npm.stderr)}`,
    );
  }
  return cache;
}

/** Inserts `count` active, registered users (ids `firstTgId`…) into the SQLite file. */
export function seedRegistered(
  path: string,
  options: { count: number; firstTgId: number },
): void {
  const db = new DatabaseSync(path);
  try {
    const at = new Date().toISOString();
    const insert = db.prepare(
      `INSERT INTO users (tg_id, first_name, is_active, is_registered, created_at, updated_at)
       VALUES (?, ?, 1, 1, ?, ?)`,
    );
    db.exec("BEGIN IMMEDIATE");
    for (let i = 0; i < options.count; i++) {
      const tgId = options.firstTgId + i;
      insert.run(tgId, `User ${tgId}`, at, at);
    }
    db.exec("COMMIT");
  } finally {
    db.close();
  }
}

/** The runtime's own environment (cache and home folders), never read by the bots. */
function runtimeEnv(): Record<string, string> {
  const env: Record<string, string> = { NO_COLOR: "1" };
  for (const key of ["HOME", "PATH", "DENO_DIR", "XDG_CACHE_HOME"]) {
    const value = Deno.env.get(key);
    if (value !== undefined) env[key] = value;
  }
  return env;
}

function botEnv(env: BotEnv | undefined): Record<string, string> {
  return env === undefined
    ? {}
    : { BOT_TOKEN: env.token, TELEGRAM_API_ROOT: env.apiRoot };
}

async function readOr(path: string): Promise<string | undefined> {
  return await Deno.readTextFile(path).catch(() => undefined);
}

/** Keeps the last 4 KB of each stream, so the pipes never fill and block the process. */
function track(child: Deno.ChildProcess): BotProcess {
  const tails = { stdout: "", stderr: "" };
  const drain = async (name: "stdout" | "stderr") => {
    const decoder = new TextDecoder();
    for await (const chunk of child[name]) {
      tails[name] = (tails[name] + decoder.decode(chunk, { stream: true }))
        .slice(-4096);
    }
  };
  const drained = Promise.all([drain("stdout"), drain("stderr")]).catch(
    () => {},
  );
  const status = child.status.then(async (s) => {
    await drained;
    return s;
  });
  const stop = async () => {
    try {
      child.kill("SIGTERM");
    } catch {
      // Already gone.
    }
    const timer = setTimeout(() => {
      try {
        child.kill("SIGKILL");
      } catch {
        // Already gone.
      }
    }, 10_000);
    try {
      return await status;
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    pid: child.pid,
    status,
    output: () => `stdout: ${tails.stdout}\nstderr: ${tails.stderr}`,
    stop,
    async [Symbol.asyncDispose]() {
      await stop();
    },
  };
}
