/**
 * The rating buttons under the question after a meeting, and the comment that may come
 * next. A press is answered at once and shown in the question (through the outbox); a
 * press the bot cannot trust (forged data, another message's button, someone not asked,
 * a closed feedback) gets a short answer and records nothing. The next text message
 * after a first rating, while the feedback is open, is the comment: kept once, and
 * passed on to the admins through the relay.
 *
 * @module
 */
import { Composer } from "grammy";
import type { BotContext } from "../language.ts";
import { renderText } from "../../config/language.ts";
import { displayName } from "../../db/users.ts";
import { parseRatingData } from "../../messages/feedback.ts";
import {
  COMMENT_MAX_LENGTH,
  commentOnMeeting,
  rateMeeting,
} from "../../usecases/feedback.ts";
import type { FeatureDeps } from "../context.ts";
import { answerQuery } from "../edit.ts";

/** The feedback feature; register it before the relay, after the commands. */
export function feedbackFeature(deps: FeatureDeps): Composer<BotContext> {
  const { store, log, now } = deps;
  const feature = new Composer<BotContext>();

  feature.callbackQuery(/^fb:/, async (ctx) => {
    const { config } = ctx;
    const pressed = parseRatingData(ctx.callbackQuery.data);
    const outcome = pressed === undefined
      ? { kind: "invalid" as const }
      : await store.write(() =>
        rateMeeting({ store, config, now: now() }, {
          tgId: ctx.from.id,
          meetingId: pressed.meetingId,
          rating: pressed.rating,
          messageId: ctx.callbackQuery.message?.message_id,
        })
      );
    if (outcome.kind !== "recorded") {
      log.warn("feedback.refused", {
        user: ctx.from.id,
        data: ctx.callbackQuery.data,
        reason: outcome.kind,
      });
      const text = outcome.kind === "closed"
        ? config.texts.feedback_closed
        : outcome.kind === "not_invited"
        ? config.texts.feedback_not_invited
        : config.texts.bad_button;
      await answerQuery(ctx, { text, log });
      return;
    }
    log.info("feedback.rated", {
      user: outcome.user.tg_id,
      meeting: outcome.meeting.id,
      rating: outcome.rating,
      previous: outcome.previous,
    });
    deps.kick();
    await answerQuery(ctx, { text: config.texts.feedback_saved, log });
  });

  feature.chatType("private").on("message:text", async (ctx, next) => {
    const { config } = ctx;
    if (ctx.message.text.startsWith("/")) return next();
    if (ctx.message.reply_to_message !== undefined) return next();
    const user = store.users.byTgId(ctx.from.id);
    if (user === undefined) return next();
    const outcome = await store.write(() =>
      commentOnMeeting({ store, config, now: now() }, {
        user,
        text: ctx.message.text,
        messageId: ctx.message.message_id,
        header: (meeting, rating) => ({
          key: "feedback_comment_header",
          values: { name: displayName(user), id: user.tg_id, rating },
          meeting_id: meeting.id,
        }),
      })
    );
    if (outcome.kind === "none") return next();
    if (outcome.kind === "too_long") {
      log.info("feedback.comment_too_long", {
        user: user.tg_id,
        length: outcome.length,
      });
      await ctx.reply(
        renderText(config, "feedback_comment_too_long", {
          length: outcome.length,
          max: COMMENT_MAX_LENGTH,
        }),
      );
      return;
    }
    log.info("feedback.commented", {
      user: user.tg_id,
      meeting: outcome.meeting.id,
      relayed: outcome.relayed,
    });
    if (outcome.relayed) deps.kick();
    await ctx.reply(
      config.texts[
        outcome.relayed ? "feedback_comment_saved" : "feedback_comment_kept"
      ],
    );
  });

  return feature;
}
