/**
 * The end of each meeting (its start, moved or not, and `meeting.duration_minutes`
 * after it): from then on no answer is taken, and every message of the week loses its
 * answer buttons. Planned per meeting like the weekly jobs and done by the same tick, so
 * that a bot that was down at the end does it when it starts, once.
 *
 * @module
 */
import { LANE } from "../core/owed.ts";
import type { Store } from "../db/store.ts";
import { meetingEnd } from "../domain/meeting.ts";
import { type Week, type WeekConfig, weeksAround } from "./weeks.ts";

/** The meetings around `now` that are not cancelled, each with its end. */
function ends(
  store: Store,
  { config, now }: { config: WeekConfig; now: Date },
): { week: Week; end: Date }[] {
  return weeksAround(store, { config, now })
    .filter((week) => !week.cancelled)
    .map((week) => ({
      week,
      end: meetingEnd(week, config.meeting.duration_minutes),
    }));
}

/**
 * For every meeting over by `now` whose end was not yet done: records it done and owes
 * each of its messages with answer buttons the edit that takes them away (paced, in the
 * same transaction). Returns how many messages; safe to call again.
 */
export function endMeetings(
  store: Store,
  { config, now }: { config: WeekConfig; now: Date },
): number {
  let edits = 0;
  for (const { week, end } of ends(store, { config, now })) {
    if (end > now || store.meetings.get(week.id) === undefined) continue;
    // Done once: `markEnded` is true only for the first.
    edits += store.transaction(() =>
      store.meetings.markEnded(week.id, now)
        ? store.outbox.renewWeekEdits(
          { meetingId: week.id, buttonsOnly: true },
          { lane: LANE.notice, now },
        )
        : 0
    );
  }
  return edits;
}

/** When the next meeting not yet done ends after `now`, if one does (for a wake-up). */
export function nextEnd(
  store: Store,
  { config, now }: { config: WeekConfig; now: Date },
): Date | undefined {
  return ends(store, { config, now })
    .filter(({ week, end }) =>
      end > now && store.meetings.get(week.id)?.ended_at == null
    )
    .map(({ end }) => end)
    .sort((a, b) => a.getTime() - b.getTime())[0];
}
