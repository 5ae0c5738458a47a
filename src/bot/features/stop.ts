/**
 * `/stop` unsubscribes: nothing more is sent until the next `/start`.
 *
 * @module
 */
import { Composer } from "grammy";
import type { BotContext } from "../language.ts";
import type { FeatureDeps } from "../context.ts";

/** The unsubscribe feature. */
export function stopFeature(deps: FeatureDeps): Composer<BotContext> {
  const { store, log, now } = deps;
  const feature = new Composer<BotContext>();
  feature.command("stop", async (ctx) => {
    const { config } = ctx;
    const known = await store.write(() =>
      store.users.deactivate(ctx.from!.id, now())
    );
    if (known) log.info("user.stopped", { user: ctx.from!.id });
    await ctx.reply(known ? config.texts.stopped : config.texts.not_subscribed);
  });
  return feature;
}
