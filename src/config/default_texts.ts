/**
 * The shipped texts: Russian (what participants read, what admins read, what comes
 * after the "yes", the host's panel, the calendar subscription, about seats, and each
 * person's settings) and English, the same texts with the same placeholders.
 *
 * @module
 */
import { ADMIN_TEXTS } from "./texts_admin.ts";
import { AFTER_TEXTS } from "./texts_after.ts";
import { FEED_TEXTS } from "./texts_feed.ts";
import { PANEL_TEXTS } from "./texts_panel.ts";
import { PARTICIPANT_TEXTS } from "./texts_participant.ts";
import { EN_ADMIN_TEXTS } from "./texts_en_admin.ts";
import { EN_AFTER_TEXTS } from "./texts_en_after.ts";
import { EN_PARTICIPANT_TEXTS } from "./texts_en_participant.ts";
import { EN_FEED_TEXTS, EN_PANEL_TEXTS } from "./texts_en_panel.ts";
import { SEAT_TEXTS } from "./texts_seats.ts";
import { SETTINGS_TEXTS } from "./texts_settings.ts";
import { EN_SEAT_TEXTS } from "./texts_en_seats.ts";
import { EN_SETTINGS_TEXTS } from "./texts_en_settings.ts";
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

/** The shipped English texts; `config.yaml` repeats them under `languages.en.texts`. */
export const ENGLISH_TEXTS: Texts = {
  ...EN_PARTICIPANT_TEXTS,
  ...EN_ADMIN_TEXTS,
  ...EN_AFTER_TEXTS,
  ...EN_PANEL_TEXTS,
  ...EN_FEED_TEXTS,
  ...EN_SEAT_TEXTS,
  ...EN_SETTINGS_TEXTS,
};

/** The languages the bot has texts of without a config, by code. */
export const SHIPPED_TEXTS: Readonly<Record<string, Texts>> = {
  ru: DEFAULT_TEXTS,
  en: ENGLISH_TEXTS,
};
