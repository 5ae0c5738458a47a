/**
 * Confirmations of the admin commands that tell people something (`/skip`, `/unskip`,
 * `/move`, `/link`): the action is saved
 * as a draft with Yes/No buttons; once confirmed it is checked again and applied, with
 * what it owes people, in the same transaction that closes the draft, so a double press
 * or a restart between the two can neither apply it twice nor lose it. A draft lives
 * `DRAFT_LIFETIME_MINUTES` (see `usecases/proposals.ts`).
 *
 * @module
 */
import type { Composer } from "grammy";
import type { BotContext } from "../../language.ts";
import type { Config } from "../../../config/schema.ts";
import { renderText } from "../../../config/language.ts";
import { meetingValues, moveValues } from "../../../messages/build.ts";
import { capacityText } from "../../../messages/seat_messages.ts";
import {
  type Action,
  type Confirmation,
  confirmDraft,
} from "../../../usecases/proposals.ts";
import type { FeatureDeps } from "../../context.ts";
import { answerQuery, editOrIgnore } from "../../edit.ts";
import { refusalText } from "./refusals.ts";
import { confirmKeyboard } from "./reply.ts";

export type { Action } from "../../../usecases/proposals.ts";

/** Asks the admin to confirm `question`, saving `action` as a draft. */
export type Propose = (
  ctx: BotContext,
  action: Action,
  question: string,
) => Promise<void>;

/**
 * `{reason}` and `{reason_line}` of an admin's question: the reason typed after the
 * date, and `texts.admin_reason_line` with it (empty without one).
 */
export function reasonValues(
  config: Config,
  reason: string,
): Record<string, string> {
  return reason === "" ? { reason: "", reason_line: "" } : {
    reason,
    reason_line: renderText(config, "admin_reason_line", { reason }),
  };
}

/** The function that saves an action as a draft and asks for its confirmation. */
export function proposer(deps: FeatureDeps): Propose {
  const { store, log, now } = deps;
  return async (ctx, action, question) => {
    const id = await store.write(() =>
      store.drafts.create(
        { kind: action.kind, payload: action, createdBy: ctx.from!.id },
        now(),
      )
    );
    const keyboard = confirmKeyboard(ctx.config, id);
    if (ctx.callbackQuery !== undefined) {
      await editOrIgnore(ctx, { text: question, replyMarkup: keyboard, log });
    } else {
      await ctx.reply(question, { reply_markup: keyboard });
    }
  };
}

/** The handler of the Yes/No buttons under a draft; `feature` lets only admins through. */
export function confirmations(
  feature: Composer<BotContext>,
  deps: FeatureDeps,
): void {
  const { store, log, now } = deps;

  feature.callbackQuery(/^act:(\d+):(yes|no)$/, async (ctx) => {
    const { config } = ctx;
    const result = await store.write(() =>
      confirmDraft(store, {
        config,
        id: Number(ctx.match[1]),
        confirmed: ctx.match[2] === "yes",
        now: now(),
      })
    );
    if (result.kind === "invalid") {
      await answerQuery(ctx, { text: config.texts.bad_button, log });
      return;
    }
    await answerQuery(ctx, { log });
    if (result.kind === "aborted") {
      await editOrIgnore(ctx, { text: config.texts.admin_action_aborted, log });
      return;
    }
    if (result.kind === "refused") {
      log.info("meeting.change_refused", {
        change: result.action.kind,
        meeting: result.action.meetingId,
        reason: result.refusal.reason,
        admin: ctx.from.id,
      });
      await editOrIgnore(ctx, {
        text: refusalText(config, result.refusal),
        log,
      });
      return;
    }
    log.info("meeting.changed", {
      change: result.action.kind,
      meeting: result.action.meetingId,
      admin: ctx.from.id,
    });
    deps.kick();
    await deps.tick(); // a moved meeting's reminders are planned anew
    await editOrIgnore(ctx, { text: reply(config, result), log });
  });

  /** What the admin reads once the change is applied. */
  function reply(
    config: Config,
    { action, week, outcome }: Extract<Confirmation, { kind: "applied" }>,
  ): string {
    const values = meetingValues(config, week); // as it was before the change
    switch (action.kind) {
      case "skip":
        return renderText(config, "admin_skipped", {
          ...values,
          notified: outcome.notified,
        });
      case "unskip":
        return renderText(config, "admin_unskipped", {
          ...values,
          notified: outcome.notified,
        });
      case "link":
        return renderText(config, "admin_link_changed", {
          ...values,
          link: action.link,
          notified: outcome.notified,
        });
      case "capacity":
        return renderText(config, "admin_capacity_set", {
          ...values,
          limit: capacityText(config, action.capacity),
          promoted: outcome.notified,
        });
      case "move":
        return renderText(config, "admin_moved", {
          ...moveValues(config, {
            meeting: week,
            from: week.startsAt,
            to: new Date(action.to),
            date: "old",
          }),
          notified: outcome.notified,
        });
    }
  }
}
