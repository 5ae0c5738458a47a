/**
 * `/start` signs a participant up; the "Да" / "Нет" buttons set whether invitations come.
 *
 * @module
 */
import { render } from "../../config/texts.ts";
import { Composer, type Context } from "grammy";
import {
  greeting,
  REGISTER_DATA,
  scheduleValues,
} from "../../messages/build.ts";
import type { FeatureDeps } from "../context.ts";
import { answerQuery, editOrIgnore } from "../edit.ts";

/** The sign-up feature. */
export function startFeature(deps: FeatureDeps): Composer<Context> {
  const { config, store, log, now } = deps;
  const feature = new Composer();

  feature.command("start", async (ctx) => {
    const from = ctx.from!;
    const user = await store.write(() =>
      store.users.start({
        tg_id: from.id,
        first_name: from.first_name,
        last_name: from.last_name,
        username: from.username,
      }, now())
    );
    log.info("user.started", { user: from.id, registered: user.is_registered });
    const message = greeting(config, from.first_name);
    await ctx.reply(message.text, { reply_markup: message.reply_markup });
  });

  for (const register of [true, false]) {
    feature.callbackQuery(
      register ? REGISTER_DATA.yes : REGISTER_DATA.no,
      async (ctx) => {
        const known = await store.write(() =>
          store.users.setRegistered(
            { tgId: ctx.from.id, registered: register },
            now(),
          )
        );
        if (!known) {
          await answerQuery(ctx, { text: config.texts.not_subscribed, log });
          return;
        }
        log.info("user.registered", {
          user: ctx.from.id,
          registered: register,
        });
        const reply = register
          ? render(config.texts.registered_yes, scheduleValues(config))
          : config.texts.registered_no;
        await editOrIgnore(ctx, { text: reply, log });
        await answerQuery(ctx, { log });
      },
    );
  }

  return feature;
}
