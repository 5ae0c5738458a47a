/**
 * The shipped Russian texts: what participants read, and what admins read.
 *
 * @module
 */
import { ADMIN_TEXTS } from "./texts_admin.ts";
import { PARTICIPANT_TEXTS } from "./texts_participant.ts";
import type { Texts } from "./texts.ts";

/** The shipped Russian texts; `config.yaml` repeats them so that an operator can edit each. */
export const DEFAULT_TEXTS: Texts = { ...PARTICIPANT_TEXTS, ...ADMIN_TEXTS };
