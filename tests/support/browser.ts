/**
 * A real browser for tests and screenshots: Debian's chromium, headless, driven by
 * puppeteer-core, with a fresh profile each time and nothing that reaches the network
 * on its own (no component updates, sync or background requests: the machine's network
 * is closed). `.ci/run` installs chromium where it is missing; where it is still
 * missing, the tests that need it say so in their names and are ignored.
 */
import puppeteer, { type Browser } from "puppeteer-core";

/** Where Debian puts chromium. */
export const CHROMIUM = "/usr/bin/chromium";

/** Whether chromium is installed; `false` makes the browser tests ignored. */
export const HAS_CHROMIUM: boolean = (() => {
  try {
    return Deno.statSync(CHROMIUM).isFile;
  } catch {
    return false;
  }
})();

/** A browser, closed and its profile removed when disposed. */
export interface TestBrowser extends AsyncDisposable {
  /** The puppeteer browser. */
  browser: Browser;
}

/** Starts headless chromium with a fresh, empty profile. */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = await Deno.makeTempDir({ prefix: "meeting-bot-chromium-" });
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--user-data-dir=${profile}`,
    ],
  });
  return {
    browser,
    async [Symbol.asyncDispose]() {
      await browser.close();
      await Deno.remove(profile, { recursive: true }).catch(() => {});
    },
  };
}
