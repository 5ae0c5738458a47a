/**
 * What an admin reads when a change to a week is refused: the reason, in the words of
 * the config's texts.
 *
 * @module
 */
import type { Config } from "../../../config/schema.ts";
import { renderText } from "../../../config/language.ts";
import type { LinkProblem, TopicProblem } from "../../../domain/week_input.ts";
import {
  MAX_LINK_LENGTH,
  MAX_REASON_LENGTH,
  MAX_TOPIC_LENGTH,
} from "../../../domain/week_input.ts";
import {
  dateValues,
  durationValues,
  meetingValues,
  zoneLabel,
} from "../../../messages/build.ts";
import type { Week } from "../../../usecases/weeks.ts";
import { capacityText } from "../../../messages/seat_messages.ts";
import {
  DRAFT_LIFETIME_MINUTES,
  type Refusal,
} from "../../../usecases/proposals.ts";

/** The answer to a refused change. */
export function refusalText(config: Config, refusal: Refusal): string {
  const week = (shown: Week, at = shown.startsAt) =>
    meetingValues(config, { ...shown, startsAt: at });
  const moment = (at: Date, prefix: string) => ({
    ...dateValues(config, { at, prefix }),
    tz: zoneLabel(config, at),
  });
  switch (refusal.reason) {
    case "started":
      return renderText(config, "admin_change_started", week(refusal.week));
    case "cancelled":
      return renderText(
        config,
        "admin_change_of_cancelled",
        week(refusal.week),
      );
    case "already_skipped":
      return renderText(config, "admin_already_skipped", week(refusal.week));
    case "not_skipped":
      return renderText(config, "admin_not_skipped", week(refusal.week));
    case "changed":
      return renderText(
        config,
        "admin_change_stale",
        week(refusal.week, refusal.week.scheduledAt),
      );
    case "expired":
      return renderText(config, "admin_draft_expired", {
        minutes: DRAFT_LIFETIME_MINUTES,
      });
    case "not_offered":
      return renderText(
        config,
        "admin_skip_too_far",
        dateValues(config, { at: refusal.last.startsAt, prefix: "last_" }),
      );
    case "past":
      return renderText(config, "admin_move_past", moment(refusal.to, "new_"));
    case "same_time":
      return renderText(config, "admin_move_same", week(refusal.week));
    case "too_far":
      return renderText(
        config,
        "admin_move_too_far",
        moment(refusal.limit, "limit_"),
      );
    case "collides":
      return renderText(config, "admin_move_collides", {
        ...moment(refusal.other.startsAt, "other_"),
        ...durationValues(config),
      });
    case "same_link":
      return renderText(config, "admin_link_same", week(refusal.week));
    case "same_capacity":
      return renderText(config, "admin_capacity_same", {
        ...week(refusal.week),
        limit: capacityText(config, refusal.capacity),
      });
    case "capacity_changed":
      return renderText(config, "admin_capacity_stale", {
        ...week(refusal.week),
        limit: capacityText(config, refusal.capacity),
      });
  }
}

/** The answer to a topic that is refused. */
export function topicProblemText(
  config: Config,
  problem: TopicProblem,
): string {
  return renderText(config, "admin_topic_too_long", {
    length: problem.length,
    max: MAX_TOPIC_LENGTH,
  });
}

/** The answer to a reason (after `/skip` or `/move`) that is refused. */
export function reasonProblemText(
  config: Config,
  problem: TopicProblem,
): string {
  return renderText(config, "admin_reason_too_long", {
    length: problem.length,
    max: MAX_REASON_LENGTH,
  });
}

/** The answer to a link that is refused. */
export function linkProblemText(config: Config, problem: LinkProblem): string {
  const texts = config.texts;
  switch (problem.problem) {
    case "not_url":
      return texts.admin_link_usage;
    case "too_long":
      return renderText(config, "admin_link_too_long", {
        length: problem.length,
        max: MAX_LINK_LENGTH,
      });
    case "spaces":
      return texts.admin_link_spaces;
    case "credentials":
      return texts.admin_link_credentials;
    case "private":
      return renderText(config, "admin_link_private", { host: problem.host });
  }
}
