/**
 * The breakages of every area, and how one is made in a copy of the code: shared by
 * `scripts/breakages.ts`, which runs them, and by the test that keeps each one aimed at
 * the code it names.
 *
 * @module
 */
import type { Breakage } from "./breakages/types.ts";

/** Every file of `scripts/breakages/` but `types.ts` holds one area's breakages. */
export async function allBreakages(): Promise<Breakage[]> {
  const folder = new URL("./breakages/", import.meta.url);
  const names: string[] = [];
  for await (const entry of Deno.readDir(folder)) {
    if (
      entry.isFile && entry.name.endsWith(".ts") && entry.name !== "types.ts"
    ) {
      names.push(entry.name);
    }
  }
  const lists = await Promise.all(
    names.sort().map(async (name) =>
      (await import(new URL(name, folder).href) as { BREAKAGES: Breakage[] })
        .BREAKAGES
    ),
  );
  return lists.flat();
}

/**
 * The code of `breakage.file` with its edits made, one after the other. Each text to
 * replace must be there exactly once: a text found twice may break another function
 * than the one named (the breakage then proves nothing), a text not found means the
 * code moved on without the breakage.
 */
export function breakCode(original: string, breakage: Breakage): string {
  let broken = original;
  for (const [from, to] of breakage.edits) {
    const first = broken.indexOf(from);
    if (first === -1) {
      throw new Error(
        `"${breakage.name}": the code to break is not in ${breakage.file}: ${from}`,
      );
    }
    if (broken.indexOf(from, first + 1) !== -1) {
      throw new Error(
        `"${breakage.name}": the code to break is in ${breakage.file} more than once: ${from}`,
      );
    }
    broken = broken.replace(from, to);
  }
  return broken;
}
