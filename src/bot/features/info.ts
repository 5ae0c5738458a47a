/**
 * `/help` and `/status`: what the bot does (that a question reaches the host only when
 * it would; for an admin also how replies to participants and broadcasts work), and
 * where the participant stands: the upcoming meeting (or that it is cancelled), their
 * answer (or their place on the waitlist), the link once they hold a seat, and their
 * settings (zone, the messages they get, a pause); every time in their own zone.
 *
 * @module
 */
import { Composer } from "grammy";
import type { BotContext } from "../language.ts";
import { renderText } from "../../config/language.ts";
import { type TextKey } from "../../config/texts.ts";
import { relayReachesAdmins } from "../../config/warnings.ts";
import type { User } from "../../db/users.ts";
import { BROADCAST_MAX_LENGTH } from "../../domain/broadcast.ts";
import { meetingValues } from "../../messages/build.ts";
import { settingsView, statusSettingsLine } from "../../messages/settings.ts";
import { userZone, zoneScheduleValues } from "../../messages/zone.ts";
import { waitlistPlace } from "../../usecases/seats.ts";
import { upcomingWeek } from "../../usecases/weeks.ts";
import type { FeatureDeps } from "../context.ts";

/** The help and status feature. */
export function infoFeature(deps: FeatureDeps): Composer<BotContext> {
  const { store, now } = deps;
  const feature = new Composer<BotContext>();

  feature.command("help", (ctx) => {
    const { config } = ctx;
    // The relay line only when a message from this person would reach someone.
    const user = store.users.byTgId(ctx.from!.id);
    const relayed = relayReachesAdmins(config) && user !== undefined;
    const help = renderText(config, "help", {
      ...zoneScheduleValues(config, {
        now: now(),
        zone: userZone(config, user),
      }),
      relay_line: relayed ? config.texts.help_relay_line : "",
      calendar_line: deps.feeds.enabled ? config.texts.help_calendar_line : "",
    });
    if (!config.admins.includes(ctx.from!.id)) return ctx.reply(help);
    const forAdmins = renderText(config, "help_admin", {
      max: BROADCAST_MAX_LENGTH,
    });
    return ctx.reply(`${help}\n\n${forAdmins}`);
  });

  feature.command("status", async (ctx) => {
    const { config } = ctx;
    const user = store.users.byTgId(ctx.from!.id);
    const meeting = upcomingWeek(store, { config, now: now() });
    // In their own zone, with their settings (the messages they get, a pause).
    const zone = userZone(config, user);
    const values = meetingValues(config, { ...meeting, zone });
    const subscription = config.texts[subscriptionKey(user)];
    const settings_line = user === undefined ? "" : statusSettingsLine(
      config,
      settingsView(deps, { user, now: now() }),
    );
    if (meeting.cancelled) {
      await ctx.reply(
        renderText(config, "status_cancelled", {
          ...values,
          subscription,
          settings_line,
        }),
      );
      return;
    }
    const held = user && store.seats.held(meeting.id, user.id);
    const place = user &&
      waitlistPlace(store, { meetingId: meeting.id, userId: user.id });
    const seated = held?.seat === "seat";
    // Their own link (links.ts): the same one the reminders carry, once a seat is theirs.
    const link = user !== undefined && seated
      ? await deps.links.forMeeting(user.id, meeting)
      : meeting.link;
    await ctx.reply(
      renderText(config, "status", {
        ...values,
        link,
        subscription,
        settings_line,
        answer: place !== undefined
          ? renderText(config, "status_answer_waitlist", { place })
          : config.texts[
            seated
              ? "status_answer_yes"
              : held?.answer === "no"
              ? "status_answer_no"
              : "status_answer_none"
          ],
        link_line: seated
          ? renderText(config, "status_link_line", { link })
          : "",
      }),
      { link_preview_options: { is_disabled: true } },
    );
  });

  return feature;
}

function subscriptionKey(user: User | undefined): TextKey {
  if (user === undefined) return "status_unsubscribed";
  if (!user.is_active) return "status_inactive";
  return user.is_registered ? "status_subscribed" : "status_unsubscribed";
}
