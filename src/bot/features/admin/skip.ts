/**
 * `/skip` (one of the meetings ahead that it offers, by date or by button; a reason may
 * follow the date) and `/unskip`. Both tell people and so ask for a confirmation. A date
 * that names no meeting it offers is answered with what is wrong with it.
 *
 * @module
 */
import { type Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../language.ts";
import { renderText } from "../../../config/language.ts";
import {
  isoLocalDate,
  localParts,
  parseWallTime,
} from "../../../domain/time.ts";
import { checkReason, splitSkipArgument } from "../../../domain/week_input.ts";
import { dayValues, meetingValues } from "../../../messages/build.ts";
import {
  checkSkip,
  checkUnskip,
  offeredWeeks,
} from "../../../usecases/proposals.ts";
import { toldOf } from "../../../usecases/meetings.ts";
import { type Week, weekById } from "../../../usecases/weeks.ts";
import type { Config } from "../../../config/schema.ts";
import type { FeatureDeps } from "../../context.ts";
import { answerQuery } from "../../edit.ts";
import { proposer, reasonValues } from "./confirm.ts";
import { reasonProblemText, refusalText } from "./refusals.ts";

/** `/skip` and `/unskip`; `feature` lets only admins through. */
export function skipCommands(
  feature: Composer<BotContext>,
  deps: FeatureDeps,
): void {
  const { store, log, now } = deps;
  const argument = (ctx: BotContext) =>
    (typeof ctx.match === "string" ? ctx.match : "").trim();
  const propose = proposer(deps);

  function proposeSkip(ctx: BotContext, week: Week, reason = "") {
    const { config } = ctx;
    const people = store.outbox.countAudience(toldOf("cancel", week.id));
    return propose(
      ctx,
      {
        kind: "skip",
        meetingId: week.id,
        sequence: week.sequence,
        ...(reason === "" ? {} : { reason }),
      },
      renderText(config, "admin_skip_confirm", {
        ...meetingValues(config, week),
        people,
        ...reasonValues(config, reason),
      }),
    );
  }

  feature.command("skip", async (ctx) => {
    const { config } = ctx;
    const { when: chosen, reason } = splitSkipArgument(argument(ctx));
    const offered = offeredWeeks(store, { config, now: now() });
    if (chosen !== "") {
      const problem = skipDateProblem(config, { text: chosen, offered });
      if (problem !== undefined) {
        await ctx.reply(problem);
        return;
      }
      const tooLong = checkReason(reason);
      if (tooLong !== undefined) {
        await ctx.reply(reasonProblemText(config, tooLong));
        return;
      }
      const day = localDay(chosen)!;
      const week = offered.find((w) =>
        w.id === day || isoLocalDate(w.startsAt, config.timezone) === day
      )!;
      if (week.cancelled) {
        await ctx.reply(
          renderText(
            config,
            "admin_already_skipped",
            meetingValues(config, week),
          ),
        );
      } else {
        await proposeSkip(ctx, week, reason);
      }
      return;
    }
    const keyboard = new InlineKeyboard();
    for (const week of offered) {
      if (week.cancelled) continue;
      keyboard.text(meetingValues(config, week).date, `skipw:${week.id}`).row();
    }
    await ctx.reply(config.texts.admin_skip_choose, { reply_markup: keyboard });
  });

  /** The local date `/skip` was given, as `2026-11-25`, if it is a date. */
  function localDay(text: string): string | undefined {
    const timeZone = deps.config.timezone;
    const when = parseWallTime(`${text} 12:00`, { timeZone, around: now() });
    return when && isoLocalDate(when, timeZone);
  }

  /**
   * What is wrong with the date given to `/skip`, in the admin's language (`config`), or
   * nothing if it names an offered week.
   */
  function skipDateProblem(
    config: Config,
    { text, offered }: { text: string; offered: Week[] },
  ): string | undefined {
    const day = localDay(text);
    if (day === undefined) {
      return renderText(config, "admin_skip_bad_date", { text });
    }
    const named = (w: Week) =>
      w.id === day || isoLocalDate(w.startsAt, config.timezone) === day;
    if (offered.some(named)) return undefined;
    const shown = dayValues(config, {
      date: localParts(new Date(`${day}T12:00:00Z`), "UTC"),
    });
    if (day < isoLocalDate(now(), config.timezone)) {
      return renderText(config, "admin_skip_past", shown);
    }
    const week = weekById(store, { config, id: day });
    if (week !== undefined && week.startsAt <= now()) {
      return refusalText(config, { reason: "started", week });
    }
    const last = offered.at(-1)!;
    if (day > isoLocalDate(last.startsAt, config.timezone)) {
      return refusalText(config, { reason: "not_offered", last });
    }
    return renderText(config, "admin_skip_no_meeting", shown);
  }

  feature.callbackQuery(/^skipw:(\d{4}-\d{2}-\d{2})$/, async (ctx) => {
    const { config } = ctx;
    const week = weekById(store, { config, id: ctx.match[1]! });
    const refusal = week && checkSkip(store, { config, week, now: now() });
    if (week === undefined || refusal !== undefined) {
      await answerQuery(ctx, {
        text: refusal === undefined
          ? config.texts.bad_button
          : refusalText(config, refusal),
        log,
      });
      return;
    }
    await answerQuery(ctx, { log });
    await proposeSkip(ctx, week);
  });

  feature.command("unskip", async (ctx) => {
    const { config } = ctx;
    const cancelled = offeredWeeks(store, { config, now: now() })
      .filter((week) => week.cancelled);
    if (cancelled.length === 0) {
      await ctx.reply(config.texts.admin_nothing_to_unskip);
      return;
    }
    if (cancelled.length === 1) {
      await proposeUnskip(ctx, cancelled[0]!);
      return;
    }
    const keyboard = new InlineKeyboard();
    for (const week of cancelled) {
      keyboard.text(meetingValues(config, week).date, `unskipw:${week.id}`)
        .row();
    }
    await ctx.reply(config.texts.admin_unskip_choose, {
      reply_markup: keyboard,
    });
  });

  feature.callbackQuery(/^unskipw:(\d{4}-\d{2}-\d{2})$/, async (ctx) => {
    const { config } = ctx;
    const week = weekById(store, { config, id: ctx.match[1]! });
    const refusal = week && checkUnskip(store, { config, week, now: now() });
    if (week === undefined || refusal !== undefined) {
      await answerQuery(ctx, {
        text: refusal === undefined
          ? config.texts.bad_button
          : refusalText(config, refusal),
        log,
      });
      return;
    }
    await answerQuery(ctx, { log });
    await proposeUnskip(ctx, week);
  });

  /** Asks to confirm that `week` takes place after all: everyone it concerns is told. */
  function proposeUnskip(ctx: BotContext, week: Week) {
    const { config } = ctx;
    const people = store.outbox.countAudience(toldOf("restore", week.id));
    return propose(
      ctx,
      { kind: "unskip", meetingId: week.id, sequence: week.sequence },
      renderText(config, "admin_unskip_confirm", {
        ...meetingValues(config, week),
        people,
      }),
    );
  }
}
