/**
 * The shipped Russian texts: what participants read, what admins read, what comes
 * after the "yes", and about seats.
 *
 * @module
 */
import { ADMIN_TEXTS } from "./texts_admin.ts";
import { AFTER_TEXTS } from "./texts_after.ts";
import { PARTICIPANT_TEXTS } from "./texts_participant.ts";
import { SEAT_TEXTS } from "./texts_seats.ts";
import type { Texts } from "./texts.ts";

/** The shipped Russian texts; `config.yaml` repeats them so that an operator can edit each. */
export const DEFAULT_TEXTS: Texts = {
  ...PARTICIPANT_TEXTS,
  ...ADMIN_TEXTS,
  ...AFTER_TEXTS,
  ...SEAT_TEXTS,
};
