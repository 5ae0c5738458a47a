/**
 * The public listener's address and port, in the shipped program under the compile
 * task's permissions: an address it may not listen on, or a port in use, stops `run`
 * (and `check`) with one line naming its own keys, exit 2, before Telegram is asked
 * anything.
 */
import assert from "node:assert/strict";
import { FakeBotApi } from "./fake_bot_api.ts";
import { configWith, FAST_SETTINGS, freePort } from "./support/bot_process.ts";
import { withPublicOn } from "./support/web.ts";
import { makeWorkdir, runMain } from "./process.ts";

Deno.test("run stops with one line and exit 2 when the public listener cannot listen, before asking Telegram anything", async (t) => {
  await using fake = await FakeBotApi.start();
  const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
  const workdir = (edit: (text: string) => string) =>
    makeWorkdir(configWith(FAST_SETTINGS, edit));
  const oneLine = (
    result: { code: number; stderr: string },
    line: RegExp,
  ) => {
    assert.equal(result.code, 2, result.stderr);
    assert.equal(result.stderr.split("\n").length, 2, result.stderr);
    assert.match(result.stderr, line);
  };
  await t.step(
    "an address the program may not listen on, in run and in check",
    async () => {
      await using temp = await workdir((text) =>
        withPublicOn({ local: freePort(), open: 8080 })(text).replace(
          "  public_port: 8080",
          "  public_port: 8080\n  public_hostname: 192.0.2.1",
        )
      );
      const line =
        /^error: Cannot listen on "192\.0\.2\.1:8080" \(http\.public_hostname, http\.public_port\): this program may listen only on 127\.0\.0\.1, localhost, 0\.0\.0\.0 \(all interfaces\): set http\.public_hostname to one of them\n$/;
      oneLine(await runMain(["run"], { cwd: temp.path, env }), line);
      oneLine(await runMain(["check"], { cwd: temp.path }), line);
    },
  );
  await t.step("a public port in use", async () => {
    using busy = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    const port = (busy.addr as Deno.NetAddr).port;
    await using temp = await workdir(
      withPublicOn({ local: freePort(), open: port }),
    );
    oneLine(
      await runMain(["run"], { cwd: temp.path, env }),
      /the port is in use by another program: choose another http\.public_port, or stop that program\n$/,
    );
  });
  assert.deepEqual(fake.requests.map((r) => r.method), []);
});
