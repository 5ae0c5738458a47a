import assert from "node:assert/strict";
import { join } from "node:path";
import { openDatabase } from "../src/db/database.ts";
import { Store } from "../src/db/store.ts";
import { ENV_VARS } from "../src/env.ts";
import { FakeBotApi } from "./fake_bot_api.ts";
import { makeWorkdir, runMain } from "./process.ts";

const SHIPPED = await Deno.readTextFile(
  new URL("../config.yaml", import.meta.url),
);

Deno.test("main.ts stops on a broken config with the key, the line and what was expected", async () => {
  const broken = SHIPPED.replace(/weekday: monday/, "weekday: mon day");
  const line =
    SHIPPED.split("\n").findIndex((l) => l.includes("weekday: monday")) + 1;
  await using temp = await makeWorkdir(broken);
  const dir = temp.path;
  const result = await runMain(["check"], { cwd: dir });
  assert.equal(result.code, 2);
  assert.match(
    result.stderr,
    new RegExp(
      `^error: config.yaml: Invalid value "mon day" at schedule.invitation.weekday \\(line ${line}\\): expected one of monday`,
    ),
  );
  assert.equal(result.stdout, "");
});

Deno.test("main.ts check prints the schedule and exits 0", async () => {
  await using temp = await makeWorkdir();
  const dir = temp.path;
  const result = await runMain(["check"], { cwd: dir });
  assert.equal(result.code, 0, result.stderr);
  assert.match(
    result.stdout,
    /job invitation: monday 10:00 Europe\/Moscow = cron "0 7 \* \* MON"/,
  );
});

Deno.test("main.ts run without BOT_TOKEN says what is missing", async () => {
  await using temp = await makeWorkdir();
  const dir = temp.path;
  const result = await runMain(["run"], { cwd: dir });
  assert.equal(result.code, 2);
  assert.match(result.stderr, /Missing environment variable BOT_TOKEN/);
});

Deno.test("main.ts send twice sends each invitation once, and the token never reaches the log", async () => {
  await using temp = await makeWorkdir();
  const dir = temp.path;
  await using fake = await FakeBotApi.start();
  const db = openDatabase(join(dir, "data", "bot.sqlite3"));
  const store = new Store(db);
  for (let id = 1; id <= 20; id++) {
    store.users.start({ tg_id: id, first_name: `U${id}` }, new Date());
    store.users.setRegistered({ tgId: id, registered: true }, new Date());
  }
  db.close();
  fake.block(7); // one user blocked the bot
  const env = {
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    LOG_LEVEL: "debug",
  };
  const first = await runMain(["send", "invitation"], { cwd: dir, env });
  assert.equal(first.code, 0, first.stderr);
  assert.match(
    first.stdout,
    /sent 19, blocked 1, failed 0, already had it 0/,
  );
  const second = await runMain(["send", "invitation"], { cwd: dir, env });
  assert.match(
    second.stdout,
    /sent 0, blocked 0, failed 0, already had it 19/,
  );
  for (let id = 1; id <= 20; id++) {
    assert.equal(fake.deliveredCount(id), id === 7 ? 0 : 1);
  }
  for (const output of [first, second]) {
    assert.ok(
      !(output.stdout + output.stderr).includes(fake.token.split(":")[1]!),
    );
  }
});

Deno.test("deno task start and deno task compile grant the same, listed permissions", async () => {
  const { tasks } = JSON.parse(
    await Deno.readTextFile(new URL("../deno.json", import.meta.url)),
  );
  const flags = (task: string) =>
    task.split(/\s+/).filter((a) => /^--(allow|deny|unstable)-/.test(a)).sort();
  assert.deepEqual(flags(tasks.start), flags(tasks.compile));
  const compile = flags(tasks.compile);
  assert.ok(!compile.includes("--allow-all") && !compile.includes("-A"));
  for (const kind of ["net", "read", "write", "env"]) {
    assert.ok(
      compile.some((f) => f.startsWith(`--allow-${kind}=`)),
      `--allow-${kind} is a list`,
    );
  }
  const env = compile.find((f) => f.startsWith("--allow-env="))!.split("=")[1]!
    .split(",");
  assert.deepEqual(env.sort(), [...ENV_VARS].sort());
});
