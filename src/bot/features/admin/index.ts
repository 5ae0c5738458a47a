/**
 * Admin commands, for the Telegram ids under `admins` in config.yaml: reports (`/stats`,
 * `/who` with its reminder button, `/export`), broadcasts (`/announce`, `/followup`),
 * this week's meeting (`/topic`, `/link`, `/move`, `/skip`, `/unskip`, `/capacity`),
 * and the sign-in link of the panel (`/panel`). Anyone else falls through to the
 * fallback and gets the reply to an unknown command: nothing tells them these exist.
 *
 * @module
 */
import { Composer, type Context } from "grammy";
import type { FeatureDeps } from "../../context.ts";
import { broadcastCommands } from "./broadcasts.ts";
import { capacityCommand } from "./capacity.ts";
import { reportCommands } from "./reports.ts";
import { confirmations } from "./confirm.ts";
import { panelCommand } from "./panel.ts";
import { scheduleCommands } from "./schedule.ts";
import { skipCommands } from "./skip.ts";
import { whoCommands } from "./who.ts";

/** The admin feature. */
export function adminFeature(deps: FeatureDeps): Composer<Context> {
  const feature = new Composer<Context>();
  const admins = feature.filter((ctx) =>
    ctx.from !== undefined && deps.config.admins.includes(ctx.from.id)
  );
  reportCommands(admins, deps);
  whoCommands(admins, deps);
  broadcastCommands(admins, deps);
  scheduleCommands(admins, deps);
  skipCommands(admins, deps);
  capacityCommand(admins, deps);
  confirmations(admins, deps);
  panelCommand(admins, deps);
  return feature;
}
