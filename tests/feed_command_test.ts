/**
 * `/calendar` where it gives no address: off without `http.public_url`, refused (and
 * nothing kept) for someone who does not get the invitations, and absent from the
 * command menu without `http.public_url`.
 */
import assert from "node:assert/strict";
import { commandMenu } from "../src/bot/menus.ts";
import { user } from "./fake_bot_api.ts";
import { ManualClock, startHarness, testConfig } from "./helpers.ts";
import { publicConfig } from "./support/web.ts";

const anna = user(1, { first_name: "Анна" });
const boris = user(2, { first_name: "Борис" });

/** Anna gets the invitations, Monday 23 November 2026. */
async function subscribed(config = publicConfig()) {
  const h = await startHarness({
    config,
    clock: new ManualClock("2026-11-23T06:00:00Z"),
  });
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  return h;
}

Deno.test("/calendar: off without public_url; no address, and nothing kept, for someone without invitations", async () => {
  {
    await using h = await subscribed(testConfig());
    assert.match(await h.say(anna, "/calendar"), /не включена/);
  }
  await using h = await subscribed();
  await h.say(boris, "/start");
  await h.press(boris, "reg:no");
  assert.match(await h.say(boris, "/calendar"), /Отправьте \/start/);
  const pressed = await h.press(boris, "feed:reset:yes");
  assert.match(pressed.text!, /Отправьте \/start/);
  assert.equal(
    Number(
      (h.db.prepare("SELECT count(*) AS n FROM web_tokens").get() as {
        n: number;
      }).n,
    ),
    0,
  );
});

Deno.test("the command menu offers /calendar only where there are feeds (public_url)", () => {
  const commands = (config: ReturnType<typeof testConfig>) =>
    commandMenu(config, "public").map((c) => c.command);
  assert.deepEqual(commands(publicConfig()), [
    "start",
    "stop",
    "status",
    "settings",
    "calendar",
    "language",
    "help",
  ]);
  assert.ok(!commands(testConfig()).includes("calendar"));
  assert.ok(
    commandMenu(publicConfig(), "admin").some((c) => c.command === "calendar"),
  );
});

Deno.test("/help names /calendar only where there are feeds (public_url)", async () => {
  {
    await using h = await subscribed();
    assert.match(
      await h.say(anna, "/help"),
      /\n\/calendar — встречи в вашем календаре\n\/language — язык бота/,
    );
  }
  await using h = await subscribed(testConfig());
  assert.doesNotMatch(await h.say(anna, "/help"), /calendar/);
});
