/**
 * promtool, from Debian's `prometheus` package (`.ci/run` installs it): the tests that
 * need it are ignored where it is missing, and say so in their names.
 *
 * @module
 */
import { existsSync } from "node:fs";
import { join } from "node:path";

/** promtool's path, or `undefined` when it is not on PATH. */
export const PROMTOOL: string | undefined = (Deno.env.get("PATH") ?? "")
  .split(":").filter(Boolean).map((dir) => join(dir, "promtool"))
  .find((path) => existsSync(path));

/** What a test's name adds when promtool is missing; `""` when it is there. */
export const NO_PROMTOOL: string = PROMTOOL === undefined
  ? " (ignored: promtool is not installed; `apt-get install prometheus`)"
  : "";

/** Runs promtool with `args` (in `cwd`, given `stdin`); its exit code and all it printed. */
export async function promtool(
  args: string[],
  options: { cwd?: string; stdin?: string } = {},
): Promise<{ code: number; output: string }> {
  const child = new Deno.Command(PROMTOOL!, {
    args,
    cwd: options.cwd,
    stdin: options.stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (options.stdin !== undefined) {
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(options.stdin));
    await writer.close();
  }
  const output = await child.output();
  const decoder = new TextDecoder();
  return {
    code: output.code,
    output: decoder.decode(output.stdout) + decoder.decode(output.stderr),
  };
}
