/**
 * The person's language beyond the chat: `/calendar` and the calendar feed it gives
 * (written in its owner's language at each fetch), the host's panel (in the signed-in
 * admin's), and the command menus Telegram shows each client language.
 */
import assert from "node:assert/strict";
import { createPlainApi } from "../src/bot/bot.ts";
import { setCommandMenus } from "../src/bot/menus.ts";
import { createLogger } from "../src/log.ts";
import { scopeKey, user } from "./fake_bot_api.ts";
import { ManualClock, startHarness } from "./helpers.ts";
import { feedOf } from "./support/feed.ts";
import { HOST, panelHarness, signIn } from "./support/panel.ts";
import { publicConfig, startWeb } from "./support/web.ts";

const anna = user(1, { first_name: "Anna", language_code: "en" });

Deno.test("/calendar and the feed speak their person's language, and follow a change at the next fetch", async () => {
  await using h = await startHarness({
    config: publicConfig(),
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  await using web = startWeb(h);
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  const address = await h.say(anna, "/calendar");
  assert.match(
    address,
    /^The meetings of “Живой эфир” in your calendar: every Wednesday at 11:00 \(Moscow time\)\./,
  );
  const english = await feedOf(h, web, anna);
  assert.match(english, /\r\nDESCRIPTION:Link to the meeting: /);
  assert.doesNotMatch(english, /Ссылка на встречу/);

  await h.say(anna, "/language ru");
  const russian = await feedOf(h, web, anna);
  assert.match(russian, /\r\nDESCRIPTION:Ссылка на встречу: /);
});

Deno.test("the panel's pages are in the signed-in admin's language", async () => {
  await using h = await panelHarness();
  await using web = startWeb(h);
  await h.say(HOST, "/language en");
  const cookie = await signIn(h, { web });
  const page = await web.get("/panel", { headers: { cookie } });
  assert.equal(page.status, 200);
  assert.match(page.body, /<h1>Next meeting<\/h1>/);
  assert.match(page.body, /Panel of “Живой эфир”/);
});

Deno.test("setCommandMenus() gives each client language its menu: Russian for ru, uk, be, kk; English for the rest", async () => {
  await using h = await startHarness();
  await setCommandMenus(createPlainApi(h.fake.token, h.fake.apiRoot), {
    config: h.config,
    store: h.store,
    log: createLogger({ write: () => {} }),
  });
  const scope = { type: "all_private_chats" } as const;
  const help = (code?: string) =>
    h.fake.commands(scopeKey(scope, code)).find((c) => c.command === "help")
      ?.description;
  assert.equal(help(), "Help");
  for (const code of ["ru", "uk", "be", "kk"]) {
    assert.equal(help(code), "Справка", code);
  }
  assert.equal(help("en"), undefined, "the default menu serves English");
});

Deno.test("a public page for a visitor the bot cannot name speaks their browser's first language", async () => {
  await using h = await startHarness({ config: publicConfig() });
  await using web = startWeb(h);
  const page = async (language?: string) =>
    (await web.get("/j/x", {
      headers: language === undefined ? {} : { "accept-language": language },
    })).body;
  assert.match(await page("en-US,en;q=0.9"), /<html lang="en">/);
  assert.match(await page("de-DE, ru;q=0.5"), /There is no such link/);
  assert.match(await page("uk-UA,uk;q=0.9"), /Такой ссылки нет/);
  assert.match(await page("*"), /Такой ссылки нет/);
  assert.match(await page(), /Такой ссылки нет/);
});
