import assert from "node:assert/strict";
import { join } from "node:path";
import { openDatabase } from "../src/db/database.ts";
import { Store } from "../src/db/store.ts";
import { FakeBotApi } from "./fake_bot_api.ts";
import { makeWorkdir, runMain, spawnMain } from "./process.ts";

const USERS = 300;
const SHIPPED = await Deno.readTextFile(
  new URL("../config.yaml", import.meta.url),
);

Deno.test("main.ts send killed with SIGKILL mid-broadcast and run again: everyone gets exactly one", async () => {
  // 300 messages a second: the whole broadcast takes about a second, so a kill after
  // a hundred deliveries lands in the middle of it.
  await using temp = await makeWorkdir(
    SHIPPED.replace(/messages_per_second: \d+/, "messages_per_second: 300"),
  );
  const dir = temp.path;
  // Telegram takes a while to answer: a kill most likely lands while a request is out.
  await using fake = await FakeBotApi.start({ latency: 3 });
  const db = openDatabase(join(dir, "data", "bot.sqlite3"));
  const store = new Store(db);
  for (let id = 1; id <= USERS; id++) {
    store.users.start({ tg_id: id, first_name: `U${id}` }, new Date());
    store.users.setRegistered({ tgId: id, registered: true }, new Date());
  }
  db.close();
  const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
  const delivered = () => fake.sent().length;

  const doomed = await spawnMain(["send", "invitation"], {
    cwd: dir,
    env,
    stdout: "null",
  });
  await fake.waitFor(() => delivered() >= 100, { timeout: 20_000 });
  doomed.kill("SIGKILL");
  const killed = await doomed.status;
  assert.equal(killed.signal, "SIGKILL");
  await doomed.stderr.cancel();
  const atKill = delivered();
  assert.ok(
    atKill < USERS,
    `killed mid-broadcast (${atKill} of ${USERS} delivered)`,
  );

  const again = await runMain(["send", "invitation"], { cwd: dir, env });
  assert.equal(again.code, 0, again.stderr);
  const perUser = Array.from(
    { length: USERS },
    (_, i) => fake.deliveredCount(i + 1),
  );
  const twice = perUser.flatMap((n, i) => n > 1 ? [i + 1] : []);
  const never = perUser.flatMap((n, i) => n === 0 ? [i + 1] : []);
  assert.deepEqual(twice, [], "nobody twice");
  assert.deepEqual(never, [], "nobody missed");
  assert.match(
    again.stdout,
    new RegExp(`sent ${USERS - atKill}, blocked 0, failed 0`),
  );
});
