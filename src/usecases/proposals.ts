/**
 * An admin's proposed change to one week (cancel it, restore it, move it, give it a new
 * link or its own number of seats): the checks that it makes sense, made when it is
 * proposed and again when it is confirmed, and the confirmation itself. A proposal waits
 * as a draft for {@linkcode DRAFT_LIFETIME_MINUTES} minutes; it remembers the meeting's
 * `sequence` (and a change of seats the seats it had), so that a draft about a meeting
 * changed since (moved, cancelled, restored, a new link, other seats, by another draft or
 * another admin) is refused instead of applied over that change.
 *
 * @module
 */
import type { Store } from "../db/store.ts";
import { moveLimit, WEEKS_AHEAD } from "../domain/meeting.ts";
import {
  cancelMeeting,
  changeLink,
  type ChangeOutcome,
  moveMeeting,
  restoreMeeting,
} from "./meetings.ts";
import { capacityOf, changeCapacity } from "./seats.ts";
import type { Refusal } from "./refusal.ts";
import { type Week, weekById, type WeekConfig, weeksAhead } from "./weeks.ts";

export type { Refusal } from "./refusal.ts";

/** How long a confirmation stays valid after the question, in minutes. */
export const DRAFT_LIFETIME_MINUTES = 60;

/**
 * A change waiting for its confirmation; `sequence` is the meeting's when proposed, and
 * `reason` what the admin wrote after the date, shown in the notices.
 */
export type Action =
  | { kind: "skip"; meetingId: string; sequence: number; reason?: string }
  | { kind: "unskip"; meetingId: string; sequence: number }
  | {
    kind: "move";
    meetingId: string;
    to: string;
    sequence: number;
    reason?: string;
  }
  | { kind: "link"; meetingId: string; link: string; sequence: number }
  /** New seats for the week (`null`: no limit); `was` its seats when proposed. */
  | {
    kind: "capacity";
    meetingId: string;
    capacity: number | null;
    was: number | null;
    sequence: number;
  };

/** The meetings `/skip` offers at `now`: the next {@linkcode WEEKS_AHEAD} not started. */
export function offeredWeeks(
  store: Store,
  { config, now }: { config: WeekConfig; now: Date },
): Week[] {
  return weeksAhead(store, { config, now, count: WEEKS_AHEAD });
}

/** Whether `week` can be cancelled at `now`. */
export function checkSkip(
  store: Store,
  { config, week, now }: { config: WeekConfig; week: Week; now: Date },
): Refusal | undefined {
  if (week.startsAt <= now) return { reason: "started", week };
  const offered = offeredWeeks(store, { config, now });
  if (!offered.some((w) => w.id === week.id)) {
    return { reason: "not_offered", last: offered.at(-1)! };
  }
  if (week.cancelled) return { reason: "already_skipped", week };
  return undefined;
}

/** Whether `week`, cancelled, can be restored at `now`. */
export function checkUnskip(
  store: Store,
  { config, week, now }: { config: WeekConfig; week: Week; now: Date },
): Refusal | undefined {
  if (week.startsAt <= now) return { reason: "started", week };
  const offered = offeredWeeks(store, { config, now });
  if (!offered.some((w) => w.id === week.id)) {
    return { reason: "not_offered", last: offered.at(-1)! };
  }
  if (!week.cancelled) return { reason: "not_skipped", week };
  return undefined;
}

/**
 * Whether `week` can be moved to `to` at `now`: ahead, not cancelled, to a time ahead,
 * before its {@linkcode moveLimit} (within the weeks `/skip` offers), and not
 * overlapping another meeting that is not cancelled: a move never takes another
 * week's time, so every meeting keeps its own invitation and reminders.
 */
export function checkMove(
  store: Store,
  { config, week, to, now }: {
    config: WeekConfig;
    week: Week;
    to: Date;
    now: Date;
  },
): Refusal | undefined {
  if (week.startsAt <= now) return { reason: "started", week };
  if (week.cancelled) return { reason: "cancelled", week };
  if (to <= now) return { reason: "past", to };
  if (to.getTime() === week.startsAt.getTime()) {
    return { reason: "same_time", week };
  }
  const limit = moveLimit(config, week);
  if (to >= limit) return { reason: "too_far", limit };
  const length = config.meeting.duration_minutes * 60_000;
  const other = weeksAhead(store, {
    config,
    now: new Date(now.getTime() - length),
  })
    .find((w) =>
      w.id !== week.id && !w.cancelled &&
      w.startsAt.getTime() < to.getTime() + length &&
      to.getTime() < w.startsAt.getTime() + length
    );
  return other === undefined ? undefined : { reason: "collides", other };
}

/** Whether `week` can be given `link` at `now` (the link itself is checked apart). */
export function checkLinkChange(
  { week, link, now }: { week: Week; link: string; now: Date },
): Refusal | undefined {
  if (week.startsAt <= now) return { reason: "started", week };
  if (week.cancelled) return { reason: "cancelled", week };
  if (link === week.link) return { reason: "same_link", week };
  return undefined;
}

/**
 * Whether `week` can be given `capacity` seats (`null`: no limit) at `now`; with `was`
 * (a confirmation), only while its seats are still those it had at the question.
 */
export function checkCapacity(
  store: Store,
  { config, week, capacity, was, now }: {
    config: WeekConfig;
    week: Week;
    capacity: number | null;
    was?: number | null;
    now: Date;
  },
): Refusal | undefined {
  const seats = capacityOf(store, { config, meetingId: week.id });
  if (was !== undefined && seats !== was) {
    return { reason: "capacity_changed", week, capacity: seats };
  }
  if (week.startsAt <= now) return { reason: "started", week };
  if (week.cancelled) return { reason: "cancelled", week };
  if (seats === capacity) return { reason: "same_capacity", week, capacity };
  return undefined;
}

/** What a press of a confirmation button came to. */
export type Confirmation =
  /** No such draft, or closed already. */
  | { kind: "invalid" }
  /** "No": the draft is closed and nothing changes. */
  | { kind: "aborted" }
  /** Refused: the draft is closed, nothing changes, and `refusal` says why. */
  | { kind: "refused"; action: Action; refusal: Refusal }
  /** Applied, with what it owed people. */
  | { kind: "applied"; action: Action; week: Week; outcome: ChangeOutcome };

/**
 * The press of "yes" (`confirmed`) or "no" under draft `id` (only admins get here).
 * "Yes" re-checks the change as of `now` (the draft's age, then the meeting: not
 * changed since the question, not started, the move's target still free and within
 * reach) and applies it in the same transaction that closes the draft, so that of two
 * conflicting confirmations the second is refused, whatever their timing.
 */
export function confirmDraft(
  store: Store,
  { config, id, confirmed, now }: {
    config: WeekConfig;
    id: number;
    confirmed: boolean;
    now: Date;
  },
): Confirmation {
  return store.transaction((): Confirmation => {
    const draft = store.drafts.get<Action>(id);
    if (draft?.status !== "draft") return { kind: "invalid" };
    const action = draft.payload;
    const refusal = confirmed
      ? recheck(store, { config, action, proposedAt: draft.created_at, now })
      : undefined;
    const applied = confirmed && refusal === undefined;
    store.drafts.close(id, { status: applied ? "done" : "cancelled", now });
    if (!confirmed) return { kind: "aborted" };
    if (refusal !== undefined) return { kind: "refused", action, refusal };
    const week = weekById(store, { config, id: action.meetingId })!;
    return {
      kind: "applied",
      action,
      week,
      outcome: apply(store, { config, action, week, now }),
    };
  });
}

function recheck(
  store: Store,
  { config, action, proposedAt, now }: {
    config: WeekConfig;
    action: Action;
    proposedAt: string;
    now: Date;
  },
): Refusal | undefined {
  const age = now.getTime() - Date.parse(proposedAt);
  if (!(age <= DRAFT_LIFETIME_MINUTES * 60_000)) return { reason: "expired" };
  const week = weekById(store, { config, id: action.meetingId });
  // A draft written before drafts carried the sequence counts as expired.
  if (week === undefined || typeof action.sequence !== "number") {
    return { reason: "expired" };
  }
  if (week.sequence !== action.sequence) {
    if (week.cancelled && action.kind === "skip") {
      return { reason: "already_skipped", week };
    }
    if (!week.cancelled && action.kind === "unskip") {
      return { reason: "not_skipped", week };
    }
    return { reason: "changed", week };
  }
  switch (action.kind) {
    case "skip":
      return checkSkip(store, { config, week, now });
    case "unskip":
      return checkUnskip(store, { config, week, now });
    case "move":
      return checkMove(store, { config, week, to: new Date(action.to), now });
    case "link":
      return checkLinkChange({ week, link: action.link, now });
    case "capacity": {
      const { capacity, was } = action;
      return checkCapacity(store, { config, week, capacity, was, now });
    }
  }
}

function apply(
  store: Store,
  { config, action, week, now }: {
    config: WeekConfig;
    action: Action;
    week: Week;
    now: Date;
  },
): ChangeOutcome {
  switch (action.kind) {
    case "skip":
      return cancelMeeting(store, { week, now, reason: action.reason });
    case "unskip":
      return restoreMeeting(store, { week, now });
    case "move":
      return moveMeeting(store, {
        week,
        to: new Date(action.to),
        now,
        reason: action.reason,
      });
    case "link":
      return changeLink(store, { week, link: action.link, now });
    case "capacity": {
      const capacity = action.capacity;
      const promoted = changeCapacity(store, { config, week, capacity, now });
      return { changed: true, notified: promoted };
    }
  }
}
