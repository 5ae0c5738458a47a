/**
 * The nearest meeting from Telegram: `/topic`, `/link` and `/move` (a reason may follow
 * the new time). What an admin types is checked first (a topic or a reason of bounded
 * length, a public link, a time within the weeks `/skip` offers that takes no other
 * meeting's time) and refused with the reason; a change that tells people something
 * asks for a confirmation (see `confirm.ts`). A topic is set at once: it only edits what
 * was sent, silently, and the answer says how many messages.
 *
 * @module
 */
import type { Composer } from "grammy";
import type { BotContext } from "../../language.ts";
import { renderText } from "../../../config/language.ts";
import { parseWallTime } from "../../../domain/time.ts";
import {
  checkLink,
  checkReason,
  checkTopic,
  splitMoveArgument,
} from "../../../domain/week_input.ts";
import { meetingValues, moveValues } from "../../../messages/build.ts";
import { setTopic, toldOf } from "../../../usecases/meetings.ts";
import { checkLinkChange, checkMove } from "../../../usecases/proposals.ts";
import { upcomingWeek } from "../../../usecases/weeks.ts";
import type { FeatureDeps } from "../../context.ts";
import { proposer, reasonValues } from "./confirm.ts";
import {
  linkProblemText,
  reasonProblemText,
  refusalText,
  topicProblemText,
} from "./refusals.ts";

/** `/topic`, `/link` and `/move`; `feature` lets only admins through. */
export function scheduleCommands(
  feature: Composer<BotContext>,
  deps: FeatureDeps,
): void {
  const { store, log, now } = deps;
  const upcoming = () =>
    upcomingWeek(store, { config: deps.config, now: now() });
  const argument = (ctx: BotContext) =>
    (typeof ctx.match === "string" ? ctx.match : "").trim();
  const propose = proposer(deps);

  feature.command("topic", async (ctx) => {
    const { config } = ctx;
    const topic = argument(ctx);
    if (topic === "") {
      await ctx.reply(config.texts.admin_topic_usage);
      return;
    }
    const problem = checkTopic(topic);
    if (problem !== undefined) {
      await ctx.reply(topicProblemText(config, problem));
      return;
    }
    const week = upcoming();
    const cleared = topic === "-";
    const edited = await store.write(() =>
      setTopic(store, { week, topic: cleared ? null : topic, now: now() })
    );
    log.info("meeting.topic", {
      meeting: week.id,
      topic: cleared ? "" : topic,
      edited,
    });
    if (edited > 0) deps.kick();
    const key = cleared
      ? (edited > 0 ? "admin_topic_cleared_sent" : "admin_topic_cleared")
      : (edited > 0 ? "admin_topic_set_sent" : "admin_topic_set");
    await ctx.reply(
      renderText(config, key, {
        ...meetingValues(config, { ...week, topic: cleared ? null : topic }),
        edited,
      }),
    );
  });

  feature.command("link", async (ctx) => {
    const { config } = ctx;
    const link = argument(ctx);
    if (link === "") {
      await ctx.reply(config.texts.admin_link_usage);
      return;
    }
    const problem = checkLink(link);
    if (problem !== undefined) {
      await ctx.reply(linkProblemText(config, problem));
      return;
    }
    const week = upcoming();
    const refusal = checkLinkChange({ week, link, now: now() });
    if (refusal !== undefined) {
      await ctx.reply(refusalText(config, refusal));
      return;
    }
    const people = store.outbox.countAudience(toldOf("link", week.id));
    await propose(
      ctx,
      { kind: "link", meetingId: week.id, link, sequence: week.sequence },
      renderText(config, "admin_link_confirm", {
        ...meetingValues(config, week),
        link,
        people,
      }),
    );
  });

  feature.command("move", async (ctx) => {
    const { config } = ctx;
    const week = upcoming();
    const { when: text, reason } = splitMoveArgument(argument(ctx));
    if (text === "") {
      await ctx.reply(config.texts.admin_move_usage);
      return;
    }
    const to = parseWallTime(text, {
      timeZone: config.timezone,
      around: week.scheduledAt,
    });
    if (to === undefined) {
      await ctx.reply(config.texts.admin_move_invalid);
      return;
    }
    const refusal = checkMove(store, { config, week, to, now: now() });
    if (refusal !== undefined) {
      await ctx.reply(refusalText(config, refusal));
      return;
    }
    const tooLong = checkReason(reason);
    if (tooLong !== undefined) {
      await ctx.reply(reasonProblemText(config, tooLong));
      return;
    }
    const people = store.outbox.countAudience(toldOf("move", week.id));
    await propose(
      ctx,
      {
        kind: "move",
        meetingId: week.id,
        to: to.toISOString(),
        sequence: week.sequence,
        ...(reason === "" ? {} : { reason }),
      },
      renderText(config, "admin_move_confirm", {
        ...moveValues(config, {
          meeting: week,
          from: week.startsAt,
          to,
          date: "old",
        }),
        people,
        ...reasonValues(config, reason),
      }),
    );
  });
}
