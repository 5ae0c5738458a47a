/**
 * The messages about a week's meeting as rows become them at send time: the weekly
 * jobs' messages, the notices of an admin's change, and the edits of messages already
 * sent. Each gives `null` when the row is no longer owed (see recipients.ts).
 *
 * @module
 */
import type { JobName } from "../core/jobs.ts";
import { type Delivery, OWED } from "../core/owed.ts";
import { renderText } from "../config/language.ts";
import { render } from "../config/texts.ts";
import type { OutboxRow } from "../db/outbox.ts";
import { planJobs } from "../domain/meeting.ts";
import type { Week } from "../usecases/weeks.ts";
import {
  answerKeyboard,
  meetingValues,
  moveValues,
  type OutgoingMessage,
  reminder,
} from "./build.ts";
import { editMessage, sendMessage } from "./deliveries.ts";
import { seatedWeek } from "./seat_messages.ts";
import {
  personalWeekMessage,
  restoredMessage,
  restoredText,
  weekMessageEdit,
} from "./week_message.ts";
import {
  activeParticipant,
  liveWeek,
  personalized,
  rowWeek,
  type SendTime,
  stillWanted,
} from "./recipients.ts";
import { userZone, whenValue } from "./zone.ts";
import type { User } from "../db/users.ts";

/**
 * A weekly job's message, as the participant's answer, their choices and the meeting
 * stand now: nothing once the job's deadline passed, to one who answered already (a
 * nudge), to one who holds no seat (a reminder: the waitlist gets its own note), or to
 * one who turned the message off or paused the week since it was owed (`/settings`).
 */
export async function jobMessage(
  at: SendTime,
  { row, job }: { row: OutboxRow; job: JobName },
): Promise<Delivery | null> {
  const { config, now } = at;
  const user = activeParticipant(at, row);
  const live = liveWeek(at, row);
  if (user === undefined || live === undefined) return null;
  const deadline = planJobs(config, live).find((p) => p.job === job)
    ?.deadline;
  if (deadline !== undefined && now() >= deadline) return null;
  if (!stillWanted(at, { user, message: job, weekId: live.id })) return null;
  const seated = seatedWeek(at, { meeting: live, userId: user.id });
  const { answer } = seated;
  const reminds = job === "first_reminder" || job === "second_reminder";
  // The link is for those with a seat; the waitlist gets its own note.
  if (reminds && seated.seat !== "seat") return null;
  if (job === "invitation" && !user.is_registered && answer === undefined) {
    return null;
  }
  if (job === "nudge" && (!user.is_registered || answer !== undefined)) {
    return null;
  }
  if (job === "invitation") {
    // One that goes out after an answer shows it (answered under the nudge, or waiting
    // for a seat), as its edits will; each with the free seats.
    const message = await personalWeekMessage(at, {
      user,
      shown: { ...seated, shows: OWED.invitation, now: now() },
    });
    return typeof message === "object"
      ? sendMessage(row.chat_id, message, { preview: false })
      : null;
  }
  const meeting = await personalized(at, {
    user,
    meeting: live,
    templates: [config.texts[job]],
  });
  let message: OutgoingMessage;
  switch (job) {
    case "nudge":
      message = {
        text: renderText(config, "nudge", meetingValues(config, meeting)),
        reply_markup: answerKeyboard(config, meeting),
      };
      break;
    case "first_reminder":
    case "second_reminder":
      message = reminder(config, {
        meeting,
        job,
        when: whenValue(config, { meeting, now: now() }),
      });
      break;
  }
  // A preview of a personal link would be a fetch nobody clicked: never for those.
  return sendMessage(row.chat_id, message, {
    preview: reminds && !at.links.personal,
  });
}

/** A notice about a meeting to a participant, from one of the meeting's texts. */
async function notice(
  at: SendTime,
  { row, text, meeting, extra = {} }: {
    row: OutboxRow;
    text: string;
    meeting: Week | undefined;
    extra?: Record<string, string>;
  },
): Promise<Delivery | null> {
  const { config } = at;
  const user = activeParticipant(at, row);
  if (user === undefined || meeting === undefined) return null;
  const shown = await personalized(at, { user, meeting, templates: [text] });
  return sendMessage(row.chat_id, {
    // The person's own link, whatever else the text's values bring.
    text: render(text, {
      ...meetingValues(config, shown),
      ...extra,
      link: shown.link,
    }, { language: config.language }),
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
    : { reason, reason_line: renderText(at.config, "reason_line", { reason }) };
}

/**
 * Whether a notice of a change of `week` is still owed to `user` (see `toldOf` in
 * usecases/meetings.ts): always to one who answered, else to whoever gets the week's
 * invitation (invitations on, the week not paused).
 */
function toldOfChange(
  at: SendTime,
  { user, week }: { user: User | undefined; week: Week | undefined },
): boolean {
  if (user === undefined || week === undefined) return false;
  if (at.store.answers.get(week.id, user.id) !== undefined) return true;
  return stillWanted(at, { user, message: "invitation", weekId: week.id });
}

/**
 * "The meeting is cancelled", with the admin's reason, while it still is: to one who
 * answered (paused or not), or who gets the week's invitation.
 */
export function cancellationNotice(
  at: SendTime,
  row: OutboxRow,
): Promise<Delivery | null> {
  const meeting = rowWeek(at, row);
  const user = activeParticipant(at, row);
  return meeting?.cancelled && toldOfChange(at, { user, week: meeting })
    ? notice(at, {
      row,
      text: at.config.texts.meeting_cancelled,
      meeting,
      extra: reasonValues(at, row),
    })
    : Promise.resolve(null);
}

/**
 * "The meeting takes place after all", with the answer buttons, while it is ahead: it
 * asks those who had not answered, and shows the others their answer, kept.
 */
export async function restoredNotice(
  at: SendTime,
  row: OutboxRow,
): Promise<Delivery | null> {
  const user = activeParticipant(at, row);
  const week = liveWeek(at, row);
  if (user === undefined || week === undefined) return null;
  if (!toldOfChange(at, { user, week })) return null;
  const answer = at.store.answers.get(week.id, user.id);
  const meeting = await personalized(at, {
    user,
    meeting: week,
    templates: [restoredText(at.config, answer)],
  });
  return sendMessage(
    row.chat_id,
    restoredMessage(at.config, { meeting, answer }),
    { preview: false },
  );
}

/**
 * "The meeting moves from … to …", the old time and the admin's reason from the row's
 * payload; those who have not answered are asked to, in the invitation.
 */
export function movedNotice(
  at: SendTime,
  row: OutboxRow,
): Promise<Delivery | null> {
  const meeting = liveWeek(at, row);
  const user = activeParticipant(at, row);
  const { from } = JSON.parse(row.payload ?? "{}") as { from?: string };
  if (
    meeting === undefined || user === undefined || from === undefined ||
    !toldOfChange(at, { user, week: meeting })
  ) {
    return Promise.resolve(null);
  }
  const to = meeting.startsAt;
  const answered = at.store.answers.get(meeting.id, user.id) !== undefined;
  // The times before and after the move, in the person's zone.
  const zone = userZone(at.config, user);
  return notice(at, {
    row,
    text: answered
      ? at.config.texts.meeting_moved
      : at.config.texts.meeting_moved_unanswered,
    meeting,
    extra: {
      ...moveValues(at.config, {
        meeting: { ...meeting, zone },
        from: new Date(from),
        to,
      }),
      ...reasonValues(at, row),
    },
  });
}

/** "The new link is …", while the meeting is ahead and its week not paused. */
export function linkChangedNotice(
  at: SendTime,
  row: OutboxRow,
): Promise<Delivery | null> {
  const meeting = liveWeek(at, row);
  const user = activeParticipant(at, row);
  if (
    meeting === undefined || user === undefined ||
    !stillWanted(at, { user, weekId: meeting.id })
  ) {
    return Promise.resolve(null);
  }
  return notice(at, {
    row,
    text: at.config.texts.meeting_link_changed,
    meeting,
  });
}

/**
 * The edit that shows the participant's answer, as it is now, in the message pressed
 * (as the week is now, with their own link where it shows one: see week_message.ts):
 * with the free seats after a "no", the place after a "yes" on the waitlist, and the
 * question again after a "yes" whose place was given up (a `/stop`).
 */
export async function answerEdit(
  at: SendTime,
  row: OutboxRow,
): Promise<Delivery | null> {
  const user = activeParticipant(at, row);
  const week = rowWeek(at, row);
  if (user === undefined || week === undefined) return null;
  const seated = seatedWeek(at, { meeting: week, userId: user.id });
  if (seated.answer === undefined) return null;
  const message = await personalWeekMessage(at, {
    user,
    shown: { ...seated, shows: OWED.answer_edit, now: at.now() },
  });
  return message === undefined
    ? null
    : weekMessageEdit(row, message, { preview: false });
}

/** The edit that turns a message with answer buttons into "cancelled", while it is. */
export function cancelEdit(at: SendTime, row: OutboxRow): Delivery | null {
  const meeting = rowWeek(at, row);
  if (meeting === undefined || !meeting.cancelled) return null;
  const zone = userZone(at.config, at.store.users.byTgId(row.chat_id));
  return editMessage(row, {
    text: renderText(
      at.config,
      "meeting_cancelled_message",
      meetingValues(at.config, { ...meeting, zone }),
    ),
  });
}
