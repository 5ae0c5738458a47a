/**
 * `/calendar`: the person's calendar subscription address (usecases/feed.ts), both
 * forms, with how to add it to Google, Apple and Outlook, and a button to change it
 * (after a confirmation: the old address then answers 404). Only for those who get the
 * invitations; without `http.public_url` there are no feeds, and it says so. A press
 * from someone who is no longer subscribed changes nothing.
 *
 * @module
 */
import { Composer } from "grammy";
import type { BotContext } from "../language.ts";
import { renderText } from "../../config/language.ts";
import { buttonRow } from "../../messages/build.ts";
import { userZone, zoneScheduleValues } from "../../messages/zone.ts";
import { type FeedAddress, subscribed } from "../../usecases/feed.ts";
import type { FeatureDeps } from "../context.ts";
import type { Config } from "../../config/schema.ts";
import { answerQuery, editOrIgnore } from "../edit.ts";

/** Button data of `/calendar`'s message. */
export const FEED_DATA = {
  reset: "feed:reset",
  resetYes: "feed:reset:yes",
  keep: "feed:keep",
} as const;

/** The calendar subscription feature. */
export function calendarFeature(deps: FeatureDeps): Composer<BotContext> {
  const { store, log, now, feeds } = deps;
  const feature = new Composer<BotContext>();

  /**
   * The address message for the person `tgId`, in their language (`config`): the
   * schedule in their zone, how to add it, and the button to change it.
   */
  const addressMessage = (
    config: Config,
    { address, tgId }: { address: FeedAddress; tgId: number },
  ) => ({
    text: renderText(config, "calendar_feed", {
      ...zoneScheduleValues(config, {
        now: now(),
        zone: userZone(config, store.users.byTgId(tgId)),
      }),
      https: address.https,
      webcal: address.webcal,
    }),
    replyMarkup: buttonRow([
      config.texts.button_calendar_reset,
      FEED_DATA.reset,
    ]),
  });

  /** Why there is no address for this person, if there is none. */
  const refusal = ({ texts }: Config, tgId: number) => {
    if (!feeds.enabled) return texts.calendar_feed_off;
    return subscribed(store.users.byTgId(tgId))
      ? undefined
      : texts.calendar_feed_not_subscribed;
  };

  feature.command("calendar", async (ctx) => {
    const address = feeds.enabled
      ? await feeds.address(ctx.from!.id)
      : undefined;
    if (address === undefined) {
      await ctx.reply(
        refusal(ctx.config, ctx.from!.id) ?? ctx.config.texts.calendar_feed_off,
      );
      return;
    }
    const message = addressMessage(ctx.config, { address, tgId: ctx.from!.id });
    await ctx.reply(message.text, {
      reply_markup: message.replyMarkup,
      link_preview_options: { is_disabled: true },
    });
  });

  feature.callbackQuery(FEED_DATA.reset, async (ctx) => {
    const refused = refusal(ctx.config, ctx.from.id);
    if (refused !== undefined) {
      await answerQuery(ctx, { text: refused, alert: true, log });
      return;
    }
    await editOrIgnore(ctx, {
      text: ctx.config.texts.calendar_feed_confirm,
      replyMarkup: {
        inline_keyboard: [
          [{
            text: ctx.config.texts.button_calendar_reset_yes,
            callback_data: FEED_DATA.resetYes,
          }],
          [{
            text: ctx.config.texts.button_calendar_reset_no,
            callback_data: FEED_DATA.keep,
          }],
        ],
      },
      log,
    });
    await answerQuery(ctx, { log });
  });

  for (const reset of [true, false]) {
    feature.callbackQuery(
      reset ? FEED_DATA.resetYes : FEED_DATA.keep,
      async (ctx) => {
        const address = feeds.enabled
          ? await feeds.address(ctx.from.id, { reset })
          : undefined;
        if (address === undefined) {
          const text = refusal(ctx.config, ctx.from.id) ??
            ctx.config.texts.calendar_feed_off;
          await answerQuery(ctx, { text, alert: true, log });
          return;
        }
        if (reset) log.info("feed.reset", { user: ctx.from.id });
        const message = addressMessage(ctx.config, {
          address,
          tgId: ctx.from.id,
        });
        const note = reset
          ? ctx.config.texts.calendar_feed_new
          : ctx.config.texts.calendar_feed_kept;
        await editOrIgnore(ctx, {
          text: reset ? `${note}\n\n${message.text}` : message.text,
          replyMarkup: message.replyMarkup,
          noPreview: true,
          log,
        });
        await answerQuery(ctx, { text: note, log });
      },
    );
  }

  return feature;
}
