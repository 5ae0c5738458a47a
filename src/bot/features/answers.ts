/**
 * The invitation's "Да, буду" / "Нет, не смогу" buttons: record the answer for that
 * meeting, show it in the message, and keep the buttons until the meeting starts.
 *
 * @module
 */
import { render } from "../../config/texts.ts";
import { Composer, type Context, InputFile } from "grammy";
import { describeError } from "../../core/errors.ts";
import type { MeetingSlot } from "../../domain/meeting.ts";
import { meetingIcs } from "../../domain/ics.ts";
import {
  answeredInvitation,
  meetingValues,
  parseButtonData,
} from "../../messages.ts";
import { recordAnswer } from "../../usecases/answers.ts";
import type { FeatureDeps } from "../context.ts";
import { editOrIgnore } from "../edit.ts";

/** The answer feature. */
export function answersFeature(deps: FeatureDeps): Composer<Context> {
  const { config, store, log, now } = deps;
  const feature = new Composer();
  /**
   * Sends the meeting's `.ics`. It is uploaded once per meeting; later answers reuse
   * Telegram's `file_id`, which spares a multipart upload on the busiest update.
   */
  const calendarFiles = new Map<string, string>();
  async function sendCalendar(ctx: Context, meeting: MeetingSlot) {
    const cached = calendarFiles.get(meeting.id);
    const file = cached ?? new InputFile(
      new TextEncoder().encode(meetingIcs({
        id: meeting.id,
        startsAt: meeting.startsAt,
        durationMinutes: config.meeting.duration_minutes,
        title: config.meeting.title,
        link: config.meeting.link,
        timeZone: config.timezone,
      }, { now: now() })),
      `meeting-${meeting.id}.ics`,
    );
    const caption = render(
      config.texts.calendar_caption,
      meetingValues(config, meeting),
    );
    try {
      const sent = await ctx.replyWithDocument(file, { caption });
      if (sent.document) calendarFiles.set(meeting.id, sent.document.file_id);
    } catch (error) {
      calendarFiles.delete(meeting.id); // a stale file_id: upload again next time
      throw error;
    }
  }

  feature.callbackQuery(/^rsvp:/, async (ctx) => {
    const action = parseButtonData(ctx.callbackQuery.data);
    const outcome = action?.kind === "answer"
      ? recordAnswer({ store, schedule: config, now: now() }, {
        tgId: ctx.from.id,
        meetingId: action.meetingId,
        answer: action.answer,
      })
      : { kind: "invalid" as const };
    if (outcome.kind === "invalid") {
      log.warn("button.invalid", {
        user: ctx.from.id,
        data: ctx.callbackQuery.data,
      });
      await ctx.answerCallbackQuery({ text: config.texts.bad_button });
      return;
    }
    const { user, meeting } = outcome;
    if (outcome.kind === "closed") {
      log.info("answer.expired", { user: user.tg_id, meeting: meeting.id });
      await ctx.answerCallbackQuery({ text: config.texts.answer_expired });
      return;
    }
    const { answer, previous } = outcome;
    log.info("answer.recorded", {
      user: user.tg_id,
      meeting: meeting.id,
      answer,
      previous,
    });
    if (previous !== answer) {
      const message = answeredInvitation(config, { meeting, answer });
      await editOrIgnore(ctx, {
        text: message.text,
        replyMarkup: message.reply_markup,
        log,
      });
    }
    await ctx.answerCallbackQuery({ text: config.texts.answer_saved });
    if (answer === "yes" && previous !== "yes") {
      // A calendar entry with the link; the answer is recorded even if this fails.
      await sendCalendar(ctx, meeting).catch((error) =>
        log.warn("calendar.not_sent", {
          user: user.tg_id,
          error: describeError(error),
        })
      );
    }
  });

  return feature;
}
