/**
 * The shipped Russian texts: what participants read, what admins read, what comes
 * after the "yes", the host's panel, the calendar subscription, about seats, and
 * each person's settings.
 *
 * @module
 */
import { ADMIN_TEXTS } from "./texts_admin.ts";
import { AFTER_TEXTS } from "./texts_after.ts";
import { FEED_TEXTS } from "./texts_feed.ts";
import { PANEL_TEXTS } from "./texts_panel.ts";
import { PARTICIPANT_TEXTS } from "./texts_participant.ts";
import { SEAT_TEXTS } from "./texts_seats.ts";
import { SETTINGS_TEXTS } from "./texts_settings.ts";
import type { Texts } from "./texts.ts";

/** The shipped Russian texts; `config.yaml` repeats them so that an operator can edit each. */
export const DEFAULT_TEXTS: Texts = {
  ...PARTICIPANT_TEXTS,
  ...ADMIN_TEXTS,
  ...AFTER_TEXTS,
  ...PANEL_TEXTS,
  ...FEED_TEXTS,
  ...SEAT_TEXTS,
  ...SETTINGS_TEXTS,
};
