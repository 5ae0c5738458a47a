/**
 * Participants write to the host: a text, photo, voice message or document from a
 * participant reaches every admin, with who wrote it, and the participant is told it
 * was passed on. An admin's reply (Telegram's reply) to it goes back to the participant.
 * One participant may have `forwarding.per_hour` messages passed on an hour; beyond,
 * they are told once. With `forwarding.enabled: false` the fallback answers instead.
 *
 * @module
 */
import { Composer, type Context } from "grammy";
import { render } from "../../config/texts.ts";
import { displayName } from "../../reports.ts";
import { relayToAdmins, replyToParticipant } from "../../usecases/relays.ts";
import type { FeatureDeps } from "../context.ts";

const HOUR_MS = 3_600_000;

/** The relay feature; register it after the commands and before the fallback. */
export function relayFeature(
  deps: FeatureDeps & { clock?: () => number },
): Composer<Context> {
  const { config, store, log, now } = deps;
  const clock = deps.clock ?? (() => performance.now());
  const feature = new Composer<Context>();
  if (!config.forwarding.enabled || config.admins.length === 0) return feature;
  /** Relay times per participant in the last hour, and whether they were told. */
  const recent = new Map<number, { times: number[]; told: boolean }>();

  const isAdmin = (ctx: Context) =>
    ctx.from !== undefined && config.admins.includes(ctx.from.id);
  const isCommand = (ctx: Context) =>
    ctx.message?.text?.startsWith("/") ?? false;

  const admins = feature.chatType("private").filter(isAdmin);
  admins.on("message", async (ctx, next) => {
    const replyTo = ctx.message.reply_to_message;
    if (replyTo === undefined || isCommand(ctx)) return next();
    const user = await store.write(() =>
      replyToParticipant(store, {
        adminChatId: ctx.chat.id,
        replyTo: replyTo.message_id,
        messageId: ctx.message.message_id,
        now: now(),
      })
    );
    if (user === undefined) {
      await ctx.reply(config.texts.relay_unknown_reply);
      return;
    }
    deps.kick();
    log.info("relay.answered", { admin: ctx.from.id, user: user.tg_id });
    await ctx.reply(
      render(config.texts.relay_answered, { name: displayName(user) }),
    );
  });

  const participants = feature.chatType("private").filter((ctx) =>
    !isAdmin(ctx)
  );
  participants.on(
    ["message:text", "message:photo", "message:voice", "message:document"],
    async (ctx, next) => {
      if (isCommand(ctx)) return next();
      const user = store.users.byTgId(ctx.from.id);
      if (user === undefined) return next();
      const at = clock();
      const window = recent.get(user.tg_id) ?? { times: [], told: false };
      window.times = window.times.filter((t) => at - t < HOUR_MS);
      if (window.times.length >= config.forwarding.per_hour) {
        recent.set(user.tg_id, window);
        log.warn("relay.limited", { user: user.tg_id });
        if (!window.told) {
          window.told = true;
          await ctx.reply(config.texts.relay_limited);
        }
        return;
      }
      window.times.push(at);
      window.told = false;
      recent.set(user.tg_id, window);
      await store.write(() =>
        relayToAdmins(store, {
          user,
          messageId: ctx.message.message_id,
          admins: config.admins,
          header: render(config.texts.relay_header, {
            name: displayName(user),
            id: user.tg_id,
          }),
          now: now(),
        })
      );
      deps.kick();
      log.info("relay.passed", { user: user.tg_id });
      await ctx.reply(config.texts.relay_done);
    },
  );
  return feature;
}
