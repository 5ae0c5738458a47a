/**
 * What `/start` says to someone who asked for invitations before: welcome back, or that
 * they get them already; and, to one who comes back, for each meeting ahead with a limit
 * that they had said yes to, whether the seat is theirs again or none is free (see
 * `reclaimSeats` in usecases/seats.ts). Every time in the person's own zone.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import { render } from "../config/texts.ts";
import type { Zone } from "../domain/zones.ts";
import type { Reclaimed } from "../usecases/seats.ts";
import { meetingValues } from "./build.ts";
import { zoneScheduleValues } from "./zone.ts";

/**
 * The welcome of `/start` for `back` (welcome back) or `subscribed` (they get
 * invitations already), followed by a paragraph for each meeting with a limit in
 * `seats`: the seat back, or none free and how to wait for one; read in `zone`.
 */
export function welcome(
  config: Config,
  { kind, name, seats, now, zone }: {
    kind: "back" | "subscribed";
    name: string;
    seats: readonly Reclaimed[];
    now: Date;
    zone: Zone;
  },
): string {
  const text = kind === "back"
    ? config.texts.start_welcome_back
    : config.texts.start_subscribed;
  const paragraphs = [
    render(text, { ...zoneScheduleValues(config, { now, zone }), name }),
  ];
  for (const { meeting, seat, limited } of seats) {
    if (!limited) continue; // without a limit the "yes" simply stands
    paragraphs.push(render(
      config.texts[seat ? "start_seat_back" : "start_seat_gone"],
      meetingValues(config, { ...meeting, zone }),
    ));
  }
  return paragraphs.join("\n\n");
}
