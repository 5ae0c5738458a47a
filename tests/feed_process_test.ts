/**
 * The calendar subscription in the shipped program: `main.ts run` under the compile
 * task's permissions (tests/process.ts), its clock set by libfaketime. A subscriber asks
 * `/calendar` through the fake Bot API; the feed is fetched over real HTTP from the
 * public listener and read by ical.js; a repeat gets 304; the local listener has no
 * feed; the log holds no token. Monday 2026-11-23, meetings Wednesdays 11:00 Moscow.
 */
import assert from "node:assert/strict";
import ICAL from "ical.js";
import { FakeBotApi, user } from "./fake_bot_api.ts";
import { botFolder, freePort, LIBFAKETIME } from "./support/bot_process.ts";
import { config, runAt, stop } from "./support/attendance.ts";
import { FEED_LINK } from "./support/feed.ts";

Deno.test({
  name:
    "run serves a subscriber's calendar feed on the public listener: ical.js reads the weekly series, a repeat gets 304",
  ignore: LIBFAKETIME === undefined,
  async fn() {
    const ports = { local: freePort(), open: freePort() };
    await using dir = await botFolder({ users: 1, config: config(ports) });
    await using fake = await FakeBotApi.start();
    const run = await runAt(dir.path, fake, "2026-11-23 06:00:05");
    let token = "";
    try {
      fake.sendText(user(1), "/calendar");
      const text = await fake.waitFor(() =>
        fake.messagesTo(1).find((m) => FEED_LINK.test(m))
      );
      token = FEED_LINK.exec(text)![1]!;
      assert.ok(text.includes(`webcal://bot.example.org/cal/${token}.ics`));
      const path = `/cal/${token}.ics`;

      const response = await fetch(`http://127.0.0.1:${ports.open}${path}`);
      const body = await response.text();
      assert.equal(response.status, 200, body);
      assert.equal(
        response.headers.get("content-type"),
        "text/calendar; charset=utf-8",
      );
      const etag = response.headers.get("etag")!;
      assert.ok(response.headers.get("last-modified"));

      const vevent = new ICAL.Component(ICAL.parse(body))
        .getFirstSubcomponent("vevent")!;
      const event = new ICAL.Event(vevent);
      assert.equal(event.isRecurring(), true);
      assert.equal(event.startDate.zone?.tzid, "Europe/Moscow");
      const iterator = event.iterator();
      let next = iterator.next();
      while (next && next.toJSDate() < new Date("2026-11-23T06:00:05Z")) {
        next = iterator.next();
      }
      assert.equal(next?.toJSDate().toISOString(), "2026-11-25T08:00:00.000Z");

      const again = await fetch(`http://127.0.0.1:${ports.open}${path}`, {
        headers: { "if-none-match": etag },
      });
      await again.body?.cancel();
      assert.equal(again.status, 304);
      const local = await fetch(`http://127.0.0.1:${ports.local}${path}`);
      await local.body?.cancel();
      assert.equal(local.status, 404, "no feed on the local listener");
    } finally {
      const output = await stop(run);
      assert.match(output, /feed\.served/);
      assert.match(output, /feed\.not_modified/);
      if (token !== "") {
        assert.ok(!output.includes(token), "no token in the log");
      }
    }
  },
});
