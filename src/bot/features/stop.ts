/**
 * `/stop` unsubscribes: nothing more is sent until the next `/start`.
 *
 * @module
 */
import { Composer, type Context } from "grammy";
import type { FeatureDeps } from "../context.ts";

/** The unsubscribe feature. */
export function stopFeature(deps: FeatureDeps): Composer<Context> {
  const { config, store, log, now } = deps;
  const feature = new Composer();
  feature.command("stop", async (ctx) => {
    const known = await store.write(() =>
      store.users.deactivate(ctx.from!.id, now())
    );
    if (known) log.info("user.stopped", { user: ctx.from!.id });
    await ctx.reply(known ? config.texts.stopped : config.texts.not_subscribed);
  });
  return feature;
}
