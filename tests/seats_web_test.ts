/**
 * Seats on the public side: the host's panel shows the next meeting's seats and its
 * waitlist in order, and a calendar subscription shows a week's link only to one who
 * holds a seat in it (never to one waiting, not answered, or keeping a link from a seat
 * given up). A capped week of Wednesday 2026-11-25 11:00 Moscow (08:00Z), personal links
 * on.
 */
import assert from "node:assert/strict";
import { type FakeUser, user } from "./fake_bot_api.ts";
import { type Harness, ManualClock, startHarness } from "./helpers.ts";
import { feedOf } from "./support/feed.ts";
import { type IcsComponent, parseIcs } from "./support/ics.ts";
import { HOST, signIn } from "./support/panel.ts";
import { JOIN_LINK, publicConfig, startWeb, type Web } from "./support/web.ts";

const YES = "rsvp:2026-11-25:yes";
const NO = "rsvp:2026-11-25:no";
const anna = user(1, { first_name: "Анна" });
const boris = user(2, { first_name: "Борис" });
const vera = user(3, { first_name: "Вера" });
const gleb = user(4, { first_name: "Глеб" });

/** Everyone subscribed and invited, `capacity` seats each week (`null`: no limit). */
async function cappedWeek(capacity: number | null): Promise<Harness> {
  const config = publicConfig({ admins: [HOST.id] });
  const h = await startHarness({
    config: { ...config, meeting: { ...config.meeting, capacity } },
    clock: new ManualClock("2026-11-22T09:00:00Z"),
  });
  for (const u of [anna, boris, vera, gleb]) {
    await h.say(u, "/start");
    await h.press(u, "reg:yes");
  }
  h.clock.set("2026-11-23T07:00:00Z");
  await h.jobs.tick();
  return h;
}

/** The feed's events of `person`: the series, and the override of 25 November. */
async function eventsOf(
  h: Harness,
  web: Web,
  person: FakeUser,
): Promise<{ body: string; series: IcsComponent; week?: IcsComponent }> {
  const body = await feedOf(h, web, person);
  const events = parseIcs(body).filter((c) => c.BEGIN === "VEVENT");
  return {
    body,
    series: events.find((e) => e.RRULE !== undefined)!,
    week: events.find((e) => e["RECURRENCE-ID"] === "20261125T110000"),
  };
}

Deno.test("the panel's next meeting shows the seats taken of the limit and the waitlist in order", async () => {
  await using h = await cappedWeek(2);
  await using web = startWeb(h);
  for (const u of [anna, gleb, boris, vera]) await h.press(u, YES);
  const cookie = await signIn(h, { web });
  const page = async () =>
    (await web.get("/panel", { headers: { cookie } })).body.replace(
      /\s+</g,
      "<",
    );

  const full = await page();
  assert.match(
    full,
    /<dt>Места<\/dt><dd>занято 2 из 2, свободно 0; из листа ожидания получили место: 0<\/dd>/,
  );
  assert.match(
    full,
    /<h2>Придут: 2<\/h2><ul class="names"><li>Анна<\/li><li>Глеб<\/li><\/ul>/,
  );
  assert.match(
    full,
    /<div id="waitlist"><h2>Лист ожидания: 2<\/h2><ol class="names"><li>Борис<\/li><li>Вера<\/li><\/ol>/,
  );

  await h.press(gleb, NO); // Boris, first in line, gets the seat
  await h.idle();
  const after = await page();
  assert.match(
    after,
    /занято 2 из 2, свободно 0; из листа ожидания получили место: 1/,
  );
  assert.match(
    after,
    /<h2>Придут: 2<\/h2><ul class="names"><li>Анна<\/li><li>Борис<\/li><\/ul>/,
  );
  assert.match(
    after,
    /<h2>Лист ожидания: 1<\/h2><ol class="names"><li>Вера<\/li><\/ol>/,
  );
});

Deno.test("a feed shows a capped week's link to seats only: not to the waitlist, the silent, or a link kept from a seat given up", async (t) => {
  await using h = await cappedWeek(1);
  await using web = startWeb(h);
  await h.press(anna, YES);
  await h.press(boris, YES); // the waitlist

  await t.step(
    "the series carries no link where the config has a limit",
    async () => {
      const { series } = await eventsOf(h, web, vera);
      assert.equal(series.URL, undefined);
      assert.equal(series.LOCATION, undefined);
      assert.match(series.DESCRIPTION!, /^Число мест ограничено/);
    },
  );

  await t.step(
    "Anna's seat: the week carries her own link (that of her calendar file)",
    async () => {
      const { week } = await eventsOf(h, web, anna);
      assert.match(week?.URL ?? "", JOIN_LINK);
      assert.match(week!.DESCRIPTION!, /^Ссылка на встречу: https:\/\/bot\./);
    },
  );

  await t.step(
    "Boris waiting and Vera silent: no link anywhere in their feeds",
    async () => {
      for (const u of [boris, vera]) {
        const { body } = await eventsOf(h, web, u);
        assert.doesNotMatch(body, /example\.com\/live|\/j\//, u.first_name);
      }
    },
  );

  await t.step(
    "Anna's no seats Boris: his week now carries a link, Anna's none though she kept hers",
    async () => {
      await h.press(anna, NO);
      await h.press(anna, YES); // the waitlist now, with the link she was sent
      await h.idle();
      assert.match((await eventsOf(h, web, boris)).week?.URL ?? "", JOIN_LINK);
      const { body, week } = await eventsOf(h, web, anna);
      assert.equal(week?.URL, undefined);
      assert.doesNotMatch(body, /example\.com\/live|\/j\//);
    },
  );
});

Deno.test("a week capped by /capacity under a config without a limit: the series keeps the link, that week shows it to seats only", async () => {
  await using h = await cappedWeek(null);
  await using web = startWeb(h);
  h.store.seats.setCapacity("2026-11-25", 1); // as a confirmed /capacity 1 writes it
  await h.press(anna, YES);
  await h.press(boris, YES); // the waitlist
  for (const u of [boris, vera]) {
    const { series, week } = await eventsOf(h, web, u);
    assert.equal(series.URL, "https://example.com/live", u.first_name);
    assert.ok(week, u.first_name);
    assert.equal(week.URL, undefined, u.first_name);
    assert.match(week.DESCRIPTION!, /^Число мест ограничено/);
  }
  assert.match((await eventsOf(h, web, anna)).week?.URL ?? "", JOIN_LINK);
});
