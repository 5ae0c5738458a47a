/**
 * Admin commands, for the Telegram ids under `admins` in config.yaml: `/stats`, `/who`,
 * `/announce`, `/skip`, `/unskip`, `/export`. Anyone else falls through to the fallback
 * and gets the same reply as for an unknown command: nothing tells them these exist.
 *
 * @module
 */
import { render } from "../../config/texts.ts";
import { Composer, type Context, InlineKeyboard, InputFile } from "grammy";
import { describeError } from "../../core/errors.ts";
import { upcomingMeeting } from "../../domain/meeting.ts";
import type { JobRunner } from "../../jobs/runner.ts";

import { attendanceCsv, statsReport, whoReport } from "../../reports.ts";
import { cancelMeeting, restoreMeeting } from "../../usecases/meetings.ts";
import type { FeatureDeps } from "../context.ts";
import { editOrIgnore } from "../edit.ts";

/** What the admin feature needs besides the common deps. */
export interface AdminDeps extends FeatureDeps {
  jobs: JobRunner;
}

/** The admin feature. */
export function adminFeature(deps: AdminDeps): Composer<Context> {
  const { config, store, log, now, jobs } = deps;
  const feature = new Composer<Context>();
  const admins = feature.filter((ctx) =>
    ctx.from !== undefined && config.admins.includes(ctx.from.id)
  );

  admins.command(
    "stats",
    (ctx) => ctx.reply(statsReport(config, { source: store, now: now() })),
  );

  admins.command(
    "who",
    (ctx) => ctx.reply(whoReport(config, { source: store, now: now() })),
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
    const message = ctx.match.trim();
    if (message === "") {
      await ctx.reply(config.texts.admin_announce_usage);
      return;
    }
    const id = store.announcements.create({
      text: message,
      createdBy: ctx.from!.id,
    }, now());
    log.info("announcement.drafted", { announcement: id, admin: ctx.from!.id });
    await ctx.reply(
      render(config.texts.admin_announce_preview, {
        text: message,
        recipients: store.users.invitationRecipients().length,
      }),
      {
        reply_markup: new InlineKeyboard()
          .text(config.texts.button_announce_send, `ann:${id}:send`)
          .text(config.texts.button_announce_cancel, `ann:${id}:cancel`),
      },
    );
  });

  admins.callbackQuery(/^ann:(\d+):(send|cancel)$/, async (ctx) => {
    const id = Number(ctx.match[1]);
    const send = ctx.match[2] === "send";
    const moved = store.announcements.move(id, {
      from: "draft",
      to: send ? "sending" : "cancelled",
      now: now(),
    });
    if (!moved) {
      await ctx.answerCallbackQuery({ text: config.texts.bad_button });
      return;
    }
    await ctx.answerCallbackQuery();
    if (!send) {
      log.info("announcement.cancelled", { announcement: id });
      await editOrIgnore(ctx, {
        text: config.texts.admin_announce_cancelled,
        log,
      });
      return;
    }
    const recipients = store.users.invitationRecipients().length;
    log.info("announcement.sending", { announcement: id, recipients });
    await editOrIgnore(ctx, {
      text: render(config.texts.admin_announce_sending, { recipients }),
      log,
    });
    const chat = ctx.chat!.id;
    // The broadcast is paced and may take minutes: the update must not wait for it.
    jobs.announce(id).then(
      (report) =>
        ctx.api.sendMessage(
          chat,
          render(config.texts.admin_announce_done, {
            sent: report.sent,
            blocked: report.blocked,
            failed: report.failed,
          }),
        ),
    ).catch((error) =>
      log.error("announcement.error", {
        announcement: id,
        error: describeError(error),
      })
    );
  });

  admins.command("skip", async (ctx) => {
    const meeting = upcomingMeeting(config, now());
    const outcome = cancelMeeting(store, { slot: meeting, now: now() });
    if (!outcome.cancelled) {
      await ctx.reply(
        render(config.texts.admin_already_skipped, { date: meeting.id }),
      );
      return;
    }
    log.info("meeting.cancelled", { meeting: meeting.id, admin: ctx.from!.id });
    await ctx.reply(
      render(config.texts.admin_skipped, {
        date: meeting.id,
        notified: outcome.attendees,
      }),
    );
    jobs.notifyCancelled(meeting).catch((error) =>
      log.error("meeting.cancel_notice_error", {
        meeting: meeting.id,
        error: describeError(error),
      })
    );
  });

  admins.command("unskip", async (ctx) => {
    const meeting = upcomingMeeting(config, now());
    const restored = restoreMeeting(store, { slot: meeting, now: now() });
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
