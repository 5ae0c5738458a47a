/**
 * `/skip` (this week or any of the next ones, by date or by button) and `/unskip`.
 * Skipping tells people and so asks for a confirmation; restoring only gives back.
 *
 * @module
 */
import { type Composer, type Context, InlineKeyboard } from "grammy";
import { render } from "../../../config/texts.ts";
import { isoLocalDate, parseWallTime } from "../../../domain/time.ts";
import { meetingValues } from "../../../messages/build.ts";
import { restoreMeeting } from "../../../usecases/meetings.ts";
import { type Week, weekById, weeksAhead } from "../../../usecases/weeks.ts";
import type { FeatureDeps } from "../../context.ts";
import { answerQuery } from "../../edit.ts";
import { proposer } from "./confirm.ts";

/** Weeks ahead that `/skip` offers. */
const WEEKS_AHEAD = 6;

/** `/skip` and `/unskip`; `feature` lets only admins through. */
export function skipCommands(
  feature: Composer<Context>,
  deps: FeatureDeps,
): void {
  const { config, store, log, now } = deps;
  const values = (week: Week) => meetingValues(config, week);
  const argument = (ctx: Context) =>
    (typeof ctx.match === "string" ? ctx.match : "").trim();
  const propose = proposer(deps);

  function proposeSkip(ctx: Context, week: Week) {
    const people = store.outbox.countAudience({
      to: "concerned",
      meetingId: week.id,
    });
    const v = values(week);
    return propose(
      ctx,
      { kind: "skip", meetingId: week.id },
      render(config.texts.admin_skip_confirm, { ...v, people }),
    );
  }

  feature.command("skip", async (ctx) => {
    const chosen = argument(ctx);
    if (chosen !== "") {
      const when = parseWallTime(`${chosen} 12:00`, {
        timeZone: config.timezone,
        around: now(),
      });
      const day = when && isoLocalDate(when, config.timezone);
      const week = weeksAhead(store, { config, now: now(), count: WEEKS_AHEAD })
        .find((w) =>
          w.id === day || isoLocalDate(w.startsAt, config.timezone) === day
        );
      if (week === undefined) {
        await ctx.reply(config.texts.admin_skip_choose);
      } else if (week.cancelled) {
        await ctx.reply(
          render(config.texts.admin_already_skipped, {
            date: values(week).date,
          }),
        );
      } else {
        await proposeSkip(ctx, week);
      }
      return;
    }
    const keyboard = new InlineKeyboard();
    for (
      const week of weeksAhead(store, {
        config,
        now: now(),
        count: WEEKS_AHEAD,
      })
    ) {
      if (week.cancelled) continue;
      keyboard.text(values(week).date, `skipw:${week.id}`).row();
    }
    await ctx.reply(config.texts.admin_skip_choose, { reply_markup: keyboard });
  });

  feature.callbackQuery(/^skipw:(\d{4}-\d{2}-\d{2})$/, async (ctx) => {
    const week = weekById(store, { config, id: ctx.match[1]! });
    if (week === undefined || week.cancelled || week.startsAt <= now()) {
      await answerQuery(ctx, { text: config.texts.bad_button, log });
      return;
    }
    await answerQuery(ctx, { log });
    await proposeSkip(ctx, week);
  });

  feature.command("unskip", async (ctx) => {
    const cancelled = weeksAhead(store, {
      config,
      now: now(),
      count: WEEKS_AHEAD,
    }).filter((week) => week.cancelled);
    if (cancelled.length === 0) {
      await ctx.reply(config.texts.admin_nothing_to_unskip);
      return;
    }
    if (cancelled.length === 1) {
      await restore(ctx, cancelled[0]!);
      return;
    }
    const keyboard = new InlineKeyboard();
    for (const week of cancelled) {
      keyboard.text(values(week).date, `unskipw:${week.id}`).row();
    }
    await ctx.reply(config.texts.admin_unskip_choose, {
      reply_markup: keyboard,
    });
  });

  feature.callbackQuery(/^unskipw:(\d{4}-\d{2}-\d{2})$/, async (ctx) => {
    const week = weekById(store, { config, id: ctx.match[1]! });
    if (week === undefined || week.startsAt <= now()) {
      await answerQuery(ctx, { text: config.texts.bad_button, log });
      return;
    }
    await answerQuery(ctx, { log });
    await restore(ctx, week);
  });

  /** Restores `week`: nothing to confirm, it only gives back. */
  async function restore(ctx: Context, week: Week) {
    const outcome = await store.write(() =>
      restoreMeeting(store, { week, now: now() })
    );
    const date = values(week).date;
    if (!outcome.changed) {
      await ctx.reply(render(config.texts.admin_not_skipped, { date }));
      return;
    }
    log.info("meeting.restored", { meeting: week.id, admin: ctx.from!.id });
    await deps.tick(); // an invitation whose time passed goes out now
    await ctx.reply(
      render(config.texts.admin_unskipped, {
        date,
        notified: outcome.notified,
      }),
    );
  }
}
