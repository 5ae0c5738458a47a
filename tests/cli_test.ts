import assert from "node:assert/strict";
import { join } from "node:path";
import { openDatabase } from "../src/db/database.ts";
import { Store } from "../src/db/store.ts";
import {
  CONNECT_PLACES,
  READ_PLACES,
  WRITE_PLACES,
} from "../src/commands/places.ts";
import { ENV_VARS } from "../src/env.ts";
import { LISTEN_HOSTS } from "../src/http.ts";
import { VERSION } from "../src/version.ts";
import { FakeBotApi } from "./fake_bot_api.ts";
import { compiledPermissionFlags, makeWorkdir, runMain } from "./process.ts";

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

Deno.test("deno task start, compile and compile-arm64 grant the same, listed permissions", async () => {
  const { tasks } = JSON.parse(
    await Deno.readTextFile(new URL("../deno.json", import.meta.url)),
  );
  const flags = (task: string) =>
    task.split(/\s+/).filter((a) => /^--(allow|deny|unstable)-/.test(a)).sort();
  assert.deepEqual(flags(tasks.start), flags(tasks.compile));
  assert.deepEqual(flags(tasks["compile-arm64"]), flags(tasks.compile));
  // The entry point comes last: what follows it would be baked in as arguments.
  for (const task of ["start", "compile", "compile-arm64"]) {
    assert.match(tasks[task], / main\.ts$/, task);
  }
  assert.match(tasks["compile-arm64"], / --target aarch64-unknown-linux-gnu /);
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

Deno.test("the places in messages are the compile task's --allow-read, --allow-write and --allow-net lists", async () => {
  const flags = await compiledPermissionFlags();
  const list = (kind: string) =>
    flags.find((f) => f.startsWith(`--allow-${kind}=`))!.split("=")[1]!
      .split(",").sort();
  assert.deepEqual(list("read"), [...READ_PLACES].sort());
  assert.deepEqual(list("write"), [...WRITE_PLACES].sort());
  assert.deepEqual(
    list("net"),
    [...new Set([...CONNECT_PLACES, ...LISTEN_HOSTS])].sort(),
  );
});

Deno.test("VERSION in src/version.ts is deno.json's version, and `version` prints it with Deno's", async () => {
  const denoJson = JSON.parse(
    await Deno.readTextFile(new URL("../deno.json", import.meta.url)),
  );
  assert.equal(denoJson.version, VERSION);
  await using temp = await makeWorkdir();
  for (const args of [["version"], ["--version"]]) {
    const result = await runMain(args, { cwd: temp.path });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      result.stdout,
      `meeting-bot ${VERSION} (deno ${Deno.version.deno}, v8 ${Deno.version.v8}, typescript ${Deno.version.typescript})\n`,
    );
  }
  const help = await runMain(["--help"], { cwd: temp.path });
  assert.match(
    help.stdout,
    /^Usage: main\.ts \[COMMAND\] \(or: deno task start COMMAND\)\n/,
  );
  assert.match(help.stdout, /backup \[--keep N\] TARGET/);
});

Deno.test("main.ts stops with one line and exit 2 on an unknown command, extra arguments or a bad LOG_FORMAT", async () => {
  await using temp = await makeWorkdir();
  for (
    const [args, env, line] of [
      [["frobnicate"], {}, /^error: Unknown command "frobnicate"\n/],
      [["check", "now"], {}, /^error: "check" takes no arguments\n$/],
      [["backup"], {}, /^error: "backup" takes a folder or a new file/],
      [["backup", "--keep", "0", "data/"], {}, /^error: --keep takes a number/],
      [
        ["check"],
        { LOG_FORMAT: "xml" },
        /^error: LOG_FORMAT "xml" is not one of text, json\n$/,
      ],
      [
        ["check"],
        { LOG_LEVEL: "loud" },
        /^error: LOG_LEVEL "loud" is not one of debug, info, warn, error\n$/,
      ],
    ] as const
  ) {
    const result = await runMain([...args], { cwd: temp.path, env });
    assert.equal(result.code, 2, `${args.join(" ")}: ${result.stderr}`);
    assert.match(result.stderr, line);
    assert.equal(result.stdout, "");
  }
  // Nothing was created: each stopped before the database.
  assert.deepEqual([...Deno.readDirSync(temp.path)].map((e) => e.name), [
    "config.yaml",
  ]);
});
