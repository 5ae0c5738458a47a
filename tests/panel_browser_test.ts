/**
 * The host's panel as a person sees it, in a real browser: Debian's chromium, headless,
 * through puppeteer-core, over a realistic half year (support/half_year.ts). The admin
 * signs in with the link the fake Bot API received, clicked on another site as in
 * Telegram's web app; every number the pages show is checked against the database,
 * counted here with SQL of its own; a phone's viewport scrolls no page sideways; a link
 * opens once; a removed admin's session and a browser without one see no page. Where
 * chromium is missing the tests are ignored and say why in their names.
 */
import assert from "node:assert/strict";
import type { Page } from "puppeteer-core";
import type { Harness } from "./helpers.ts";
import { HAS_CHROMIUM, launchBrowser } from "./support/browser.ts";
import { seedHalfYear } from "./support/half_year.ts";
import { askForLink, COHOST, HOST, panelHarness } from "./support/panel.ts";
import { dbMeetings, dbNext, dbRuns } from "./support/panel_db.ts";
import { publicConfig, startWeb, type Web } from "./support/web.ts";

const SKIPPED = HAS_CHROMIUM
  ? ""
  : " (ignored: chromium is not installed at /usr/bin/chromium)";
const PAGES = [
  "/panel",
  "/panel/trends",
  "/panel/history",
  "/panel/history/2026-11-18",
  "/panel/deliveries",
];

/** A half year on a bot with the panel, its public listener, and a browser. */
async function world() {
  const h = await panelHarness();
  seedHalfYear(h.store);
  const web = startWeb(h);
  const chromium = await launchBrowser();
  return {
    h,
    web,
    chromium,
    async [Symbol.asyncDispose]() {
      await chromium[Symbol.asyncDispose]();
      await web[Symbol.asyncDispose]();
      await h[Symbol.asyncDispose]();
    },
  };
}

/** Signs `page` in as an admin clicking their link on another site; resolves on the panel. */
async function signInByClick(
  page: Page,
  { h, web, admin = HOST }: { h: Harness; web: Web; admin?: typeof HOST },
): Promise<string> {
  const { path } = await askForLink(h, admin);
  const link = `${web.base}${path}`;
  await page.setContent(`<a id="link" href="${link}">панель</a>`);
  await Promise.all([page.waitForNavigation(), page.click("#link")]);
  await page.waitForSelector("nav", { timeout: 5_000 });
  return link;
}

/** The cells' texts of each row of the first table under `selector`. */
function rows(page: Page, selector: string): Promise<string[][]> {
  return page.$$eval(
    `${selector} tbody tr`,
    (trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim())
      ),
  );
}

Deno.test({
  name:
    `signed in through the link the bot sent, the panel shows the database's numbers${SKIPPED}`,
  ignore: !HAS_CHROMIUM,
  async fn(t) {
    await using w = await world();
    const { h, web } = w;
    const page = await w.chromium.browser.newPage();
    const policyErrors: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) {
        policyErrors.push(message.text());
      }
    });
    await signInByClick(page, { h, web });

    await t.step(
      "the next meeting: who is coming, who is not, who has not answered",
      async () => {
        assert.equal(new URL(page.url()).pathname, "/panel");
        const next = dbNext(h.db);
        for (const [group, names] of Object.entries(next)) {
          const shown = await page.$$eval(`#${group} li`, (li) => li.length);
          assert.equal(shown, names, group);
        }
        assert.equal(
          await page.$eval("#yes h2", (e) => e.textContent),
          `Придут: ${next.yes}`,
        );
        const header = await page.evaluate(
          "getComputedStyle(document.querySelector('header')).backgroundColor",
        );
        assert.equal(header, "rgb(31, 58, 95)", "the stylesheet applies");
      },
    );

    await t.step(
      "the trends: a point per known number, the table as the database counts",
      async () => {
        await page.goto(`${web.base}/panel/trends`);
        const meetings = dbMeetings(h.db, { now: h.clock.now(), weeks: 26 });
        assert.equal(meetings.length, 26);
        const points = (series: string) =>
          page.$$eval(
            `svg.chart circle[data-series="${series}"]`,
            (c) => c.length,
          );
        const known = (key: "invited" | "yes" | "joined" | "average") =>
          meetings.filter((m) => m[key] !== null).length;
        assert.equal(await points("subscribers"), known("invited"));
        assert.equal(await points("yes"), known("yes"));
        assert.equal(await points("joined"), known("joined"));
        assert.equal(await points("rating"), known("average"));
        assert.equal(known("invited"), 25, "the cancelled week has none");
        assert.equal(await page.$$eval("svg.chart", (s) => s.length), 2);
        const table = await rows(page, "main");
        const ids = await page.$$eval(
          "main tbody tr a",
          (a) => a.map((e) => e.getAttribute("href")!.split("/").at(-1)!),
        );
        assert.deepEqual(
          table.map((cells, i) => [ids[i], ...cells.slice(1)]),
          meetings.toReversed().map((m) => [
            m.id,
            ...[m.invited, m.yes, m.joined].map((n) =>
              n === null ? "—" : String(n)
            ),
            m.average === null ? "—" : m.average.toFixed(1).replace(".", ","),
          ]),
        );
      },
    );

    await t.step(
      "the history: every past meeting with its numbers",
      async () => {
        await page.goto(`${web.base}/panel/history`);
        const all = dbMeetings(h.db, { now: h.clock.now() });
        const table = await rows(page, "main");
        assert.equal(table.length, all.length);
        assert.deepEqual(
          table.map((cells) => [cells[3], cells[4]]),
          all.toReversed().map((m) => [
            String(m.saidYes),
            String(m.joined ?? 0),
          ]),
        );
      },
    );

    await t.step("one meeting: who came, and every comment", async () => {
      await page.goto(`${web.base}/panel/history/2026-11-18`);
      const [meeting] = dbMeetings(h.db, {
        now: h.clock.now(),
        id: "2026-11-18",
      });
      assert.equal(
        await page.$$eval("#came li", (li) => li.length),
        meeting!.came,
      );
      assert.equal(
        await page.$$eval("#comments blockquote", (b) => b.length),
        meeting!.comments,
      );
      assert(meeting!.comments > 0);
    });

    await t.step(
      "the deliveries: each job and broadcast with its outcomes",
      async () => {
        await page.goto(`${web.base}/panel/deliveries`);
        const runs = dbRuns(h.db);
        for (const [meeting, jobs] of runs.jobs) {
          const shown = await rows(page, `#m${meeting}`);
          assert.deepEqual(
            shown.map((cells) => cells.slice(2).map(Number)),
            jobs,
            meeting,
          );
        }
        const broadcasts = await rows(page, "#broadcasts");
        assert.deepEqual(
          broadcasts.map((cells) => cells.slice(3).map(Number)),
          runs.broadcasts,
        );
      },
    );

    await t.step("no policy error in the console", () => {
      assert.deepEqual(policyErrors, []);
    });
  },
});

Deno.test({
  name: `on a phone (390×844) no panel page scrolls sideways${SKIPPED}`,
  ignore: !HAS_CHROMIUM,
  async fn() {
    await using w = await world();
    const page = await w.chromium.browser.newPage();
    await page.setViewport({
      width: 390,
      height: 844,
      isMobile: true,
      hasTouch: true,
    });
    await signInByClick(page, w);
    for (const path of PAGES) {
      await page.goto(`${w.web.base}${path}`);
      await page.$$eval("details", (all) => all.forEach((d) => d.open = true));
      const [scroll, width] = await page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]",
      ) as [number, number];
      assert.equal(width, 390);
      assert(scroll <= width, `${path}: ${scroll} px wide`);
    }
  },
});

Deno.test({
  name:
    `a link opens once, a removed admin's session opens nothing, and no page opens without a session${SKIPPED}`,
  ignore: !HAS_CHROMIUM,
  async fn(t) {
    await using w = await world();
    const { h, web, chromium } = w;
    const host = await chromium.browser.createBrowserContext();
    const cohost = await chromium.browser.createBrowserContext();
    const hostPage = await host.newPage();
    const cohostPage = await cohost.newPage();
    const link = await signInByClick(hostPage, { h, web });
    await signInByClick(cohostPage, { h, web, admin: COHOST });

    await t.step("the sign-in link the second time", async () => {
      const again = await (await chromium.browser.createBrowserContext())
        .newPage();
      const response = await again.goto(link);
      assert.equal(response!.status(), 403);
      assert.match(
        await again.$eval("main", (e) => e.textContent!),
        /уже использована или устарела/,
      );
      assert.equal(await again.$("nav"), null);
    });

    await t.step("an admin taken out of the config", async () => {
      await using after = startWeb({
        ...h,
        config: publicConfig({ admins: [HOST.id] }),
      });
      const refused = await cohostPage.goto(`${after.base}/panel`);
      assert.equal(refused!.status(), 401);
      assert.match(
        await cohostPage.$eval("main", (e) => e.textContent!),
        /отправьте боту \/panel/,
      );
      const kept = await hostPage.goto(`${after.base}/panel`);
      assert.equal(kept!.status(), 200);
    });

    await t.step("a browser without a session", async () => {
      const stranger = await (await chromium.browser.createBrowserContext())
        .newPage();
      for (const path of [...PAGES, "/panel/export.csv"]) {
        const response = await stranger.goto(`${web.base}${path}`);
        assert.equal(response!.status(), 401, path);
        assert.equal(await stranger.$("nav"), null);
      }
    });
  },
});

Deno.test(".ci/run installs Debian's chromium where it is missing, so CI never ignores the browser tests", async () => {
  const ci = await Deno.readTextFile(new URL("../.ci/run", import.meta.url));
  assert.match(
    ci,
    /if \[ ! -x \/usr\/bin\/chromium \]; then\n\s+missing\+=\(chromium\)\nfi/,
  );
  assert.match(ci, /apt-get install .*"\$package"/);
});
