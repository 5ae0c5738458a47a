/**
 * The one base class of expected failures, and how an error reads on one line.
 *
 * An {@linkcode OperatorError} is a problem the operator can fix (a bad config, a wrong
 * argument, a database that cannot be opened): `main.ts` prints its one line and exits
 * with code 2. Anything else is a bug and may show its stack.
 *
 * @module
 */

/** An expected failure that the operator must fix; `main.ts` prints {@linkcode OperatorError.report}. */
export class OperatorError extends Error {
  /** Shows in logs and stack traces as `OperatorError: …`. */
  override name = "OperatorError";
  /** The exit code: 2, restarting cannot help; a subclass may say 1, it may. */
  readonly exitCode: 1 | 2 = 2;

  /** The line printed after `error: `; the message unless a subclass adds context. */
  report(): string {
    return this.message;
  }
}

/** A problem with the command line: an unknown command, a missing argument. */
export class UsageError extends OperatorError {
  /** Shows in logs and stack traces as `UsageError: …`. */
  override name = "UsageError";
}

/**
 * Telegram refused the bot token (401 Unauthorized): it is mistyped, or it was revoked.
 * `run` and `send` stop at once with exit code 2, and what was owed stays owed: nothing
 * is recorded as sent, failed or done because of it.
 */
export class TokenRejectedError extends OperatorError {
  /** Shows in logs and stack traces as `TokenRejectedError: …`. */
  override name = "TokenRejectedError";

  /** The one line that says what to do; `cause` is Telegram's answer. */
  constructor(options: { cause?: unknown } = {}) {
    super(
      "Telegram does not accept the bot token in BOT_TOKEN (401 Unauthorized): it is " +
        "mistyped, or it was revoked in @BotFather. Set BOT_TOKEN to the bot's current " +
        "token and start again; nothing was recorded as sent or failed because of it",
      options,
    );
  }
}

/** `Name: message` of an error and of its causes, e.g. for a log field. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  for (
    let e: unknown = error, depth = 0;
    e !== undefined && depth < 4;
    depth++
  ) {
    if (e instanceof Error) {
      parts.push(`${e.name}: ${e.message}`);
      e = e.cause;
    } else {
      parts.push(String(e));
      break;
    }
  }
  return parts.join(" <- ");
}
