/**
 * The invitation's "Да, буду" / "Нет, не смогу" buttons, and "Выйти из листа ожидания":
 * record the answer for that meeting; what it owes (the edit that shows it, the calendar
 * file after a seat, what a freed seat owes the next on the waitlist) is enqueued with it
 * and delivered by the sender, also after a crash. The pop-up says where a "yes" stands:
 * saved with a seat, or the place on the waitlist. Someone who unsubscribed is told so,
 * and how to come back, and nothing is recorded. A press once the meeting has begun is
 * told it has begun, or, once it is over, that it is past.
 *
 * @module
 */
import { Composer } from "grammy";
import type { BotContext } from "../language.ts";
import type { Config } from "../../config/schema.ts";
import { renderText } from "../../config/language.ts";
import { meetingEnd } from "../../domain/meeting.ts";
import { meetingValues, parseButtonData } from "../../messages/build.ts";
import { userZone } from "../../messages/zone.ts";
import { type AnswerOutcome, recordAnswer } from "../../usecases/answers.ts";
import type { FeatureDeps } from "../context.ts";
import { answerQuery } from "../edit.ts";

/** The answer feature. */
export function answersFeature(deps: FeatureDeps): Composer<BotContext> {
  const { store, log, now } = deps;
  const feature = new Composer<BotContext>();

  feature.callbackQuery(/^rsvp:/, async (ctx) => {
    const { config } = ctx;
    const action = parseButtonData(ctx.callbackQuery.data);
    const outcome = action?.kind !== "answer"
      ? { kind: "invalid" as const }
      : await store.write(() =>
        recordAnswer({ store, schedule: config, now: now() }, {
          tgId: ctx.from.id,
          meetingId: action.meetingId,
          answer: action.answer,
          leave: action.leave,
          messageId: ctx.callbackQuery.message?.message_id,
        })
      );
    if (outcome.kind === "invalid") {
      log.warn("button.invalid", {
        user: ctx.from.id,
        data: ctx.callbackQuery.data,
      });
      await answerQuery(ctx, { text: config.texts.bad_button, log });
      return;
    }
    const { user } = outcome;
    // Its date and time in the person's own zone.
    const meeting = { ...outcome.meeting, zone: userZone(config, user) };
    if (outcome.kind === "unsubscribed") {
      log.info("answer.unsubscribed", {
        user: user.tg_id,
        meeting: meeting.id,
      });
      await answerQuery(ctx, {
        text: config.texts.answer_unsubscribed,
        alert: true,
        log,
      });
      return;
    }
    if (outcome.kind === "cancelled") {
      log.info("answer.cancelled_meeting", {
        user: user.tg_id,
        meeting: meeting.id,
      });
      await answerQuery(ctx, {
        text: renderText(
          config,
          "answer_cancelled",
          meetingValues(config, meeting),
        ),
        log,
      });
      return;
    }
    if (outcome.kind === "early") {
      log.warn("answer.too_early", { user: user.tg_id, meeting: meeting.id });
      await answerQuery(ctx, { text: config.texts.answer_too_early, log });
      return;
    }
    if (outcome.kind === "closed") {
      const over =
        now() >= meetingEnd(meeting, config.meeting.duration_minutes);
      log.info("answer.expired", {
        user: user.tg_id,
        meeting: meeting.id,
        over,
      });
      await answerQuery(ctx, {
        text: renderText(
          config,
          over ? "answer_expired" : "answer_started",
          meetingValues(config, meeting),
        ),
        log,
      });
      return;
    }
    const { standing } = outcome;
    log.info("answer.recorded", {
      user: user.tg_id,
      meeting: meeting.id,
      answer: outcome.answer,
      previous: outcome.previous,
      seat: standing?.seat,
      place: standing?.seat === "waitlist" ? standing.place : undefined,
      left: outcome.left || undefined,
    });
    deps.kick();
    await answerQuery(ctx, {
      text: answerToast(
        config,
        outcome,
        action?.kind === "answer" && action.leave === true,
      ),
      log,
    });
  });

  return feature;
}

/** The pop-up after a recorded press: saved, the place on the waitlist, or left it. */
function answerToast(
  config: Config,
  { standing }: Extract<AnswerOutcome, { kind: "recorded" }>,
  leave = false,
): string {
  const { texts } = config;
  if (leave) {
    return standing?.seat === "seat"
      ? texts.answer_seat_kept
      : texts.answer_left_waitlist;
  }
  return standing?.seat === "waitlist"
    ? renderText(config, "answer_waitlisted_toast", { place: standing.place })
    : texts.answer_saved;
}
