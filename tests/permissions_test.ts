/**
 * The program under the compile task's exact permissions, where they matter: paths
 * outside the places it may use, the deploy layout (/etc/meeting-bot,
 * /var/lib/meeting-bot), metrics on 0.0.0.0, a busy port, and `health`.
 */
import assert from "node:assert/strict";
import { freePort } from "./support/bot_process.ts";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { FakeBotApi, user } from "./fake_bot_api.ts";
import { tempDir } from "./helpers.ts";
import { makeWorkdir, runMain, spawnMain } from "./process.ts";
import { collect, until } from "./support/bot_process.ts";
import { parseMetrics } from "./support/prometheus.ts";
import { VERSION } from "../src/version.ts";

const SHIPPED = await Deno.readTextFile(
  new URL("../config.yaml", import.meta.url),
);
const DEPLOY_CONFIG = await Deno.readTextFile(
  new URL("../deploy/config.yaml", import.meta.url),
);
const PLACES =
  /config\.yaml and data\/ in the working folder \S+, \/etc\/meeting-bot and \/var\/lib\/meeting-bot/;

/** The shipped config with an `http:` section. */
function withHttp(http: string): string {
  return SHIPPED.replace(/^# http: .*$/m, `http: ${http}`);
}

/** Asserts exit code 2 and exactly one `error: …` line on stderr matching `line`. */
function assertOneLine(
  result: { code: number; stdout: string; stderr: string },
  line: RegExp,
) {
  assert.equal(result.code, 2, result.stderr);
  assert.equal(result.stderr.split("\n").length, 2, result.stderr);
  assert.match(result.stderr, /^error: /);
  assert.match(result.stderr, line);
}

Deno.test("paths outside the places the program may use: one line naming the path and the places, exit 2", async (t) => {
  await using temp = await makeWorkdir();
  await using outside = await tempDir();
  const cwd = temp.path;
  await Deno.writeTextFile(join(outside.path, "config.yaml"), SHIPPED);

  await t.step("CONFIG", async () => {
    const config = join(outside.path, "config.yaml");
    const result = await runMain(["check"], { cwd, env: { CONFIG: config } });
    assertOneLine(
      result,
      new RegExp(
        `Config file "${config}" is outside the places this program may read: ${PLACES.source}`,
      ),
    );
  });

  await t.step("database:", async () => {
    const database = join(outside.path, "bot.sqlite3");
    await Deno.writeTextFile(
      join(cwd, "config.yaml"),
      SHIPPED.replace(/^database: .*$/m, `database: ${database}`),
    );
    for (const command of ["check", "stats", "export", "backup data/b/"]) {
      const result = await runMain(command.split(" "), { cwd });
      assertOneLine(
        result,
        new RegExp(
          `Database "${database}" is outside the places this program may write: data/ in the working folder \\S+ and /var/lib/meeting-bot; set database: in `,
        ),
      );
    }
    assert.ok(!existsSync(database), "nothing was created there");
    await Deno.writeTextFile(join(cwd, "config.yaml"), SHIPPED);
  });

  await t.step("backup target and restore source", async () => {
    const target = join(outside.path, "copy.sqlite3");
    assertOneLine(
      await runMain(["backup", target], { cwd }),
      new RegExp(
        `Backup target "${target}" is outside the places this program may write: data/`,
      ),
    );
    assertOneLine(
      await runMain(["restore", target], { cwd }),
      new RegExp(
        `Backup file "${target}" is outside the places this program may read: ${PLACES.source}`,
      ),
    );
  });

  await t.step("TELEGRAM_API_ROOT", async () => {
    const env = {
      BOT_TOKEN: "123456:ABCDEF",
      TELEGRAM_API_ROOT: "http://192.0.2.1:8081",
    };
    for (const command of [["run"], ["send", "invitation"]]) {
      assertOneLine(
        await runMain(command, { cwd, env }),
        /TELEGRAM_API_ROOT "http:\/\/192.0.2.1:8081" is outside the addresses this program may connect to: api.telegram.org:443, 127.0.0.1, localhost\n$/,
      );
    }
  });
});

Deno.test({
  name:
    "the deploy layout: config in /etc/meeting-bot, database and backups in /var/lib/meeting-bot, run from /",
  ignore: Deno.uid() !== 0 ||
    existsSync("/etc/meeting-bot") || existsSync("/var/lib/meeting-bot"),
  async fn() {
    // Only as root (to create them), and only where no real installation is.
    const env = { CONFIG: "/etc/meeting-bot/config.yaml" };
    try {
      await Deno.mkdir("/etc/meeting-bot");
      await Deno.writeTextFile("/etc/meeting-bot/config.yaml", DEPLOY_CONFIG);
      const check = await runMain(["check"], { cwd: "/", env });
      assert.equal(check.code, 0, check.stderr);
      assert.match(
        check.stdout,
        /^config: \/etc\/meeting-bot\/config.yaml\ndatabase: \/var\/lib\/meeting-bot\/bot.sqlite3 /,
      );
      assert.equal(Deno.statSync("/var/lib/meeting-bot").mode! & 0o777, 0o700);
      assert.equal(
        Deno.statSync("/var/lib/meeting-bot/bot.sqlite3").mode! & 0o777,
        0o600,
      );
      const backup = await runMain(
        ["backup", "--keep", "14", "/var/lib/meeting-bot/backups"],
        { cwd: "/", env },
      );
      assert.equal(backup.code, 0, backup.stderr);
      const file = /^backup: (\S+) \(0 users, integrity ok\)\n$/.exec(
        backup.stdout,
      )?.[1];
      assert.match(file ?? "", /^\/var\/lib\/meeting-bot\/backups\/bot-/);
      for (const command of [["stats"], ["export"], ["restore", file!]]) {
        const result = await runMain(command, { cwd: "/", env });
        assert.equal(result.code, 0, `${command}: ${result.stderr}`);
      }
      // The config's folder is read-only to the program: a database there is refused.
      await Deno.writeTextFile(
        "/etc/meeting-bot/config.yaml",
        DEPLOY_CONFIG.replace(/^database: .*$/m, "database: data/bot.sqlite3"),
      );
      assertOneLine(
        await runMain(["check"], { cwd: "/", env }),
        /Database "\/etc\/meeting-bot\/data\/bot.sqlite3" is outside the places this program may write/,
      );
    } finally {
      await Deno.remove("/etc/meeting-bot", { recursive: true });
      await Deno.remove("/var/lib/meeting-bot", { recursive: true }).catch(
        () => {},
      );
    }
  },
});

Deno.test("run on 0.0.0.0 serves /healthz and /metrics, health asks it, and LOG_FORMAT=json logs one object a line", async () => {
  const port = freePort();
  await using temp = await makeWorkdir(
    withHttp(`{ port: ${port}, hostname: 0.0.0.0 }`),
  );
  await using fake = await FakeBotApi.start();
  const env = {
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    LOG_FORMAT: "json",
    LOG_LEVEL: "debug",
  };
  const bot = await spawnMain(["run"], { cwd: temp.path, env });
  const stdout = collect(bot.stdout);
  const stderr = collect(bot.stderr);
  try {
    const base = `http://127.0.0.1:${port}`;
    fake.sendText(user(5, { first_name: "Ева" }), "/start");
    await fake.waitFor((f) => f.sent(5)[0], { timeout: 20_000 });
    await until(() => stdout.text().includes('"event":"bot.started"'));
    const health = await runMain(["health"], { cwd: temp.path });
    assert.equal(health.code, 0, health.stdout + health.stderr);
    assert.equal(health.stdout, `health: ok ${base}/healthz\n`);
    const metrics = parseMetrics(await (await fetch(`${base}/metrics`)).text());
    assert.equal(
      metrics.get(
        `meeting_bot_build_info{deno="${Deno.version.deno}",version="${VERSION}"}`,
      ),
      1,
    );
  } finally {
    bot.kill("SIGTERM");
  }
  assert.equal((await bot.status).code, 0, stderr.text());
  const lines = (stdout.text() + stderr.text()).trim().split("\n");
  for (const line of lines) {
    const entry = JSON.parse(line);
    assert.deepEqual(Object.keys(entry).slice(0, 3), [
      "time",
      "level",
      "event",
    ]);
  }
  const starting = lines.map((l) => JSON.parse(l)).find((e) =>
    e.event === "bot.starting"
  );
  assert.equal(starting.version, VERSION);
  assert.ok(!lines.join("\n").includes(fake.token.split(":")[1]!));

  const down = await runMain(["health"], { cwd: temp.path });
  assert.equal(down.code, 1);
  assert.match(
    down.stdout,
    /^health: unreachable http:\/\/127.0.0.1:\d+\/healthz: /,
  );
  await Deno.writeTextFile(join(temp.path, "config.yaml"), SHIPPED);
  assertOneLine(
    await runMain(["health"], { cwd: temp.path }),
    /No health listener: add http: \{ port: 9090 \} to /,
  );
});

Deno.test("run stops with one line and exit 2 on a busy port or a forbidden address, before asking Telegram anything; check refuses what run would", async (t) => {
  await using fake = await FakeBotApi.start();
  const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
  await t.step("a port in use", async () => {
    using busy = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    const port = (busy.addr as Deno.NetAddr).port;
    await using temp = await makeWorkdir(
      withHttp(`{ port: ${port}, hostname: 127.0.0.1 }`),
    );
    assertOneLine(
      await runMain(["run"], { cwd: temp.path, env }),
      new RegExp(
        `^error: Cannot listen on "127.0.0.1:${port}": the port is in use by another program: choose another http.port, or stop that program\\n$`,
      ),
    );
  });
  await t.step(
    "an address the program may not listen on: check refuses it too",
    async () => {
      await using temp = await makeWorkdir(
        withHttp(`{ port: 9090, hostname: 192.0.2.1 }`),
      );
      const line =
        /^error: Cannot listen on "192.0.2.1:9090": this program may listen only on 127.0.0.1, localhost, 0.0.0.0 \(all interfaces\): set http.hostname to one of them\n$/;
      assertOneLine(await runMain(["run"], { cwd: temp.path, env }), line);
      assertOneLine(await runMain(["check"], { cwd: temp.path }), line);
    },
  );
  await t.step(
    "check passes a port in use: it may be the running bot's",
    async () => {
      using busy = Deno.listen({ hostname: "127.0.0.1", port: 0 });
      const port = (busy.addr as Deno.NetAddr).port;
      await using temp = await makeWorkdir(
        withHttp(`{ port: ${port}, hostname: 127.0.0.1 }`),
      );
      const check = await runMain(["check"], { cwd: temp.path });
      assert.equal(check.code, 0, check.stderr);
      assert.match(check.stdout, new RegExp(`^http: 127.0.0.1:${port} `, "m"));
    },
  );
  await t.step("check refuses a TELEGRAM_API_ROOT that run would", async () => {
    await using temp = await makeWorkdir();
    assertOneLine(
      await runMain(["check"], {
        cwd: temp.path,
        env: { TELEGRAM_API_ROOT: "https://example.com" },
      }),
      /^error: TELEGRAM_API_ROOT "https:\/\/example.com" is outside the addresses this program may connect to/,
    );
  });
  assert.deepEqual(fake.requests.map((r) => r.method), []);
});
