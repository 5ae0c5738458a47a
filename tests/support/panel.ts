/**
 * The host's panel for tests: a bot with personal links and two admins, the sign-in link
 * an admin gets from `/panel` (as the fake Bot API received it), and a signed-in GET.
 */
import type { Config } from "../../src/config/schema.ts";
import { user } from "../fake_bot_api.ts";
import { type Harness, ManualClock, startHarness } from "../helpers.ts";
import type { FakeUser } from "../fake_bot_api.ts";
import { publicConfig, type Web } from "./web.ts";

/** The admins of the panel's tests. */
export const HOST = user(9001, { first_name: "Хост" });
export const COHOST = user(9002, { first_name: "Соведущая" });

/** A sign-in link in a text: the whole link, and its token. */
export const SIGN_IN_LINK =
  /https:\/\/bot\.example\.org\/panel\/login\/([A-Za-z0-9_-]{32})/;

/** A bot with personal links whose admins are {@linkcode HOST} and {@linkcode COHOST}. */
export async function panelHarness(
  { at = "2026-11-24T09:00:00Z", config }: { at?: string; config?: Config } =
    {},
): Promise<Harness> {
  return await startHarness({
    config: config ?? publicConfig({ admins: [HOST.id, COHOST.id] }),
    clock: new ManualClock(at),
  });
}

/** `/panel` from `admin`: the reply, and the path of its sign-in link. */
export async function askForLink(
  h: Harness,
  admin: FakeUser = HOST,
): Promise<{ reply: string; path: string; token: string }> {
  const reply = await h.say(admin, "/panel");
  const match = SIGN_IN_LINK.exec(reply);
  if (match === null) throw new Error(`No sign-in link in "${reply}"`);
  return { reply, path: new URL(match[0]).pathname, token: match[1]! };
}

/** Opens the sign-in link of `admin` and returns the session's cookie (`name=value`). */
export async function signIn(
  h: Harness,
  { web, admin = HOST }: { web: Web; admin?: FakeUser },
): Promise<string> {
  const { path } = await askForLink(h, admin);
  const response = await web.get(path);
  const cookie = response.headers.get("set-cookie");
  if (cookie === null) throw new Error(`No session: ${response.status}`);
  return cookie.split(";")[0]!;
}
