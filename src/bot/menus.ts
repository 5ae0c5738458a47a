/**
 * The command menus Telegram shows next to the input field: the public one in every
 * private chat, and a longer one in each admin's chat. Descriptions come from the texts.
 *
 * @module
 */
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { describeError } from "../core/errors.ts";
import type { Config } from "../config/schema.ts";
import type { TextKey } from "../config/texts.ts";
import type { Logger } from "../log.ts";

/** The commands of every private chat's menu, with the text that describes each. */
export const PUBLIC_COMMANDS: readonly {
  command: string;
  text: TextKey;
  /** Only with `http.public_url` (the calendar subscription). */
  publicUrl?: true;
}[] = [
  { command: "start", text: "command_start" },
  { command: "stop", text: "command_stop" },
  { command: "status", text: "command_status" },
  { command: "settings", text: "command_settings" },
  { command: "calendar", text: "command_calendar", publicUrl: true },
  { command: "help", text: "command_help" },
];

/** The commands only admins have, after the public ones in their menu. */
export const ADMIN_COMMANDS: readonly { command: string; text: TextKey }[] = [
  { command: "stats", text: "command_stats" },
  { command: "who", text: "command_who" },
  { command: "history", text: "command_history" },
  { command: "topic", text: "command_topic" },
  { command: "link", text: "command_link" },
  { command: "move", text: "command_move" },
  { command: "skip", text: "command_skip" },
  { command: "unskip", text: "command_unskip" },
  { command: "capacity", text: "command_capacity" },
  { command: "announce", text: "command_announce" },
  { command: "followup", text: "command_followup" },
  { command: "export", text: "command_export" },
  { command: "panel", text: "command_panel" },
];

/**
 * The public menu, or an admin's (public then admin commands), in the config's words;
 * `/calendar` only where there are feeds (`http.public_url`).
 */
export function commandMenu(
  config: Pick<Config, "texts" | "http">,
  who: "public" | "admin",
): BotCommand[] {
  const open = PUBLIC_COMMANDS.filter((c) =>
    !c.publicUrl || config.http?.public !== undefined
  );
  const commands = who === "public" ? open : [...open, ...ADMIN_COMMANDS];
  return commands.map(({ command, text }) => ({
    command,
    description: config.texts[text],
  }));
}

/** Sets the command menus: the public one, and for each admin, theirs. */
export async function setCommandMenus(
  api: Api,
  { config, log }: { config: Config; log: Logger },
): Promise<void> {
  const menus = [
    {
      commands: commandMenu(config, "public"),
      scope: { type: "all_private_chats" as const },
    },
    ...config.admins.map((admin) => ({
      commands: commandMenu(config, "admin"),
      scope: { type: "chat" as const, chat_id: admin },
    })),
  ];
  for (const { commands, scope } of menus) {
    try {
      await api.setMyCommands(commands, { scope });
    } catch (error) {
      // An admin who never opened the bot has no chat yet: their menu waits.
      log.warn("bot.commands_not_set", { scope, error: describeError(error) });
    }
  }
}
