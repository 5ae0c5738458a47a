/**
 * The program's version and name, written in one place (deno.json's `"version"` must
 * agree: a test checks).
 *
 * @module
 */

/** The version of this program: the `version` command, the start log, `meeting_bot_build_info`. */
export const VERSION = "1.0.0";

/** `meeting-bot 1.0.0 (deno 2.9.6, v8 15.0.245.2-rusty, typescript 6.0.3)`. */
export function versionLine(): string {
  const { deno, v8, typescript } = Deno.version;
  return `meeting-bot ${VERSION} (deno ${deno}, v8 ${v8}, typescript ${typescript})`;
}

/**
 * How the operator starts this program, for the usage text: the executable's own name
 * when compiled (`meeting-bot`), `main.ts` when Deno runs the source.
 */
export function programName(): string {
  let exec: string;
  try {
    exec = Deno.execPath();
  } catch {
    return "meeting-bot";
  }
  const base = exec.split(/[\\/]/).pop() ?? "";
  return /^deno(\.exe)?$/.test(base) ? "main.ts" : base;
}
