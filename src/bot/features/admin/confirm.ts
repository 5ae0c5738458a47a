/**
 * Confirmations of the admin commands that tell people something: the action is saved
 * as a draft with Yes/No buttons; once confirmed it is applied, with what it owes
 * people, in the same transaction that closes the draft, so a double press or a
 * restart between the two can neither apply it twice nor lose it.
 *
 * @module
 */
import type { Composer, Context } from "grammy";
import { render } from "../../../config/texts.ts";
import { meetingValues, zoneLabel } from "../../../messages/build.ts";
import {
  cancelMeeting,
  changeLink,
  moveMeeting,
} from "../../../usecases/meetings.ts";
import { type Week, weekById } from "../../../usecases/weeks.ts";
import type { FeatureDeps } from "../../context.ts";
import { answerQuery, editOrIgnore } from "../../edit.ts";
import { confirmKeyboard } from "./reply.ts";

/** An action waiting for its confirmation. */
export type Action =
  | { kind: "skip"; meetingId: string }
  | { kind: "move"; meetingId: string; to: string }
  | { kind: "link"; meetingId: string; link: string };

/** Asks the admin to confirm `question`, saving `action` as a draft. */
export type Propose = (
  ctx: Context,
  action: Action,
  question: string,
) => Promise<void>;

/** The function that saves an action as a draft and asks for its confirmation. */
export function proposer(deps: FeatureDeps): Propose {
  const { config, store, log, now } = deps;
  return async (ctx, action, question) => {
    const id = await store.write(() =>
      store.drafts.create(
        { kind: action.kind, payload: action, createdBy: ctx.from!.id },
        now(),
      )
    );
    const keyboard = confirmKeyboard(config, id);
    if (ctx.callbackQuery !== undefined) {
      await editOrIgnore(ctx, { text: question, replyMarkup: keyboard, log });
    } else {
      await ctx.reply(question, { reply_markup: keyboard });
    }
  };
}

/** The handler of the Yes/No buttons under a draft; `feature` lets only admins through. */
export function confirmations(
  feature: Composer<Context>,
  deps: FeatureDeps,
): void {
  const { config, store, log, now } = deps;
  const values = (week: Week) => meetingValues(config, week);

  feature.callbackQuery(/^act:(\d+):(yes|no)$/, async (ctx) => {
    const id = Number(ctx.match[1]);
    const confirmed = ctx.match[2] === "yes";
    const result = await store.write(() => {
      const draft = store.drafts.close<Action>(id, {
        status: confirmed ? "done" : "cancelled",
        now: now(),
      });
      if (draft === undefined || !confirmed) return { draft, reply: undefined };
      return { draft, reply: apply(draft.payload) };
    });
    if (result.draft === undefined) {
      await answerQuery(ctx, { text: config.texts.bad_button, log });
      return;
    }
    await answerQuery(ctx, { log });
    if (result.reply === undefined) {
      await editOrIgnore(ctx, { text: config.texts.admin_action_aborted, log });
      return;
    }
    log.info("meeting.changed", {
      change: result.draft.kind,
      meeting: result.draft.payload.meetingId,
      admin: ctx.from.id,
    });
    deps.kick();
    await deps.tick(); // a moved meeting's reminders are planned anew
    await editOrIgnore(ctx, { text: result.reply, log });
  });

  /** Applies a confirmed action (inside the confirming transaction); the reply to show. */
  function apply(action: Action): string {
    const week = weekById(store, { config, id: action.meetingId })!;
    const date = values(week).date;
    switch (action.kind) {
      case "skip": {
        const outcome = cancelMeeting(store, { week, now: now() });
        return outcome.changed
          ? render(config.texts.admin_skipped, {
            date,
            notified: outcome.notified,
          })
          : render(config.texts.admin_already_skipped, { date });
      }
      case "link": {
        const outcome = changeLink(store, {
          week,
          link: action.link,
          now: now(),
        });
        return render(config.texts.admin_link_changed, {
          date,
          link: action.link,
          notified: outcome.notified,
        });
      }
      case "move": {
        const to = new Date(action.to);
        const outcome = moveMeeting(store, { week, to, now: now() });
        const target = values({ ...week, startsAt: to });
        return render(config.texts.admin_moved, {
          date,
          new_date: target.date,
          new_time: target.time,
          tz: zoneLabel(config, to),
          notified: outcome.notified,
        });
      }
    }
  }
}
