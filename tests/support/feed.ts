/**
 * Calendar subscriptions for tests: a person's address as `/calendar` gives it, and
 * their feed fetched from the public listener as a calendar app would.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { FakeUser } from "../fake_bot_api.ts";
import type { Harness } from "../helpers.ts";
import type { Web } from "./web.ts";

/** A feed address in a text: the whole https address, and its token. */
export const FEED_LINK =
  /https:\/\/bot\.example\.org\/cal\/([A-Za-z0-9_-]{32})\.ics/;

/** The https address `/calendar` gives `person`, and its token. */
export async function addressOf(
  h: Harness,
  person: FakeUser,
): Promise<{ url: string; token: string; text: string }> {
  const text = await h.say(person, "/calendar");
  const match = FEED_LINK.exec(text);
  assert.ok(match, text);
  return { url: match[0], token: match[1]!, text };
}

/** `person`'s feed as the public listener serves it now (200 expected). */
export async function feedOf(
  h: Harness,
  web: Web,
  person: FakeUser,
): Promise<string> {
  const { url } = await addressOf(h, person);
  const response = await web.get(url);
  assert.equal(response.status, 200, response.body);
  return response.body;
}
