/**
 * The command menus Telegram shows next to the input field: the public one in every
 * private chat, and a longer one in each admin's chat. Descriptions come from the texts,
 * in each language: Telegram shows a client the menu of its `language_code`, so each
 * language's menu is set for the codes that get it at first contact (language.ts), and
 * the menu without a code is the one "anything else" gets. A person who chose a language
 * (`/language`), or an admin who has one, gets a menu of their own chat in it.
 *
 * @module
 */
import type { Api } from "grammy";
import type { BotCommand, BotCommandScope, LanguageCode } from "grammy/types";
import { describeError } from "../core/errors.ts";
import type { Config } from "../config/schema.ts";
import {
  inLanguage,
  languageCodes,
  otherClientsLanguage,
  telegramCodes,
} from "../config/language.ts";
import type { Store } from "../db/store.ts";
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
  { command: "language", text: "command_language" },
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

/** One `setMyCommands` call: a menu, for a scope, for clients of one language or any. */
interface MenuCall {
  commands: BotCommand[];
  scope: BotCommandScope;
  language_code?: string;
}

/**
 * The menus of `scope` for every client: each language's for the Telegram codes that
 * get it (its own; uk, be and kk for Russian), and, without a code, the language
 * anything else gets.
 */
function menusByClient(
  config: Config,
  { scope, who }: { scope: BotCommandScope; who: "public" | "admin" },
): MenuCall[] {
  const other = otherClientsLanguage(config);
  const calls: MenuCall[] = [{
    commands: commandMenu(inLanguage(config, other), who),
    scope,
  }];
  for (const code of languageCodes(config)) {
    // The menu without a code already serves every client of that language.
    if (code === other) continue;
    for (const client of telegramCodes(config, code)) {
      calls.push({
        commands: commandMenu(inLanguage(config, code), who),
        scope,
        language_code: client,
      });
    }
  }
  return calls;
}

/**
 * Sets the command menus: the public one for every language, and for each admin,
 * theirs, in their own language when they have one (`store`), else as the public one.
 */
export async function setCommandMenus(
  api: Api,
  { config, store, log }: { config: Config; store?: Store; log: Logger },
): Promise<void> {
  const menus: MenuCall[] = [
    ...menusByClient(config, {
      scope: { type: "all_private_chats" },
      who: "public",
    }),
  ];
  for (const admin of config.admins) {
    const scope = { type: "chat" as const, chat_id: admin };
    const user = store?.users.byTgId(admin);
    menus.push(
      ...(user === undefined
        ? menusByClient(config, { scope, who: "admin" })
        : [{
          commands: commandMenu(inLanguage(config, user.language), "admin"),
          scope,
        }]),
    );
  }
  for (const { commands, scope, language_code } of menus) {
    try {
      await api.setMyCommands(commands, {
        scope,
        language_code: language_code as LanguageCode | undefined,
      });
    } catch (error) {
      // An admin who never opened the bot has no chat yet: their menu waits.
      log.warn("bot.commands_not_set", { scope, error: describeError(error) });
    }
  }
}

/**
 * Sets the menu of one person's chat in their language (`config` in it): after
 * `/language`, whatever their client's language. A failure is logged, never thrown.
 */
export async function setChatMenu(
  api: Api,
  { config, chatId, log }: { config: Config; chatId: number; log: Logger },
): Promise<void> {
  const who = config.admins.includes(chatId) ? "admin" : "public";
  const scope = { type: "chat" as const, chat_id: chatId };
  try {
    await api.setMyCommands(commandMenu(config, who), { scope });
  } catch (error) {
    log.warn("bot.commands_not_set", { scope, error: describeError(error) });
  }
}
