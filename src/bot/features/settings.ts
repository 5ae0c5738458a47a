/**
 * `/settings`: one message, edited in place, where a person picks their time zone (a
 * button of the short list, or a city, zone name or UTC offset typed next), turns each
 * message on or off, and pauses for 1, 2 or 4 weeks or until a date they type, or ends
 * the pause. A press the bot never offered (forged data), a zone it does not know, or a
 * date in the past or more than a year ahead gets a short answer and changes nothing.
 *
 * What the screens offer to type is taken from the next text message within
 * {@linkcode PROMPT_MS} of the press that asked; anything else goes on to the comment
 * after a rating and to the host, as before.
 *
 * @module
 */
import { Composer, GrammyError } from "grammy";
import type { BotContext } from "../language.ts";
import { inLanguage } from "../../config/language.ts";
import { renderText } from "../../config/language.ts";
import { describeError } from "../../core/errors.ts";
import type { User } from "../../db/users.ts";
import { parsePauseDate } from "../../domain/choices.ts";
import { localParts } from "../../domain/time.ts";
import { parseZone } from "../../domain/zones.ts";
import { dateValues, meetingValues } from "../../messages/build.ts";
import {
  parseSettingsData,
  type Screen,
  type SettingsAction,
  settingsMessage,
  settingsView,
  zoneName,
} from "../../messages/settings.ts";
import { userZone } from "../../messages/zone.ts";
import {
  endPause,
  pauseForWeeks,
  type PauseOutcome,
  pauseUntil,
  setMessage,
  setZone,
} from "../../usecases/settings.ts";
import { weekById } from "../../usecases/weeks.ts";
import type { FeatureDeps } from "../context.ts";
import { answerQuery, editOrIgnore } from "../edit.ts";

/** How long a screen's offer to type a zone or a date holds. */
export const PROMPT_MS = 15 * 60_000;

/** The settings feature: the command, its buttons, and what its screens ask to type. */
export function settingsFeature(deps: FeatureDeps): Composer<BotContext> {
  const { store, log, now } = deps;
  const feature = new Composer<BotContext>();

  /** The settings message on `screen` for `tgId`, as they stand now. */
  const screenFor = (tgId: number, screen: Screen) => {
    const user = store.users.byTgId(tgId)!;
    return settingsMessage(inLanguage(deps.config, user.language), {
      view: settingsView(deps, { user, now: now() }),
      screen,
    });
  };

  feature.command("settings", async (ctx) => {
    const { config } = ctx;
    const user = store.users.byTgId(ctx.from!.id);
    if (user === undefined) {
      await ctx.reply(config.texts.not_subscribed);
      return;
    }
    await store.write(() => store.settings.forget(user.id));
    const message = screenFor(user.tg_id, "main");
    await ctx.reply(message.text, { reply_markup: message.reply_markup });
  });

  feature.callbackQuery(/^set:/, async (ctx) => {
    const { config } = ctx;
    const action = parseSettingsData(config, ctx.callbackQuery.data);
    const user = store.users.byTgId(ctx.from.id);
    if (action === undefined || user === undefined) {
      log.warn("settings.refused", {
        user: ctx.from.id,
        data: ctx.callbackQuery.data,
      });
      const text = user === undefined
        ? config.texts.not_subscribed
        : config.texts.bad_button;
      await answerQuery(ctx, { text, log });
      return;
    }
    const messageId = ctx.callbackQuery.message?.message_id;
    const screen = await store.write(() => apply(user, action, messageId));
    deps.kick();
    log.info("settings.changed", { user: user.tg_id, action: action.kind });
    const message = screenFor(user.tg_id, screen);
    await editOrIgnore(ctx, {
      text: message.text,
      replyMarkup: message.reply_markup,
      log,
    });
    await answerQuery(ctx, {
      text: action.kind === "screen" ? undefined : config.texts.settings_saved,
      log,
    });
  });

  /** Applies a press inside a write; the screen to show next. */
  function apply(
    user: User,
    action: SettingsAction,
    messageId: number | undefined,
  ): Screen {
    const at = { user, config: deps.config, now: now() };
    switch (action.kind) {
      case "screen":
        if (action.screen === "main") store.settings.forget(user.id);
        else {
          store.settings.ask(
            {
              userId: user.id,
              asks: action.screen === "zone" ? "timezone" : "pause",
              messageId,
            },
            now(),
          );
        }
        return action.screen;
      case "zone":
        setZone(store, { ...at, timezone: action.timezone });
        break;
      case "message":
        setMessage(store, { ...at, message: action.message, on: action.on });
        break;
      case "pause":
        pauseForWeeks(store, { ...at, weeks: action.weeks });
        break;
      case "unpause":
        endPause(store, at);
        break;
    }
    store.settings.forget(user.id);
    return "main";
  }

  feature.on("message:text", async (ctx, next) => {
    const text = ctx.message.text;
    if (text.startsWith("/") || ctx.message.reply_to_message !== undefined) {
      return next();
    }
    const user = store.users.byTgId(ctx.from.id);
    const asked = user && store.settings.asked(user.id);
    if (
      user === undefined || asked === undefined ||
      now().getTime() - asked.askedAt.getTime() > PROMPT_MS
    ) {
      return next();
    }
    const reply = asked.asks === "timezone"
      ? await typedZone(user, text)
      : await typedPause(user, text);
    // The settings message shows it first, then the answer says it.
    if (reply.done && asked.messageId !== null) {
      deps.kick();
      const message = screenFor(user.tg_id, "main");
      try {
        await ctx.api.editMessageText(
          ctx.chat.id,
          asked.messageId,
          message.text,
          { reply_markup: message.reply_markup },
        );
      } catch (error) {
        if (!(error instanceof GrammyError)) throw error;
        log.debug("message.not_edited", { error: describeError(error) });
      }
    }
    await ctx.reply(reply.text);
  });

  /** A zone typed after the zone screen: saved, or a short answer and nothing changed. */
  async function typedZone(
    user: User,
    text: string,
  ): Promise<{ text: string; done: boolean }> {
    const config = inLanguage(deps.config, user.language);
    const timezone = parseZone(text);
    if (timezone === undefined) {
      log.info("settings.zone_unknown", { user: user.tg_id });
      return {
        text: renderText(config, "settings_zone_unknown", {
          text: text.slice(0, 64),
        }),
        done: false,
      };
    }
    await store.write(() => {
      setZone(store, { user, timezone, config, now: now() });
      store.settings.forget(user.id);
    });
    log.info("settings.changed", { user: user.tg_id, action: "zone" });
    const fresh = store.users.byTgId(user.tg_id)!;
    const zone = userZone(config, fresh);
    const view = settingsView(deps, { user: fresh, now: now() });
    return {
      text: renderText(config, "settings_zone_set", {
        ...meetingValues(config, { ...view.upcoming, zone }),
        zone: zoneName(zone, { at: now(), language: config.language }),
      }),
      done: true,
    };
  }

  /** The last day of a pause typed after the pause screen: set, or why not. */
  async function typedPause(
    user: User,
    text: string,
  ): Promise<{ text: string; done: boolean }> {
    const config = inLanguage(deps.config, user.language);
    const zone = userZone(config, user);
    const today = localParts(now(), zone.timezone);
    const last = parsePauseDate(text, today);
    if (last === undefined) {
      return {
        text: renderText(config, "settings_pause_bad_date", {
          text: text.slice(0, 64),
        }),
        done: false,
      };
    }
    const outcome: PauseOutcome = await store.write(() => {
      const outcome = pauseUntil(store, {
        user,
        last,
        timezone: zone.timezone,
        config,
        now: now(),
      });
      if (outcome.kind === "paused") store.settings.forget(user.id);
      return outcome;
    });
    log.info("settings.pause", { user: user.tg_id, outcome: outcome.kind });
    const texts = config.texts;
    const view = settingsView(deps, { user, now: now() });
    if (outcome.kind === "paused") {
      const week = weekById(store, { config, id: outcome.through })!;
      return {
        text: renderText(
          config,
          "settings_paused",
          meetingValues(config, { ...week, zone }),
        ),
        done: true,
      };
    }
    switch (outcome.reason) {
      case "past":
        return { text: texts.settings_pause_past, done: false };
      case "too_far": {
        const limit = Temporal.PlainDate.from(today).add({ years: 1 });
        const at = new Date(
          Date.UTC(limit.year, limit.month - 1, limit.day, 12),
        );
        return {
          text: renderText(config, "settings_pause_too_far", {
            ...dateValues({ timezone: "UTC", language: config.language }, {
              at,
              prefix: "limit_",
            }),
          }),
          done: false,
        };
      }
      case "no_meeting":
        return {
          text: renderText(
            config,
            "settings_pause_no_meeting",
            meetingValues(config, { ...view.upcoming, zone }),
          ),
          done: false,
        };
    }
  }

  return feature;
}
