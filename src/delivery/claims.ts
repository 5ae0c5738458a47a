/**
 * Claims left behind: a row claimed by a sender that stopped mid-request (a kill, a
 * crash) is settled by the next sender that looks, once its lease is over (or at once,
 * when no other process sends from the database). Whether it is sent again or left
 * unknown depends on its kind (`IF_UNKNOWN` in core/owed.ts; see `Outbox.recover`).
 *
 * @module
 */
import { describeError } from "../core/errors.ts";
import type { SenderDeps } from "./seams.ts";

/**
 * Settles the claims of other senders made before `before` (all of them without it),
 * and says so in one line; a failing database is logged, and the claims wait.
 */
export async function recoverClaims(
  deps: Pick<SenderDeps, "outbox" | "log" | "now" | "write">,
  { by, before }: { by: string; before?: Date },
): Promise<void> {
  try {
    const settled = await deps.write(() =>
      deps.outbox.recover({ by, before, now: deps.now() })
    );
    if (settled.retried + settled.unknown > 0) {
      deps.log.warn("outbox.recovered", {
        retried: settled.retried,
        unknown: settled.unknown,
        reason: "claims of a sender that stopped mid-request",
      });
    }
  } catch (error) {
    deps.log.error("outbox.error", { error: describeError(error) });
  }
}
