/**
 * `deno task screenshots`: a picture of each page of the host's panel, for the README.
 * Seeds a realistic half year (tests/support/half_year.ts) into a database in memory,
 * starts the public listener on it, signs in through a sign-in link in headless chromium
 * (tests/support/browser.ts) and saves each page, whole, into `docs/` as PNG: at a
 * laptop's width (the whole page), and the trends page also as a phone shows it. Prints
 * each page's size and the median time the server took to answer it.
 *
 * @module
 */
import "../src/preload.ts";
import { openDatabase } from "../src/db/database.ts";
import { Store } from "../src/db/store.ts";
import { createLogger } from "../src/log.ts";
import { issueSignIn } from "../src/usecases/panel_access.ts";
import { startWebServer } from "../src/web/server.ts";
import { HAS_CHROMIUM, launchBrowser } from "../tests/support/browser.ts";
import {
  HALF_YEAR_NOW,
  NEXT_MEETING,
  seedHalfYear,
} from "../tests/support/half_year.ts";
import { publicConfig } from "../tests/support/web.ts";

/** The pages, the file each goes to, and the viewport it is taken at. */
const SHOTS = [
  { path: "/panel", file: "panel-next.png" },
  { path: "/panel/trends", file: "panel-trends.png" },
  { path: "/panel/history", file: "panel-history.png" },
  { path: "/panel/history/2026-11-18", file: "panel-meeting.png" },
  { path: "/panel/deliveries", file: "panel-deliveries.png" },
  { path: "/panel/trends", file: "panel-trends-phone.png", phone: true },
];
const LAPTOP = { width: 1024, height: 768 };
const PHONE = {
  width: 390,
  height: 844,
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

/** Requests of each page whose median time is printed. */
const ROUNDS = 15;

/** The page's size, plain and gzipped, and the median time to answer it. */
async function measure(
  url: string,
  cookie: string,
): Promise<{ bytes: number; gzipped: number; ms: number }> {
  const times: number[] = [];
  let body = new Uint8Array();
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    body = new Uint8Array(await response.arrayBuffer());
    times.push(performance.now() - started);
  }
  const gzipped = await new Response(
    new Blob([body]).stream().pipeThrough(new CompressionStream("gzip")),
  ).arrayBuffer();
  times.sort((a, b) => a - b);
  return {
    bytes: body.byteLength,
    gzipped: gzipped.byteLength,
    ms: times[Math.floor(ROUNDS / 2)]!,
  };
}

/** A line on the terminal. */
function say(line: string): void {
  // deno-lint-ignore no-console
  console.log(line);
}

if (!HAS_CHROMIUM) {
  say("chromium is not installed: apt-get install chromium");
  Deno.exit(1);
}
const ADMIN = 9001;
const store = new Store(openDatabase(":memory:", {}));
seedHalfYear(store);
const config = publicConfig({ admins: [ADMIN] });
const now = () => HALF_YEAR_NOW;
const server = startWebServer({ ...config.http!.public!, port: 0 }, {
  config,
  store,
  log: createLogger({ level: "warn", write: () => {}, now }),
  now,
});
const base = `http://127.0.0.1:${server.port}`;
const docs = new URL("../docs/", import.meta.url);
{
  await using chromium = await launchBrowser();
  const page = await chromium.browser.newPage();
  const token = store.transaction(() =>
    issueSignIn(store, { adminId: ADMIN, now: HALF_YEAR_NOW })
  );
  await page.goto(`${base}/panel/login/${token}`, { waitUntil: "load" });
  await page.waitForSelector("nav");
  const cookie = (await page.cookies(`${base}/panel`))
    .map((c) => `${c.name}=${c.value}`).join("; ");
  for (const shot of SHOTS) {
    await page.setViewport(shot.phone ? PHONE : LAPTOP);
    const { bytes, gzipped, ms } = await measure(`${base}${shot.path}`, cookie);
    await page.goto(`${base}${shot.path}`, { waitUntil: "load" });
    await page.screenshot({
      path: new URL(shot.file, docs).pathname,
      fullPage: !shot.phone,
    });
    say(
      `${shot.file}: ${shot.path}, ${bytes} bytes of HTML (${gzipped} gzipped), ` +
        `answered in ${ms.toFixed(1)} ms (median of ${ROUNDS})`,
    );
  }
}
await server.shutdown();
say(
  `Seeded up to ${HALF_YEAR_NOW.toISOString()}, next meeting ${NEXT_MEETING}`,
);
