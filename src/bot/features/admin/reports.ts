/**
 * `/stats`, `/history` and `/export`: what admins read (`/who`, with its button, is in
 * who.ts). `/export` sends two files: the attendance, and the comments.
 *
 * @module
 */
import { Composer, InputFile } from "grammy";
import type { BotContext } from "../../language.ts";
import { renderText } from "../../../config/language.ts";
import { attendanceCsv, statsReport } from "../../../reports.ts";
import {
  commentsCsv,
  findMeeting,
  historyReport,
  meetingHistory,
} from "../../../history.ts";
import type { FeatureDeps } from "../../context.ts";
import { replyLong } from "./reply.ts";

/** The reports of the admin feature; `feature` already lets only admins through. */
export function reportCommands(
  feature: Composer<BotContext>,
  deps: FeatureDeps,
): void {
  const { store, now } = deps;

  feature.command(
    "stats",
    (ctx) =>
      replyLong(ctx, statsReport(ctx.config, { source: store, now: now() })),
  );

  feature.command("export", async (ctx) => {
    const { config } = ctx;
    const rows = store.answers.attendance();
    const csv = new TextEncoder().encode(
      attendanceCsv(config, { rows, now: now() }),
    );
    await ctx.replyWithDocument(new InputFile(csv, "attendance.csv"), {
      caption: renderText(config, "admin_export_caption", {
        count: rows.length,
      }),
    });
    const comments = commentsCsv(config, { source: store });
    await ctx.replyWithDocument(
      new InputFile(new TextEncoder().encode(comments.csv), "comments.csv"),
      {
        caption: renderText(config, "admin_export_comments_caption", {
          count: comments.count,
        }),
      },
    );
  });

  feature.command("history", (ctx) => {
    const { config } = ctx;
    const text = ctx.match.trim();
    const view = { source: store, now: now() };
    if (text === "") return replyLong(ctx, historyReport(config, view));
    const found = findMeeting(config, { ...view, text });
    if ("problem" in found) return ctx.reply(found.problem);
    return replyLong(
      ctx,
      meetingHistory(config, { ...view, summary: found.summary }),
    );
  });
}
