/**
 * Admin commands, for the Telegram ids under `admins` in config.yaml: `/stats`, `/who`,
 * `/announce`, `/skip`, `/unskip`, `/export`. Anyone else falls through to the fallback
 * and gets the same reply as for an unknown command: nothing tells them these exist.
 *
 * @module
 */
import { Composer, type Context, InlineKeyboard, InputFile } from "grammy";
import type { MessageEntity } from "grammy/types";
import { render } from "../../config/texts.ts";
import { upcomingMeeting } from "../../domain/meeting.ts";
import { splitText } from "../../messages/limits.ts";
import { attendanceCsv, statsReport, whoReport } from "../../reports.ts";
import {
  confirmAnnouncement,
  draftAnnouncement,
} from "../../usecases/announcements.ts";
import { cancelMeeting, restoreMeeting } from "../../usecases/meetings.ts";
import type { FeatureDeps } from "../context.ts";
import { answerQuery, editOrIgnore } from "../edit.ts";

/** The admin feature. */
export function adminFeature(deps: FeatureDeps): Composer<Context> {
  const { config, store, log, now } = deps;
  const feature = new Composer<Context>();
  const admins = feature.filter((ctx) =>
    ctx.from !== undefined && config.admins.includes(ctx.from.id)
  );

  /** Replies with a text of any length, split at line breaks under Telegram's limit. */
  async function replyLong(
    ctx: Context,
    text: string,
    options: { entities?: MessageEntity[]; keyboard?: InlineKeyboard } = {},
  ) {
    const parts = splitText(text, { entities: options.entities });
    for (const [index, part] of parts.entries()) {
      const last = index === parts.length - 1;
      await ctx.reply(part.text, {
        entities: part.entities,
        reply_markup: last ? options.keyboard : undefined,
        link_preview_options: { is_disabled: true },
      });
    }
  }

  admins.command(
    "stats",
    (ctx) => replyLong(ctx, statsReport(config, { source: store, now: now() })),
  );

  admins.command(
    "who",
    (ctx) => replyLong(ctx, whoReport(config, { source: store, now: now() })),
  );

  admins.command("export", async (ctx) => {
    const rows = store.answers.attendance();
    const csv = new TextEncoder().encode(
      attendanceCsv(config, { rows, now: now() }),
    );
    await ctx.replyWithDocument(new InputFile(csv, "attendance.csv"), {
      caption: render(config.texts.admin_export_caption, {
        count: rows.length,
      }),
    });
  });

  admins.command("announce", async (ctx) => {
    const body = announcementBody(ctx);
    if (body === undefined) {
      await ctx.reply(config.texts.admin_announce_usage);
      return;
    }
    const { id, recipients } = await store.write(() =>
      draftAnnouncement(store, { ...body, createdBy: ctx.from!.id, now: now() })
    );
    log.info("announcement.drafted", { announcement: id, admin: ctx.from!.id });
    // The preview shows the text as it will arrive, formatting included.
    const marker = "\u0000";
    const template = render(config.texts.admin_announce_preview, {
      text: marker,
      recipients,
    });
    const at = template.indexOf(marker);
    await replyLong(ctx, template.replace(marker, body.text), {
      entities: body.entities?.map((e) => ({ ...e, offset: e.offset + at })),
      keyboard: new InlineKeyboard()
        .text(config.texts.button_announce_send, `ann:${id}:send`)
        .text(config.texts.button_announce_cancel, `ann:${id}:cancel`),
    });
  });

  admins.callbackQuery(/^ann:(\d+):(send|cancel)$/, async (ctx) => {
    const id = Number(ctx.match[1]);
    const send = ctx.match[2] === "send";
    const outcome = await store.write(() =>
      confirmAnnouncement(store, { id, send, now: now() })
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
      recipients: outcome.recipients,
    });
    await editOrIgnore(ctx, {
      text: render(config.texts.admin_announce_sending, {
        recipients: outcome.recipients,
      }),
      log,
    });
  });

  admins.command("skip", async (ctx) => {
    const meeting = upcomingMeeting(config, now());
    const outcome = await store.write(() =>
      cancelMeeting(store, { slot: meeting, now: now() })
    );
    if (!outcome.cancelled) {
      await ctx.reply(
        render(config.texts.admin_already_skipped, { date: meeting.id }),
      );
      return;
    }
    deps.kick();
    log.info("meeting.cancelled", { meeting: meeting.id, admin: ctx.from!.id });
    await ctx.reply(
      render(config.texts.admin_skipped, {
        date: meeting.id,
        notified: outcome.attendees,
      }),
    );
  });

  admins.command("unskip", async (ctx) => {
    const meeting = upcomingMeeting(config, now());
    const restored = await store.write(() =>
      restoreMeeting(store, { slot: meeting, now: now() })
    );
    if (restored) {
      log.info("meeting.restored", {
        meeting: meeting.id,
        admin: ctx.from!.id,
      });
    }
    const key = restored ? "admin_unskipped" : "admin_not_skipped";
    await ctx.reply(render(config.texts[key], { date: meeting.id }));
  });

  return feature;
}

/**
 * The text after `/announce` with its formatting, or `undefined` when there is none.
 * Entity offsets are moved from the admin's message to the text alone.
 */
function announcementBody(
  ctx: Context,
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
