/**
 * What an admin reads when a change to a week is refused: the reason, in the words of
 * the config's texts.
 *
 * @module
 */
import type { Config } from "../../../config/schema.ts";
import { render } from "../../../config/texts.ts";
import type { LinkProblem, TopicProblem } from "../../../domain/week_input.ts";
import {
  MAX_LINK_LENGTH,
  MAX_TOPIC_LENGTH,
} from "../../../domain/week_input.ts";
import { meetingValues, zoneLabel } from "../../../messages/build.ts";
import { capacityText } from "../../../messages/seat_messages.ts";
import {
  DRAFT_LIFETIME_MINUTES,
  type Refusal,
} from "../../../usecases/proposals.ts";

/** The answer to a refused change. */
export function refusalText(config: Config, refusal: Refusal): string {
  const texts = config.texts;
  const at = (instant: Date) =>
    meetingValues(config, { id: "", startsAt: instant });
  switch (refusal.reason) {
    case "started":
      return render(texts.admin_change_started, at(refusal.week.startsAt));
    case "cancelled":
      return render(texts.admin_change_of_cancelled, at(refusal.week.startsAt));
    case "already_skipped":
      return render(texts.admin_already_skipped, at(refusal.week.startsAt));
    case "changed":
      return render(texts.admin_change_stale, at(refusal.week.scheduledAt));
    case "expired":
      return render(texts.admin_draft_expired, {
        minutes: DRAFT_LIFETIME_MINUTES,
      });
    case "not_offered":
      return render(texts.admin_skip_too_far, {
        last_date: at(refusal.last.startsAt).date,
      });
    case "past": {
      const to = at(refusal.to);
      return render(texts.admin_move_past, {
        new_date: to.date,
        new_time: to.time,
        tz: to.tz,
      });
    }
    case "same_time":
      return render(texts.admin_move_same, at(refusal.week.startsAt));
    case "too_far": {
      const limit = at(refusal.limit);
      return render(texts.admin_move_too_far, {
        limit_date: limit.date,
        limit_time: limit.time,
        tz: limit.tz,
      });
    }
    case "collides": {
      const other = at(refusal.other.startsAt);
      return render(texts.admin_move_collides, {
        other_date: other.date,
        other_time: other.time,
        tz: zoneLabel(config, refusal.other.startsAt),
        duration: other.duration,
      });
    }
    case "same_link":
      return render(texts.admin_link_same, {
        date: at(refusal.week.startsAt).date,
        link: refusal.week.link,
      });
    case "same_capacity":
      return render(texts.admin_capacity_same, {
        ...at(refusal.week.startsAt),
        limit: capacityText(config, refusal.capacity),
      });
    case "capacity_changed":
      return render(texts.admin_capacity_stale, {
        ...at(refusal.week.startsAt),
        limit: capacityText(config, refusal.capacity),
      });
  }
}

/** The answer to a topic that is refused. */
export function topicProblemText(
  config: Config,
  problem: TopicProblem,
): string {
  return render(config.texts.admin_topic_too_long, {
    length: problem.length,
    max: MAX_TOPIC_LENGTH,
  });
}

/** The answer to a link that is refused. */
export function linkProblemText(config: Config, problem: LinkProblem): string {
  const texts = config.texts;
  switch (problem.problem) {
    case "not_url":
      return texts.admin_link_usage;
    case "too_long":
      return render(texts.admin_link_too_long, {
        length: problem.length,
        max: MAX_LINK_LENGTH,
      });
    case "spaces":
      return texts.admin_link_spaces;
    case "credentials":
      return texts.admin_link_credentials;
    case "private":
      return render(texts.admin_link_private, { host: problem.host });
  }
}
