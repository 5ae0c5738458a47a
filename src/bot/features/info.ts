/** `/help` and `/status`: what the bot does, and where the participant stands. */
import { Composer, type Context } from "grammy";
import { upcomingMeeting } from "../../domain/meeting.ts";
import { meetingValues, scheduleValues, text } from "../../messages.ts";
import type { TextKey } from "../../texts.ts";
import type { FeatureDeps } from "../context.ts";

/** The help and status feature. */
export function infoFeature(deps: FeatureDeps): Composer<Context> {
  const { config, store, now } = deps;
  const feature = new Composer();

  feature.command(
    "help",
    (ctx) => ctx.reply(text(config, "help", scheduleValues(config))),
  );

  feature.command("status", async (ctx) => {
    const user = store.user(ctx.from!.id);
    const meeting = upcomingMeeting(config, now());
    const subscription: TextKey = user === undefined || !user.is_active
      ? (user === undefined ? "status_unsubscribed" : "status_inactive")
      : user.is_registered
      ? "status_subscribed"
      : "status_unsubscribed";
    const answer = user === undefined
      ? undefined
      : store.answer(meeting.id, user.id);
    const answerKey: TextKey = answer === "yes"
      ? "status_answer_yes"
      : answer === "no"
      ? "status_answer_no"
      : "status_answer_none";
    const values = meetingValues(config, meeting);
    await ctx.reply(text(config, "status", {
      subscription: config.texts[subscription],
      answer: config.texts[answerKey],
      date: values.date!,
      time: values.time!,
    }));
  });

  return feature;
}
