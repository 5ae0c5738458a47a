/**
 * Admin commands, for the Telegram ids under `admins` in config.yaml: `/stats`, `/who`,
 * `/announce`, `/skip`, `/unskip`, `/export`. Anyone else falls through to the fallback
 * and gets the same reply as for an unknown command: nothing tells them these exist.
 */
import { Composer, type Context, InlineKeyboard, InputFile } from "grammy";
import { upcomingMeeting } from "../../domain/meeting.ts";
import type { JobRunner } from "../../jobs.ts";
import { describeError } from "../../log.ts";
import { text } from "../../messages.ts";
import { attendanceCsv, statsReport, whoReport } from "../../reports.ts";
import type { FeatureDeps } from "../context.ts";
import { editOrIgnore } from "../edit.ts";

/** The commands in an admin's menu, after the public ones. */
export const ADMIN_COMMANDS = [
  { command: "stats", description: "Статистика подписчиков и ответов" },
  { command: "who", description: "Кто придёт на ближайшую встречу" },
  { command: "announce", description: "Объявление всем подписчикам" },
  { command: "skip", description: "Отменить ближайшую встречу" },
  { command: "unskip", description: "Вернуть ближайшую встречу" },
  { command: "export", description: "История посещений (CSV)" },
] as const;

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
    (ctx) => ctx.reply(statsReport(config, store, now())),
  );

  admins.command("who", (ctx) => ctx.reply(whoReport(config, store, now())));

  admins.command("export", async (ctx) => {
    const rows = store.attendance();
    const csv = new TextEncoder().encode(
      attendanceCsv(config, { rows, now: now() }),
    );
    await ctx.replyWithDocument(new InputFile(csv, "attendance.csv"), {
      caption: text(config, "admin_export_caption", { count: rows.length }),
    });
  });

  admins.command("announce", async (ctx) => {
    const message = ctx.match.trim();
    if (message === "") {
      await ctx.reply(config.texts.admin_announce_usage);
      return;
    }
    const id = store.createAnnouncement({
      text: message,
      createdBy: ctx.from!.id,
    }, now());
    log.info("announcement.drafted", { announcement: id, admin: ctx.from!.id });
    await ctx.reply(
      text(config, "admin_announce_preview", {
        text: message,
        recipients: store.invitationRecipients().length,
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
    const moved = store.moveAnnouncement(id, {
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
    const recipients = store.invitationRecipients().length;
    log.info("announcement.sending", { announcement: id, recipients });
    await editOrIgnore(ctx, {
      text: text(config, "admin_announce_sending", { recipients }),
      log,
    });
    const chat = ctx.chat!.id;
    // The broadcast is paced and may take minutes: the update must not wait for it.
    jobs.announce(id).then(
      (report) =>
        ctx.api.sendMessage(
          chat,
          text(config, "admin_announce_done", {
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
    store.ensureMeeting(meeting, now());
    if (
      !store.setMeetingStatus({ id: meeting.id, status: "cancelled" }, now())
    ) {
      await ctx.reply(
        text(config, "admin_already_skipped", { date: meeting.id }),
      );
      return;
    }
    const notified = store.attendees(meeting.id).length;
    log.info("meeting.cancelled", { meeting: meeting.id, admin: ctx.from!.id });
    await ctx.reply(
      text(config, "admin_skipped", { date: meeting.id, notified }),
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
    store.ensureMeeting(meeting, now());
    const restored = store.setMeetingStatus({
      id: meeting.id,
      status: "scheduled",
    }, now());
    if (restored) {
      log.info("meeting.restored", {
        meeting: meeting.id,
        admin: ctx.from!.id,
      });
    }
    const key = restored ? "admin_unskipped" : "admin_not_skipped";
    await ctx.reply(text(config, key, { date: meeting.id }));
  });

  return feature;
}
