/**
 * Imported first by `main.ts`, before anything loads grammY: see {@linkcode confineProcessEnv}.
 * Only when the program lacks full env permission; with it, `process.env` stays as it is.
 */
import process from "node:process";
import { confineProcessEnv } from "./env.ts";

if (Deno.permissions.querySync({ name: "env" }).state !== "granted") {
  confineProcessEnv();
}
// grammY's node-fetch dependency warns about `punycode`; the bot uses Deno's fetch.
(process as { noDeprecation?: boolean }).noDeprecation = true;
