/**
 * `/announce` (to every subscriber) and `/followup` (after a meeting: to those who came,
 * or to everyone): a preview with buttons, then the paced, resumable broadcast, and a
 * report when it is delivered. The admin's formatting is kept; a follow-up made by
 * replying to a post (the recording) copies that post. A text goes out as one message:
 * the preview says how long it is, and a text longer than one message is refused.
 *
 * @module
 */
import { type Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../language.ts";
import type { MessageEntity } from "grammy/types";
import { renderText } from "../../../config/language.ts";
import { render } from "../../../config/texts.ts";
import type { Config } from "../../../config/schema.ts";
import {
  BROADCAST_MAX_LENGTH,
  broadcastLength,
  paidBroadcastStars,
} from "../../../domain/broadcast.ts";
import type { AnnouncementAudience } from "../../../db/announcements.ts";
import { meetingValues } from "../../../messages/build.ts";
import {
  confirmAnnouncement,
  draftAnnouncement,
} from "../../../usecases/announcements.ts";
import { lastHeldWeek } from "../../../usecases/weeks.ts";
import type { FeatureDeps } from "../../context.ts";
import { answerQuery, editOrIgnore } from "../../edit.ts";
import { replyLong } from "./reply.ts";

/** The broadcasts of the admin feature; `feature` already lets only admins through. */
export function broadcastCommands(
  feature: Composer<BotContext>,
  deps: FeatureDeps,
): void {
  const { store, log, now } = deps;
  /** What a paid broadcast to `count` people costs at most, as a first paragraph. */
  const cost = (config: Config, count: number) =>
    config.broadcast.paid
      ? renderText(config, "admin_paid_cost", {
        count,
        stars: paidBroadcastStars(count),
      }) + "\n\n"
      : "";
  /** How long the broadcast is, for the preview; `undefined` (the admin told) if too long. */
  const size = async (
    ctx: BotContext,
    body: { text: string; copy?: unknown },
  ): Promise<string | undefined> => {
    const { config } = ctx;
    if (body.copy !== undefined) return config.texts.admin_broadcast_size_copy;
    const { length, fits } = broadcastLength(body.text);
    const values = { length, max: BROADCAST_MAX_LENGTH };
    if (fits) return renderText(config, "admin_broadcast_size", values);
    log.info("broadcast.too_long", { admin: ctx.from!.id, length });
    await ctx.reply(renderText(config, "admin_broadcast_too_long", values));
    return undefined;
  };

  feature.command("announce", async (ctx) => {
    const { config } = ctx;
    const body = commandBody(ctx);
    if (body === undefined) {
      await ctx.reply(config.texts.admin_announce_usage);
      return;
    }
    const length = await size(ctx, body);
    if (length === undefined) return;
    const { id, recipients } = await store.write(() =>
      draftAnnouncement(store, { ...body, createdBy: ctx.from!.id, now: now() })
    );
    log.info("announcement.drafted", { announcement: id, admin: ctx.from!.id });
    await previewWith(ctx, {
      template: cost(config, recipients) +
        renderText(config, "admin_announce_preview", {
          recipients,
          size: length,
        }),
      body,
      keyboard: new InlineKeyboard()
        .text(config.texts.button_announce_send, `ann:${id}:send`)
        .text(config.texts.button_announce_cancel, `ann:${id}:cancel`),
    });
  });

  feature.command("followup", async (ctx) => {
    const { config } = ctx;
    const meeting = lastHeldWeek(store, { config, now: now() });
    if (meeting === undefined) {
      await ctx.reply(config.texts.admin_followup_none);
      return;
    }
    const post = ctx.message?.reply_to_message;
    const body = commandBody(ctx) ?? (post === undefined ? undefined : {
      text: post.text ?? post.caption ?? "📎",
      copy: { chatId: ctx.chat!.id, messageId: post.message_id },
    });
    if (body === undefined) {
      await ctx.reply(config.texts.admin_followup_usage);
      return;
    }
    const length = await size(ctx, body);
    if (length === undefined) return;
    const draft = await store.write(() =>
      draftAnnouncement(store, {
        ...body,
        kind: "followup",
        meetingId: meeting.id,
        createdBy: ctx.from!.id,
        now: now(),
      })
    );
    log.info("followup.drafted", { followup: draft.id, meeting: meeting.id });
    await previewWith(ctx, {
      template: cost(config, draft.recipients) +
        renderText(config, "admin_followup_preview", {
          ...meetingValues(config, meeting),
          size: length,
        }),
      body,
      keyboard: new InlineKeyboard()
        .text(
          renderText(config, "button_followup_attendees", {
            count: draft.attendees,
          }),
          `ann:${draft.id}:attendees`,
        )
        .text(
          renderText(config, "button_followup_all", {
            count: draft.recipients,
          }),
          `ann:${draft.id}:registered`,
        )
        .row()
        .text(config.texts.button_announce_cancel, `ann:${draft.id}:cancel`),
    });
  });

  feature.callbackQuery(
    /^ann:(\d+):(send|cancel|attendees|registered)$/,
    async (ctx) => {
      const { config } = ctx;
      const id = Number(ctx.match[1]);
      const choice = ctx.match[2]!;
      const send = choice !== "cancel";
      const audience: AnnouncementAudience = choice === "attendees"
        ? "attendees"
        : "registered";
      const outcome = await store.write(() =>
        confirmAnnouncement(store, { id, send, audience, now: now() })
      );
      if (outcome.kind === "not-a-draft") {
        await answerQuery(ctx, { text: config.texts.bad_button, log });
        return;
      }
      deps.kick();
      await answerQuery(ctx, { log });
      if (outcome.kind === "cancelled") {
        log.info("announcement.cancelled", { announcement: id });
        await editOrIgnore(ctx, {
          text: config.texts.admin_announce_cancelled,
          log,
        });
        return;
      }
      log.info("announcement.sending", {
        announcement: id,
        audience,
        recipients: outcome.recipients,
      });
      const kind = store.announcements.get(id)?.kind;
      await editOrIgnore(ctx, {
        text: renderText(
          config,
          kind === "followup"
            ? "admin_followup_sending"
            : "admin_announce_sending",
          { recipients: outcome.recipients },
        ),
        log,
      });
    },
  );
}

/** The preview: `template` with `{text}` replaced by the body, formatting kept. */
async function previewWith(
  ctx: BotContext,
  { template, body, keyboard }: {
    template: string;
    body: { text: string; entities?: MessageEntity[] };
    keyboard: InlineKeyboard;
  },
) {
  const marker = "\u0000";
  const withMarker = render(template, { text: marker }, {
    language: ctx.config.language,
  });
  const at = withMarker.indexOf(marker);
  const text = at < 0 ? withMarker : withMarker.replace(marker, body.text);
  await replyLong(ctx, text, {
    entities: at < 0
      ? undefined
      : body.entities?.map((e) => ({ ...e, offset: e.offset + at })),
    keyboard,
  });
}

/**
 * The text after the command with its formatting, or `undefined` when there is none.
 * Entity offsets are moved from the admin's message to the text alone.
 */
function commandBody(
  ctx: BotContext,
): { text: string; entities?: MessageEntity[] } | undefined {
  const full = ctx.message?.text ?? "";
  const text = (typeof ctx.match === "string" ? ctx.match : "").trim();
  if (text === "") return undefined;
  const start = full.indexOf(text);
  const end = start + text.length;
  const entities = (ctx.message?.entities ?? [])
    .filter((e) => e.type !== "bot_command")
    .flatMap((e) => {
      const from = Math.max(e.offset, start);
      const to = Math.min(e.offset + e.length, end);
      return to > from
        ? [{ ...e, offset: from - start, length: to - from }]
        : [];
    });
  return entities.length > 0 ? { text, entities } : { text };
}
