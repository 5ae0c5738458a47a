/**
 * What a valid config may still get wrong for the people using the bot: settings that
 * promise something nobody can deliver. `check` prints each as a `warning:` line and
 * `run` logs each at start (`config.warning`); neither stops the bot.
 *
 * @module
 */
import type { Config } from "./schema.ts";

/** One thing the operator should look at, with the key to change. */
export interface ConfigWarning {
  /** The config key to change, e.g. `admins`. */
  key: string;
  /** What happens because of it and how to fix it, in one line. */
  message: string;
}

/**
 * Whether what participants write reaches someone: forwarding is on and there is an
 * admin to pass it to. `/help` promises it only then, and only then is it passed on.
 */
export function relayReachesAdmins(
  config: Pick<Config, "forwarding" | "admins">,
): boolean {
  return config.forwarding.enabled && config.admins.length > 0;
}

/** The warnings about `config`; none for a config that keeps its promises. */
export function configWarnings(
  config: Pick<Config, "forwarding" | "admins">,
): ConfigWarning[] {
  const warnings: ConfigWarning[] = [];
  if (config.forwarding.enabled && config.admins.length === 0) {
    warnings.push({
      key: "admins",
      message:
        "admins is empty although forwarding is on: what participants write reaches " +
        "nobody (they are told the bot understands only commands), and nobody gets " +
        "the admin commands or the delivery reports. Send /start to the bot from your " +
        "own Telegram account, take the id from the log line user.started (user=…), " +
        "put it under admins (admins: [123456789]) and restart",
    });
  }
  return warnings;
}
