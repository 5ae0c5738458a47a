/**
 * Breaks each guarantee on purpose, one at a time, in a copy of the repository, and runs
 * the test named for it: every breakage must make that test fail. A guarantee whose
 * breakage no test notices is not shown by the tests.
 *
 *   deno task breakages              every breakage
 *   deno task breakages 429 inbox    those whose name contains one of the words
 *
 * Each area keeps its list in a file of `scripts/breakages/`.
 * The working tree is never touched. Prints one line per breakage and exits 1 if any
 * went unnoticed.
 *
 * @module
 */
import { join } from "node:path";
import { allBreakages, breakCode } from "./breakage_list.ts";
import type { Breakage } from "./breakages/types.ts";

const BREAKAGES = await allBreakages();

const ROOT = new URL("..", import.meta.url).pathname;

async function copyRepository(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "meeting-bot-break-" });
  const files = new TextDecoder().decode(
    (await new Deno.Command("git", {
      args: ["ls-files", "--cached", "--others", "--exclude-standard"],
      cwd: ROOT,
    }).output()).stdout,
  ).split("\n").filter(Boolean);
  for (const file of files) {
    const target = join(dir, file);
    await Deno.mkdir(join(target, ".."), { recursive: true });
    await Deno.copyFile(join(ROOT, file), target).catch(() => {});
  }
  return dir;
}

async function caught(breakage: Breakage, dir: string): Promise<boolean> {
  const path = join(dir, breakage.file);
  const original = await Deno.readTextFile(path);
  const broken = breakCode(original, breakage);
  await Deno.writeTextFile(path, broken);
  try {
    const [file, filter] = breakage.test;
    const { code } = await new Deno.Command(Deno.execPath(), {
      args: ["test", "--frozen", "-A", "--no-check", file, "--filter", filter],
      cwd: dir,
      env: { KILL_ROUNDS: "1", NO_COLOR: "1" },
      stdout: "null",
      stderr: "null",
    }).output();
    return code !== 0;
  } finally {
    await Deno.writeTextFile(path, original);
  }
}

const words = Deno.args.map((w) => w.toLowerCase());
const chosen = BREAKAGES.filter((b) =>
  words.length === 0 || words.some((w) => b.name.toLowerCase().includes(w))
);
const dir = await copyRepository();
let missed = 0;
try {
  for (const breakage of chosen) {
    const started = performance.now();
    const ok = await caught(breakage, dir);
    if (!ok) missed++;
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    // deno-lint-ignore no-console
    console.log(
      `${ok ? "CAUGHT" : "MISSED"}  ${breakage.name}  (${
        breakage.test.join(": ")
      }, ${seconds} s)`,
    );
  }
} finally {
  await Deno.remove(dir, { recursive: true });
}
// deno-lint-ignore no-console
console.log(`${chosen.length - missed} caught, ${missed} missed`);
Deno.exit(missed === 0 ? 0 : 1);
