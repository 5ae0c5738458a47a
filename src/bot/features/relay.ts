/**
 * Participants write to the host: anything a participant writes (a text, photo, video,
 * voice or video note, audio, document, sticker, animation, location, contact, poll or
 * dice) reaches every admin, with who wrote it, and the participant is told it was
 * passed on. One participant may have `forwarding.per_hour` messages passed on an hour;
 * beyond, they are told once. With `forwarding.enabled: false` the fallback answers
 * instead.
 *
 * An admin's reply (Telegram's reply) to a relayed message goes back to the participant
 * under `texts.relay_answer_header`, as a reply to their question, even when it starts
 * with "/": a reply to a participant is meant for them, and a command is sent on its
 * own. The admin is told how it went once it settles.
 *
 * @module
 */
import { Composer, type Context } from "grammy";
import type { Message } from "grammy/types";
import { render } from "../../config/texts.ts";
import { relayReachesAdmins } from "../../config/warnings.ts";
import { displayName } from "../../reports.ts";
import {
  relayToAdmins,
  type ReplyContent,
  replyToParticipant,
} from "../../usecases/relays.ts";
import type { FeatureDeps } from "../context.ts";

/** What a participant may write that is passed on: anything but a service message. */
const RELAYED = [
  "message:text",
  "message:photo",
  "message:video",
  "message:video_note",
  "message:voice",
  "message:audio",
  "message:document",
  "message:sticker",
  "message:animation",
  "message:location",
  "message:contact",
  "message:poll",
  "message:dice",
] as const;

/** Messages whose caption can carry the header of an admin's reply. */
const CAPTIONED = [
  "photo",
  "video",
  "animation",
  "audio",
  "document",
  "voice",
] as const;

/** The text or caption of an admin's reply, which the participant gets with a header. */
function replyContent(message: Message): ReplyContent {
  if (message.text !== undefined) {
    return message.entities === undefined
      ? { text: message.text }
      : { text: message.text, entities: message.entities };
  }
  if (!CAPTIONED.some((kind) => message[kind] !== undefined)) return {};
  const caption = message.caption ?? "";
  return message.caption_entities === undefined
    ? { caption }
    : { caption, caption_entities: message.caption_entities };
}

/** Whether the forwarding is on, with someone to forward to. */
function relaying(deps: FeatureDeps): boolean {
  return relayReachesAdmins(deps.config);
}

function isAdmin(deps: FeatureDeps, ctx: Context): boolean {
  return ctx.from !== undefined && deps.config.admins.includes(ctx.from.id);
}

function isCommand(ctx: Context): boolean {
  return ctx.message?.text?.startsWith("/") ?? false;
}

/**
 * Admins' replies to relayed messages, passed on whatever they start with; register it
 * before every command, so that a reply starting with "/" is not run as one.
 */
export function relayRepliesFeature(deps: FeatureDeps): Composer<Context> {
  const { store, log, now } = deps;
  const feature = new Composer<Context>();
  if (!relaying(deps)) return feature;
  const admins = feature.chatType("private").filter((ctx) =>
    isAdmin(deps, ctx)
  );
  admins.on("message", async (ctx, next) => {
    const replyTo = ctx.message.reply_to_message;
    if (replyTo === undefined) return next();
    const user = await store.write(() =>
      replyToParticipant(store, {
        adminChatId: ctx.chat.id,
        replyTo: replyTo.message_id,
        messageId: ctx.message.message_id,
        content: replyContent(ctx.message),
        header: deps.config.texts.relay_answer_header,
        name: displayName,
        now: now(),
      })
    );
    if (user === undefined) return next();
    deps.kick();
    log.info("relay.answered", { admin: ctx.from.id, user: user.tg_id });
  });
  return feature;
}

/**
 * Participants' messages to the admins, and the answer to an admin's reply to something
 * that is not a relayed message; register it after the commands, before the fallback.
 */
export function relayFeature(deps: FeatureDeps): Composer<Context> {
  const { config, store, log, now } = deps;
  const feature = new Composer<Context>();
  if (!relaying(deps)) return feature;

  const admins = feature.chatType("private").filter((ctx) =>
    isAdmin(deps, ctx)
  );
  admins.on("message", async (ctx, next) => {
    if (ctx.message.reply_to_message === undefined || isCommand(ctx)) {
      return next();
    }
    await ctx.reply(config.texts.relay_unknown_reply);
  });

  const participants = feature.chatType("private").filter((ctx) =>
    !isAdmin(deps, ctx)
  );
  participants.on([...RELAYED], async (ctx, next) => {
    if (isCommand(ctx)) return next();
    const user = store.users.byTgId(ctx.from.id);
    if (user === undefined) return next();
    const verdict = await store.write(() =>
      relayToAdmins(store, {
        user,
        messageId: ctx.message.message_id,
        admins: config.admins,
        header: render(config.texts.relay_header, {
          name: displayName(user),
          id: user.tg_id,
        }),
        perHour: config.forwarding.per_hour,
        now: now(),
      })
    );
    if (verdict !== "passed") {
      log.warn("relay.limited", { user: user.tg_id });
      if (verdict === "limited") await ctx.reply(config.texts.relay_limited);
      return;
    }
    deps.kick();
    log.info("relay.passed", { user: user.tg_id });
    await ctx.reply(config.texts.relay_done);
  });
  return feature;
}
