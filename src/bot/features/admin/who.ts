/**
 * `/who` and the reminder under it: who is coming, who is not, who has not answered;
 * while someone invited has neither answered nor been reminded this week, a button
 * "Напомнить тем, кто не ответил" asks, with the count, whether to remind them now,
 * and on "Напомнить" owes them the nudge (usecases/nudge.ts: the weekly job's own
 * rows, so nobody gets it twice). The confirmation holds no state: its buttons name the
 * meeting, and a second press finds everyone already reminded.
 *
 * @module
 */
import { type Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../language.ts";
import { renderText } from "../../../config/language.ts";
import { meetingValues } from "../../../messages/build.ts";
import { whoReport } from "../../../reports.ts";
import { nudgeCount, nudgeNow, nudgeOpen } from "../../../usecases/nudge.ts";
import { upcomingWeek, weekById } from "../../../usecases/weeks.ts";
import type { FeatureDeps } from "../../context.ts";
import { answerQuery, editOrIgnore } from "../../edit.ts";
import { replyLong } from "./reply.ts";

/** The button under `/who`: `nudge:<meeting>`. */
const ASK = /^nudge:(\d{4}-\d{2}-\d{2})$/;
/** The confirmation's buttons: `nudge:<meeting>:yes` and `nudge:<meeting>:no`. */
const CONFIRM = /^nudge:(\d{4}-\d{2}-\d{2}):(yes|no)$/;

/** `/who` and its reminder button; `feature` lets only admins through. */
export function whoCommands(
  feature: Composer<BotContext>,
  deps: FeatureDeps,
): void {
  const { store, log, now } = deps;

  feature.command("who", async (ctx) => {
    const { config } = ctx;
    const meeting = upcomingWeek(store, { config, now: now() });
    const text = whoReport(config, { source: store, now: now() });
    const remind = nudgeOpen(meeting, now()) &&
      nudgeCount(store, meeting.id) > 0;
    await replyLong(ctx, text, {
      keyboard: remind
        ? new InlineKeyboard().text(
          config.texts.button_who_nudge,
          `nudge:${meeting.id}`,
        )
        : undefined,
    });
  });

  feature.callbackQuery(ASK, async (ctx) => {
    const { config } = ctx;
    const meeting = weekById(store, { config, id: ctx.match[1]! });
    await answerQuery(ctx, { log });
    if (meeting === undefined) return;
    const values = meetingValues(config, meeting);
    if (!nudgeOpen(meeting, now())) {
      await ctx.reply(renderText(config, "admin_nudge_closed", values));
      return;
    }
    const people = nudgeCount(store, meeting.id);
    if (people === 0) {
      await ctx.reply(config.texts.admin_nudge_nobody);
      return;
    }
    await ctx.reply(
      renderText(config, "admin_nudge_confirm", { ...values, people }),
      {
        reply_markup: new InlineKeyboard()
          .text(config.texts.button_nudge_send, `nudge:${meeting.id}:yes`)
          .text(config.texts.button_nudge_cancel, `nudge:${meeting.id}:no`),
      },
    );
  });

  feature.callbackQuery(CONFIRM, async (ctx) => {
    const { config } = ctx;
    const meeting = weekById(store, { config, id: ctx.match[1]! });
    if (meeting === undefined || ctx.match[2] !== "yes") {
      await answerQuery(ctx, { log });
      await editOrIgnore(ctx, { text: config.texts.admin_nudge_aborted, log });
      return;
    }
    const outcome = await store.write(() =>
      nudgeNow(store, { meeting, now: now() })
    );
    await answerQuery(ctx, { log });
    const values = meetingValues(config, meeting);
    if (outcome.kind === "closed") {
      await editOrIgnore(ctx, {
        text: renderText(config, "admin_nudge_closed", values),
        log,
      });
      return;
    }
    log.info("nudge.sent", {
      meeting: meeting.id,
      admin: ctx.from.id,
      added: outcome.added,
    });
    if (outcome.added === 0) {
      await editOrIgnore(ctx, { text: config.texts.admin_nudge_nobody, log });
      return;
    }
    deps.kick();
    await editOrIgnore(ctx, {
      text: renderText(config, "admin_nudge_sending", {
        ...values,
        notified: outcome.added,
      }),
      log,
    });
  });
}
