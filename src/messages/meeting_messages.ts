/**
 * The messages about a week's meeting as rows become them at send time: the weekly
 * jobs' messages, the notices of an admin's change, and the edits of messages already
 * sent. Each gives `null` when the row is no longer owed (see recipients.ts).
 *
 * @module
 */
import type { JobName } from "../core/jobs.ts";
import type { Delivery } from "../core/owed.ts";
import { render } from "../config/texts.ts";
import type { OutboxRow } from "../db/outbox.ts";
import { planJobs } from "../domain/meeting.ts";
import type { Week } from "../usecases/weeks.ts";
import {
  answeredInvitation,
  answerKeyboard,
  invitation,
  meetingValues,
  moveValues,
  type OutgoingMessage,
  reminder,
} from "./build.ts";
import { editMessage, sendMessage } from "./deliveries.ts";
import { shownSeats } from "./seat_messages.ts";
import { waitlistPlace } from "../usecases/seats.ts";
import {
  activeParticipant,
  liveWeek,
  rowWeek,
  type SendTime,
} from "./recipients.ts";

/**
 * A weekly job's message, as the participant's answer and the meeting stand now:
 * nothing once the job's deadline passed, to one who answered already (a nudge), or
 * to one who did not say yes (a reminder).
 */
export function jobMessage(
  at: SendTime,
  { row, job }: { row: OutboxRow; job: JobName },
): Delivery | null {
  const { config, store, now } = at;
  const user = activeParticipant(at, row);
  const meeting = liveWeek(at, row);
  if (user === undefined || meeting === undefined) return null;
  const deadline = planJobs(config, meeting).find((p) => p.job === job)
    ?.deadline;
  if (deadline !== undefined && now() >= deadline) return null;
  const held = store.seats.held(meeting.id, user.id);
  const answer = held?.answer;
  let message: OutgoingMessage;
  switch (job) {
    case "invitation":
      if (!user.is_registered && answer === undefined) return null;
      message = invitation(config, {
        ...meeting,
        seats: shownSeats(at, meeting.id),
      });
      break;
    case "nudge":
      if (!user.is_registered || answer !== undefined) return null;
      message = {
        text: render(config.texts.nudge, meetingValues(config, meeting)),
        reply_markup: answerKeyboard(config, meeting),
      };
      break;
    case "first_reminder":
    case "second_reminder":
      // The link is for those with a seat; the waitlist gets its own note.
      if (held?.seat !== "seat") return null;
      message = reminder(config, { meeting, job });
      break;
  }
  return sendMessage(row.chat_id, message, {
    preview: job === "first_reminder" || job === "second_reminder",
  });
}

/** A notice about a meeting to a participant, from one of the meeting's texts. */
function notice(
  at: SendTime,
  { row, text, meeting, buttons = false, extra = {} }: {
    row: OutboxRow;
    text: string;
    meeting: Week | undefined;
    buttons?: boolean;
    extra?: Record<string, string>;
  },
): Delivery | null {
  const { config } = at;
  if (activeParticipant(at, row) === undefined || meeting === undefined) {
    return null;
  }
  return sendMessage(row.chat_id, {
    text: render(text, { ...meetingValues(config, meeting), ...extra }),
    reply_markup: buttons ? answerKeyboard(config, meeting) : undefined,
  }, { preview: false });
}

/** "The meeting is cancelled", while it still is. */
export function cancellationNotice(
  at: SendTime,
  row: OutboxRow,
): Delivery | null {
  const meeting = rowWeek(at, row);
  return meeting?.cancelled
    ? notice(at, { row, text: at.config.texts.meeting_cancelled, meeting })
    : null;
}

/** "The meeting takes place after all", with the answer buttons, while it is ahead. */
export function restoredNotice(at: SendTime, row: OutboxRow): Delivery | null {
  return notice(at, {
    row,
    text: at.config.texts.meeting_restored,
    meeting: liveWeek(at, row),
    buttons: true,
  });
}

/** "The meeting moves from … to …", the old time from the row's payload. */
export function movedNotice(at: SendTime, row: OutboxRow): Delivery | null {
  const meeting = liveWeek(at, row);
  const { from } = JSON.parse(row.payload ?? "{}") as { from?: string };
  if (meeting === undefined || from === undefined) return null;
  const to = meeting.startsAt;
  return notice(at, {
    row,
    text: at.config.texts.meeting_moved,
    meeting,
    extra: moveValues(at.config, { meeting, from: new Date(from), to }),
  });
}

/** "The new link is …", while the meeting is ahead. */
export function linkChangedNotice(
  at: SendTime,
  row: OutboxRow,
): Delivery | null {
  return notice(at, {
    row,
    text: at.config.texts.meeting_link_changed,
    meeting: liveWeek(at, row),
  });
}

/**
 * The edit that shows the participant's answer, as it is now, in the message pressed:
 * with the free seats after a "no", the place after a "yes" on the waitlist, and the
 * question again after a "yes" whose place was given up (a `/stop`).
 */
export function answerEdit(at: SendTime, row: OutboxRow): Delivery | null {
  const user = activeParticipant(at, row);
  const meeting = rowWeek(at, row);
  if (user === undefined || meeting === undefined) return null;
  const held = at.store.seats.held(meeting.id, user.id);
  if (held === undefined) return null;
  const shown = { ...meeting, seats: shownSeats(at, meeting.id) };
  if (held.answer === "yes" && held.seat === null && !meeting.cancelled) {
    return editMessage(row, invitation(at.config, shown));
  }
  return editMessage(
    row,
    answeredInvitation(at.config, {
      meeting: shown,
      answer: held.answer,
      place: waitlistPlace(at.store, {
        meetingId: meeting.id,
        userId: user.id,
      }),
    }),
  );
}

/** The edit that turns a message with answer buttons into "cancelled", while it is. */
export function cancelEdit(at: SendTime, row: OutboxRow): Delivery | null {
  const meeting = rowWeek(at, row);
  if (meeting === undefined || !meeting.cancelled) return null;
  return editMessage(row, {
    text: render(
      at.config.texts.meeting_cancelled_message,
      meetingValues(at.config, meeting),
    ),
  });
}
