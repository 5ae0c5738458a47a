/** Runs `main.ts` as a real process, under exactly the permissions the compile task bakes in. */
import { join } from "node:path";
import { type TempDir, tempDir } from "./helpers.ts";

const ROOT = new URL("..", import.meta.url).pathname;

/**
 * How many rounds each kill test runs: `KILL_ROUNDS` from the environment, 2 by default
 * (the gate); a kill test counts as green after `KILL_ROUNDS=10`.
 */
export const KILL_ROUNDS = Number(Deno.env.get("KILL_ROUNDS") ?? 2);

/** The permission flags of `deno task compile`, read from deno.json. */
export async function compiledPermissionFlags(): Promise<string[]> {
  const denoJson = JSON.parse(await Deno.readTextFile(join(ROOT, "deno.json")));
  const task: string = denoJson.tasks.compile;
  return task.split(/\s+/).filter((arg) =>
    /^--(allow|deny|unstable)-/.test(arg)
  );
}

/** A temporary working folder with a config.yaml, as the operator's would be. */
export async function makeWorkdir(configText?: string): Promise<TempDir> {
  const dir = await tempDir();
  const text = configText ??
    await Deno.readTextFile(join(ROOT, "config.yaml"));
  await Deno.writeTextFile(join(dir.path, "config.yaml"), text);
  return dir;
}

/** Options of {@linkcode spawnMain}. */
export interface SpawnOptions {
  cwd: string;
  env?: Record<string, string>;
  /** Environment for libfaketime, e.g. `{ FAKETIME: "@2026-11-23 06:59:55" }`. */
  stdout?: "piped" | "null";
}

/** Starts `main.ts ARGS` in `cwd` with the compile task's permissions. */
export async function spawnMain(
  args: string[],
  options: SpawnOptions,
): Promise<Deno.ChildProcess> {
  const flags = await compiledPermissionFlags();
  return new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--quiet",
      "--frozen",
      `--config=${join(ROOT, "deno.json")}`,
      ...flags,
      join(ROOT, "main.ts"),
      ...args,
    ],
    cwd: options.cwd,
    env: { NO_COLOR: "1", ...options.env },
    clearEnv: true,
    stdout: options.stdout ?? "piped",
    stderr: "piped",
  }).spawn();
}

/** Runs `main.ts ARGS` to the end; resolves to its exit code and output. */
export async function runMain(
  args: string[],
  options: SpawnOptions,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = await spawnMain(args, options);
  const output = await child.output();
  const decoder = new TextDecoder();
  return {
    code: output.code,
    stdout: decoder.decode(output.stdout),
    stderr: decoder.decode(output.stderr),
  };
}
