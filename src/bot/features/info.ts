/**
 * `/help` and `/status`: what the bot does, and where the participant stands.
 *
 * @module
 */
import { render } from "../../config/texts.ts";
import { Composer, type Context } from "grammy";
import { upcomingMeeting } from "../../domain/meeting.ts";
import { meetingValues, scheduleValues } from "../../messages/build.ts";
import type { User } from "../../db/users.ts";
import type { TextKey } from "../../config/texts.ts";
import type { FeatureDeps } from "../context.ts";

/** The help and status feature. */
export function infoFeature(deps: FeatureDeps): Composer<Context> {
  const { config, store, now } = deps;
  const feature = new Composer();

  feature.command(
    "help",
    (ctx) => ctx.reply(render(config.texts.help, scheduleValues(config))),
  );

  feature.command("status", async (ctx) => {
    const user = store.users.byTgId(ctx.from!.id);
    const meeting = upcomingMeeting(config, now());
    const answer = user && store.answers.get(meeting.id, user.id);
    const values = meetingValues(config, meeting);
    await ctx.reply(render(config.texts.status, {
      subscription: config.texts[subscriptionKey(user)],
      answer: config.texts[answer ? ANSWER_KEYS[answer] : "status_answer_none"],
      date: values.date!,
      time: values.time!,
    }));
  });

  return feature;
}

const ANSWER_KEYS = {
  yes: "status_answer_yes",
  no: "status_answer_no",
} as const;

function subscriptionKey(user: User | undefined): TextKey {
  if (user === undefined) return "status_unsubscribed";
  if (!user.is_active) return "status_inactive";
  return user.is_registered ? "status_subscribed" : "status_unsubscribed";
}
