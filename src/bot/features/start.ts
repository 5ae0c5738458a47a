/**
 * `/start` signs a participant up; the "Да" / "Нет" buttons set whether invitations come.
 * A latecomer, after this week's invitation went out, gets it at once. Someone who asked
 * for invitations before is not asked again: one welcome, then the invitation if one is
 * open.
 *
 * @module
 */
import { Composer } from "grammy";
import type { BotContext } from "../language.ts";
import { renderText } from "../../config/language.ts";
import { greeting, REGISTER_DATA } from "../../messages/build.ts";
import { userZone, zoneScheduleValues } from "../../messages/zone.ts";
import { setRegistration, startUser } from "../../usecases/users.ts";
import type { FeatureDeps } from "../context.ts";
import { answerQuery, editOrIgnore } from "../edit.ts";

/** The sign-up feature. */
export function startFeature(deps: FeatureDeps): Composer<BotContext> {
  const { config, store, log, now } = deps;
  const feature = new Composer<BotContext>();

  feature.command("start", async (ctx) => {
    const from = ctx.from!;
    const name = from.first_name;
    const { user, kind } = await store.write(() =>
      startUser(store, {
        profile: {
          tg_id: from.id,
          first_name: from.first_name,
          last_name: from.last_name,
          username: from.username,
          // Kept when they have one: a language chosen (or taken) before stays.
          language: ctx.config.language,
        },
        schedule: config,
        now: now(),
        welcome: { key: `start/${ctx.update.update_id}`, name },
      })
    );
    deps.kick();
    log.info("user.started", {
      user: from.id,
      registered: user.is_registered,
      kind,
    });
    // Whoever asked for invitations before is welcomed through the outbox, ahead of
    // the invitation it may bring; only the others are asked.
    if (kind !== "ask") return;
    const message = greeting(ctx.config, { name, now: now() });
    await ctx.reply(message.text, { reply_markup: message.reply_markup });
  });

  for (const register of [true, false]) {
    feature.callbackQuery(
      register ? REGISTER_DATA.yes : REGISTER_DATA.no,
      async (ctx) => {
        const known = await store.write(() =>
          setRegistration(store, {
            tgId: ctx.from.id,
            registered: register,
            schedule: config,
            now: now(),
          })
        );
        if (!known) {
          await answerQuery(ctx, {
            text: ctx.config.texts.not_subscribed,
            log,
          });
          return;
        }
        deps.kick();
        log.info("user.registered", {
          user: ctx.from.id,
          registered: register,
        });
        const zone = userZone(config, store.users.byTgId(ctx.from.id));
        const reply = register
          ? renderText(
            ctx.config,
            "registered_yes",
            zoneScheduleValues(ctx.config, { now: now(), zone }),
          )
          : ctx.config.texts.registered_no;
        await editOrIgnore(ctx, { text: reply, log });
        await answerQuery(ctx, { log });
      },
    );
  }

  return feature;
}
