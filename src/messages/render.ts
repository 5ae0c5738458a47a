/**
 * What each outbox row becomes when its turn comes: the Bot API call, built from the
 * config and the database as they are now, or `null` when it is no longer owed (the
 * participant stopped, changed their answer, or the meeting was cancelled or began).
 *
 * @module
 */
import type { JobName } from "../core/jobs.ts";
import { OWED } from "../core/owed.ts";
import { LANE } from "../db/outbox.ts";
import type { Config } from "../config/schema.ts";
import { render } from "../config/texts.ts";
import type { OutboxRow } from "../db/outbox.ts";
import type { Store } from "../db/store.ts";
import type { User } from "../db/users.ts";
import { planJobs } from "../domain/meeting.ts";
import type { Delivery } from "../delivery/sender.ts";
import { type Week, weekById } from "../usecases/weeks.ts";
import {
  answeredInvitation,
  answerKeyboard,
  invitation,
  meetingValues,
  moveValues,
  type OutgoingMessage,
  reminder,
} from "./build.ts";
import { calendarFile } from "./calendar.ts";
import {
  announcementDelivery,
  editMessage,
  reportDelivery,
  sendMessage,
  textDelivery,
} from "./deliveries.ts";
import { relayDelivery } from "./relay.ts";

/** The sender's methods that take `allow_paid_broadcast` (edits and forwards do not). */
const PAID_METHODS = new Set(["sendMessage", "copyMessage", "sendDocument"]);

/** The renderer of the sender, and what it learns from deliveries. */
export interface Renderer {
  /** Turns a row into its call, or `null` when it is no longer owed. */
  render: (row: OutboxRow) => Delivery | null;
  /** Tells the renderer what a delivery returned (an upload's `file_id`, a relay's id). */
  delivered: (row: OutboxRow, result: unknown, delivery: Delivery) => void;
}

/** Builds the renderer of the sender, reading the config and the store at send time. */
export function createRenderer(
  deps: { config: Config; store: Store; now: () => Date },
): Renderer {
  const { config, store, now } = deps;
  const calendars = calendarFile({ config, now });

  function participant(row: OutboxRow): User | undefined {
    if (row.user_id === null) return undefined;
    const user = store.users.byTgId(row.chat_id);
    return user?.is_active ? user : undefined;
  }

  function week(row: OutboxRow): Week | undefined {
    return row.ref === null
      ? undefined
      : weekById(store, { config, id: row.ref });
  }

  /** The meeting, if it is still ahead and not cancelled. */
  function live(row: OutboxRow): Week | undefined {
    const meeting = week(row);
    if (meeting === undefined || meeting.cancelled) return undefined;
    return now() < meeting.startsAt ? meeting : undefined;
  }

  function jobMessage(row: OutboxRow, job: JobName): Delivery | null {
    const user = participant(row);
    const meeting = live(row);
    if (user === undefined || meeting === undefined) return null;
    const deadline = planJobs(config, meeting).find((p) => p.job === job)
      ?.deadline;
    if (deadline !== undefined && now() >= deadline) return null;
    const answer = store.answers.get(meeting.id, user.id);
    let message: OutgoingMessage;
    switch (job) {
      case "invitation":
        if (!user.is_registered && answer === undefined) return null;
        message = invitation(config, meeting);
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
    row: OutboxRow,
    { text, meeting, buttons = false, extra = {} }: {
      text: string;
      meeting: Week | undefined;
      buttons?: boolean;
      extra?: Record<string, string>;
    },
  ): Delivery | null {
    if (participant(row) === undefined || meeting === undefined) return null;
    return sendMessage(row.chat_id, {
      text: render(text, { ...meetingValues(config, meeting), ...extra }),
      reply_markup: buttons ? answerKeyboard(config, meeting) : undefined,
    }, { preview: false });
  }

  function answerEdit(row: OutboxRow): Delivery | null {
    const user = participant(row);
    const meeting = week(row);
    if (user === undefined || meeting === undefined) return null;
    const answer = store.answers.get(meeting.id, user.id);
    if (answer === undefined) return null;
    return editMessage(row, answeredInvitation(config, { meeting, answer }));
  }

  function cancelEdit(row: OutboxRow): Delivery | null {
    const meeting = week(row);
    if (meeting === undefined || !meeting.cancelled) return null;
    return editMessage(row, {
      text: render(
        config.texts.meeting_cancelled_message,
        meetingValues(config, meeting),
      ),
    });
  }

  function moved(row: OutboxRow): Delivery | null {
    const meeting = live(row);
    const { from } = JSON.parse(row.payload ?? "{}") as { from?: string };
    if (meeting === undefined || from === undefined) return null;
    const to = meeting.startsAt;
    return notice(row, {
      text: config.texts.meeting_moved,
      meeting,
      extra: moveValues(config, { meeting, from: new Date(from), to }),
    });
  }

  function renderRow(row: OutboxRow): Delivery | null {
    switch (row.kind) {
      case OWED.invitation:
      case OWED.nudge:
      case OWED.first_reminder:
      case OWED.second_reminder:
        return jobMessage(row, row.kind);
      case OWED.answer_edit:
        return answerEdit(row);
      case OWED.calendar: {
        const meeting = week(row);
        const user = participant(row);
        if (meeting === undefined || user === undefined) return null;
        return calendars.delivery(row, {
          meeting,
          answer: store.answers.get(meeting.id, user.id),
        });
      }
      case OWED.announcement:
        return participant(row) === undefined
          ? null
          : announcementDelivery(row, { store, config });
      case OWED.cancellation: {
        const meeting = week(row);
        return meeting?.cancelled
          ? notice(row, { text: config.texts.meeting_cancelled, meeting })
          : null;
      }
      case OWED.cancel_edit:
        return cancelEdit(row);
      case OWED.restored:
        return notice(row, {
          text: config.texts.meeting_restored,
          meeting: live(row),
          buttons: true,
        });
      case OWED.moved:
        return moved(row);
      case OWED.link_changed:
        return notice(row, {
          text: config.texts.meeting_link_changed,
          meeting: live(row),
        });
      case OWED.relay:
      case OWED.relay_answer:
        return relayDelivery(row);
      case OWED.text:
        return textDelivery(row);
      case OWED.report:
        return reportDelivery(row, { config, store });
      default:
        throw new RangeError(`Unknown outbox kind "${row.kind}"`);
    }
  }

  return {
    render(row) {
      const delivery = renderRow(row);
      // Paced sends may use Telegram's paid broadcast; edits and replies never do.
      if (
        config.broadcast.paid && delivery !== null &&
        row.lane !== LANE.reply && PAID_METHODS.has(delivery.method)
      ) {
        delivery.params.allow_paid_broadcast = true;
      }
      return delivery;
    },
    delivered(row, result, delivery) {
      if (row.kind === OWED.calendar) calendars.delivered(result, delivery);
      if (row.kind === OWED.relay) {
        const id = (result as { message_id?: number })?.message_id;
        const { user_id: user, message_id: asked } = JSON.parse(
          row.payload ?? "{}",
        ) as { user_id?: number; message_id?: number };
        if (id !== undefined && user !== undefined) {
          store.relays.add({
            adminChatId: row.chat_id,
            adminMessageId: id,
            userId: user,
            userMessageId: asked,
          }, now());
        }
      }
    },
  };
}
