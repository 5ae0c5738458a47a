/**
 * The messages about a week's meeting as rows become them at send time: the weekly
 * jobs' messages, the notices of an admin's change, and the edits of messages already
 * sent. Each gives `null` when the row is no longer owed (see recipients.ts).
 *
 * @module
 */
import type { JobName } from "../core/jobs.ts";
import { type Delivery, OWED } from "../core/owed.ts";
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
import {
  restoredMessage,
  weekMessage,
  weekMessageEdit,
} from "./week_message.ts";
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
  const answer = store.answers.get(meeting.id, user.id);
  let message: OutgoingMessage;
  switch (job) {
    case "invitation":
      if (!user.is_registered && answer === undefined) return null;
      message = answer === undefined
        ? invitation(config, meeting)
        : answeredInvitation(config, { meeting, answer });
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
      if (answer !== "yes") return null;
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
  { row, text, meeting, extra = {} }: {
    row: OutboxRow;
    text: string;
    meeting: Week | undefined;
    extra?: Record<string, string>;
  },
): Delivery | null {
  const { config } = at;
  if (activeParticipant(at, row) === undefined || meeting === undefined) {
    return null;
  }
  return sendMessage(row.chat_id, {
    text: render(text, { ...meetingValues(config, meeting), ...extra }),
  }, { preview: false });
}

/**
 * `{reason}` and `{reason_line}` of a notice: the admin's reason, kept in the row's
 * payload, and `texts.reason_line` with it (empty without one).
 */
function reasonValues(at: SendTime, row: OutboxRow): Record<string, string> {
  const { reason } = JSON.parse(row.payload ?? "{}") as { reason?: string };
  return reason === undefined || reason === ""
    ? { reason: "", reason_line: "" }
    : { reason, reason_line: render(at.config.texts.reason_line, { reason }) };
}

/** "The meeting is cancelled", with the admin's reason, while it still is. */
export function cancellationNotice(
  at: SendTime,
  row: OutboxRow,
): Delivery | null {
  const meeting = rowWeek(at, row);
  return meeting?.cancelled
    ? notice(at, {
      row,
      text: at.config.texts.meeting_cancelled,
      meeting,
      extra: reasonValues(at, row),
    })
    : null;
}

/**
 * "The meeting takes place after all", with the answer buttons, while it is ahead: it
 * asks those who had not answered, and shows the others their answer, kept.
 */
export function restoredNotice(at: SendTime, row: OutboxRow): Delivery | null {
  const user = activeParticipant(at, row);
  const meeting = liveWeek(at, row);
  if (user === undefined || meeting === undefined) return null;
  return sendMessage(
    row.chat_id,
    restoredMessage(at.config, {
      meeting,
      answer: at.store.answers.get(meeting.id, user.id),
    }),
    { preview: false },
  );
}

/**
 * "The meeting moves from … to …", the old time and the admin's reason from the row's
 * payload; those who have not answered are asked to, in the invitation.
 */
export function movedNotice(at: SendTime, row: OutboxRow): Delivery | null {
  const meeting = liveWeek(at, row);
  const user = activeParticipant(at, row);
  const { from } = JSON.parse(row.payload ?? "{}") as { from?: string };
  if (meeting === undefined || user === undefined || from === undefined) {
    return null;
  }
  const to = meeting.startsAt;
  const answered = at.store.answers.get(meeting.id, user.id) !== undefined;
  return notice(at, {
    row,
    text: answered
      ? at.config.texts.meeting_moved
      : at.config.texts.meeting_moved_unanswered,
    meeting,
    extra: {
      ...moveValues(at.config, { meeting, from: new Date(from), to }),
      ...reasonValues(at, row),
    },
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
 * The edit that shows the participant's answer, as it is now, in the message pressed
 * (as the week is now: see week_message.ts).
 */
export function answerEdit(at: SendTime, row: OutboxRow): Delivery | null {
  const user = activeParticipant(at, row);
  const meeting = rowWeek(at, row);
  if (user === undefined || meeting === undefined) return null;
  const answer = at.store.answers.get(meeting.id, user.id);
  if (answer === undefined) return null;
  const message = weekMessage(at.config, {
    meeting,
    answer,
    shows: OWED.answer_edit,
    now: at.now(),
  });
  return message === undefined ? null : weekMessageEdit(row, message);
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
