import assert from "node:assert/strict";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { backupCommand } from "../src/commands/backup.ts";
import { SCHEMA_VERSION } from "../src/db/migrations.ts";
import { exportCommand } from "../src/commands/export.ts";
import { runCommand } from "../src/commands/run.ts";
import { statsCommand } from "../src/commands/stats.ts";
import { parseCsv } from "./support/csv.ts";
import { freePort, withHealthOn } from "./support/bot_process.ts";
import { silentLogger } from "../src/log.ts";
import { FakeBotApi, scopeKey, user } from "./fake_bot_api.ts";
import { parseMetrics } from "./support/prometheus.ts";
import { ManualClock, startHarness, tempDir, testConfig } from "./helpers.ts";
import { makeWorkdir, spawnMain } from "./process.ts";

const MONDAY_1030_MSK = "2026-11-23T07:30:00Z";

Deno.test("stats and export print the admins' views on the terminal", async () => {
  await using temp = await tempDir();
  const dir = temp.path;
  const config = testConfig({ database: join(dir, "bot.sqlite3") });
  {
    await using h = await startHarness({
      config,
      clock: new ManualClock(MONDAY_1030_MSK),
    });
    const anna = user(1, { first_name: "Анна", last_name: "Иванова" });
    await h.say(anna, "/start");
    await h.press(anna, "reg:yes");
    await h.press(anna, "rsvp:2026-11-25:yes");
  }
  const lines: string[] = [];
  const deps = {
    log: silentLogger,
    now: () => new Date(MONDAY_1030_MSK),
    print: (l: string) => lines.push(l),
    write: (t: string) => lines.push(t),
  };
  statsCommand(config, deps);
  assert.match(lines.join("\n"), /^Приглашения получают: 1\.\n/);
  assert.match(
    lines.join("\n"),
    /Встреча в среду, 25 ноября, в 11:00 \(мск\)\n\n✅ Придут \(1\):\nАнна Иванова/,
  );
  lines.length = 0;
  exportCommand(config, deps);
  const rows = parseCsv(lines.join(""));
  assert.deepEqual(rows[1]?.slice(0, 9), [
    "2026-11-25",
    "запланирована",
    "2026-11-25 11:00",
    "",
    "1",
    "Анна",
    "Иванова",
    "",
    "да",
  ]);
});

Deno.test("backup while a broadcast is sending gives a complete, consistent copy", async () => {
  await using temp = await tempDir();
  const dir = temp.path;
  const config = testConfig({ database: join(dir, "bot.sqlite3") });
  await using h = await startHarness({
    config,
    clock: new ManualClock("2026-11-23T07:00:00Z"),
    messagesPerSecond: 200,
  });
  for (let id = 1; id <= 150; id++) {
    h.store.users.start(
      { tg_id: id, first_name: `Участник ${id}` },
      h.clock.now(),
    );
    h.store.users.setRegistered({ tgId: id, registered: true }, h.clock.now());
  }
  const broadcast = h.jobs.runNow("invitation");
  await h.fake.waitFor((f) => f.sent().length >= 40);
  const lines: string[] = [];
  const target = join(dir, "backup.sqlite3");
  await backupCommand(config, {
    target,
    log: silentLogger,
    now: h.clock.now,
    print: (l) => lines.push(l),
  });
  const report = await broadcast;
  assert.equal(report.sent, 150, "the broadcast was not disturbed");
  assert.match(
    lines[0]!,
    /backup: .*backup.sqlite3 \(150 users, integrity ok\)/,
  );

  const copy = new DatabaseSync(target, { readOnly: true });
  try {
    const count = (sql: string) =>
      Number((copy.prepare(sql).get() as { n: number }).n);
    assert.equal(count("SELECT count(*) AS n FROM users"), 150);
    const copied = count(
      "SELECT count(*) AS n FROM outbox WHERE status IN ('sending', 'sent')",
    );
    assert.ok(
      copied >= 40 && copied < 150,
      `a snapshot mid-broadcast (${copied} deliveries)`,
    );
    assert.equal(
      count(
        "SELECT count(*) AS n FROM outbox WHERE user_id NOT IN (SELECT id FROM users)",
      ),
      0,
    );
    assert.equal(
      (copy.prepare("PRAGMA user_version").get() as { user_version: number })
        .user_version,
      SCHEMA_VERSION,
    );
  } finally {
    copy.close();
  }
  await assert.rejects(
    () =>
      backupCommand(config, {
        target,
        log: silentLogger,
        now: h.clock.now,
        print: () => {},
      }),
    /already exists/,
  );
});

Deno.test("run serves /healthz and /metrics in the Prometheus format, and admin menus", async () => {
  await using temp = await tempDir();
  const dir = temp.path;
  await using fake = await FakeBotApi.start();
  const config = testConfig({
    database: join(dir, "bot.sqlite3"),
    http: { port: 0, hostname: "127.0.0.1" },
    admins: [77],
  });
  const clock = new ManualClock("2026-11-23T06:30:00Z"); // Monday 09:30 Moscow
  const crons: (() => Promise<void>)[] = [];
  const bot = await runCommand(config, {
    env: { token: fake.token, apiRoot: fake.apiRoot },
    log: silentLogger,
    now: clock.now,
    print: () => {},
    cron: (_name, _schedule, handler) => crons.push(handler),
  });
  try {
    const base = `http://127.0.0.1:${bot.httpPort}`;
    fake.sendText(user(5, { first_name: "Ева" }), "/start");
    await fake.waitFor((f) => f.sent(5)[0]);
    fake.pressButton(user(5, { first_name: "Ева" }), "reg:yes");
    await fake.waitFor((f) => f.answers.length === 1);

    const health = await fetch(`${base}/healthz`);
    assert.equal(health.status, 200);
    const body = await health.json();
    assert.deepEqual(body.checks, {
      database: { ok: true },
      polling: { ok: true },
    });
    assert.equal(body.lastJobs.meeting, "2026-11-25");

    const scrape = await fetch(`${base}/metrics`);
    assert.match(
      scrape.headers.get("content-type")!,
      /^text\/plain; version=0.0.4/,
    );
    const text = await scrape.text();
    assert.match(text, /# TYPE meeting_bot_updates_total counter/);
    const samples = parseMetrics(text);
    assert.equal(samples.get("meeting_bot_updates_total"), 2);
    assert.equal(samples.get('meeting_bot_subscribers{state="active"}'), 1);
    assert.equal(
      samples.get('meeting_bot_subscribers{state="registered"}'),
      1,
    );
    clock.set("2026-11-23T07:00:00Z"); // 10:00: the invitation's cron fires
    await crons[0]!();
    // The cron enqueues; the sender delivers, then the job is closed.
    let after = new Map<string, number>();
    for (let i = 0; i < 200; i++) {
      after = parseMetrics(await (await fetch(`${base}/metrics`)).text());
      if (
        after.has(
          'meeting_bot_job_duration_seconds_count{weekly_job="invitation"}',
        )
      ) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    assert.equal(
      after.get(
        'meeting_bot_messages_total{outcome="sent",weekly_job="invitation"}',
      ),
      1,
    );
    assert.equal(
      after.get(
        'meeting_bot_job_duration_seconds_count{weekly_job="invitation"}',
      ),
      1,
    );
    assert.equal(
      after.get(
        'meeting_bot_last_job_timestamp_seconds{weekly_job="invitation"}',
      ),
      Date.parse("2026-11-23T07:00:00Z") / 1000,
    );
    const lastJobs = (await (await fetch(`${base}/healthz`)).json()).lastJobs;
    assert.equal(lastJobs.invitation.status, "done");
    assert.equal(lastJobs.invitation.sent, 1);
    assert.equal(await fetch(`${base}/nothing`).then((r) => r.status), 404);

    assert.deepEqual(
      fake.commands(scopeKey({ type: "chat", chat_id: 77 })).map((c) =>
        c.command
      ),
      [
        "start",
        "stop",
        "status",
        "settings",
        "language",
        "help",
        "stats",
        "who",
        "history",
        "topic",
        "link",
        "move",
        "skip",
        "unskip",
        "capacity",
        "announce",
        "followup",
        "export",
        "panel",
      ],
    );
  } finally {
    await bot.stop();
    await bot.done;
  }
});

Deno.test("least privilege: main.ts run under the compile task's exact flags, health and metrics on", async () => {
  const port = freePort();
  const shipped = await Deno.readTextFile(
    new URL("../config.yaml", import.meta.url),
  );
  await using temp = await makeWorkdir(withHealthOn(port)(shipped));
  const dir = temp.path;
  await using fake = await FakeBotApi.start();
  const bot = await spawnMain(["run"], {
    cwd: dir,
    env: { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot },
  });
  try {
    const eva = user(5, { first_name: "Ева" });
    fake.sendText(eva, "/start");
    const reply = await fake.waitFor((f) => f.sent(5)[0], {
      timeout: 20_000,
    });
    assert.match(reply.text!, /Здравствуйте, Ева!/);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    assert.equal(health.status, 200, await health.text());
    const metrics = parseMetrics(
      await (await fetch(`http://127.0.0.1:${port}/metrics`)).text(),
    );
    assert.equal(metrics.get("meeting_bot_updates_total"), 1);
  } finally {
    bot.kill("SIGTERM");
  }
  const { code, stderr } = await bot.output();
  assert.equal(code, 0, new TextDecoder().decode(stderr));
  // It wrote only inside data/ (the database and its WAL files).
  const written = [...Deno.readDirSync(dir)].map((e) => e.name).sort();
  assert.deepEqual(written, ["config.yaml", "data"]);
});
