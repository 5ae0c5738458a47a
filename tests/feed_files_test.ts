/**
 * A subscription and the one-off calendar files, in one person's calendar app: the
 * feed's series (`weekly@<bot>.t.me`) and a file's entry (`meeting-<date>@<bot>.t.me`)
 * never share a UID, so neither replaces the other; and a person whose app reads the
 * feed gets no file that would add the week a second time, while an entry already held
 * from a file is still kept true by files. Meeting Wednesday 2026-11-25 11:00 Moscow.
 */
import assert from "node:assert/strict";
import { CALENDAR_PAUSE_MS } from "../src/usecases/calendar_files.ts";
import { FEED_IN_USE_DAYS } from "../src/usecases/feed.ts";
import { moveMeeting } from "../src/usecases/meetings.ts";
import { weekById } from "../src/usecases/weeks.ts";
import { BOT_INFO, user } from "./fake_bot_api.ts";
import { type Harness, ManualClock, startHarness } from "./helpers.ts";
import { addressOf } from "./support/feed.ts";
import { parseIcs } from "./support/ics.ts";
import { publicConfig, startWeb, type Web } from "./support/web.ts";

const MEETING = "2026-11-25";
const anna = user(1, { first_name: "Анна" });
const boris = user(2, { first_name: "Борис" });

/** The UIDs of the calendar files `chat` received, in order. */
function fileUids(h: Harness, chat: number): string[] {
  return h.fake.sent(chat).filter((m) => m.method === "sendDocument").map(
    (m) => {
      const bytes = m.document?.bytes;
      assert.ok(bytes, "a new file each time here");
      return parseIcs(new TextDecoder().decode(bytes))[1]!.UID!;
    },
  );
}

/** Monday, the invitation out; Anna's calendar app read her feed, Boris has none. */
async function invited(): Promise<{ h: Harness; web: Web }> {
  const h = await startHarness({
    config: publicConfig(),
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  for (const u of [anna, boris]) {
    await h.say(u, "/start");
    await h.press(u, "reg:yes");
  }
  const web = startWeb(h);
  const feed = await web.get((await addressOf(h, anna)).url);
  assert.equal(feed.status, 200);
  assert.match(feed.body, /\r\nUID:weekly@test_bot\.t\.me\r\n/);
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  return { h, web };
}

Deno.test("a yes brings no calendar file to a person whose app reads the feed; others get theirs", async () => {
  const { h, web } = await invited();
  await using _h = h;
  await using _web = web;
  for (const u of [anna, boris]) await h.press(u, `rsvp:${MEETING}:yes`);
  await h.idle();
  assert.deepEqual(fileUids(h, anna.id), []);
  assert.deepEqual(fileUids(h, boris.id), [
    `meeting-${MEETING}@${BOT_INFO.username}.t.me`,
  ]);
});

Deno.test("an entry held from a file is still moved by a file after the person subscribed", async () => {
  const { h, web } = await invited();
  await using _h = h;
  await using _web = web;
  await h.press(boris, `rsvp:${MEETING}:yes`);
  await h.idle();
  const feed = await web.get((await addressOf(h, boris)).url);
  assert.equal(feed.status, 200);
  h.clock.advance(CALENDAR_PAUSE_MS);
  const config = h.config;
  await h.store.write(() =>
    moveMeeting(h.store, {
      week: weekById(h.store, { config, id: MEETING })!,
      to: new Date("2026-11-25T09:00:00Z"),
      now: h.clock.now(),
    })
  );
  h.sender.kick();
  await h.idle();
  const uid = `meeting-${MEETING}@${BOT_INFO.username}.t.me`;
  assert.deepEqual(fileUids(h, boris.id), [uid, uid]);
});

Deno.test(`files come again once the feed was not fetched for ${FEED_IN_USE_DAYS} days`, async () => {
  const { h, web } = await invited();
  await using _h = h;
  await using _web = web;
  // Next week's meeting: Anna's app stopped fetching more than a week before it.
  const next = "2026-12-02";
  h.clock.set("2026-12-01T07:00:00Z");
  await h.jobs.tick();
  await h.press(anna, `rsvp:${next}:yes`);
  await h.idle();
  assert.deepEqual(fileUids(h, anna.id), [
    `meeting-${next}@${BOT_INFO.username}.t.me`,
  ]);
});
