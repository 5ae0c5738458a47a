/**
 * `/stop` unsubscribes: nothing more is sent until the next `/start`, and a seat held
 * for a meeting ahead goes to the first on its waitlist.
 *
 * @module
 */
import { Composer, type Context } from "grammy";
import { stopUser } from "../../usecases/users.ts";
import type { FeatureDeps } from "../context.ts";

/** The unsubscribe feature. */
export function stopFeature(deps: FeatureDeps): Composer<Context> {
  const { config, store, log, now } = deps;
  const feature = new Composer();
  feature.command("stop", async (ctx) => {
    const known = await store.write(() =>
      stopUser(store, { tgId: ctx.from!.id, schedule: config, now: now() })
    );
    deps.kick(); // a freed seat's next holder is told
    if (known) log.info("user.stopped", { user: ctx.from!.id });
    await ctx.reply(known ? config.texts.stopped : config.texts.not_subscribed);
  });
  return feature;
}
