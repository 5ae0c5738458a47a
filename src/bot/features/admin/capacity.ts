/**
 * `/capacity N` and `/capacity -`: the nearest meeting's own number of seats, or no
 * limit that week. The question says what it changes (the seats now, those waiting,
 * who gets a seat at once); once confirmed (`confirm.ts`) it is checked again and
 * applied with the promotions it makes, in one transaction.
 *
 * @module
 */
import type { Composer } from "grammy";
import type { BotContext } from "../../language.ts";
import type { Config } from "../../../config/schema.ts";
import { renderText } from "../../../config/language.ts";
import { MAX_CAPACITY } from "../../../config/values.ts";
import { meetingValues } from "../../../messages/build.ts";
import { capacityText } from "../../../messages/seat_messages.ts";
import { checkCapacity } from "../../../usecases/proposals.ts";
import { seatFigures } from "../../../usecases/seats.ts";
import { upcomingWeek } from "../../../usecases/weeks.ts";
import type { FeatureDeps } from "../../context.ts";
import { proposer } from "./confirm.ts";
import { refusalText } from "./refusals.ts";

/** `/capacity`; `feature` lets only admins through. */
export function capacityCommand(
  feature: Composer<BotContext>,
  deps: FeatureDeps,
): void {
  const { store, now } = deps;
  const propose = proposer(deps);

  feature.command("capacity", async (ctx) => {
    const { config } = ctx;
    const capacity = parseCapacity(
      typeof ctx.match === "string" ? ctx.match : "",
    );
    if (capacity === undefined) {
      await ctx.reply(config.texts.admin_capacity_usage);
      return;
    }
    const week = upcomingWeek(store, { config, now: now() });
    const refusal = checkCapacity(store, {
      config,
      week,
      capacity,
      now: now(),
    });
    if (refusal !== undefined) {
      await ctx.reply(refusalText(config, refusal));
      return;
    }
    const seats = seatFigures(store, { config, meetingId: week.id });
    await propose(
      ctx,
      {
        kind: "capacity",
        meetingId: week.id,
        capacity,
        was: seats.capacity,
        sequence: week.sequence,
      },
      renderText(config, "admin_capacity_confirm", {
        ...meetingValues(config, week),
        was: capacityText(config, seats.capacity),
        limit: capacityText(config, capacity),
        seated: seats.seated,
        waitlist: seats.waitlist,
        effect: effect(config, { seats, capacity }),
      }),
    );
  });

  /** What the new seats do at once: promote from the waitlist, or leave some over. */
  function effect(
    config: Config,
    { seats, capacity }: {
      seats: { seated: number; waitlist: number };
      capacity: number | null;
    },
  ): string {
    const room = capacity === null ? Infinity : capacity - seats.seated;
    if (room < 0) return config.texts.admin_capacity_over;
    const promoted = Math.min(room, seats.waitlist);
    return promoted > 0
      ? renderText(config, "admin_capacity_promotes", { promoted })
      : "";
  }
}

/**
 * The seats `/capacity` was given: a whole number from 1 to `MAX_CAPACITY`, or `null`
 * for `-` (no limit); `undefined` for anything else.
 */
export function parseCapacity(text: string): number | null | undefined {
  const value = text.trim();
  if (value === "-") return null;
  if (!/^\d{1,6}$/.test(value)) return undefined;
  const seats = Number(value);
  return seats >= 1 && seats <= MAX_CAPACITY ? seats : undefined;
}
